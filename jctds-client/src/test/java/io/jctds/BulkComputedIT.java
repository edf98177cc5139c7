package io.jctds;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A positional bulkInsert row leaves computed columns out (docs/bulk.md, as bcp: SQL Server flags
 * them fComputed in COLMETADATA, [MS-TDS] 2.2.7.4, and FreeTDS's bcp skips columns with that flag,
 * commit 7e5bc5b69). The embedded server computes the column itself, as SQL Server does ("Specify
 * Computed Columns in a Table": the value is computed from the expression), so {@code twice} reads
 * back as {@code n * 2}.
 */
class BulkComputedIT {
  @RegisterExtension static final PlainServer SERVER = new PlainServer();

  private static Connection connect() {
    return SERVER.connect();
  }

  @Test
  void positionalRowsSkipTheComputedColumn() {
    try (Connection c = connect()) {
      c.cursor()
          .execute("CREATE TABLE bc (id int IDENTITY(1,1), n int, twice AS n * 2, s nvarchar(10))");
      // the identity keeps its position (its value ignored without keepIdentity); no value for
      // the computed column
      List<List<Object>> rows = List.of(Arrays.asList(null, 3, "a"), Arrays.asList(null, 5, "b"));
      assertThat(c.bulkInsert("bc", rows)).isEqualTo(2);
      Cursor cur = c.cursor();
      cur.execute("SELECT id, n, twice, s FROM bc ORDER BY id");
      List<Row> got = cur.fetchAll();
      assertThat(got).hasSize(2);
      assertThat(
              List.of(got.get(0).get(0), got.get(0).get(1), got.get(0).get(2), got.get(0).get(3)))
          .containsExactly(1, 3, 6, "a");
      assertThat(
              List.of(got.get(1).get(0), got.get(1).get(1), got.get(1).get(2), got.get(1).get(3)))
          .containsExactly(2, 5, 10, "b");
    }
  }
}
