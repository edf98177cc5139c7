/** jctds client library. Only API packages are exported. */
module io.jctds.client {
  requires transitive io.jctds.protocol;

  exports io.jctds;
  exports io.jctds.config;
  exports io.jctds.tls;
  exports io.jctds.internal.params to
      io.jctds.jdbc;

  uses io.jctds.protocol.tls.spi.LegacyTlsProvider;
}
