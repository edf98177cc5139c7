package io.jctds.protocol.tls.spi;

import io.jctds.protocol.tls.TlsEngine;

/**
 * Provides TLS client engines that can negotiate TLS 1.0 and 1.1, which the JDK refuses for single
 * connections ({@code jdk.tls.disabledAlgorithms} applies to the whole process). Found through
 * {@link java.util.ServiceLoader}; the implementation ships in the optional artifact {@code
 * io.jctds:jctds-tls-legacy} so that jctds-client keeps no runtime dependency.
 */
public interface LegacyTlsProvider {

  /**
   * A fresh client engine for one connection. It must never resume a session, must send no SNI, and
   * must let {@link LegacyTlsRequest#trustManager()} decide on the server's certificate.
   */
  TlsEngine clientEngine(LegacyTlsRequest request);
}
