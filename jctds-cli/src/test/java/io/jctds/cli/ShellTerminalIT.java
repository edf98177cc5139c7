package io.jctds.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jctds.server.TdsServer;
import io.jctds.testkit.Peers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code jctds sql} as a person uses it: {@code bin/jctds} with the shaded jar, in a real terminal
 * (tmux, 120×40), against the embedded server. One shell session serves the checks in order; the
 * last test starts a second one to see the history come back from the file. What is expected comes
 * from sqlcmd's documented habits (a statement runs at GO, GO count repeats it), the issue's
 * requirements (history file mode 600, no password in it) and the table the test creates.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ShellTerminalIT {
  private static final Path LAUNCHER = Path.of("..", "bin", "jctds").toAbsolutePath().normalize();
  private static final String PASSWORD = "Shell-Pw-42";
  private static final String LOGIN_SECRET = "Hist-Secret-9";

  @TempDir static Path dir;

  private static TdsServer server;
  private static Path home;
  private static TmuxScreen tmux;

  @BeforeAll
  static void start() throws Exception {
    Path init =
        Files.writeString(
            dir.resolve("init.sql"),
            "CREATE TABLE shell_orders (id int NOT NULL PRIMARY KEY,"
                + " customer nvarchar(40) NOT NULL, note varchar(200) NULL,"
                + " total decimal(10,2) NULL)\ngo\n"
                + "INSERT INTO shell_orders VALUES (1, N'Ada', NULL, 12.50),"
                + " (2, N'Grace', 'paid', 7.00)\ngo\n");
    server =
        TdsServer.builder()
            .port(0)
            .user("sa", PASSWORD)
            .databases("shelldb")
            .initScript(init)
            .build()
            .start();
    home = Files.createDirectory(dir.resolve("home"));
    tmux = shell(false);
  }

  @AfterAll
  static void stop() {
    if (tmux != null) {
      tmux.close();
    }
    if (server != null) {
      server.close();
    }
  }

  /** {@code bin/jctds sql} in a new tmux session; the password typed at its prompt or given. */
  private static TmuxScreen shell(boolean passwordOnCommandLine) {
    Path jar = Path.of(System.getProperty("jctds.jar", "target/jctds.jar")).toAbsolutePath();
    assertThat(jar).as("the shaded jar (mvn package)").exists();
    Map<String, String> env = new HashMap<>();
    env.put("PATH", System.getenv("PATH"));
    env.put("HOME", home.toString());
    env.put("LANG", "C.UTF-8");
    env.put("JAVA_HOME", System.getProperty("java.home"));
    env.put("JCTDS_JAR", jar.toString());
    env.put("JCTDS_CDS", "off");
    String command =
        "sh "
            + LAUNCHER
            + " sql -H 127.0.0.1 -p "
            + server.port()
            + " -U sa"
            + (passwordOnCommandLine ? " -P " + PASSWORD : "")
            + "; echo \"[jctds exited: $?]\"; sleep 300";
    TmuxScreen screen = TmuxScreen.start(command, env);
    try {
      if (!passwordOnCommandLine) {
        screen.waitFor("Password:");
        screen.line(PASSWORD);
      }
      screen.waitFor(
          "the greeting and the prompt", s -> s.contains("connected to") && s.contains("1>"));
      return screen;
    } catch (RuntimeException | AssertionError e) {
      screen.close(); // no session is left behind when the shell never came up
      throw e;
    }
  }

  @Test
  @Order(1)
  void theGreetingSaysWhereItIsConnectedAndThePasswordIsNotEchoed() {
    String s = tmux.screen();
    assertThat(s).contains("connected to 127.0.0.1 port " + server.port()).doesNotContain(PASSWORD);
  }

  @Test
  @Order(2)
  void aStatementOverSeveralLinesRunsAtGo() {
    tmux.clear();
    tmux.line("SELECT id, customer");
    tmux.line("FROM shell_orders");
    tmux.line("WHERE id = 2");
    String typing = tmux.waitFor("3> ");
    assertThat(typing)
        .contains("1> SELECT id, customer", "2> FROM shell_orders")
        .doesNotContain("Grace");
    tmux.line("go");
    String s = tmux.waitFor("(1 rows affected)");
    assertThat(s.lines().map(String::stripTrailing))
        .containsSubsequence("id customer", "-- --------", "2  Grace", "(1 rows affected)");
  }

  @Test
  @Order(3)
  void goThreeRunsTheBatchThreeTimes() {
    tmux.clear();
    tmux.line("SELECT 'thrice' AS word");
    tmux.line("go 3");
    String s = tmux.waitFor("three results", t -> t.split("\\(1 rows affected\\)", -1).length == 4);
    assertThat(s.lines().filter(l -> l.strip().equals("thrice"))).hasSize(3);
  }

  @Test
  @Order(4)
  void tabCompletesATableNameAndAKeyword() {
    tmux.clear();
    tmux.keys("SELECT customer FROM shell_ord", "Tab");
    tmux.waitFor("SELECT customer FROM shell_orders");
    tmux.keys("Enter");
    tmux.line("go");
    assertThat(tmux.waitFor("(2 rows affected)")).contains("Ada", "Grace");
    tmux.clear();
    tmux.keys("WAITF", "Tab");
    tmux.waitFor("1> WAITFOR");
    tmux.keys("C-u"); // leave the line empty for the next test
    tmux.waitFor("an empty prompt", s -> s.strip().equals("1>"));
  }

  @Test
  @Order(5)
  void ctrlCCancelsTheRunningBatchAndTheShellGoesOn() {
    tmux.clear();
    tmux.line("WAITFOR DELAY '00:00:10'");
    tmux.line("go");
    // the batch runs once the prompt has not come back after the 'go'; a Ctrl-C that lands
    // before the request is on the wire cancels nothing, so it is pressed again until the
    // shell reports a cancel (after the 10 s a Ctrl-C would only clear an empty prompt)
    tmux.waitFor("the batch running", s -> s.stripTrailing().endsWith("2> go"));
    boolean cancelled = false;
    for (int i = 0; i < 8 && !cancelled; i++) {
      tmux.keys("C-c");
      cancelled = tmux.showsWithin("Cancelled (Ctrl-C)", 1000);
    }
    tmux.waitFor("Cancelled (Ctrl-C)");
    tmux.line("SELECT 'still here' AS answer");
    tmux.line("go");
    assertThat(tmux.waitFor("(1 rows affected)")).contains("still here");
  }

  @Test
  @Order(6)
  void aResultLongerThanTheScreenGoesThroughLess() {
    assertThat(Peers.onPath("less")).as("less on the PATH (.ci/run installs it)").isPresent();
    tmux.clear();
    tmux.line("SELECT TOP 60 a.name AS n FROM sys.columns a CROSS JOIN sys.columns b");
    tmux.line("go");
    // less -FRX: the first screenful and its ':' prompt; the shell's summary waits for it
    tmux.waitFor("less's prompt", s -> s.stripTrailing().endsWith("\n:"));
    assertThat(tmux.screen()).doesNotContain("(60 rows affected)").doesNotContain("Elapsed:");
    tmux.keys("Space");
    tmux.waitFor("(END)");
    tmux.keys("q");
    String s = tmux.waitFor("Elapsed:");
    assertThat(s.stripTrailing()).endsWith("1>");
  }

  @Test
  @Order(7)
  void ctrlCAtThePromptDropsWhatIsBeingTyped() {
    tmux.clear();
    tmux.line("SELECT 'dropped' AS x");
    tmux.keys("C-c");
    tmux.line("SELECT 'kept' AS x");
    tmux.line("go");
    String s = tmux.waitFor("(1 rows affected)");
    assertThat(s.lines().map(String::strip)).contains("kept").doesNotContain("dropped");
  }

  @Test
  @Order(8)
  void describeShowsColumnsTypesNullabilityAndKeys() {
    tmux.clear();
    tmux.line(":describe shell_orders");
    String s = tmux.waitFor("total");
    assertThat(s.lines().map(String::stripTrailing))
        .containsSubsequence(
            "Column   Type          Nullable Key         Default",
            "-------- ------------- -------- ----------- -------",
            "id       int           NOT NULL PRIMARY KEY",
            "customer nvarchar(40)  NOT NULL",
            "note     varchar(200)  NULL",
            "total    decimal(10,2) NULL");
  }

  @Test
  @Order(9)
  void formatCsvPrintsRfc4180WithNullAsAnEmptyField() {
    tmux.clear();
    tmux.line(":format csv");
    tmux.line("SELECT id, customer, note FROM shell_orders ORDER BY id");
    tmux.line("go");
    String s = tmux.waitFor("(2 rows affected)");
    assertThat(s.lines().map(String::stripTrailing))
        .containsSubsequence(
            "\"id\",\"customer\",\"note\"", "\"1\",\"Ada\",", "\"2\",\"Grace\",\"paid\"");
    tmux.line(":format table");
    tmux.waitFor("Format: table");
  }

  @Test
  @Order(10)
  void columnsCompleteAndOutTimingTablesAndEncryptionDoWhatHelpSays() throws Exception {
    tmux.clear();
    tmux.keys("SELECT custo", "Tab");
    tmux.waitFor("1> SELECT customer");
    tmux.keys("C-u");
    tmux.clear();
    Path results = dir.resolve("results.txt");
    tmux.line(":timing off");
    tmux.waitFor("Timing is off.");
    tmux.line(":out " + results);
    tmux.waitFor("Results are appended to");
    tmux.line("SELECT 'to the file' AS destination");
    tmux.line("go");
    tmux.waitFor("the prompt after the batch", s -> s.stripTrailing().endsWith("2> go\n1>"));
    tmux.line(":out");
    tmux.waitFor("Results go to the screen.");
    String screen = tmux.screen();
    tmux.line(":timing on");
    tmux.waitFor("Timing is on.");
    assertThat(screen.lines().map(String::strip))
        .doesNotContain("to the file", "(1 rows affected)")
        .noneMatch(l -> l.startsWith("Elapsed:"));
    assertThat(Files.readAllLines(results))
        .containsExactly("destination", "-----------", "to the file", "(1 rows affected)");
    tmux.clear();
    tmux.line(":tables shell*");
    assertThat(tmux.waitFor("(1 tables)").lines().map(String::stripTrailing))
        .containsSubsequence("Schema Name         Type", "dbo    shell_orders BASE TABLE");
    tmux.clear();
    // the embedded server's generated certificate is for localhost (jctds server --help)
    tmux.line(":encryption");
    assertThat(tmux.waitFor("Subject:")).contains("TDS version:", "CN=localhost");
  }

  @Test
  @Order(11)
  void useSwitchesTheDatabase() {
    tmux.clear();
    tmux.line(":use shelldb");
    tmux.waitFor("Database: shelldb");
    tmux.line("SELECT DB_NAME() AS db");
    tmux.line("go");
    assertThat(tmux.waitFor("(1 rows affected)").lines().map(String::strip)).contains("shelldb");
    tmux.line(":use master");
    tmux.waitFor("Database: master");
  }

  @Test
  @Order(12)
  void historyKeepsStatementsButNoPasswordAndComesBackAfterARestart() throws Exception {
    tmux.clear();
    tmux.line("SELECT 'remember me' AS r");
    tmux.line("go");
    tmux.waitFor("(1 rows affected)");
    tmux.clear();
    tmux.line("CREATE LOGIN shell_login WITH PASSWORD = '" + LOGIN_SECRET + "'");
    tmux.line("go");
    tmux.waitFor("Elapsed:");
    tmux.clear();
    tmux.keys("Up");
    String recalled = tmux.waitFor("SELECT 'remember me' AS r");
    assertThat(recalled).doesNotContain("CREATE LOGIN");
    tmux.keys("C-c");
    tmux.keys("C-d");
    tmux.waitFor("[jctds exited: 0]");
    tmux.close();
    tmux = null;

    Path history = home.resolve(".jctds_history");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(history)))
        .isEqualTo("rw-------");
    String stored = Files.readString(history);
    assertThat(stored)
        .contains("SELECT 'remember me' AS r", "WAITFOR DELAY")
        .doesNotContain(LOGIN_SECRET)
        .doesNotContain("CREATE LOGIN")
        .doesNotContain(PASSWORD);

    tmux = shell(true);
    tmux.clear();
    tmux.keys("Up");
    assertThat(tmux.waitFor("SELECT 'remember me' AS r")).doesNotContain("CREATE LOGIN");
  }
}
