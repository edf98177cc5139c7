package io.jctds.tls;

import io.jctds.config.ServerEntry;
import io.jctds.protocol.tls.JsseTlsEngine;
import io.jctds.protocol.tls.TlsEngine;
import io.jctds.protocol.tls.TlsSessionInfo;
import io.jctds.protocol.tls.spi.LegacyTlsProvider;
import io.jctds.protocol.tls.spi.LegacyTlsRequest;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;

/**
 * The client side of TLS for one connection: makes the {@link TlsEngine} for the handshake as the
 * {@link TlsPolicy} decides (protocols, ALPN, no SNI, an engine from the shared context that
 * resumes nothing, the trust manager that validates the chain and host name), remembers how
 * validation went, and builds the {@link EncryptionReport} afterwards.
 *
 * <p>Use one instance per connection attempt: {@code forEntry} (loads the CA and CRL files, so a
 * bad file fails before connecting), {@code newEngine} when PRELOGIN decided on TLS, then {@code
 * report} after the handshake. When the handshake fails, {@link #lastFailure()} (or {@link
 * TlsValidationException#findIn}) tells whether and why the certificate was refused.
 */
public final class ClientTls {
  private final TlsPolicy policy;
  private final TrustMaterial trust;
  private final ChainValidator validator;
  private final AtomicReference<String> matchedName = new AtomicReference<>();
  private final AtomicReference<TlsValidationException> failure = new AtomicReference<>();
  private final AtomicReference<X509Certificate[]> lastChain = new AtomicReference<>();

  private ClientTls(TlsPolicy policy, TrustMaterial trust, Clock clock) {
    this.policy = policy;
    this.trust = trust;
    this.validator = new ChainValidator(policy, trust, clock);
  }

  /**
   * TLS for {@code entry}, strict when its encryption is {@code strict}.
   *
   * @throws TlsValidationException ({@code CA_FILE_UNREADABLE}, {@code CRL_UNREADABLE}) when a file
   *     the entry names cannot be loaded
   */
  public static ClientTls forEntry(ServerEntry entry) throws TlsValidationException {
    return of(TlsPolicy.forEntry(entry));
  }

  /**
   * TLS for {@code entry} on the TDS 8.0 path ({@code strict}) or the TDS 7.x path.
   *
   * @throws TlsValidationException when the CA or CRL file cannot be loaded
   */
  public static ClientTls forEntry(ServerEntry entry, boolean strict)
      throws TlsValidationException {
    return of(TlsPolicy.forEntry(entry, strict));
  }

  /**
   * TLS as {@code policy} says.
   *
   * @throws TlsValidationException when the CA or CRL file cannot be loaded
   */
  public static ClientTls of(TlsPolicy policy) throws TlsValidationException {
    return of(policy, Clock.systemUTC());
  }

  /** As {@link #of(TlsPolicy)}, checking validity periods at {@code clock}'s time. */
  static ClientTls of(TlsPolicy policy, Clock clock) throws TlsValidationException {
    Objects.requireNonNull(policy, "policy");
    return new ClientTls(policy, TrustMaterial.load(policy), clock);
  }

  public TlsPolicy policy() {
    return policy;
  }

  /**
   * A fresh client engine for one handshake (from the JVM's {@link SharedClientContext}, its chain
   * checked by this connection's rules; no session is resumed). No SNI is sent; ALPN {@code
   * tds/8.0} is offered on the strict path only. With {@code enable tls v1 = yes} on the TDS 7.x
   * path the engine comes from jctds-tls-legacy.
   *
   * @param peerHost the host connected to (for messages; not sent as SNI)
   * @param peerPort the port connected to (for messages)
   * @throws LegacyTlsUnavailableException when TLS 1.0/1.1 is needed and jctds-tls-legacy is absent
   */
  public TlsEngine newEngine(String peerHost, int peerPort) throws LegacyTlsUnavailableException {
    matchedName.set(null);
    failure.set(null);
    lastChain.set(null);
    ValidatingTrustManager trustManager = new ValidatingTrustManager(validator, trust, listener());
    String alpn = policy.applicationProtocol().orElse(null);
    if (policy.needsLegacyTls()) {
      LegacyTlsProvider provider = legacyProvider();
      return provider.clientEngine(
          new LegacyTlsRequest(policy.jsseProtocols(), peerHost, peerPort, trustManager, alpn));
    }
    // no peer host: no SNI, no session lookup (every handshake is full: see SharedClientContext)
    SSLEngine engine = SharedClientContext.engine(trustManager);
    engine.setUseClientMode(true);
    SSLParameters parameters = engine.getSSLParameters();
    parameters.setProtocols(policy.jsseProtocols().toArray(String[]::new));
    parameters.setCipherSuites(withoutFiniteFieldDh(parameters.getCipherSuites()));
    parameters.setServerNames(List.of());
    parameters.setEndpointIdentificationAlgorithm(null);
    engine.setSSLParameters(parameters);
    return new JsseTlsEngine(engine, alpn);
  }

