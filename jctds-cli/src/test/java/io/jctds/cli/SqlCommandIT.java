package io.jctds.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jctds.server.EncryptionPolicy;
import io.jctds.server.TdsServer;
import io.jctds.testkit.Precondition;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code jctds sql} run in-process against the embedded server (encryption required, ephemeral
 * port), through a freetds.conf given with {@code -I} or with {@code -H}/{@code -p}.
 */
class SqlCommandIT {
  @RegisterExtension
  static final Precondition ENVIRONMENT =
      Precondition.unsetEnvironment("TDSVER", "TDSPORT", "TDSHOST");

  private static final String USER = "cliuser";
  private static final String PASSWORD = "Cli-Secret-1";

  private static TdsServer server;

  @TempDir static Path dir;

  private static Path conf;

  @BeforeAll
  static void start() throws Exception {
    server =
        TdsServer.builder()
            .port(0)
            .encryption(EncryptionPolicy.REQUIRED)
            .user(USER, PASSWORD)
            .build()
            .start();
    conf =
        Files.writeString(
            dir.resolve("freetds.conf"),
            "[clitest]\n\thost = 127.0.0.1\n\tport = "
                + server.port()
                + "\n\ttds version = 7.4\n\tencryption = require\n");
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  private static CliRun sql(String stdin, String... extra) {
    String[] base = {"sql", "-S", "clitest", "-I", conf.toString(), "-U", USER, "-P", PASSWORD};
    String[] args = new String[base.length + extra.length];
    System.arraycopy(base, 0, args, 0, base.length);
    System.arraycopy(extra, 0, args, base.length, extra.length);
    return CliRun.withInput(stdin, args);
  }

  @Test
  void executePrintsTheTableAndTheRowCount() {
    CliRun r =
        sql(
            "",
            "-e",
            "SELECT encrypt_option, protocol_type, auth_scheme FROM sys.dm_exec_connections"
                + " WHERE session_id = @@SPID");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out().lines().toList())
        .containsExactly(
            "encrypt_option protocol_type auth_scheme",
            "-------------- ------------- -----------",
            "TRUE           TSQL          SQL",
            "(1 rows affected)");
    assertThat(r.err()).contains("jctds: certificate not validated").doesNotContain(PASSWORD);
  }

