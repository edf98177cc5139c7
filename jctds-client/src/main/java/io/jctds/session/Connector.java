package io.jctds.session;

import io.jctds.ConnectObserver;
import io.jctds.OperationalError;
import io.jctds.OperationalError.Reason;
import io.jctds.config.Encryption;
import io.jctds.config.ServerEntry;
import io.jctds.net.BrowserLookup;
import io.jctds.net.Deadline;
import io.jctds.net.ProtocolDump;
import io.jctds.protocol.TdsVersion;
import io.jctds.protocol.token.EnvChange;
import io.jctds.tls.EncryptionReport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Opens a session as FreeTDS's {@code tds_connect_and_login} does: checks that the configuration
 * can work, finds the port (SQL Server Browser for a named instance), runs the login state machine,
 * follows one routing redirect, then queues k-cTDS's session setup ({@code SET ...}) to start the
 * first request. On any failure the socket is closed and the failure says what, where and what to
 * change.
 */
public final class Connector {
  /**
   * k-cTDS's ANSI options after login (its {@code ansi_defaults}), mimicking ODBC's session
   * settings.
   */
  public static final String ANSI_DEFAULTS =
      "SET ARITHABORT ON;SET ANSI_DEFAULTS ON;SET CONCAT_NULL_YIELDS_NULL ON;"
          + "SET TEXTSIZE 2147483647;";

  private static final AtomicInteger IDS = new AtomicInteger();

  /** Makes the TLS setup of one login attempt. */
  @FunctionalInterface
  public interface TlsSetups {
    /** The TLS setup for a login to {@code target}. */
    TlsSetup create(ConnectSettings settings, Target target);
  }

  /** The production TLS: {@link io.jctds.tls.ClientTls} with the entry's trust settings. */
  public static final TlsSetups CLIENT_TLS = ClientTlsSetup::new;

  private Connector() {}

  /** Connects with {@link #CLIENT_TLS}. */
  public static Session connect(ConnectSettings s) {
    return connect(s, CLIENT_TLS);
  }

  /**
   * Connects and logs in.
   *
   * @throws OperationalError when the connection or login fails
   */
  public static Session connect(ConnectSettings s, TlsSetups tlsSetups) {
    return connect(s, tlsSetups, null);
  }

  /**
   * Connects and logs in, telling {@code observer} (null for none) each step.
   *
   * @throws OperationalError when the connection or login fails
   */
  public static Session connect(ConnectSettings s, TlsSetups tlsSetups, ConnectObserver observer) {
    ServerEntry e = s.entry();
    if (s.version() == TdsVersion.V7_0 && e.encryption() == Encryption.REQUIRE) {
      throw LoginFailures.encryptionImpossible(s);
    }
    e.connectProblem()
        .ifPresent(
            p -> {
              throw LoginFailures.unknownHost(p);
            });
    int number = IDS.incrementAndGet();
    String id = "conn " + number;
    ProtocolDump dump = openDump(e, number);
    Deadline deadline = Deadline.after(s.loginTimeout());
    boolean connected = false;
    try {
      Session session = login(s, tlsSetups, firstTarget(s, deadline), dump, observer, deadline, id);
      setup(session, s);
      connected = true;
      return session;
    } finally {
      if (!connected) {
        dump.close();
      }
    }
  }

  private static Session login(
      ConnectSettings s,
      TlsSetups tlsSetups,
      Target target,
      ProtocolDump dump,
      ConnectObserver observer,
      Deadline deadline,
      String id) {
    for (int hop = 0; ; hop++) {
      TlsSetup tls = tlsSetups.create(s, target);
      try (LoginFlow flow = new LoginFlow(s, target, tls, dump, observer, deadline, id)) {
        LoginState end;
        try {
          end = flow.run();
        } catch (IOException | RuntimeException ex) {
          flow.reportRefusedChain();
          throw LoginFailures.during(s, target, flow.state(), ex);
        }
        if (end == LoginState.ROUTED) {
          if (hop > 0) {
            throw LoginFailures.routedTwice(target);
          }
          target = routedTarget(flow.routing(), target);
          dump.event("Routed to " + target.describe()); // rare: routing
          continue;
        }
        Session.Established est = flow.release();
        EncryptionReport tlsReport =
            est.tls() == null
                ? EncryptionReport.unencrypted(est.label())
                : tls.report(est.tls(), est.label(), est.level());
        String windows = flow.windowsAuthentication();
        EncryptionReport report =
            windows == null ? tlsReport : tlsReport.withAuthentication(windows);
        Session session = new Session(est, report, s.queryTimeout(), s.queryTimeoutOrigin(), id);
        String note = tls.note();
        if (note != null && report.isEncrypted()) {
          session.note(note);
        }
        dump.event(() -> "Logged in: spid " + est.spid() + ", TDS " + est.label());
        return session;
      }
    }
  }

