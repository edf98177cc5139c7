package io.jctds.server.session;

import io.jctds.protocol.TdsProtocolException;
import io.jctds.protocol.TdsVersion;
import io.jctds.protocol.framing.PacketType;
import io.jctds.protocol.login.FeatureExt;
import io.jctds.protocol.login.Login7;
import io.jctds.protocol.ntlm.NtlmException;
import io.jctds.protocol.ntlm.NtlmMessages;
import io.jctds.protocol.token.Done;
import io.jctds.protocol.token.EnvChange;
import io.jctds.protocol.token.FeatureExtAck;
import io.jctds.protocol.token.LoginAck;
import io.jctds.protocol.token.OpaqueToken;
import io.jctds.protocol.token.ServerMessage;
import io.jctds.protocol.token.TokenType;
import io.jctds.protocol.type.Collation;
import io.jctds.server.EncryptionPolicy;
import java.io.IOException;
import java.util.List;

/**
 * Reads LOGIN7 and answers it as SQL Server 2022 does: on success ENVCHANGE database, INFO 5701,
 * ENVCHANGE collation, ENVCHANGE language, INFO 5703, LOGINACK, FEATUREEXTACK (when the client sent
 * features), ENVCHANGE packet size, DONE; on failure the errors (4060, 18456, ...), a DONE with the
 * error bit, and the session ends.
 */
final class LoginHandler {
  /** "Microsoft SQL Server", as LOGINACK names the program. */
  static final String PROG_NAME = "Microsoft SQL Server";

  private static final int DEFAULT_PACKET_SIZE = 4096;
  private static final int MAX_PACKET_SIZE = 32767;

  /** See {@link #waitForJtdsLoginOnlySwitch}. */
  static final long JTDS_LOGIN_ONLY_DELAY_MILLIS = 100;

  private final Session session;
  private final PacketChannel channel;
  private final ServerSettings settings;
  private final ResponseWriter response;

  LoginHandler(Session session, PacketChannel channel, ServerSettings settings) {
    this.session = session;
    this.channel = channel;
    this.settings = settings;
    this.response = new ResponseWriter(channel.writer());
  }

  void login(Handshake.Result pre) throws IOException, SessionEnd {
    PacketChannel.Message m = channel.read();
    if (m == null) {
      throw new SessionEnd("the client closed the connection before LOGIN7");
    }
    if (m.type() != PacketType.LOGIN7) {
      throw new SessionEnd(
          System.Logger.Level.WARNING,
          "expected LOGIN7, got a " + PacketType.name(m.type()) + " message; closing");
    }
    Login7 login = Login7.decode(m.payload());
    session.log(System.Logger.Level.DEBUG, "client " + login); // masks the password
    TdsVersion version = accepted(login.tdsVersion());
    boolean strict = pre.encryption() == EncryptionState.STRICT;
    TdsVersion tokens = version == TdsVersion.V8_0 ? TdsVersion.V7_4 : version;
    response.version(tokens);
    channel.writer().spid(session.spid());
    if (pre.preloginSkipped()
        && settings.encryption() != EncryptionPolicy.ON
        && settings.encryption() != EncryptionPolicy.OFF) {
      fail(
          login,
          List.of(
              error(
                  17835,
                  20,
                  "Encryption is required to connect to this server but the client library does"
                      + " not support encryption; the connection has been closed. Please upgrade"
                      + " your client library.")),
          "LOGIN7 without PRELOGIN (no encryption possible) refused: the policy is "
              + settings.encryption().label());
    }
    String name = checkCredentials(login);
    String db = login.database().isEmpty() ? settings.defaultDatabase() : login.database();
    String found = settings.database(db);
    if (found == null) {
      fail(
          login,
          List.of(
              error(
                  4060,
                  11,
                  "Cannot open database \"" + db + "\" requested by the login. The login failed."),
              loginFailed(name)),
          "login of '" + name + "' refused: unknown database '" + db + "'");
    }
    accept(login, name, version, strict, found);
  }

