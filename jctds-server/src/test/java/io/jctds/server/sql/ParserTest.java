package io.jctds.server.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ParserTest {
  @Test
  void statementsNeedNoSeparator() {
    List<Statement> s = Parser.parse("SET NOCOUNT ON SELECT 1 USE tempdb; select 2");
    assertThat(s)
        .hasExactlyElementsOfTypes(
            Statement.SetOption.class,
            Statement.Select.class,
            Statement.Use.class,
            Statement.Select.class);
  }

  @Test
  void setForms() {
    List<Statement> s =
        Parser.parse(
            "SET ANSI_NULLS, QUOTED_IDENTIFIER ON\nSET TEXTSIZE 2147483647\nSET LOCK_TIMEOUT -1\n"
                + "SET TRANSACTION ISOLATION LEVEL READ UNCOMMITTED\nSET DATEFORMAT ymd\n"
                + "SET DEADLOCK_PRIORITY LOW\nSET LANGUAGE us_english\nSET STATISTICS IO OFF");
    assertThat(s.get(0))
        .isEqualTo(new Statement.SetOption(List.of("ANSI_NULLS", "QUOTED_IDENTIFIER"), "ON", 1));
    assertThat(s.get(1)).isEqualTo(new Statement.SetOption(List.of("TEXTSIZE"), "2147483647", 2));
    assertThat(s.get(2)).isEqualTo(new Statement.SetOption(List.of("LOCK_TIMEOUT"), "-1", 3));
    assertThat(s.get(3))
        .isEqualTo(
            new Statement.SetOption(List.of("TRANSACTION ISOLATION LEVEL"), "READ UNCOMMITTED", 4));
    assertThat(s.get(4)).isEqualTo(new Statement.SetOption(List.of("DATEFORMAT"), "ymd", 5));
    assertThat(s.get(5)).isEqualTo(new Statement.SetOption(List.of("DEADLOCK_PRIORITY"), "LOW", 6));
    assertThat(s.get(6)).isEqualTo(new Statement.SetLanguage("us_english", 7));
    assertThat(s.get(7)).isEqualTo(new Statement.SetOption(List.of("STATISTICS IO"), "OFF", 8));
  }

  @Test
  void unknownSetOptionIs195() {
    assertThatThrownBy(() -> Parser.parse("SET FOO ON"))
        .isInstanceOfSatisfying(SqlException.class, e -> assertThat(e.number()).isEqualTo(195))
        .hasMessage("'FOO' is not a recognized SET option.");
  }

  @Test
  void ifElseAndBlocks() {
    List<Statement> s =
        Parser.parse("IF @@TRANCOUNT > 0 BEGIN COMMIT TRAN END ELSE SELECT 'none'; PRINT 'x'");
    Statement.If i = (Statement.If) s.get(0);
    assertThat(i.then()).isInstanceOf(Statement.Block.class);
    assertThat(i.otherwise()).isInstanceOf(Statement.Select.class);
    assertThat(s.get(1)).isInstanceOf(Statement.Print.class);
  }

  @Test
  void selectItemsAliasesFromWhereOrderTop() {
    Statement.Select s =
        (Statement.Select)
            Parser.parse(
                    "SELECT TOP 5 a = 1, 2 AS b, 3 c, 'x' 'd', [e] = @@SPID, c.session_id"
                        + " FROM master.sys.dm_exec_connections AS c WITH (NOLOCK)"
                        + " WHERE c.session_id = @@SPID AND NOT (1 = 2) ORDER BY 2 DESC")
                .get(0);
    assertThat(s.items())
        .extracting(Statement.Select.Item::alias)
        .containsExactly("a", "b", "c", "d", "e", null);
    assertThat(s.from().view()).isSameAs(DmExecConnections.INSTANCE);
    assertThat(s.from().alias()).isEqualTo("c");
    assertThat(s.where()).isInstanceOf(Cond.And.class);
    assertThat(s.orderBy()).singleElement().matches(Statement.Select.Order::descending);
    assertThat(s.top()).isNotNull();
  }

  @Test
  void unknownTableIsResolvedAtRunTime() {
    Statement.Select s = (Statement.Select) Parser.parse("SELECT * FROM dbo.t").get(0);
    assertThat(s.from().view()).isNull();
    assertThat(s.from().written()).isEqualTo("dbo.t");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "SELEC 1",
        "SELECT",
        "SELECT 1 +",
        "SELECT (1",
        "SELECT 1 FROM",
        "USE",
        "IF 1 SELECT 1",
        "BEGIN SELECT 1",
        "SELECT 1 WHERE",
        "COMMIT TRAN x y",
        ")",
        "SELECT * FROM t WHERE a"
      })
  void syntaxErrorsAre102(String sql) {
    assertThatThrownBy(() -> Parser.parse(sql))
        .isInstanceOfSatisfying(
            SqlException.class,
            e -> {
              assertThat(e.number()).isEqualTo(102);
              assertThat(e.severity()).isEqualTo(15);
              assertThat(e.abortsBatch()).isTrue();
            })
        .hasMessageStartingWith("Incorrect syntax near '");
  }

  @Test
  void unsupportedStatementsEndTheParse() {
    List<Statement> s = Parser.parse("SELECT 1; CREATE TABLE t (a int); SELECT 2");
    assertThat(s).hasSize(2);
    assertThat(((Statement.Failing) s.get(1)).error().number()).isEqualTo(40517);
    Statement.Failing insert =
        (Statement.Failing) Parser.parse("INSERT INTO [dbo].[t] VALUES (1)").get(0);
    assertThat(insert.error().getMessage()).isEqualTo("Invalid object name 'dbo.t'.");
  }
}
