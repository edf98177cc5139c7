/** The embedded TDS server. */
module io.jctds.server {
  requires io.jctds.protocol;
  requires io.jctds.tls.legacy;
  requires java.sql;
  requires com.h2database;
  requires org.bouncycastle.provider;
  requires org.bouncycastle.pkix;
  requires org.bouncycastle.tls;
  requires org.bouncycastle.util;

  exports io.jctds.server;
  exports io.jctds.server.tls;
  exports io.jctds.server.sql;
  exports io.jctds.server.tsql;
  exports io.jctds.server.functions to
      com.h2database;
  exports io.jctds.server.catalog to
      com.h2database;
  exports io.jctds.server.sink to
      com.h2database;
}
