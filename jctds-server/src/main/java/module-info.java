/** The embedded TDS server. */
module io.jctds.server {
  requires io.jctds.protocol;
  requires io.jctds.tls.legacy;
  requires org.bouncycastle.provider;
  requires org.bouncycastle.pkix;
  requires org.bouncycastle.tls;
  requires org.bouncycastle.util;

  exports io.jctds.server;
  exports io.jctds.server.tls;
}
