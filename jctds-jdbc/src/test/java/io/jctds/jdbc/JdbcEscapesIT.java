package io.jctds.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.jctds.ConnectOptions;
import io.jctds.Cursor;
import io.jctds.Jctds;
import io.jctds.Row;
import io.jctds.config.ConfigResolver;
import io.jctds.server.TdsServer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Translated escapes run on the embedded server and give the values JDBC 4.3 appendix D defines
 * (e.g. LENGTH excludes trailing blanks, LOCATE is 1-based, TIMESTAMPDIFF(i, t1, t2) counts from t1
 * to t2, DAYOFWEEK is 1 for Sunday under SQL Server's default DATEFIRST 7).
 */
class JdbcEscapesIT {
  private static TdsServer server;
  private static io.jctds.Connection connection;

  @BeforeAll
  static void start() throws Exception {
    server = TdsServer.builder().port(0).user("sa", "pw").build().start();
    ConfigResolver resolver =
        ConfigResolver.builder()
            .environment(Map.of())
            .userHome(null)
            .systemFiles(List.of())
            .interfacesDirectory(Path.of("/nonexistent-jctds-interfaces"))
            .build();
    connection =
        Jctds.connect(
            "127.0.0.1",
            ConnectOptions.builder()
                .user("sa")
                .password("pw")
                .loginTimeout(10)
                .port(server.port())
                .configResolver(resolver)
                .build());
  }

  @AfterAll
  static void stop() throws Exception {
    if (connection != null) {
      connection.close();
    }
    if (server != null) {
      server.close();
    }
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "{fn UCASE('abC')} | ABC",
        "{fn LCASE('AbC')} | abc",
        "{fn CONCAT('ab', 'cd')} | abcd",
        "{fn LENGTH('ab  ')} | 2",
        "{fn LOCATE('c', 'abcabc')} | 3",
        "{fn LOCATE('c', 'abcabc', 4)} | 6",
        "{fn INSERT('abcdef', 2, 3, 'XY')} | aXYef",
        "{fn REPEAT('ab', 3)} | ababab",
        "{fn IFNULL(NULL, 5)} | 5",
        "{fn MOD(17, 5)} | 2",
        "{fn TRUNCATE(2.789, 1)} | 2.700",
        "{fn ABS(-3)} | 3",
        "{fn DATABASE()} | master",
        "{fn CONVERT('42', SQL_INTEGER)} | 42",
        "{fn YEAR({d '2024-02-29'})} | 2024",
        "{fn MONTH({d '2024-02-29'})} | 2",
        "{fn DAYOFMONTH({d '2024-02-29'})} | 29",
        "{fn DAYOFYEAR({d '2024-02-29'})} | 60",
        "{fn QUARTER({d '2024-05-01'})} | 2",
        "{fn HOUR({ts '2024-02-29 13:45:10'})} | 13",
        "{fn MINUTE({t '13:45:10'})} | 45",
        "{fn TIMESTAMPDIFF(SQL_TSI_DAY, {d '2024-01-01'}, {d '2024-03-01'})} | 60",
        "{fn TIMESTAMPADD(SQL_TSI_MONTH, 1, {d '2024-01-31'})} | 2024-02-29",
        "{d '2024-02-29'} | 2024-02-29",
        "{t '23:59:01'} | 23:59:01",
        "{fn EXTRACT(YEAR FROM {d '2031-07-04'})} | 2031",
      })
  void translatedEscapeGivesTheSpecifiedValue(String escape, String expected) {
    try (Cursor c = connection.cursor()) {
      c.execute(translated("SELECT " + escape));
      Row row = c.fetchOne();
      Object v = row.get(0);
      String text =
          v instanceof java.time.LocalDateTime t ? t.toLocalDate().toString() : v.toString();
      assertThat(text).isEqualTo(expected);
    }
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "SELECT x FROM (SELECT 'a_b' AS x UNION ALL SELECT 'axb') t WHERE x LIKE 'a\\_b'"
            + " {escape '\\'} | a_b",
        "SELECT t.x FROM {oj (SELECT 1 AS x) t LEFT OUTER JOIN (SELECT 2 AS y) u ON t.x = u.y}"
            + " | 1",
      })
  void likeEscapeAndOuterJoinRun(String sql, String expected) {
    try (Cursor c = connection.cursor()) {
      c.execute(translated(sql));
      assertThat(c.fetchAll()).extracting(r -> r.get(0).toString()).containsExactly(expected);
    }
  }

  private static String translated(String sql) {
    try {
      return JdbcEscapes.translate(sql);
    } catch (java.sql.SQLException e) {
      throw new AssertionError(e);
    }
  }
}
