package io.jctds.session;

import io.jctds.ConnectObserver;
import io.jctds.OperationalError;
import io.jctds.SqlServerMessage;
import io.jctds.net.Deadline;
import io.jctds.net.PacketChannel;
import io.jctds.net.ProtocolDump;
import io.jctds.net.SocketConnector;
import io.jctds.net.SocketTransport;
import io.jctds.protocol.TdsProtocolException;
import io.jctds.protocol.TdsVersion;
import io.jctds.protocol.framing.PacketType;
import io.jctds.protocol.login.Login7;
import io.jctds.protocol.prelogin.PreLogin;
import io.jctds.protocol.tls.TdsTlsTransport;
import io.jctds.protocol.tls.TlsSessionInfo;
import io.jctds.protocol.tls.Transport;
import io.jctds.protocol.token.EnvChange;
import io.jctds.protocol.token.LoginAck;
import io.jctds.protocol.token.OpaqueToken;
import io.jctds.protocol.token.ServerMessage;
import io.jctds.protocol.token.Token;
import io.jctds.protocol.token.TokenDecoder;
import io.jctds.protocol.token.TokenType;
import io.jctds.tls.EncryptionReport;
import java.io.IOException;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * One login attempt to one {@link Target}: what the {@link LoginState}s do, and what they found.
 * Holds the socket until {@link #release()} hands it to the session (or {@link #close()} on
 * failure).
 */
