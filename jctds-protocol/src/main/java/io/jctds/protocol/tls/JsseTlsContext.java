package io.jctds.protocol.tls;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;

/**
 * Makes {@link JsseTlsEngine}s from one set of key and trust managers. Every engine gets its own
 * {@link SSLContext}, so no engine can resume a session of another: JSSE keeps both its session
 * cache and its session-ticket keys per {@code SSLContext}, and resumes TLS 1.2 and 1.3 sessions of
 * a shared context even after {@code SSLSession.invalidate()} or with a cache size of 1. Engines
 * are created without a peer host, so a JSSE client sends no SNI (as FreeTDS) and never looks up a
 * cached session.
 */
public final class JsseTlsContext {
  private final KeyManager[] keyManagers;
  private final TrustManager[] trustManagers;
  private final SecureRandom random;

  /**
   * @param keyManagers this side's certificates and keys, or null for none (a client without a
   *     client certificate)
   * @param trustManagers how the peer's certificate is checked, or null for the JDK's default trust
   *     store. A client that must not check anything passes a trust manager that accepts
   *     everything; the decision is the caller's.
   * @param random the randomness source, or null for the JDK's default
   * @throws IllegalArgumentException if JSSE refuses the managers
   */
  public JsseTlsContext(
      KeyManager[] keyManagers, TrustManager[] trustManagers, SecureRandom random) {
    this.keyManagers = keyManagers == null ? null : keyManagers.clone();
    this.trustManagers = trustManagers == null ? null : trustManagers.clone();
    this.random = random;
    try {
      newSslContext();
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException(
          "JSSE refused the TLS key or trust managers: " + e.getMessage(), e);
    }
  }

  /** A client engine; it sends no SNI and offers {@code parameters.applicationProtocol()}. */
  public JsseTlsEngine newClientEngine(TlsParameters parameters) {
    return newEngine(true, parameters);
  }

  /**
   * A server engine; when {@code parameters.applicationProtocol()} is set, clients that do not
   * offer it fail the handshake.
   */
  public JsseTlsEngine newServerEngine(TlsParameters parameters) {
    return newEngine(false, parameters);
  }

  private JsseTlsEngine newEngine(boolean client, TlsParameters parameters) {
    SSLEngine engine;
    try {
      engine = newSslContext().createSSLEngine();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("JSSE could not create a TLS context: " + e.getMessage(), e);
    }
    engine.setUseClientMode(client);
    try {
      if (!parameters.protocols().isEmpty()) {
        engine.setEnabledProtocols(parameters.protocols().toArray(String[]::new));
      }
      if (!parameters.cipherSuites().isEmpty()) {
        engine.setEnabledCipherSuites(parameters.cipherSuites().toArray(String[]::new));
      }
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "this JDK does not support the TLS protocols "
              + parameters.protocols()
              + " or cipher suites "
              + parameters.cipherSuites()
              + ": "
              + e.getMessage(),
          e);
    }
    return new JsseTlsEngine(engine, parameters.applicationProtocol());
  }

  private SSLContext newSslContext() throws GeneralSecurityException {
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(keyManagers, trustManagers, random);
    return context;
  }
}
