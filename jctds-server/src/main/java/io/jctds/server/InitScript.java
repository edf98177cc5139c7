package io.jctds.server;

import io.jctds.protocol.TdsVersion;
import io.jctds.protocol.token.ColMetadata;
import io.jctds.protocol.token.EnvChange;
import io.jctds.protocol.token.ServerMessage;
import io.jctds.server.session.ServerSettings;
import io.jctds.server.sql.EngineSession;
import io.jctds.server.sql.ResultSink;
import io.jctds.server.sql.SqlEngine;
import io.jctds.server.sql.SqlSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Runs a T-SQL script at start-up: batches separated by lines holding only {@code go} (any case,
 * white space around it, as sqlcmd and tsql split), each run in one internal session of the engine
 * in the server's default database. The first error stops the start with the file, the line (in the
 * file) and SQL Server's message.
 */
final class InitScript {
  private InitScript() {}

  /** A batch and the file line it starts on. */
  record Batch(String sql, int line) {}

  static void run(SqlEngine engine, Path file, ServerSettings settings) throws IOException {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IOException("cannot read the init script " + file + ": " + e.getMessage(), e);
    }
    run(engine, file.toString(), text, settings);
  }

  /** Runs script {@code text}; errors name {@code source} and the line. */
  static void run(SqlEngine engine, String source, String text, ServerSettings settings) {
    EngineSession session = engine.open(new Internal(settings));
    try {
      for (Batch b : split(text)) {
        Errors sink = new Errors(settings);
        session.execute(b.sql(), sink);
        if (sink.first != null) {
          ServerMessage m = sink.first;
          throw new IllegalStateException(
              source
                  + ":"
                  + (b.line() + Math.max(m.lineNumber(), 1) - 1)
                  + ": Msg "
                  + m.number()
                  + ", Level "
                  + m.severity()
                  + ", State "
                  + m.state()
                  + ": "
                  + m.message()
                  + " (the init script failed; the server did not start)");
        }
      }
    } finally {
      session.close();
    }
  }

  /** The batches of a script. */
  static List<Batch> split(String text) {
    List<Batch> out = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    int start = 1;
    int line = 0;
    for (String l : text.split("\r?\n", -1)) {
      line++;
      if (l.trim().toLowerCase(Locale.ROOT).equals("go")) {
        add(out, current, start);
        current.setLength(0);
        start = line + 1;
      } else {
        current.append(l).append('\n');
      }
    }
    add(out, current, start);
    return out;
  }

  private static void add(List<Batch> out, StringBuilder sql, int line) {
    if (!sql.toString().isBlank()) {
      out.add(new Batch(sql.toString(), line));
    }
  }

  /** Keeps the first error; logs informational messages. */
  private static final class Errors implements ResultSink {
    private final ServerSettings settings;
    private ServerMessage first;

    Errors(ServerSettings settings) {
      this.settings = settings;
    }

    @Override
    public void columns(ColMetadata metadata) {}

    @Override
    public void row(RowWriter values) {}

    @Override
    public void message(ServerMessage m) {
      if (m.error() && m.severity() > 10) {
        if (first == null) {
          first = m;
        }
      } else {
        settings.logger().log(System.Logger.Level.INFO, "init script: " + m.message());
      }
    }

    @Override
    public void envChange(EnvChange change) {}

    @Override
    public void done(int status, int curCmd, long rowCount) {}
  }

  /** The session the script runs in (spid 1, like SQL Server's system sessions). */
  private static final class Internal implements SqlSession {
    private final ServerSettings settings;

    Internal(ServerSettings settings) {
      this.settings = settings;
    }

    @Override
    public int spid() {
      return 1;
    }

    @Override
    public String login() {
      return "sa";
    }

    @Override
    public String appName() {
      return "jctds init script";
    }

    @Override
    public String hostName() {
      return "";
    }

    @Override
    public String loginDatabase() {
      return settings.engine().database(settings.defaultDatabase());
    }

    @Override
    public void database(String name) {}

    @Override
    public TdsVersion tdsVersion() {
      return TdsVersion.V7_4;
    }

    @Override
    public boolean utf8() {
      return true;
    }

    @Override
    public String serverName() {
      return settings.serverName();
    }

    @Override
    public SessionInfo info() {
      return new SessionInfo(
          1,
          "sa",
          loginDatabase(),
          "FALSE",
          "7.4",
          0,
          null,
          false,
          "us_english",
          4096,
          appName(),
          "",
          false,
          Instant.now(),
          "",
          0,
          "",
          0,
          UUID.randomUUID(),
          0,
          0,
          null,
          null);
    }

    @Override
    public List<SessionInfo> connections() {
      return List.of();
    }

    @Override
    public boolean kill(int spid) {
      return false;
    }
  }
}