final class LoginFlow implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger("io.jctds.session");

  private final ConnectSettings settings;
  private final Target target;
  private final TlsSetup tls;
  private final ProtocolDump dump;
  private final ConnectObserver observer;
  private final Deadline deadline;
  private final String id;
  private final int pid = (int) ProcessHandle.current().pid();
  private LoginState state = LoginState.CONNECT;
  private SocketTransport socket;
  private PacketChannel channel;
  private TdsVersion layout;
  private TdsVersion negotiated;
  private TdsTlsTransport.Scope scope;
  private EncryptionReport.Level level = EncryptionReport.Level.NONE;
  private TlsSessionInfo tlsSession;
  private PreLogin serverPrelogin;
  private LoginAck loginAck;
  private EnvChange.Routing routing;
  private String database;
  private String language;
  private byte[] collation;
  private int spid;
  private NtlmAuth ntlm;

  /**
   * How a Windows login authenticated, for the encryption report: {@code Windows (NTLMv2)}, or
   * NTLMv1 with its warning; null for a SQL login.
   */
  String windowsAuthentication() {
    if (ntlm == null) {
      return null;
    }
    return ntlm.v2() ? "Windows (NTLMv2)" : "Windows (NTLMv1) — " + NtlmAuth.V1_WARNING;
  }

  private final List<SqlServerMessage> messages = new ArrayList<>();
  private final List<SqlServerMessage> errors = new ArrayList<>();

  LoginFlow(
      ConnectSettings settings,
      Target target,
      TlsSetup tls,
      ProtocolDump dump,
      ConnectObserver observer,
      Deadline deadline,
      String id) {
    this.settings = settings;
    this.target = target;
    this.tls = tls;
    this.dump = dump;
    this.observer = observer;
    this.deadline = deadline;
    this.id = id;
    this.layout = settings.version();
    this.negotiated = settings.version() == TdsVersion.V8_0 ? TdsVersion.V7_4 : settings.version();
  }

  /** Runs the state machine to {@link LoginState#READY} or {@link LoginState#ROUTED}. */
  LoginState run() throws IOException {
    while (!state.isFinal()) {
      LoginState current = state;
      LOG.log(System.Logger.Level.DEBUG, () -> "[" + id + "] " + current.phase());
      if (observer != null) {
        observer.step(current.phase());
      }
      state = current.run(this);
    }
    return state;
  }

  LoginState state() {
    return state;
  }

  ConnectSettings settings() {
    return settings;
  }

  Target target() {
    return target;
  }

  void connectTcp() throws IOException {
    dump.event(() -> "Connecting to " + target.describe() + " (" + target.addresses() + ")");
    Socket s = SocketConnector.connect(target.addresses(), target.port(), deadline);
    try {
      socket = new SocketTransport(s);
    } catch (IOException e) {
      SocketConnector.closeQuietly(s);
      throw e;
    }
    socket.deadline(deadline);
    if (observer != null) {
      observer.tcpConnected(s.getRemoteSocketAddress());
    }
    channel = new PacketChannel(socket, LoginMessages.DEFAULT_PACKET_SIZE, dump, id);
    channel.firstPacketId(0);
  }

  void tlsFirst() throws IOException {
    TdsTlsTransport t = TdsTlsTransport.handshakeFirst(channel.transport(), tls.newEngine());
    channel.transport(t);
    tlsSession = t.session();
    level = EncryptionReport.Level.STRICT;
    observeTls();
    dump.event(
        "TLS-first handshake done: " + tlsSession.protocol() + " " + tlsSession.cipherSuite());
  }

  EncryptionDecision prelogin() throws IOException {
    int encryptionByte =
        settings.strict()
            ? EncryptionDecision.clientByte(io.jctds.config.Encryption.STRICT)
            : EncryptionDecision.clientByte(settings.encryption());
    PreLogin request =
        LoginMessages.prelogin(
            settings.version(), encryptionByte, settings.entry().instance(), pid);
    channel.send(PacketType.PRELOGIN, request::encode);
    if (observer != null) {
      observer.preloginSent(encryptionByte, settings.strict());
    }
    ByteBuffer answer = channel.readMessage(PacketType.TABULAR_RESULT);
    serverPrelogin = PreLogin.decode(answer);
    dump.event(() -> "Server PRELOGIN: " + serverPrelogin);
    if (observer != null) {
      PreLogin.Version v = serverPrelogin.version();
      observer.preloginAnswered(
          serverPrelogin.encryption(),
          v == null ? null : v.major() + "." + v.minor() + "." + v.build());
    }
    if (settings.strict()) {
      return new EncryptionDecision.Plain(); // inside TLS already; the answer is ignored
    }
    if (settings.version().atLeast(TdsVersion.V7_2) && serverPrelogin.mars() == null) {
      layout = TdsVersion.V7_1; // SQL Server 2000: no MARS option, speak 7.1
      negotiated = TdsVersion.V7_1;
    }
    EncryptionDecision d =
        EncryptionDecision.decide(settings.encryption(), serverPrelogin.encryption());
    if (d instanceof EncryptionDecision.Tls t) {
      scope = t.scope();
    }
    return d;
  }

  OperationalError refuse(EncryptionDecision.Refuse r) {
    return LoginFailures.encryptionRefused(settings, target, r, serverPrelogin);
  }

  void tlsInPrelogin() throws IOException {
    ByteBuffer ahead = channel.takeBuffered();
    Transport wire =
        ahead.hasRemaining()
            ? Transport.withPrefix(ahead, channel.transport())
            : channel.transport();
    TdsTlsTransport t = TdsTlsTransport.handshakeInPrelogin(wire, tls.newEngine(), scope);
    channel.transport(t);
    tlsSession = t.session();
    level =
        scope == TdsTlsTransport.Scope.LOGIN_ONLY
            ? EncryptionReport.Level.LOGIN_ONLY
            : EncryptionReport.Level.FULL;
    observeTls();
    dump.event(
        "TLS handshake done ("
            + level.label()
            + "): "
            + tlsSession.protocol()
            + " "
            + tlsSession.cipherSuite());
  }

  private void observeTls() {
    if (observer != null) {
      observer.certificates(tlsSession.peerCertificates());
      observer.tlsEstablished(tlsSession, level);
    }
  }

  /**
   * After a failure: tells the observer the chain the certificate check saw, when a handshake
   * failed after it (the chain was refused, or the handshake broke later).
   */
  void reportRefusedChain() {
    if (observer != null && tlsSession == null) {
      List<java.security.cert.X509Certificate> chain = tls.lastPeerChain();
      if (!chain.isEmpty()) {
        observer.certificates(chain);
      }
    }
  }

  void sendLogin7() throws IOException {
    channel.packetSize(
        Math.max(channel.packetSize(), LoginMessages.requestedPacketSize(settings.entry())));
    Login7 login =
        LoginMessages.login7(settings, layout, target.serverName(), pid, ClientIdentity.clientId());
    ntlm = NtlmAuth.forUser(settings.user(), settings.password(), settings.entry().useNtlmv2());
    if (ntlm != null) {
      // FREETDS.md 6.5: a DOMAIN\\user login sends empty user and password, fIntSecurity and an
      // NTLM NEGOTIATE as SSPI data.
      login =
          login.toBuilder()
              .userName("")
              .password("")
              .optionFlags2(login.optionFlags2() | Login7.OF2_INTEGRATED_SECURITY)
              .sspi(ntlm.negotiate())
              .build();
      if (!ntlm.v2()) {
        messages.add(SqlServerMessage.clientNote(NtlmAuth.V1_WARNING));
        LOG.log(System.Logger.Level.WARNING, () -> "[" + id + "] " + NtlmAuth.V1_WARNING);
      }
    }
    int wireVersion =
        settings.version() == TdsVersion.V8_0 ? TdsVersion.V7_4.wire() : settings.version().wire();
    LoginMessages.EncodedLogin encoded = LoginMessages.encode(login, wireVersion);
    dump.event(() -> "Sending LOGIN7 for user '" + settings.user() + "' (password masked)");
    channel.sendMasked(
        PacketType.LOGIN7,
        encoded.payload(),
        encoded.passwordFrom(),
        encoded.passwordTo(),
        "Login7, password masked");
  }

  void readLoginResponse() throws IOException {
    TokenReader reader = new TokenReader(channel, new TokenDecoder(negotiated));
    reader.begin();
    boolean answered = false;
    while (true) {
      byte[] challenge = null;
      Token t;
      while ((t = reader.next()) != null) {
        if (t instanceof OpaqueToken o && o.type() == TokenType.SSPI) {
          challenge = o.body();
        } else {
          onLoginToken(t, reader.decoder());
        }
      }
      if (challenge == null || ntlm == null || answered || loginAck != null) {
        break;
      }
      sendNtlmAuthenticate(challenge);
      answered = true;
      reader.begin();
    }
    spid = channel.assembler().lastHeader() == null ? 0 : channel.assembler().lastHeader().spid();
    if (loginAck == null) {
      throw LoginFailures.loginRejected(settings, target, errors);
    }
  }

  /** Answers the server's CHALLENGE (SSPI token) with an SSPI packet carrying AUTHENTICATE. */
  private void sendNtlmAuthenticate(byte[] challenge) throws IOException {
    String workstation =
        settings.clientHostName().isEmpty() ? ClientIdentity.hostName() : settings.clientHostName();
    byte[] auth = ntlm.authenticate(challenge, workstation);
    dump.event(
        () ->
            "Server sent an NTLM CHALLENGE; sending NTLM"
                + (ntlm.v2() ? "v2" : "v1")
                + " AUTHENTICATE for '"
                + settings.user()
                + "'");
    channel.send(PacketType.SSPI, w -> w.bytes(auth));
  }

  private void onLoginToken(Token t, TokenDecoder decoder) {
    if (t instanceof LoginAck ack) {
      loginAck = ack;
      if (!settings.strict()) {
        TdsVersion v = ack.version();
        negotiated = v.compareTo(negotiated) < 0 ? v : negotiated;
        decoder.version(negotiated);
      }
    } else if (t instanceof EnvChange env) {
      onEnvChange(env);
    } else if (t instanceof ServerMessage m) {
      SqlServerMessage msg = Errors.message(m);
      messages.add(msg);
      if (m.error()) {
        errors.add(msg);
      }
    }
  }

  private void onEnvChange(EnvChange env) {
    if (env instanceof EnvChange.Text text) {
      switch (text.changeType()) {
        case EnvChange.DATABASE -> database = text.newValue();
        case EnvChange.LANGUAGE -> language = text.newValue();
        case EnvChange.PACKET_SIZE -> applyPacketSize(text);
        default -> {}
      }
    } else if (env instanceof EnvChange.Binary b && b.changeType() == EnvChange.SQL_COLLATION) {
      collation = b.newValue();
    } else if (env instanceof EnvChange.Routing r && routing == null) {
      routing = r;
    }
  }

  private void applyPacketSize(EnvChange.Text text) {
    int size = text.intValue();
    if (size > 65535) {
      throw new TdsProtocolException(
          "the server's packet size " + size + " exceeds 65535, the largest TDS packet");
    }
    if (size >= 512) { // FreeTDS applies any size >= 512, larger or smaller than requested
      channel.packetSize(size);
    }
  }

  EnvChange.Routing routing() {
    return routing;
  }

  /** Hands the connection to a session: the login timeout no longer applies. */
  Session.Established release() {
    channel.firstPacketId(1);
    Session.Established e =
        new Session.Established(
            socket,
            channel,
            negotiated,
            settings.strict() ? "8.0" : label(negotiated),
            spid,
            database,
            language,
            collation,
            level,
            tlsSession,
            List.copyOf(messages));
    socket = null;
    channel = null;
    return e;
  }

  static String label(TdsVersion v) {
    return switch (v) {
      case V7_3A, V7_3B -> "7.3";
      default -> v.label();
    };
  }

  EncryptionReport.Level level() {
    return level;
  }

  /** Closes the socket, if the session did not take it. */
  @Override
  public void close() {
    if (channel != null) {
      channel.close();
    } else if (socket != null) {
      try {
        socket.close();
      } catch (IOException ignored) {
        // closing after a failure
      }
    }
    channel = null;
    socket = null;
  }
}
