package io.jctds.session;

import io.jctds.protocol.tls.TlsEngine;
import io.jctds.protocol.tls.TlsSessionInfo;
import io.jctds.tls.EncryptionReport;
import java.io.IOException;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * Where a login gets its TLS: a fresh engine for each handshake (so no session is ever resumed and
 * every handshake validates afresh), and the report of what was negotiated. Production code uses
 * {@link io.jctds.tls.ClientTls}; tests may substitute their own.
 */
public interface TlsSetup {

  /**
   * A new client engine for one handshake on the path this setup was made for (TDS 7.x inside
   * PRELOGIN, or TDS 8.0 TLS first).
   *
   * @throws IOException if the trust material cannot be loaded or no engine can be made
   */
  TlsEngine newEngine() throws IOException;

  /**
   * What to report after a completed handshake.
   *
   * @param session what the handshake negotiated
   * @param tdsVersion the negotiated TDS version label
   * @param level how much of the connection TLS protects
   */
  EncryptionReport report(TlsSessionInfo session, String tdsVersion, EncryptionReport.Level level);

  /**
   * The chain the last handshake's certificate check saw (leaf first), accepted or refused; empty
   * when no check ran.
   */
  default List<X509Certificate> lastPeerChain() {
    return List.of();
  }

  /** A note for {@code connection.messages()} about validation (e.g. not validated), or null. */
  String note();
}