  /**
   * FreeTDS's cipher list ends in {@code -DH}: no finite-field Diffie-Hellman suites (old SQL
   * Servers offer weak DH groups). ECDHE and the TLS 1.3 suites stay.
   */
  static String[] withoutFiniteFieldDh(String[] suites) {
    return Arrays.stream(suites)
        .filter(s -> !s.startsWith("TLS_DHE_") && !s.startsWith("SSL_DHE_"))
        .toArray(String[]::new);
  }

  private ValidatingTrustManager.Listener listener() {
    return new ValidatingTrustManager.Listener() {
      @Override
      public void accepted(X509Certificate[] chain, String matched) {
        lastChain.set(chain);
        matchedName.set(matched);
        failure.set(null);
      }

      @Override
      public void refused(X509Certificate[] chain, TlsValidationException e) {
        lastChain.set(chain);
        failure.set(e);
      }
    };
  }

  private LegacyTlsProvider legacyProvider() throws LegacyTlsUnavailableException {
    Optional<LegacyTlsProvider> provider = findLegacyProvider();
    if (provider.isPresent()) {
      return provider.get();
    }
    throw new LegacyTlsUnavailableException(
        "enable tls v1 = yes ("
            + policy.enableTlsV1Source().describe()
            + ") needs TLS 1.0/1.1, which the JDK refuses per connection; add the artifact "
            + LegacyTlsUnavailableException.ARTIFACT
            + " to the class path (or module path), or remove 'enable tls v1' if the server"
            + " speaks TLS 1.2");
  }

  /** The legacy TLS provider on the module path or class path, if any. */
  public static Optional<LegacyTlsProvider> findLegacyProvider() {
    Optional<LegacyTlsProvider> found = ServiceLoader.load(LegacyTlsProvider.class).findFirst();
    return found.isPresent()
        ? found
        : ServiceLoader.load(LegacyTlsProvider.class, ClientTls.class.getClassLoader()).findFirst();
  }

  /**
   * The chain the last handshake's certificate check saw, leaf first, whether it was accepted or
   * refused; empty when no check ran.
   */
  public List<X509Certificate> lastPeerChain() {
    X509Certificate[] chain = lastChain.get();
    return chain == null ? List.of() : List.of(chain);
  }

  /** Why the last handshake's certificate check failed, if it did. */
  public Optional<TlsValidationException> lastFailure() {
    return Optional.ofNullable(failure.get());
  }

  /**
   * The message a connection records when the certificate is not validated (no {@code ca file});
   * empty when it is.
   */
  public Optional<String> notValidatedWarning() {
    if (policy.validation().validates()) {
      return Optional.empty();
    }
    return Optional.of(
        "certificate not validated: no 'ca file' is set for ["
            + policy.serverName()
            + "], so any server certificate is accepted (as FreeTDS does); set 'ca file' to the"
            + " CA's PEM bundle or to 'system' to validate it");
  }

  /**
   * The report of a connection whose handshake completed.
   *
   * @param info what the handshake negotiated ({@code TdsTlsTransport.session()}); null for a
   *     connection without TLS ({@code level} NONE)
   * @param tdsVersion the negotiated TDS version, e.g. {@code 7.4}, {@code 8.0}
   * @param level how much of the connection TLS protects
   */
  public EncryptionReport report(
      TlsSessionInfo info, String tdsVersion, EncryptionReport.Level level) {
    if (level == EncryptionReport.Level.NONE || info == null) {
      return EncryptionReport.unencrypted(tdsVersion);
    }
    return new EncryptionReport(
        tdsVersion,
        level,
        info.protocol(),
        info.cipherSuite(),
        info.applicationProtocol(),
        info.peerCertificates().stream().map(CertificateInfo::of).toList(),
        policy.validation(),
        policy.hostnameCheck().orElse(null),
        matchedName.get(),
        policy.hostnameNotCheckedReason().orElse(null),
        policy.crlFile().orElse(null));
  }

  @Override
  public String toString() {
    return "ClientTls[" + policy + "]";
  }
}
