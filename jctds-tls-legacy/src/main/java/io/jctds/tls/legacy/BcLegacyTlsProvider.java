package io.jctds.tls.legacy;

import io.jctds.protocol.tls.TlsEngine;
import io.jctds.protocol.tls.spi.LegacyTlsProvider;
import io.jctds.protocol.tls.spi.LegacyTlsRequest;
import java.security.SecureRandom;
import org.bouncycastle.tls.crypto.impl.bc.BcTlsCrypto;

/**
 * TLS 1.0–1.2 client engines over BouncyCastle's TLS API, for {@code enable tls v1 = yes}. Found by
 * jctds-client through {@link java.util.ServiceLoader}; uses BouncyCastle's own cryptography, so
 * the JDK's {@code jdk.tls.disabledAlgorithms} does not apply to these connections (and to no
 * other).
 */
public final class BcLegacyTlsProvider implements LegacyTlsProvider {
  private final SecureRandom random = new SecureRandom();

  /** The provider ServiceLoader instantiates. */
  public BcLegacyTlsProvider() {}

  @Override
  public TlsEngine clientEngine(LegacyTlsRequest request) {
    return BcTlsEngine.client(new LegacyTlsClient(new BcTlsCrypto(random), request));
  }
}
