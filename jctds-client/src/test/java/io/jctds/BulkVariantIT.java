package io.jctds;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * bulkInsert into a sql_variant column of the embedded server, read back with SELECT: "sql_variant
 * (Transact-SQL)" stores each value with its base type, so each value reads back as sent (and a
 * NULL as NULL). The BulkLoadBCP cell is a [MS-TDS] 2.2.5.5.4 sql_variant (base type, properties,
 * value) that the server keeps whole.
 */
class BulkVariantIT {
  @RegisterExtension static final PlainServer SERVER = new PlainServer();

  private static Connection connect() {
    return SERVER.connect();
  }

  @Test
  void variantValuesReadBackAsSent() {
    List<Object> values =
        Arrays.asList(
            17,
            "héllo ∑",
            new BigDecimal("123.45"),
            LocalDate.of(2024, 2, 29),
            UUID.fromString("6F9619FF-8B86-D011-B42D-00C04FC964FF"),
            new byte[] {1, 2, 3},
            null);
    try (Connection c = connect()) {
      c.cursor().execute("CREATE TABLE bv (id int NOT NULL, v sql_variant)");
      List<List<Object>> rows =
          java.util.stream.IntStream.range(0, values.size())
              .mapToObj(i -> Arrays.<Object>asList(i, values.get(i)))
              .toList();
      assertThat(c.bulkInsert("bv", rows)).isEqualTo(values.size());
      Cursor cur = c.cursor();
      cur.execute("SELECT id, v FROM bv ORDER BY id");
      List<Row> got = cur.fetchAll();
      assertThat(got).hasSize(values.size());
      for (int i = 0; i < values.size(); i++) {
        assertThat(got.get(i).get(1)).as("row %d", i).isEqualTo(values.get(i));
      }
    }
  }
}
