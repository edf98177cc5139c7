/**
 * Optional TLS 1.0/1.1 engines for jctds connections with {@code enable tls v1 = yes}, through
 * BouncyCastle's low-level TLS API.
 */
module io.jctds.tls.legacy {
  requires io.jctds.client;
  requires org.bouncycastle.tls;
  requires org.bouncycastle.provider;

  provides io.jctds.tls.spi.LegacyTlsProvider with
      io.jctds.tls.legacy.BcLegacyTlsProvider;
}
