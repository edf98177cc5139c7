package io.jctds.server.sql;

import static org.assertj.core.api.Assertions.assertThat;

import io.jctds.protocol.TdsVersion;
import io.jctds.protocol.token.ColMetadata;
import io.jctds.protocol.token.Done;
import io.jctds.protocol.token.EnvChange;
import io.jctds.protocol.token.ServerMessage;
import io.jctds.protocol.type.TdsType;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class BasicSqlEngineTest {
  private final TestSession session = new TestSession();
  private final BasicSqlEngine engine = new BasicSqlEngine();

  private RecordingSink run(String sql) {
    RecordingSink sink = new RecordingSink();
    engine.execute(session, sql, sink);
    return sink;
  }

  private Object scalar(String sql) {
    RecordingSink s = run(sql);
    assertThat(s.errors()).isEmpty();
    assertThat(s.rows()).hasSize(1);
    return s.rows().get(0).get(0);
  }

  private ColMetadata.Column column(String sql) {
    return run(sql).results().get(0).column(0);
  }

  static Stream<String> connectBatches() throws IOException {
    String dir = "/io/jctds/server/sql/connect-batches/";
    try (InputStream in = BasicSqlEngineTest.class.getResourceAsStream(dir + "index.txt")) {
      String index = new String(Objects.requireNonNull(in).readAllBytes(), StandardCharsets.UTF_8);
      return index
          .lines()
          .filter(l -> !l.startsWith("#") && !l.isBlank())
          .map(l -> dir + l.split("\\s+")[0])
          .toList()
          .stream();
    }
  }

  @ParameterizedTest
  @MethodSource("connectBatches")
  void batchesRealClientsSendRunWithoutError(String resource) throws IOException {
    String sql;
    try (InputStream in = getClass().getResourceAsStream(resource)) {
      sql = new String(Objects.requireNonNull(in, resource).readAllBytes(), StandardCharsets.UTF_8);
    }
    RecordingSink s = run(sql);
    assertThat(s.errors()).as(resource).isEmpty();
  }

  @Test
  void jtdsConnectBatch() {
    RecordingSink s =
        run(
            "SELECT @@MAX_PRECISION\r\nSET TRANSACTION ISOLATION LEVEL READ COMMITTED\r\n"
                + "SET IMPLICIT_TRANSACTIONS OFF\r\nSET QUOTED_IDENTIFIER ON\r\n"
                + "SET TEXTSIZE 2147483647");
    assertThat(s.rows()).containsExactly(List.of((short) 38));
    assertThat(s.results().get(0).column(0).typeInfo().type()).isEqualTo(TdsType.INT1);
    assertThat(s.dones()).hasSize(5);
    assertThat(session.option("TEXTSIZE")).isEqualTo("2147483647");
    assertThat(session.option("QUOTED_IDENTIFIER")).isEqualTo("ON");
    assertThat(scalar("SELECT @@TEXTSIZE")).isEqualTo(Integer.MAX_VALUE);
    assertThat(scalar("SELECT @@OPTIONS")).isEqualTo(256);
  }

  @Test
  void globalsHaveSqlServersTypes() {
    assertThat(scalar("SELECT @@SPID")).isEqualTo((short) 53);
    assertThat(column("SELECT @@SPID").typeInfo().type()).isEqualTo(TdsType.INT2);
    assertThat((String) scalar("SELECT @@VERSION"))
        .startsWith("Microsoft SQL Server 2022 (RTM) - 16.0.1000.6")
        .contains("jctds");
    assertThat(column("SELECT @@VERSION").typeInfo().sqlName()).isEqualTo("nvarchar(300)");
    assertThat(scalar("SELECT @@SERVERNAME")).isEqualTo("TESTHOST");
    assertThat(scalar("SELECT @@LANGUAGE")).isEqualTo("us_english");
    assertThat(scalar("SELECT DB_NAME()")).isEqualTo("master");
    assertThat(scalar("SELECT DB_ID('tempdb')")).isEqualTo((short) 2);
    assertThat(scalar("SELECT DB_NAME(5)")).isEqualTo("sales");
    assertThat(scalar("SELECT SUSER_SNAME()")).isEqualTo("tester");
    assertThat(scalar("SELECT APP_NAME()")).isEqualTo("unit test");
    assertThat(scalar("SELECT SERVERPROPERTY('ProductVersion')")).isEqualTo("16.0.1000.6");
    assertThat(scalar("SELECT @@TRANCOUNT")).isEqualTo(0);
  }

  @Test
  void literalsAndExpressions() {
    assertThat(scalar("SELECT 1")).isEqualTo(1);
    assertThat(column("SELECT 1").typeInfo().type()).isEqualTo(TdsType.INT4);
    assertThat(column("SELECT 1").isNullable()).isFalse();
    assertThat(scalar("SELECT -2147483648")).isEqualTo(Integer.MIN_VALUE);
    assertThat(scalar("SELECT 3000000000")).isEqualTo(new BigDecimal("3000000000"));
    assertThat(scalar("SELECT 1.50")).isEqualTo(new BigDecimal("1.50"));
    assertThat(column("SELECT 1.50").typeInfo().sqlName()).isEqualTo("numeric(3,2)");
    assertThat(scalar("SELECT N'héllo'")).isEqualTo("héllo");
    assertThat(column("SELECT N'abc'").typeInfo().sqlName()).isEqualTo("nvarchar(3)");
    assertThat(column("SELECT 'abcd'").typeInfo().sqlName()).isEqualTo("varchar(4)");
    assertThat(scalar("SELECT NULL")).isNull();
    assertThat(column("SELECT NULL").isNullable()).isTrue();
    assertThat(scalar("SELECT (1 + 2) * 3 - 13 / 4 % 2")).isEqualTo(8);
    assertThat(scalar("SELECT 'a' + N'b'")).isEqualTo("ab");
    assertThat(scalar("SELECT 0x0AFF")).isEqualTo(new byte[] {0x0A, (byte) 0xFF});
    assertThat(scalar("SELECT ISNULL(NULL, 5)")).isEqualTo(5);
  }

  /**
   * "Integer constants greater than 2,147,483,647 are converted to a decimal data type, not a
   * bigint data type" and a constant is "converted to numeric with a precision just large enough to
   * hold the value" (learn.microsoft.com, "int, bigint, smallint, and tinyint (Transact-SQL)");
   * numeric's precision stops at 38, past which SQL Server raises 1007 (Database engine errors
   * 1000-1999: "The %S_MSG '%.*ls' is out of the range for numeric representation (maximum
   * precision 38).", severity 15).
   */
  @Test
  void integerConstantsOutsideIntAreDecimals() {
    assertThat(scalar("SELECT -5555555555555555555555555555500"))
        .isEqualTo(new BigDecimal("-5555555555555555555555555555500"));
    assertThat(column("SELECT -5555555555555555555555555555500").typeInfo().sqlName())
        .isEqualTo("numeric(31,0)");
    assertThat(scalar("SELECT -3000000000")).isEqualTo(new BigDecimal("-3000000000"));
    assertThat(column("SELECT -3000000000").typeInfo().sqlName()).isEqualTo("numeric(10,0)");
    assertThat(column("SELECT 2147483648").typeInfo().sqlName()).isEqualTo("numeric(10,0)");
    String digits38 = "9".repeat(38);
    assertThat(scalar("SELECT -" + digits38)).isEqualTo(new BigDecimal("-" + digits38));
    ServerMessage e = run("SELECT -1" + digits38).errors().get(0);
    assertThat(e.number()).isEqualTo(1007);
    assertThat(e.severity()).isEqualTo(15);
    assertThat(e.message())
        .endsWith(" is out of the range for numeric representation (maximum" + " precision 38).");
  }

  @Test
  void aliasesNameTheColumns() {
    RecordingSink s = run("SELECT 1 AS a, b = 2, 3 c, 4 'd', 5 AS [e f], @@SPID");
    assertThat(s.results().get(0).columns())
        .extracting(ColMetadata.Column::name)
        .containsExactly("a", "b", "c", "d", "e f", "");
  }

  @Test
  void dmExecConnections() {
    session.others.add(session.info(52, "TRUE"));
    RecordingSink s =
        run(
            "SELECT session_id, encrypt_option, protocol_type, auth_scheme, net_transport,"
                + " protocol_version FROM sys.dm_exec_connections WHERE session_id = @@SPID");
    assertThat(s.rows()).containsExactly(List.of(53, "FALSE", "TSQL", "SQL", "TCP", 0x74000004));
    RecordingSink all = run("SELECT * FROM sys.dm_exec_connections ORDER BY session_id DESC");
    assertThat(all.results().get(0).size()).isEqualTo(22);
    assertThat(all.rows()).extracting(r -> r.get(0)).containsExactly(53, 52);
    assertThat(run("SELECT session_id FROM sys.dm_exec_connections WHERE session_id = 52").rows())
        .containsExactly(List.of(52));
    assertThat(run("SELECT TOP 1 c.session_id FROM sys.dm_exec_connections c ORDER BY 1").rows())
        .containsExactly(List.of(52));
    assertThat(run("SELECT name FROM sys.databases WHERE database_id > 1").rows())
        .containsExactly(List.of("tempdb"), List.of("sales"));
  }

  @Test
  void rowCountsAndNocount() {
    Done.class.getName();
    RecordingSink s = run("SELECT 1");
    assertThat(s.dones()).containsExactly(new RecordingSink.DoneEvent(Done.STATUS_COUNT, 0xC1, 1));
    s = run("SET NOCOUNT ON SELECT 1");
    assertThat(s.dones().get(1)).isEqualTo(new RecordingSink.DoneEvent(0, 0xC1, 1));
    assertThat(scalar("SELECT @@ROWCOUNT")).isEqualTo(1);
    assertThat(run("SELECT 1 WHERE 1 = 0").rows()).isEmpty();
  }

  @Test
  void errorsLikeSqlServer() {
    ServerMessage e = run("SELECT * FROM nosuch").errors().get(0);
    assertThat(e.number()).isEqualTo(208);
    assertThat(e.severity()).isEqualTo(16);
    assertThat(e.message()).isEqualTo("Invalid object name 'nosuch'.");
    assertThat(run("SELECT nosuch FROM sys.dm_exec_connections").errors().get(0).message())
        .isEqualTo("Invalid column name 'nosuch'.");
    assertThat(run("SELECT @x").errors().get(0).number()).isEqualTo(137);
    assertThat(run("SELECT FOO()").errors().get(0).number()).isEqualTo(195);
    assertThat(run("SELECT 1 / 0").errors().get(0).number()).isEqualTo(8134);
    assertThat(run("SELECT 2147483647 + 1").errors().get(0).number()).isEqualTo(8115);
    assertThat(run("SELECT *").errors().get(0).number()).isEqualTo(263);
    assertThat(run("EXEC sp_who").errors().get(0).number()).isEqualTo(2812);
    assertThat(run("SELECT 1 WHERE 'a' = 1").errors().get(0).number()).isEqualTo(245);
    assertThat(session.lastError()).isEqualTo(245);
  }

  @Test
  void aSyntaxErrorRunsNothing() {
    RecordingSink s = run("SELECT 1\nSELEC 2");
    assertThat(s.rows()).isEmpty();
    assertThat(s.errors()).singleElement().satisfies(e -> assertThat(e.lineNumber()).isEqualTo(1));
    assertThat(s.dones()).singleElement().matches(d -> (d.status() & Done.STATUS_ERROR) != 0);
  }

  @Test
  void nameErrorsStopTheBatchOtherErrorsDoNot() {
    RecordingSink s = run("SELECT 1\nSELECT * FROM nosuch\nSELECT 2");
    assertThat(s.rows()).containsExactly(List.of(1));
    assertThat(s.errors().get(0).lineNumber()).isEqualTo(2);
    s = run("SELECT 1 / 0; SELECT 2");
    assertThat(s.rows()).containsExactly(List.of(2));
  }

  @Test
  void useAndLanguage() {
    RecordingSink s = run("USE [sales]");
    assertThat(s.envChanges())
        .containsExactly(new EnvChange.Text(EnvChange.DATABASE, "sales", "master"));
    assertThat(s.infos().get(0).message()).isEqualTo("Changed database context to 'sales'.");
    assertThat(run("USE nosuch").errors().get(0).number()).isEqualTo(911);
    s = run("SET LANGUAGE us_english");
    assertThat(s.envChanges())
        .containsExactly(new EnvChange.Text(EnvChange.LANGUAGE, "us_english", "us_english"));
    assertThat(s.infos().get(0).number()).isEqualTo(5703);
    assertThat(run("SET LANGUAGE Deutsch").errors()).hasSize(1);
  }

  @Test
  void transactions() {
    RecordingSink s = run("BEGIN TRAN; BEGIN TRANSACTION t2; SELECT @@TRANCOUNT; COMMIT");
    assertThat(s.rows()).containsExactly(List.of(2));
    assertThat(s.envChanges()).extracting(EnvChange::changeType).containsExactly(8);
    s = run("IF @@TRANCOUNT > 0 COMMIT TRAN");
    assertThat(s.envChanges()).extracting(EnvChange::changeType).containsExactly(9);
    assertThat(((EnvChange.Binary) s.envChanges().get(0)).descriptor())
        .isEqualTo(0x1122334455667788L);
    assertThat(run("IF @@TRANCOUNT > 0 COMMIT TRAN").events).isEmpty();
    assertThat(run("COMMIT").errors().get(0).number()).isEqualTo(3902);
    assertThat(run("ROLLBACK").errors().get(0).number()).isEqualTo(3903);
    assertThat(run("SAVE TRAN x").errors().get(0).number()).isEqualTo(628);
    session.version = TdsVersion.V7_1;
    assertThat(run("BEGIN TRAN; ROLLBACK TRAN").envChanges()).isEmpty();
  }

  @Test
  void ifElsePrintAndBlocks() {
    RecordingSink s = run("IF 1 = 2 PRINT 'yes' ELSE BEGIN PRINT 'no'; SELECT 3 END");
    assertThat(s.infos()).extracting(ServerMessage::message).containsExactly("no");
    assertThat(s.rows()).containsExactly(List.of(3));
    s = run("IF NULL = NULL SELECT 1 ELSE SELECT 2");
    assertThat(s.rows()).containsExactly(List.of(2));
    s = run("IF (1 = 1 OR 1 = 0) AND NOT 2 < 1 SELECT 'ok'");
    assertThat(s.rows()).containsExactly(List.of("ok"));
    s = run("BEGIN SELECT * FROM nosuch; SELECT 'after' END SELECT 'never'");
    assertThat(s.rows()).isEmpty();
    assertThat(s.errors()).hasSize(1);
  }
}
