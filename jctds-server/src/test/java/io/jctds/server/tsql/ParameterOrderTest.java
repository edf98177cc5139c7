package io.jctds.server.tsql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Variables and parameters used both in a select list (or UPDATE ... FROM's SET) and in the clauses
 * after it each keep their own value, whatever order the translation visits them in. What SQL
 * Server answers follows from the statements themselves ("SELECT", "UPDATE"); jTDS's
 * PreparedStatement {@code SELECT ?, ... WHERE ? IS NULL} (sp_prepare, sp_execute) found the bug.
 */
class ParameterOrderTest extends EngineTest {

  @Test
  void selectListAndWhere() {
    ok("CREATE TABLE po (n int, m int)\nINSERT INTO po VALUES (2, 0), (3, 0)");
    assertThat(ok("DECLARE @x int = 1, @y int = 2\nSELECT @x, n FROM po WHERE n = @y").rows())
        .containsExactly(List.of(1, 2));
    assertThat(ok("DECLARE @x int = 1, @y int = 2\nSELECT @x WHERE @y = 2").rows())
        .containsExactly(List.of(1));
    assertThat(ok("DECLARE @b varbinary(10) = 0xCAFE, @i int\nSELECT @b WHERE @i IS NULL").rows())
        .hasSize(1);
    assertThat(
            ok("DECLARE @x int = 10, @y int = 2\nSELECT n + @x, COUNT(*) FROM po WHERE n = @y"
                    + " GROUP BY n HAVING COUNT(*) > @y - 2")
                .rows())
        .containsExactly(List.of(12, 1));
    assertThat(
            ok("EXEC sp_executesql N'SELECT @a, n FROM po WHERE n = @b', N'@a int, @b int', 1, 2")
                .rows())
        .containsExactly(List.of(1, 2));
  }

  @Test
  void updateFromSetAndWhere() {
    ok("CREATE TABLE pu (n int, m int)\nINSERT INTO pu VALUES (2, 0), (3, 0)");
    ok("DECLARE @x int = 5, @y int = 3\nUPDATE pu SET m = @x FROM pu WHERE n = @y");
    assertThat(ok("SELECT n, m FROM pu ORDER BY n").rows())
        .containsExactly(List.of(2, 0), List.of(3, 5));
  }
}
