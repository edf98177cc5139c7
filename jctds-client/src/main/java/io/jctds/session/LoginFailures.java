package io.jctds.session;

import io.jctds.JctdsException;
import io.jctds.OperationalError;
import io.jctds.OperationalError.Reason;
import io.jctds.SqlServerMessage;
import io.jctds.config.ConfigException;
import io.jctds.config.ServerEntry;
import io.jctds.protocol.TdsProtocolException;
import io.jctds.protocol.prelogin.PreLogin;
import io.jctds.protocol.tls.TlsHandshakeException;
import io.jctds.tls.LegacyTlsUnavailableException;
import io.jctds.tls.TlsValidationException;
import java.io.EOFException;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.util.List;

/**
 * The connect and login failures, each saying what happened, which freetds.conf file, section and
 * directive decided it, and what to change. Server messages still go through {@link Errors}.
 */
final class LoginFailures {
  private LoginFailures() {}

  static String encryption(ServerEntry e) {
    return Origin.setting(e, "encryption", "encryption", e.encryption().label());
  }

  /** The PRELOGIN answer made encryption impossible as configured. */
  static OperationalError encryptionRefused(
      ConnectSettings s, Target t, EncryptionDecision.Refuse r, PreLogin answer) {
    ServerEntry e = s.entry();
    String server = "'" + e.serverName() + "' (" + t.describe() + ")";
    String answered =
        answer.encryption() == null
            ? "sent no ENCRYPTION option (taken as ENCRYPT_NOT_SUP)"
            : String.format("answered ENCRYPTION 0x%02X", answer.encryption());
    if (r.serverRequires()) {
      return new OperationalError(
          Reason.ENCRYPTION_REQUIRED_BY_SERVER,
          "the server requires encryption, but "
              + encryption(e)
              + ": "
              + server
              + " "
              + answered
              + " (ENCRYPT_REQ) in PRELOGIN, so jctds stopped before any TLS. Set 'encryption ="
              + " require' (or request) for this server",
          null);
    }
    return new OperationalError(
        Reason.ENCRYPTION_UNAVAILABLE,
        "the server cannot encrypt, but "
            + encryption(e)
            + ": "
            + server
            + " "
            + answered
            + " in PRELOGIN (FreeTDS fails likewise, 20002). Give the server a certificate and"
            + " let it encrypt, or set 'encryption = request' to allow an unencrypted login"
            + " (the password then crosses the network only obfuscated)",
        null);
  }

  /** TDS 7.0 has no PRELOGIN, so {@code require} cannot be honoured (FreeTDS ignores it). */
  static OperationalError encryptionImpossible(ConnectSettings s) {
    ServerEntry e = s.entry();
    return new OperationalError(
        Reason.ENCRYPTION_IMPOSSIBLE,
        "encryption is required ("
            + encryption(e)
            + "), but "
            + Origin.setting(e, "tds_version", "tds version", "7.0")
            + " has no PRELOGIN and cannot encrypt (FreeTDS would log in unencrypted; jctds"
            + " refuses before connecting). Use 'tds version = 7.1' or later (7.4 for current"
            + " servers)",
        null);
  }

  /** The login response had no LOGINACK. */
  static JctdsException loginRejected(ConnectSettings s, Target t, List<SqlServerMessage> errors) {
    SqlServerMessage worst = Errors.worst(errors);
    if (worst != null) {
      JctdsException e = Errors.server(worst);
      return e instanceof OperationalError
          ? e
          : new OperationalError(
              Reason.LOGIN_FAILED, "the login failed: " + e.getMessage(), worst, null);
    }
    return new OperationalError(
        Reason.LOGIN_FAILED,
        "the login to '"
            + s.entry().serverName()
            + "' ("
            + t.describe()
            + ") ended without LOGINACK and without an error message; is it SQL Server?",
        null);
  }

  /** The configuration is invalid (FreeTDS 20214). */
  static OperationalError configuration(ConfigException e) {
    return new OperationalError(Reason.CONFIGURATION, e.getMessage(), e);
  }

  /** No address or no port (FreeTDS 20012/20013/20009). */
  static OperationalError unknownHost(String why) {
    return new OperationalError(Reason.UNKNOWN_HOST, why, null);
  }