  private static TdsVersion accepted(int wire) throws SessionEnd {
    TdsVersion v;
    try {
      v = TdsVersion.fromWire(wire);
    } catch (TdsProtocolException e) {
      throw new SessionEnd(System.Logger.Level.WARNING, "LOGIN7: " + e.getMessage());
    }
    if (v == TdsVersion.V7_0) {
      throw new SessionEnd(
          String.format(
              "LOGIN7 TDSVersion 0x%08X (TDS 7.0) is not supported; use TDS 7.1 or later", wire));
    }
    return v;
  }

  /** Checks the login's credentials; returns the login name (as configured) or ends. */
  private String checkCredentials(Login7 login) throws IOException, SessionEnd {
    boolean integrated =
        (login.optionFlags2() & Login7.OF2_INTEGRATED_SECURITY) != 0 || login.sspi().length > 0;
    if (integrated
        && settings.logins().hasWindowsLogins()
        && NtlmMessages.type(login.sspi()) == 1) {
      return windowsLogin(login);
    }
    if (integrated) {
      fail(
          login,
          List.of(
              error(
                  18452,
                  14,
                  "Login failed. The login is from an untrusted domain and cannot be used with"
                      + " Integrated authentication.")),
          "integrated (SSPI) login refused: only SQL logins are configured");
    }
    if (!settings.logins().check(login.userName(), login.password())) {
      fail(
          login,
          List.of(loginFailed(login.userName())),
          "login failed for user '" + login.userName() + "' (wrong password or unknown login)");
    }
    return settings.logins().canonicalName(login.userName());
  }

  /**
   * An NTLM login: answers the NEGOTIATE (LOGIN7's SSPI data) with a CHALLENGE in an SSPI token,
   * reads the client's SSPI message (0x11) with the AUTHENTICATE and checks it.
   */
  private String windowsLogin(Login7 login) throws IOException, SessionEnd {
    WindowsLogin w = new WindowsLogin(settings.logins(), settings.serverName());
    try {
      byte[] challenge = w.challenge(login.sspi());
      response.begin(false);
      response.token(new OpaqueToken(TokenType.SSPI, challenge));
      channel.writer().endMessage();
      PacketChannel.Message m = channel.read();
      if (m == null) {
        throw new SessionEnd("the client closed the connection during the NTLM login");
      }
      if (m.type() != PacketType.SSPI) {
        throw new SessionEnd(
            System.Logger.Level.WARNING,
            "expected an SSPI message with the NTLM AUTHENTICATE, got a "
                + PacketType.name(m.type())
                + " message; closing");
      }
      byte[] auth = new byte[m.payload().remaining()];
      m.payload().get(auth);
      WindowsLogin.Outcome o = w.verify(auth);
      // SQL Server answers every NTLM response Windows cannot verify (wrong password: SSPI
      // handshake 0x8009030C, unknown user or domain) with 18452 ("MSSQLSERVER_18452": the
      // login is an unrecognized Windows principal); 18456 would need a verified principal
      // without a SQL Server login, which cannot happen here.
      if (o == WindowsLogin.Outcome.UNTRUSTED_DOMAIN) {
        fail(
            login,
            List.of(untrustedDomain()),
            "Windows login '" + w.clientName() + "' refused: no Windows login in that domain");
      } else if (o == WindowsLogin.Outcome.REFUSED) {
        fail(
            login,
            List.of(untrustedDomain()),
            "Windows login '"
                + w.clientName()
                + "' refused ("
                + (w.usedV1() && !settings.logins().ntlmV1Allowed()
                    ? "NTLMv1 is not allowed"
                    : "wrong password or unknown login")
                + ")");
      }
    } catch (NtlmException e) {
      throw new SessionEnd(System.Logger.Level.WARNING, "NTLM login: " + e.getMessage());
    }
    session.authScheme = "NTLM";
    return w.loginName();
  }

  private ServerMessage untrustedDomain() {
    return error(
        18452,
        14,
        "Login failed. The login is from an untrusted domain and cannot be used with"
            + " Integrated authentication.");
  }

  private ServerMessage loginFailed(String name) {
    return error(18456, 14, "Login failed for user '" + name + "'.");
  }

  private ServerMessage info(int number, String text) {
    return new ServerMessage(false, number, 1, 0, text, settings.serverName(), "", 1);
  }

  private ServerMessage error(int number, int severity, String text) {
    return new ServerMessage(true, number, 1, severity, text, settings.serverName(), "", 1);
  }

