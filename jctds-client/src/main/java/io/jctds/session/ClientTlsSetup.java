package io.jctds.session;

import io.jctds.protocol.tls.TlsEngine;
import io.jctds.protocol.tls.TlsException;
import io.jctds.protocol.tls.TlsSessionInfo;
import io.jctds.tls.ClientTls;
import io.jctds.tls.EncryptionReport;
import io.jctds.tls.TlsPolicy;
import io.jctds.tls.TlsValidationException;
import java.io.IOException;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * {@link TlsSetup} over {@link ClientTls}. The CA and CRL files are loaded when the first handshake
 * needs them, as FreeTDS does: a server that does not encrypt never makes a bad {@code ca file}
 * fail a {@code request} login.
 */
final class ClientTlsSetup implements TlsSetup {
  private final ConnectSettings settings;
  private final Target target;
  private ClientTls tls;

  ClientTlsSetup(ConnectSettings settings, Target target) {
    this.settings = settings;
    this.target = target;
  }

  /** The TLS policy for this login: the entry's, with the application's maximum version. */
  TlsPolicy policy() {
    TlsPolicy policy =
        TlsPolicy.forEntry(
            settings.entry(), settings.strict(), target.routed() ? target.host() : null, null);
    return settings.tlsMaxVersion() == null
        ? policy
        : policy.withMaxVersion(settings.tlsMaxVersion());
  }

  private ClientTls tls() throws TlsException {
    if (tls == null) {
      TlsPolicy policy = policy();
      try {
        tls = ClientTls.of(policy);
      } catch (TlsValidationException e) {
        throw new TlsException(e.getMessage(), e);
      }
    }
    return tls;
  }

  @Override
  public TlsEngine newEngine() throws IOException {
    return tls().newEngine(target.host(), target.port());
  }

  @Override
  public EncryptionReport report(
      TlsSessionInfo session, String tdsVersion, EncryptionReport.Level level) {
    if (tls == null || session == null) {
      return EncryptionReport.unencrypted(tdsVersion);
    }
    return tls.report(session, tdsVersion, level);
  }

  @Override
  public List<X509Certificate> lastPeerChain() {
    return tls == null ? List.of() : tls.lastPeerChain();
  }

  @Override
  public String note() {
    return tls == null ? null : tls.notValidatedWarning().orElse(null);
  }
}