  /** FreeTDS's post-login {@code SET TEXTSIZE}, then k-cTDS's SET options. */
  static String setupSql(ConnectSettings s) {
    Integer textSize = s.entry().textSize();
    return (textSize == null ? "" : "SET TEXTSIZE " + textSize + ";")
        + (s.ansiDefaults() ? ANSI_DEFAULTS : "")
        + "SET IMPLICIT_TRANSACTIONS "
        + (s.autocommit() ? "OFF" : "ON")
        + ";";
  }

  /**
   * The setup SET statements start the session's first request instead of taking a round trip of
   * their own at connect (NOTES-tlsconn.md): the session ends up with the same options before
   * anything of the caller's runs.
   */
  private static void setup(Session session, ConnectSettings s) {
    session.setupOnFirstRequest(setupSql(s));
  }

  private static Target firstTarget(ConnectSettings s, Deadline deadline) {
    ServerEntry e = s.entry();
    Integer port = e.port();
    if (port == null) {
      port = instancePort(s, deadline);
    }
    return new Target(e.addresses(), port, e.serverName(), e.host(), false);
  }

  private static int instancePort(ConnectSettings s, Deadline deadline) {
    ServerEntry e = s.entry();
    int browserPort;
    try {
      browserPort = BrowserLookup.configuredPort();
    } catch (IllegalArgumentException ex) {
      throw new OperationalError(Reason.CONFIGURATION, ex.getMessage(), ex);
    }
    IOException failure = null;
    for (InetAddress address : e.addresses()) {
      try {
        OptionalInt port = BrowserLookup.port(address, browserPort, e.instance(), deadline);
        if (port.isPresent()) {
          return port.getAsInt();
        }
      } catch (IOException ex) {
        failure = ex;
      }
    }
    throw new OperationalError(
        Reason.CONNECTION_REFUSED,
        "SQL Server Browser on "
            + e.host()
            + " (UDP port "
            + browserPort
            + (browserPort == BrowserLookup.BROWSER_PORT
                ? ""
                : ", from " + BrowserLookup.configuredPortOrigin())
            + ") did not give a port for instance '"
            + e.instance()
            + "' ("
            + Origin.of(e.source("instance"))
            + ")"
            + (failure instanceof java.net.SocketTimeoutException
                ? " before the login timeout"
                : " in " + BrowserLookup.TRIES + " tries of 1 s")
            + ": no Browser answers there, or it does not know that instance. FreeTDS fails"
            + " likewise (20009). Start SQL Server Browser (or jctds server --instance), check"
            + " the instance name, or set 'port' for this server instead of 'instance'",
        failure);
  }

  private static Target routedTarget(EnvChange.Routing r, Target from) {
    try {
      InetAddress[] addresses = InetAddress.getAllByName(r.server());
      return new Target(
          Arrays.asList(addresses), r.port(), r.server() + "," + r.port(), r.server(), true);
    } catch (UnknownHostException ex) {
      throw new OperationalError(
          Reason.ROUTING,
          "the server at "
              + from.describe()
              + " redirected the login to '"
              + r.server()
              + "' port "
              + r.port()
              + ", which does not resolve: "
              + ex.getMessage(),
          ex);
    }
  }

  private static ProtocolDump openDump(ServerEntry e, int number) {
    try {
      return ProtocolDump.open(e.dumpFile(), e.dumpFileAppend(), number);
    } catch (UncheckedIOException ex) {
      throw new OperationalError(
          Reason.CONFIGURATION,
          ex.getCause().getMessage() + " (" + Origin.of(e.source("dump_file")) + ")",
          ex.getCause());
    }
  }
}
