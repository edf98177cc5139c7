package io.jctds.server;

import io.jctds.server.session.Logins;
import io.jctds.server.session.ServerSettings;
import io.jctds.server.tsql.TsqlEngine;
import java.time.Duration;
import java.util.List;

/**
 * Warms the JVM for a server that is about to start: a daemon thread opens a throw-away in-memory
 * engine and runs a small script through it, so that H2's and the T-SQL front end's classes are
 * loaded and linked while the caller's own thread is still parsing its command line. On a cold JVM
 * loading those classes is most of a server's start-up; two cores do it side by side. The engine is
 * private to the thread (its own in-memory H2 database) and closed at once; nothing it does is
 * visible to the server that follows. Failures are ignored: the real start reports its own.
 */
public final class Preload {
  private static final String SCRIPT =
      "CREATE TABLE preload (id int PRIMARY KEY, name nvarchar(20) NOT NULL, price decimal(9,2))\n"
          + "INSERT INTO preload (id, name, price) VALUES (1, N'a', 1.50)\n"
          + "UPDATE preload SET price = price * 2 WHERE id = 1\n"
          + "SELECT id, name, price FROM preload WHERE name LIKE N'a%' ORDER BY id\n"
          + "DECLARE @n int = 1; IF @n > 0 SET @n = @n + 1\n";

  private Preload() {}

  /** Starts the warm-up thread and returns at once. */
  public static void start() {
    Thread t = new Thread(Preload::run, "jctds-preload");
    t.setDaemon(true);
    t.start();
  }

  private static void run() {
    try {
      warm();
    } catch (RuntimeException e) {
      // a warm-up only: the server's own start reports real problems
    }
  }

  /** Runs the warm-up script on a private engine; an error in it is thrown. */
  static void warm() {
    System.Logger quiet = System.getLogger("io.jctds.server.preload");
    try (TsqlEngine engine = new TsqlEngine(null, List.of(), quiet)) {
      ServerSettings settings =
          new ServerSettings(
              EncryptionPolicy.OFF,
              null,
              new Logins(),
              "master",
              "preload",
              Duration.ofSeconds(1),
              engine,
              quiet);
      InitScript.run(engine, "preload", SCRIPT, settings);
    }
  }
}
