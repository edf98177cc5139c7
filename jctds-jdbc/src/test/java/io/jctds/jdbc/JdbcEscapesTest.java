package io.jctds.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLSyntaxErrorException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * JDBC escapes (JDBC 4.3 section 13.4, appendix D) to T-SQL. Each expected text is the appendix's
 * definition written with the T-SQL function Microsoft's "Transact-SQL reference" gives that
 * meaning (UCASE = UPPER, LENGTH without trailing blanks = LEN, LOCATE = CHARINDEX, INSERT = STUFF,
 * REPEAT = REPLICATE, TIMESTAMPDIFF(i, t1, t2) = t2 - t1 = DATEDIFF(i, t1, t2), ...).
 */
class JdbcEscapesTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "SELECT {fn UCASE(name)} FROM t | SELECT UPPER(name) FROM t",
        "SELECT {fn lcase('A')} | SELECT LOWER('A')",
        "SELECT {fn CONCAT(a, b)} | SELECT (a + b)",
        "SELECT {fn CONCAT(a + 'x', b)} | SELECT ((a + 'x') + b)",
        "SELECT {fn NOW()} | SELECT GETDATE()",
        "SELECT {fn CURDATE()} | SELECT CONVERT(date, GETDATE())",
        "SELECT {fn CURTIME()} | SELECT CONVERT(time, GETDATE())",
        "SELECT {fn IFNULL(x, 0)} | SELECT ISNULL(x, 0)",
        "SELECT {fn LENGTH(s)} | SELECT LEN(s)",
        "SELECT {fn LOCATE('b', s)} | SELECT CHARINDEX('b', s)",
        "SELECT {fn LOCATE('b', s, 3)} | SELECT CHARINDEX('b', s, 3)",
        "SELECT {fn INSERT(s, 2, 3, 'xy')} | SELECT STUFF(s, 2, 3, 'xy')",
        "SELECT {fn REPEAT('ab', 3)} | SELECT REPLICATE('ab', 3)",
        "SELECT {fn MOD(a + 1, 3)} | SELECT ((a + 1) % 3)",
        "SELECT {fn TRUNCATE(x, 2)} | SELECT ROUND(x, 2, 1)",
        "SELECT {fn ATAN2(y, x)} | SELECT ATN2(y, x)",
        "SELECT {fn ABS(-1)} | SELECT ABS(-1)",
        "SELECT {fn SUBSTRING(s, 1, 2)} | SELECT SUBSTRING(s, 1, 2)",
        "SELECT {fn DATABASE()} | SELECT DB_NAME()",
        "SELECT {fn USER()} | SELECT USER_NAME()",
        "SELECT {fn DAYNAME(d)} | SELECT DATENAME(weekday, d)",
        "SELECT {fn MONTHNAME(d)} | SELECT DATENAME(month, d)",
        "SELECT {fn DAYOFWEEK(d)} | SELECT DATEPART(weekday, d)",
        "SELECT {fn DAYOFYEAR(d)} | SELECT DATEPART(dayofyear, d)",
        "SELECT {fn YEAR(d)}, {fn QUARTER(d)} | SELECT DATEPART(year, d), DATEPART(quarter, d)",
        "SELECT {fn EXTRACT(MONTH FROM d)} | SELECT DATEPART(month, d)",
        "SELECT {fn TIMESTAMPADD(SQL_TSI_DAY, 3, d)} | SELECT DATEADD(day, 3, d)",
        "SELECT {fn TIMESTAMPDIFF(SQL_TSI_MONTH, a, b)} | SELECT DATEDIFF(month, a, b)",
        "SELECT {fn TIMESTAMPADD(SQL_TSI_FRAC_SECOND, 5, d)} | SELECT DATEADD(nanosecond, 5, d)",
        "SELECT {fn CONVERT(x, SQL_INTEGER)} | SELECT CONVERT(int, x)",
        "SELECT {fn CONVERT(x, VARCHAR)} | SELECT CONVERT(varchar(max), x)",
        "SELECT {fn CONVERT(x, SQL_TIMESTAMP)} | SELECT CONVERT(datetime2, x)",
        "SELECT {d '2024-02-29'} | SELECT CAST('2024-02-29' AS date)",
        "SELECT {t '23:59:01'} | SELECT CAST('23:59:01' AS time)",
        "SELECT {ts '2024-02-29 23:59:01.123456'} | SELECT CAST('2024-02-29 23:59:01.123456' AS"
            + " datetime2)",
        "SELECT * FROM {oj a LEFT OUTER JOIN b ON a.id = b.id} | SELECT * FROM a LEFT OUTER JOIN b"
            + " ON a.id = b.id",
        "SELECT * FROM t WHERE s LIKE 'a\\_%' {escape '\\'} | SELECT * FROM t WHERE s LIKE 'a\\_%'"
            + " ESCAPE '\\'",
        "{call p} | EXEC p",
        "{call dbo.p(?, ?)} | EXEC dbo.p ?, ?",
        "{ ? = CALL [my proc]( ?, 'a,b', f(1, 2) ) } | EXEC ? = [my proc] ?, 'a,b', f(1, 2)",
        "SELECT {fn UCASE({fn CONCAT(a, b)})} | SELECT UPPER((a + b))",
        "SELECT {fn YEAR({d '2024-01-02'})} | SELECT DATEPART(year, CAST('2024-01-02' AS date))",
      })
  void translatesEscapes(String jdbc, String tsql) throws Exception {
    assertThat(JdbcEscapes.translate(jdbc)).isEqualTo(tsql);
  }

  @Test
  void leavesLiteralsQuotedIdentifiersAndCommentsAlone() throws Exception {
    String sql =
        "SELECT '{fn UCASE(x)}', N'{d ''x''}', \"{a}\", [{b}] -- {oops\n"
            + "/* {fn nested /* {x} */ } */ FROM t";
    assertThat(JdbcEscapes.translate(sql)).isEqualTo(sql);
  }

  @Test
  void textWithoutEscapesIsReturnedAsItIs() throws Exception {
    String sql = "SELECT 1";
    assertThat(JdbcEscapes.translate(sql)).isSameAs(sql);
  }

  @Test
  void unknownEscapeNamesItAndItsOffset() {
    assertThatThrownBy(() -> JdbcEscapes.translate("SELECT {limit 10}"))
        .isInstanceOf(SQLSyntaxErrorException.class)
        .hasMessageContaining("{limit ...}")
        .hasMessageContaining("offset 7");
  }

  @Test
  void unterminatedEscapeIsAnError() {
    assertThatThrownBy(() -> JdbcEscapes.translate("SELECT {fn UCASE('}')"))
        .isInstanceOf(SQLSyntaxErrorException.class)
        .hasMessageContaining("offset 7")
        .hasMessageContaining("no closing '}'");
  }

  @Test
  void malformedLiteralsAndArgumentCountsAreErrors() {
    assertThatThrownBy(() -> JdbcEscapes.translate("SELECT {d '2024/01/02'}"))
        .isInstanceOf(SQLSyntaxErrorException.class)
        .hasMessageContaining("{d 'yyyy-mm-dd'}");
    assertThatThrownBy(() -> JdbcEscapes.translate("SELECT {fn UCASE(a, b)}"))
        .isInstanceOf(SQLSyntaxErrorException.class)
        .hasMessageContaining("UCASE with 2 argument(s)");
    assertThatThrownBy(() -> JdbcEscapes.translate("SELECT {fn TIMESTAMPADD(SQL_TSI_EON, 1, d)}"))
        .isInstanceOf(SQLSyntaxErrorException.class)
        .hasMessageContaining("SQL_TSI_EON");
    assertThatThrownBy(() -> JdbcEscapes.translate("SELECT {fn CONVERT(x, SQL_ARRAY)}"))
        .isInstanceOf(SQLSyntaxErrorException.class)
        .hasMessageContaining("SQL_ARRAY");
    assertThatThrownBy(() -> JdbcEscapes.translate("{call}"))
        .isInstanceOf(SQLSyntaxErrorException.class);
  }

  @Test
  void parsesCallEscapes() throws Exception {
    assertThat(JdbcEscapes.parseCall(" {? = call dbo.p(?, 5, ?)} ;"))
        .isEqualTo(new JdbcEscapes.Call("dbo.p", 3, true, List.of("?", "5", "?")));
    assertThat(JdbcEscapes.parseCall("{call p}"))
        .isEqualTo(new JdbcEscapes.Call("p", 0, false, List.of()));
    assertThat(JdbcEscapes.parseCall("{call p()}"))
        .isEqualTo(new JdbcEscapes.Call("p", 0, false, List.of()));
    assertThat(JdbcEscapes.parseCall("{call p('?', {fn UCASE(?)})}"))
        .isEqualTo(new JdbcEscapes.Call("p", 1, false, List.of("'?'", "UPPER(?)")));
  }

  @Test
  void parseCallIsNullForOtherText() throws Exception {
    assertThat(JdbcEscapes.parseCall("EXEC p ?")).isNull();
    assertThat(JdbcEscapes.parseCall("SELECT {fn NOW()}")).isNull();
    assertThat(JdbcEscapes.parseCall("{fn NOW()}")).isNull();
    assertThat(JdbcEscapes.parseCall("{call p} SELECT 1")).isNull();
  }
}
