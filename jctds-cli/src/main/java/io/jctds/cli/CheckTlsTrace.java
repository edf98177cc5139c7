package io.jctds.cli;

import io.jctds.ConnectObserver;
import io.jctds.config.ServerEntry;
import io.jctds.protocol.tls.TlsSessionInfo;
import io.jctds.tls.EncryptionReport;
import java.net.SocketAddress;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * What {@code jctds check-tls} saw of one connect, step by step, through the client's {@link
 * ConnectObserver}. Without credentials it ends the connect when LOGIN7 would be sent ({@link
 * StopBeforeLogin}), so no login is attempted.
 */
final class CheckTlsTrace implements ConnectObserver {
  /** The phase name the client gives the LOGIN7 step. */
  static final String LOGIN7_PHASE = "sending LOGIN7";

  /** Thrown to end the connect before LOGIN7 (no credentials given). */
  static final class StopBeforeLogin extends RuntimeException {
    private static final long serialVersionUID = 1L;

    StopBeforeLogin() {
      super("check-tls stops before the login: no -U/-P given", null, false, false);
    }
  }

  private final boolean stopBeforeLogin;
  ServerEntry entry;
  String phase;
  SocketAddress remote;
  Integer clientByte;
  boolean preloginInsideTls;
  boolean preloginAnswered;
  Integer serverByte;
  String serverVersion;
  List<X509Certificate> chain = List.of();
  TlsSessionInfo tls;
  EncryptionReport.Level level = EncryptionReport.Level.NONE;
  boolean stopped;

  CheckTlsTrace(boolean stopBeforeLogin) {
    this.stopBeforeLogin = stopBeforeLogin;
  }

  @Override
  public void resolved(ServerEntry resolved) {
    entry = resolved;
  }

  @Override
  public void step(String name) {
    phase = name;
    if (stopBeforeLogin && LOGIN7_PHASE.equals(name)) {
      stopped = true;
      throw new StopBeforeLogin();
    }
  }

  @Override
  public void tcpConnected(SocketAddress address) {
    remote = address;
  }

  @Override
  public void preloginSent(int encryptionByte, boolean insideTls) {
    clientByte = encryptionByte;
    preloginInsideTls = insideTls;
  }

  @Override
  public void preloginAnswered(Integer encryptionByte, String version) {
    preloginAnswered = true;
    serverByte = encryptionByte;
    serverVersion = version;
  }

  @Override
  public void certificates(List<X509Certificate> certificates) {
    chain = List.copyOf(certificates);
  }

  @Override
  public void tlsEstablished(TlsSessionInfo session, EncryptionReport.Level tlsLevel) {
    tls = session;
    level = tlsLevel;
  }

  /** Whether the connect got past {@code name} (a later step started, or it ended well). */
  boolean reached(String name) {
    return phase != null && phase.equals(name);
  }
}
