package io.jctds.server.session;

import io.jctds.protocol.BufferWriter;
import io.jctds.protocol.framing.PacketType;
import io.jctds.protocol.prelogin.PreLogin;
import io.jctds.protocol.tls.TdsTlsTransport;
import io.jctds.protocol.tls.TlsParameters;
import io.jctds.protocol.tls.TlsSessionInfo;
import io.jctds.server.EncryptionPolicy;
import java.io.IOException;

/**
 * Everything before LOGIN7: looks at the connection's first byte and runs the matching path.
 *
 * <ul>
 *   <li>0x16 (TLS ClientHello): TDS 8.0 — TLS first with ALPN {@code tds/8.0}, then PRELOGIN inside
 *       TLS. Refused (closed) under policy OFF.
 *   <li>0x12 (PRELOGIN): TDS 7.x — answer by {@link PreloginAnswer#decide}, then the TLS handshake
 *       inside PRELOGIN packets when the answer calls for it. Closed under policy STRICT.
 *   <li>0x10 (LOGIN7 without PRELOGIN): plaintext; the caller refuses it under REQUIRED and STRICT.
 * </ul>
 */
final class Handshake {
  /** The outcome: how the session is protected, and whether PRELOGIN was skipped. */
  record Result(EncryptionState encryption, TlsSessionInfo tls, boolean preloginSkipped) {}

  private final Session session;
  private final PacketChannel channel;
  private final ServerSettings settings;

  Handshake(Session session, PacketChannel channel, ServerSettings settings) {
    this.session = session;
    this.channel = channel;
    this.settings = settings;
  }

  /**
   * Runs the pre-login phase.
   *
   * @return the outcome, or null when the client closed without sending anything
   */
  Result run() throws IOException, SessionEnd {
    int first = channel.peek();
    if (first < 0) {
      return null;
    }
    return switch (first) {
      case 0x16 -> tlsFirst();
      case PacketType.PRELOGIN -> prelogin();
      case PacketType.LOGIN7 -> new Result(EncryptionState.NONE, null, true);
      default ->
          throw new SessionEnd(
              System.Logger.Level.WARNING,
              String.format(
                  "the first byte 0x%02X is neither a PRELOGIN (0x12) or LOGIN7 (0x10) packet nor"
                      + " a TLS ClientHello (0x16): not a TDS client; closing",
                  first));
    };
  }

  private Result tlsFirst() throws IOException, SessionEnd {
    if (settings.encryption() == EncryptionPolicy.OFF) {
      throw new SessionEnd(
          "TLS-first (TDS 8.0 / strict) connection refused: the server's encryption policy is off");
    }
    if (!settings.tls().policy().allowsTds8()) {
      throw new SessionEnd(
          "TLS-first (TDS 8.0 / strict) connection refused: the server's max TLS version "
              + settings.tls().policy().maxVersion()
              + " is below TLS 1.2");
    }
    TdsTlsTransport[] tls = new TdsTlsTransport[1];
    channel.switchTransport(
        raw -> tls[0] = TdsTlsTransport.handshakeFirst(raw, settings.tls().newTds8Engine()));
    TlsSessionInfo info = tls[0].session();
    if (!TlsParameters.TDS8_APPLICATION_PROTOCOL.equals(info.applicationProtocol())) {
      throw new SessionEnd(
          "TLS-first client did not negotiate ALPN tds/8.0 (got '"
              + info.applicationProtocol()
              + "'); closing");
    }
    session.log(
        System.Logger.Level.DEBUG,
        "TLS-first handshake done: " + info.protocol() + ", " + info.cipherSuite());
    if (channel.peek() == PacketType.PRELOGIN) {
      PreLogin client = readPrelogin();
      answer(PreloginAnswer.to(client, PreloginAnswer.strictAnswer(client.encryption())));
    }
    return new Result(EncryptionState.STRICT, info, false);
  }

  private Result prelogin() throws IOException, SessionEnd {
    if (settings.encryption() == EncryptionPolicy.STRICT) {
      throw new SessionEnd(
          "TDS 7.x PRELOGIN refused: the server's encryption policy is strict (TDS 8.0, TLS"
              + " first); closing");
    }
    PreLogin client = readPrelogin();
    PreloginAnswer.Decision d = PreloginAnswer.decide(settings.encryption(), client.encryption());
    answer(PreloginAnswer.to(client, d.answer()));
    if (d.refuse()) {
      throw new SessionEnd(
          "the client does not support encryption (PRELOGIN ENCRYPT_NOT_SUP) but the server"
              + " requires it; answered ENCRYPT_REQ and closing");
    }
    if (d.state() == EncryptionState.NONE) {
      return new Result(EncryptionState.NONE, null, false);
    }
    TdsTlsTransport.Scope scope =
        d.state() == EncryptionState.LOGIN_ONLY
            ? TdsTlsTransport.Scope.LOGIN_ONLY
            : TdsTlsTransport.Scope.WHOLE_CONNECTION;
    TdsTlsTransport[] tls = new TdsTlsTransport[1];
    channel.switchTransport(
        raw ->
            tls[0] =
                TdsTlsTransport.handshakeInPrelogin(raw, settings.tls().newTds7Engine(), scope));
    TlsSessionInfo info = tls[0].session();
    session.log(
        System.Logger.Level.DEBUG,
        "TLS handshake in PRELOGIN done ("
            + d.state()
            + "): "
            + info.protocol()
            + ", "
            + info.cipherSuite());
    return new Result(d.state(), info, false);
  }

  private PreLogin readPrelogin() throws IOException, SessionEnd {
    PacketChannel.Message m = channel.read();
    if (m == null) {
      throw new SessionEnd("the client closed the connection before its PRELOGIN");
    }
    if (m.type() != PacketType.PRELOGIN) {
      throw new SessionEnd(
          System.Logger.Level.WARNING,
          "expected PRELOGIN, got a " + PacketType.name(m.type()) + " message; closing");
    }
    PreLogin p = PreLogin.decode(m.payload());
    session.log(System.Logger.Level.DEBUG, "client " + p);
    return p;
  }

  private void answer(PreloginAnswer a) {
    BufferWriter payload = new BufferWriter(64, 256);
    a.encode(payload);
    channel.writer().writeMessage(PacketType.TABULAR_RESULT, payload.view());
  }
}