  /** A second routing redirect. */
  static OperationalError routedTwice(Target t) {
    return new OperationalError(
        Reason.ROUTING,
        "the server at "
            + t.describe()
            + " redirected the login again; jctds follows one routing redirect per connection"
            + " (as FreeTDS)",
        null);
  }

  /** A failure while the login was in {@code phase}. */
  static JctdsException during(ConnectSettings s, Target t, LoginState phase, Throwable e) {
    if (e instanceof JctdsException j) {
      return j;
    }
    ServerEntry entry = s.entry();
    String where = "'" + entry.serverName() + "' (" + t.describe() + ")";
    if (e instanceof SocketTimeoutException) {
      return timeout(s, where, phase, e);
    }
    if (e instanceof java.nio.channels.ClosedByInterruptException) {
      return new OperationalError(
          Reason.CONNECTION_BROKEN,
          "the thread was interrupted during "
              + phase.phase()
              + " of the login to "
              + where
              + ", which closes the socket (an interrupt during socket I/O closes it, as for any"
              + " java.nio channel); its interrupt status stays set",
          e);
    }
    if (phase == LoginState.CONNECT && e instanceof IOException) {
      return refused(entry, t, where, e);
    }
    if (e instanceof LegacyTlsUnavailableException) {
      return new OperationalError(Reason.TLS_HANDSHAKE, e.getMessage(), e);
    }
    var invalid = TlsValidationException.findIn(e);
    if (invalid.isPresent()) {
      return TlsFailures.certificate(s, where, invalid.get(), e);
    }
    if (e instanceof TlsHandshakeException h) {
      return TlsFailures.handshake(s, where, phase, h);
    }
    if (e instanceof TdsProtocolException) {
      return new OperationalError(
          Reason.PROTOCOL,
          where
              + " sent invalid TDS during "
              + phase.phase()
              + ": "
              + e.getMessage()
              + ". Is SQL Server listening there? Check host and port",
          e);
    }
    return broken(entry, where, phase, e);
  }

  private static OperationalError refused(ServerEntry entry, Target t, String where, Throwable e) {
    return new OperationalError(
        Reason.CONNECTION_REFUSED,
        "cannot connect to "
            + where
            + ": "
            + e.getMessage()
            + ". Addresses tried: "
            + t.addresses()
            + "; host "
            + Origin.of(entry.source("host"))
            + ", port "
            + Origin.of(entry.source("port"))
            + ". Check that SQL Server runs and listens there",
        e);
  }

  private static OperationalError broken(
      ServerEntry entry, String where, LoginState phase, Throwable e) {
    String hint =
        phase == LoginState.PRELOGIN
                || phase == LoginState.TLS_IN_PRELOGIN
                || phase == LoginState.TLS_FIRST
            ? " If the server requires encryption or TDS 8.0, check "
                + encryption(entry)
                + "; if it hangs or closes during TLS, try 'tds version = 7.3'"
            : "";
    String what =
        e instanceof EOFException
            ? where + " closed the connection"
            : "the connection to " + where + " failed";
    return new OperationalError(
        Reason.CONNECTION_BROKEN,
        what + " during " + phase.phase() + ": " + e.getMessage() + "." + hint,
        e);
  }

  private static OperationalError timeout(
      ConnectSettings s, String where, LoginState phase, Throwable e) {
    String tls =
        phase == LoginState.TLS_IN_PRELOGIN || phase == LoginState.TLS_FIRST
            ? " A TLS handshake that hangs: try 'tds version = 7.3' (seed page), or check "
                + encryption(s.entry())
            : "";
    return new OperationalError(
        Reason.LOGIN_TIMEOUT,
        "the login to "
            + where
            + " timed out after "
            + seconds(s)
            + " ("
            + s.loginTimeoutOrigin()
            + ") during "
            + phase.phase()
            + ": the server did not answer in time. Check host and port, or raise the login"
            + " timeout (ConnectOptions.loginTimeout or 'connect timeout' in freetds.conf)."
            + tls,
        e);
  }

  private static String seconds(ConnectSettings s) {
    long ms = s.loginTimeout().toMillis();
    return ms % 1000 == 0 ? ms / 1000 + " s" : ms / 1000.0 + " s";
  }
}