  @Test
  void stdinBatchesSeparatedByGoRunInOrder() {
    CliRun r = sql("SELECT 1 AS a\ngo\n\n  Go  \nSELECT 'x' AS bb\nGO\nSELECT 22 AS c\n");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out().lines().toList())
        .containsExactly(
            "a",
            "-",
            "1",
            "(1 rows affected)",
            "bb",
            "--",
            "x",
            "(1 rows affected)",
            "c",
            "--",
            "22",
            "(1 rows affected)");
  }

  @Test
  void nullIsPrintedAsNullAndEachResultSetOfABatchIsATable() {
    CliRun r = sql("", "-e", "SELECT NULL AS empty, 'value' AS filled\nSELECT 3 AS n, NULL AS x");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out().lines().toList())
        .containsExactly(
            "empty filled",
            "----- ------",
            "NULL  value",
            "(1 rows affected)",
            "n x",
            "- ----",
            "3 NULL",
            "(1 rows affected)");
  }

  @Test
  void anSqlErrorExitsWithOneAndPrintsMsgOnStderr() {
    CliRun r = sql("", "-e", "SELECT * FROM no_such_table");
    assertThat(r.code()).isEqualTo(ExitCodes.SERVER_ERROR);
    assertThat(r.err())
        .containsPattern("(?m)^Msg 208, Level 16, State 1, Server \\S+, Line 1$")
        .contains("no_such_table");
    assertThat(r.out()).isEmpty();
  }

  @Test
  void batchesAfterAFailedOneStillRun() {
    CliRun r = sql("SELECT * FROM no_such_table\ngo\nSELECT 7 AS after_error\n");
    assertThat(r.code()).isEqualTo(ExitCodes.SERVER_ERROR);
    assertThat(r.err()).contains("Msg 208");
    assertThat(r.out().lines().toList())
        .containsExactly("after_error", "-----------", "7", "(1 rows affected)");
  }

  @Test
  void printMessagesGoToStderr() {
    CliRun r = sql("", "-e", "PRINT 'hello from the server'");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.err().lines()).contains("hello from the server");
    assertThat(r.out()).isEmpty();
  }

  @Test
  void wrongPasswordIsAConnectionErrorWithoutThePassword() {
    String wrong = "Not-The-Password-9";
    CliRun r =
        CliRun.of(
            "sql",
            "-S",
            "clitest",
            "-I",
            conf.toString(),
            "-U",
            USER,
            "-P",
            wrong,
            "-e",
            "SELECT 1");
    assertThat(r.code()).isEqualTo(ExitCodes.USAGE_CONFIG_OR_CONNECTION);
    assertThat(r.err()).contains("jctds: cannot connect to 'clitest'").contains("Login failed");
    assertThat(r.err() + r.out()).doesNotContain(wrong).doesNotContain(PASSWORD);
  }

  @Test
  void invalidFreetdsConfIsAConfigurationErrorNamingFileAndLine() throws Exception {
    Path bad =
        Files.writeString(
            dir.resolve("bad.conf"),
            "[broken]\nhost = 127.0.0.1\nport = " + server.port() + "\nencryption = maybe\n");
    CliRun r =
        CliRun.of(
            "sql",
            "-S",
            "broken",
            "-I",
            bad.toString(),
            "-U",
            USER,
            "-P",
            PASSWORD,
            "-e",
            "SELECT 1");
    assertThat(r.code()).isEqualTo(ExitCodes.USAGE_CONFIG_OR_CONNECTION);
    assertThat(r.err()).contains(bad + ":4").contains("encryption = maybe");
  }

  @Test
  void hostAndPortConnectWithoutAnyFreetdsConf() {
    CliRun r =
        CliRun.of(
            "sql",
            "-H",
            "127.0.0.1",
            "-p",
            Integer.toString(server.port()),
            "-U",
            USER,
            "-P",
            PASSWORD,
            "-e",
            "SELECT 'direct' AS how");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out().lines().toList())
        .containsExactly("how", "------", "direct", "(1 rows affected)");
  }

  @Test
  void withoutPasswordAndConsoleTheFirstStdinLineIsThePassword() {
    CliRun r =
        CliRun.withInput(
            PASSWORD + "\nSELECT 5 AS five\n",
            "sql",
            "-S",
            "clitest",
            "-I",
            conf.toString(),
            "-U",
            USER);
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out().lines().toList()).containsExactly("five", "----", "5", "(1 rows affected)");
    assertThat(r.out() + r.err()).doesNotContain(PASSWORD);
  }

  @Test
  void neitherServerNorHostIsAUsageError() {
    CliRun r = CliRun.of("sql", "-U", USER, "-P", PASSWORD, "-e", "SELECT 1");
    assertThat(r.code()).isEqualTo(ExitCodes.USAGE_CONFIG_OR_CONNECTION);
    assertThat(r.err()).contains("Give either -S NAME");
  }

  @Test
  void everyStatementsCountMessagesInOrderAndTheBatchGoesOnAfterAFailedStatement() {
    // sqlcmd's habits: "(N rows affected)" for each statement that counts rows, PRINT text where
    // the server sent it, a statement error (8134, divide by zero) reported while the batch goes
    // on, as SQL Server goes on after a statement-level error ("Database engine error
    // severities": 16 ends the statement, not the batch); exit code 1 for the SQL error
    CliRun r =
        sql(
            "CREATE TABLE #c (n int, b bit, g uniqueidentifier)\n"
                + "INSERT INTO #c VALUES (1, 1, '6F9619FF-8B86-D011-B42D-00C04FC964FF'),"
                + " (2, 0, NULL)\n"
                + "PRINT 'between'\n"
                + "SELECT n, b, g FROM #c ORDER BY n\n"
                + "SELECT 1/0 AS boom\n"
                + "SELECT 3 AS three\n"
                + "go\n");
    assertThat(r.code()).as(r.err()).isEqualTo(1);
    assertThat(r.out().lines().toList())
        .containsExactly(
            "(2 rows affected)",
            "n b g",
            "- - ------------------------------------",
            "1 1 6F9619FF-8B86-D011-B42D-00C04FC964FF",
            "2 0 NULL",
            "(2 rows affected)",
            "three",
            "-----",
            "3",
            "(1 rows affected)");
    assertThat(r.err()).contains("between").contains("Msg 8134, Level 16");
    assertThat(r.err().indexOf("between")).isLessThan(r.err().indexOf("Msg 8134"));
  }

  @Test
  void inputRunsAScriptAndOutputWritesTheResultsToAFile() throws Exception {
    // the same batches and table text as from standard input (stdinBatchesSeparatedByGoRunInOrder),
    // read from --input and written to --output; standard input is not read for SQL
    Path script =
        Files.writeString(dir.resolve("script.sql"), "SELECT 1 AS a\ngo\nSELECT 'x' AS bb\n");
    Path results = dir.resolve("results.txt");
    CliRun r =
        sql(
            "SELECT 'ignored' AS no\n",
            "--input",
            script.toString(),
            "--output",
            results.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).isEmpty();
    assertThat(Files.readAllLines(results))
        .containsExactly("a", "-", "1", "(1 rows affected)", "bb", "--", "x", "(1 rows affected)");
  }

  @Test
  void aMissingInputFileIsAUsageErrorNamingIt() {
    Path missing = dir.resolve("no-such-script.sql");
    CliRun r = sql("", "--input", missing.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("--input " + missing).doesNotContain(PASSWORD);
  }
}