  private void fail(Login7 login, List<ServerMessage> errors, String logLine) throws SessionEnd {
    response.begin(false);
    errors.forEach(response::token);
    response.token(new Done(TokenType.DONE, Done.STATUS_ERROR, 0, 0));
    channel.writer().endMessage();
    throw new SessionEnd(logLine + "; closing");
  }

  private void accept(Login7 login, String name, TdsVersion version, boolean strict, String db) {
    int size = packetSize(login.packetSize());
    session.login = name;
    session.database = db;
    session.loginDatabase = db;
    session.appName = login.appName();
    session.hostName = login.hostName();
    session.readOnlyIntent = (login.typeFlags() & Login7.TYPE_READ_ONLY_INTENT) != 0;
    session.protocolVersion = login.tdsVersion();
    session.packetSize = size;
    session.utf8 = login.feature(FeatureExt.UTF8_SUPPORT) != null;
    session.tdsVersion = version; // before the response: the client may look at once
    response.begin(false);
    response.token(new EnvChange.Text(EnvChange.DATABASE, db, "master"));
    response.token(info(5701, "Changed database context to '" + db + "'."));
    if (version.atLeast(TdsVersion.V7_1)) {
      response.token(
          new EnvChange.Binary(
              EnvChange.SQL_COLLATION,
              Collation.SQL_LATIN1_GENERAL_CP1_CI_AS.toBytes(),
              new byte[0]));
    }
    response.token(new EnvChange.Text(EnvChange.LANGUAGE, "us_english", ""));
    response.token(info(5703, "Changed language setting to us_english."));
    int ackVersion = strict || version == TdsVersion.V8_0 ? TdsVersion.V7_4.wire() : version.wire();
    response.token(
        new LoginAck(
            LoginAck.SQL_TSQL,
            ackVersion,
            PROG_NAME,
            PreloginAnswer.MAJOR,
            PreloginAnswer.MINOR,
            PreloginAnswer.BUILD >>> 8,
            PreloginAnswer.BUILD & 0xFF));
    if (login.hasExtension()) {
      response.token(new FeatureExtAck(acknowledged(login)));
    }
    response.token(
        new EnvChange.Text(
            EnvChange.PACKET_SIZE, Integer.toString(size), Integer.toString(DEFAULT_PACKET_SIZE)));
    response.token(new Done(TokenType.DONE, 0, 0, 0));
    waitForJtdsLoginOnlySwitch(login);
    channel.writer().endMessage();
    channel.loggedIn(size);
    session.log(
        System.Logger.Level.INFO,
        "login '"
            + session.login
            + "' to "
            + db
            + ", "
            + version
            + ", encryption "
            + session.encryption
            + (session.tls == null ? "" : " (" + session.tls.protocol() + ")")
            + ", packet size "
            + size
            + (login.appName().isEmpty() ? "" : ", app '" + login.appName() + "'")
            + ("NTLM".equals(session.authScheme) ? ", Windows login (NTLM)" : ""));
  }

  /**
   * jTDS 1.3.1 with {@code ssl=request} (login-only encryption) drops TLS after sending LOGIN7 by
   * closing its SSLSocket, and the JDK's close skips every byte already received on the socket: a
   * login response that arrives before that close is lost and jTDS waits for it until its socket
   * timeout. SQL Server's login takes long enough to never hit this window; this server answers
   * within a millisecond, so it holds a jTDS login-only response back briefly.
   */
  private void waitForJtdsLoginOnlySwitch(Login7 login) {
    if (session.encryption != EncryptionState.LOGIN_ONLY || !"jTDS".equals(login.cltIntName())) {
      return;
    }
    try {
      Thread.sleep(JTDS_LOGIN_ONLY_DELAY_MILLIS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static List<FeatureExt> acknowledged(Login7 login) {
    return login.feature(FeatureExt.UTF8_SUPPORT) == null
        ? List.of()
        : List.of(new FeatureExt(FeatureExt.UTF8_SUPPORT, new byte[] {1}));
  }

  /** The client's requested size when in 512..32767, else 4096 (0 asks for the default). */
  static int packetSize(int requested) {
    return requested >= 512 && requested <= MAX_PACKET_SIZE ? requested : DEFAULT_PACKET_SIZE;
  }
}
