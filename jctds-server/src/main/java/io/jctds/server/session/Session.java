package io.jctds.server.session;

import io.jctds.protocol.TdsProtocolException;
import io.jctds.protocol.TdsVersion;
import io.jctds.protocol.tls.TlsHandshakeException;
import io.jctds.protocol.tls.TlsSessionInfo;
import io.jctds.server.SessionInfo;
import io.jctds.server.sql.EngineSession;
import io.jctds.server.sql.SqlSession;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One client connection, served by its own thread from the first byte to the close: pre-login
 * ({@link Handshake}), login ({@link LoginHandler}), then requests ({@link RequestLoop}). Any
 * failure ends this session only: it is logged with the SPID and the socket is closed.
 *
 * <p>The session's settings are written by its own thread and read by others (snapshots for {@code
 * sys.dm_exec_connections}), hence volatile.
 */
final class Session implements Runnable, SqlSession {
  private final int spid;
  private final Connection connection;
  private final ServerSettings settings;
  private final SessionRegistry registry;
  private final Instant connectTime = Instant.now();
  private final UUID connectionId = UUID.randomUUID();
  private volatile PacketChannel channel;
  private volatile boolean closing;
  private RequestLoop requests;

  volatile String login = "";

  /** sys.dm_exec_connections.auth_scheme: "SQL", or "NTLM" after a Windows login. */
  volatile String authScheme = "SQL";

  volatile String database;
  volatile String loginDatabase;
  volatile String language = "us_english";
  volatile EncryptionState encryption = EncryptionState.NONE;
  volatile TlsSessionInfo tls;
  volatile TdsVersion tdsVersion;
  volatile int protocolVersion;
  volatile int packetSize = 4096;
  volatile String appName = "";
  volatile String hostName = "";
  volatile boolean readOnlyIntent;

  Session(int spid, Connection connection, ServerSettings settings, SessionRegistry registry) {
    this.spid = spid;
    this.connection = connection;
    this.settings = settings;
    this.registry = registry;
    this.database = settings.defaultDatabase();
  }

  @Override
  public void run() {
    try {
      connection.readTimeout(settings.loginTimeout().toMillis());
      channel = new PacketChannel(connection.transport());
      log(System.Logger.Level.DEBUG, "connection from " + connection.remote());
      serve();
    } catch (SessionEnd e) {
      log(e.level(), e.getMessage());
    } catch (SocketTimeoutException e) {
      log(
          System.Logger.Level.INFO,
          "no complete login within " + settings.loginTimeout().toSeconds() + " s; closing");
    } catch (TlsHandshakeException e) {
      log(System.Logger.Level.INFO, "TLS handshake failed: " + e.getMessage());
    } catch (TdsProtocolException e) {
      log(System.Logger.Level.WARNING, "protocol error, closing: " + e.getMessage());
    } catch (EOFException e) {
      log(System.Logger.Level.INFO, "connection lost: " + e.getMessage());
    } catch (IOException | UncheckedIOException e) {
      if (!closing) {
        log(System.Logger.Level.INFO, "connection lost: " + e.getMessage());
      }
    } catch (RuntimeException e) {
      settings.logger().log(System.Logger.Level.ERROR, prefix() + "internal error, closing", e);
    } finally {
      closeSocket();
      registry.remove(this);
      joinReader();
      log(System.Logger.Level.DEBUG, "closed");
    }
  }

  /** The request loop's reading thread ends once the socket is closed. */
  private void joinReader() {
    RequestLoop loop = requests;
    Thread t = loop == null ? null : loop.readerThread();
    boolean interrupted = false;
    while (t != null && t.isAlive()) {
      try {
        t.join();
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  private void serve() throws IOException, SessionEnd {
    Handshake.Result pre = new Handshake(this, channel, settings).run();
    if (pre == null) {
      log(System.Logger.Level.DEBUG, "the client closed without sending anything");
      return;
    }
    encryption = pre.encryption();
    tls = pre.tls();
    new LoginHandler(this, channel, settings).login(pre);
    connection.readTimeout(0);
    RequestLoop loop = new RequestLoop(this, channel, settings);
    requests = loop;
    loop.run();
  }

  /** Closes the connection from another thread (shutdown, KILL); the session thread then ends. */
  void abort() {
    closing = true;
    EngineSession e = engine;
    if (e != null) {
      e.cancel();
    }
    closeSocket();
  }

  /** Whether {@link #abort} ended this session (it is no longer an active process). */
  boolean aborted() {
    return closing;
  }

  /** The engine side, once logged in. */
  volatile EngineSession engine;

  private void closeSocket() {
    try {
      PacketChannel c = channel;
      if (c != null && encryption != EncryptionState.NONE && !closing) {
        c.transport().close(); // close_notify when TLS is up
      }
    } catch (IOException | RuntimeException ignored) {
      // the peer may be gone
    }
    connection.close();
  }

  void log(System.Logger.Level level, String message) {
    settings.logger().log(level, () -> prefix() + message);
  }

  private String prefix() {
    return "spid " + spid + ": ";
  }

  /** Whether the client acknowledged UTF8_SUPPORT. */
  volatile boolean utf8;

  @Override
  public int spid() {
    return spid;
  }

  @Override
  public String login() {
    return login;
  }

  @Override
  public boolean viewServerState() {
    return settings.logins().viewServerState(login);
  }

  @Override
  public String appName() {
    return appName;
  }

  @Override
  public String hostName() {
    return hostName;
  }

  @Override
  public String loginDatabase() {
    return loginDatabase;
  }

  @Override
  public void database(String name) {
    this.database = name;
  }

  /** The current database. */
  String database() {
    return database;
  }

  @Override
  public TdsVersion tdsVersion() {
    return tdsVersion;
  }

  @Override
  public boolean utf8() {
    return utf8;
  }

  @Override
  public String serverName() {
    return settings.serverName();
  }

  @Override
  public boolean kill(int target) {
    return registry.kill(target);
  }

  @Override
  public SessionInfo info() {
    PacketChannel c = channel;
    InetSocketAddress remote = connection.remote();
    InetSocketAddress local = connection.local();
    TlsSessionInfo t = tls;
    TdsVersion v = tdsVersion;
    return new SessionInfo(
        spid,
        login,
        database,
        encryption.encryptOption(),
        v == null ? "" : v.label(),
        protocolVersion,
        t == null ? null : t.protocol(),
        encryption == EncryptionState.LOGIN_ONLY,
        language,
        packetSize,
        appName,
        hostName,
        readOnlyIntent,
        connectTime,
        remote == null ? "" : remote.getAddress().getHostAddress(),
        remote == null ? 0 : remote.getPort(),
        local == null ? "" : local.getAddress().getHostAddress(),
        local == null ? 0 : local.getPort(),
        connectionId,
        c == null ? 0 : c.reads(),
        c == null ? 0 : c.writes(),
        c == null || c.lastRead() == null ? connectTime : c.lastRead(),
        c == null || c.lastWrite() == null ? connectTime : c.lastWrite(),
        authScheme);
  }

  /** Whether login completed (only such sessions appear in system views). */
  boolean loggedIn() {
    return tdsVersion != null;
  }

  @Override
  public List<SessionInfo> connections() {
    return registry.snapshots();
  }
}
