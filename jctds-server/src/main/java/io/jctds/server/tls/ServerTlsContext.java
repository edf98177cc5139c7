package io.jctds.server.tls;

import io.jctds.protocol.tls.JsseTlsContext;
import io.jctds.protocol.tls.TlsEngine;
import io.jctds.protocol.tls.TlsParameters;
import io.jctds.tls.legacy.BcTlsEngine;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.tls.crypto.impl.jcajce.JcaTlsCrypto;
import org.bouncycastle.tls.crypto.impl.jcajce.JcaTlsCryptoProvider;

/**
 * Makes the server's TLS engine for each connection, from its credentials and {@link
 * ServerTlsPolicy}. Engines never resume a session: JSSE engines each get a fresh {@code
 * SSLContext} ({@link JsseTlsContext}), BouncyCastle engines issue no session IDs.
 *
 * <p>Use with {@link io.jctds.protocol.tls.TdsTlsTransport}: {@code handshakeInPrelogin(wire,
 * context.newTds7Engine(), scope)} after a PRELOGIN exchange that negotiated encryption, {@code
 * handshakeFirst(wire, context.newTds8Engine())} when the first byte of the connection is 0x16.
 */
public final class ServerTlsContext {
  private static final BouncyCastleProvider BC = new BouncyCastleProvider();

  private final ServerCredentials credentials;
  private final ServerTlsPolicy policy;
  private final SecureRandom random = new SecureRandom();
  private final JsseTlsContext jsse;
  private final TlsParameters tds8;

  /**
   * @throws TlsCredentialsException if JSSE refuses the key
   */
  public ServerTlsContext(ServerCredentials credentials, ServerTlsPolicy policy) {
    this.credentials = Objects.requireNonNull(credentials, "credentials");
    this.policy = Objects.requireNonNull(policy, "policy");
    try {
      this.jsse = new JsseTlsContext(credentials.keyManagers(), null, random);
    } catch (IllegalArgumentException e) {
      throw new TlsCredentialsException(e.getMessage(), e);
    }
    List<String> versions = new ArrayList<>();
    if (policy.maxVersion() == TlsVersion.TLS_1_3) {
      versions.add(TlsVersion.TLS_1_3.jsseName());
    }
    versions.add(TlsVersion.TLS_1_2.jsseName());
    this.tds8 = TlsParameters.TDS8.withProtocols(versions.toArray(String[]::new));
  }

  public ServerCredentials credentials() {
    return credentials;
  }

  public ServerTlsPolicy policy() {
    return policy;
  }

  /**
   * An engine for the TDS 7.x handshake inside PRELOGIN packets: JSSE with TLS 1.2, or, with {@code
   * enableTlsV1}, BouncyCastle with TLS 1.0 up to {@code min(maxVersion, 1.2)}.
   */
  public TlsEngine newTds7Engine() {
    if (!policy.enableTlsV1()) {
      return jsse.newServerEngine(TlsParameters.TDS7);
    }
    JcaTlsCrypto crypto = new JcaTlsCryptoProvider().setProvider(BC).create(random);
    return BcTlsEngine.server(new LegacyTlsServer(crypto, credentials, policy.maxVersion()));
  }

  /**
   * An engine for TDS 8.0: JSSE, TLS 1.2 up to {@code maxVersion}, ALPN {@code tds/8.0} required.
   *
   * @throws IllegalStateException if the policy's maximum version is below TLS 1.2 ({@link
   *     ServerTlsPolicy#allowsTds8()} is false); the server should refuse TLS-first connections
   */
  public TlsEngine newTds8Engine() {
    if (!policy.allowsTds8()) {
      throw new IllegalStateException(
          "TDS 8.0 needs TLS 1.2 or later but the server's max TLS version is "
              + policy.maxVersion());
    }
    return jsse.newServerEngine(tds8);
  }
}
