package io.jctds;

import io.jctds.config.ServerEntry;
import io.jctds.protocol.tls.TlsSessionInfo;
import io.jctds.tls.EncryptionReport;
import java.net.SocketAddress;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * Watches one {@link Jctds#connect(String, ConnectOptions)} step by step, for diagnostics such as
 * {@code jctds check-tls}: what freetds.conf resolved to, each login step as it starts, the
 * PRELOGIN exchange, the TLS handshake and the certificate chain the server sent (also when it was
 * refused). Set it with {@link ConnectOptions.Builder#observer}; without one, connect does none of
 * this work.
 *
 * <p>The methods run on the connecting thread, in order. A runtime exception thrown by {@link
 * #resolved} propagates from connect as it is, before any socket; one thrown by a later method ends
 * the connect attempt: the socket is closed and connect throws an {@link OperationalError} whose
 * cause is that exception (a diagnostic may use this to stop before the login, in {@link #step}
 * {@code "sending LOGIN7"}). Every method does nothing by default.
 */
public interface ConnectObserver {

  /** The server name resolved to {@code entry} (freetds.conf, environment, options). */
  default void resolved(ServerEntry entry) {}

  /**
   * A login step starts; {@code phase} names it as error messages do: "connecting over TCP", "the
   * TLS-first (TDS 8.0, strict) handshake", "the PRELOGIN exchange", "the TLS handshake inside
   * PRELOGIN packets", "sending LOGIN7", "reading the login response". After a routing redirect the
   * steps start again for the new server.
   */
  default void step(String phase) {}

  /** The TCP connection is open. */
  default void tcpConnected(SocketAddress remote) {}

  /**
   * The client sent PRELOGIN with this ENCRYPTION byte ({@code 0x00} OFF, {@code 0x01} ON, {@code
   * 0x02} NOT_SUP); {@code insideTls} on the TDS 8.0 (strict) path.
   */
  default void preloginSent(int encryptionByte, boolean insideTls) {}

  /**
   * The server answered PRELOGIN.
   *
   * @param encryptionByte its ENCRYPTION byte, or null when it sent none (taken as NOT_SUP)
   * @param serverVersion its VERSION option as {@code major.minor.build}, or null
   */
  default void preloginAnswered(Integer encryptionByte, String serverVersion) {}

  /**
   * The server's certificate chain as it sent it (leaf first), reported once the certificate check
   * ran, whether it accepted or refused the chain.
   */
  default void certificates(List<X509Certificate> chain) {}

  /** The TLS handshake completed; {@code level} says how much of the connection TLS protects. */
  default void tlsEstablished(TlsSessionInfo session, EncryptionReport.Level level) {}
}
