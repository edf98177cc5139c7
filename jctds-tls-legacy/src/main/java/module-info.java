/**
 * TLS 1.0/1.1 through BouncyCastle's low-level TLS API: the client engines jctds-client finds
 * through ServiceLoader for connections with {@code enable tls v1 = yes}, and {@link
 * io.jctds.tls.legacy.BcTlsEngine}, the one BouncyCastle {@code TlsEngine} adapter that the
 * embedded server uses too. Needs jctds-protocol and BouncyCastle only.
 */
module io.jctds.tls.legacy {
  requires transitive io.jctds.protocol;
  requires transitive org.bouncycastle.tls;
  requires org.bouncycastle.provider;

  exports io.jctds.tls.legacy;

  provides io.jctds.protocol.tls.spi.LegacyTlsProvider with
      io.jctds.tls.legacy.BcLegacyTlsProvider;
}
