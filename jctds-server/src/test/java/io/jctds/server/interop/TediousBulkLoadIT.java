package io.jctds.server.interop;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jctds.server.EncryptionPolicy;
import io.jctds.server.TdsServer;
import io.jctds.server.interop.Tedious.Step;
import io.jctds.server.interop.Tedious.Steps;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * tedious 19's {@code newBulkLoad} / {@code execBulkLoad} (src/bulk-load.ts: INSERT BULK with the
 * columns it was given, then a BulkLoadBCP message of COLMETADATA, ROW tokens and DONE) into the
 * embedded server, read back through a SELECT. The values are literals within each type's range as
 * Microsoft's "Data types (Transact-SQL)" pages give them; tedious's JavaScript forms as
 * TediousSqlIT records them (bigint as a string, decimal and float as doubles, Dates in UTC).
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class TediousBulkLoadIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static Tedious tedious;
  private static TdsServer server;

  @BeforeAll
  static void start() {
    tedious = Tedious.find();
    server = Interop.start(EncryptionPolicy.OFF);
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  private static List<Step> run(Steps steps) {
    return tedious.run(server, null, steps);
  }

  private static ArrayNode columns(String... specs) {
    ArrayNode cols = JSON.createArrayNode();
    for (String spec : specs) {
      String[] p = spec.split(":");
      ObjectNode c = cols.addObject().put("name", p[0]).put("type", p[1]);
      if (p.length > 2) {
        c.put("length", Integer.parseInt(p[2]));
      }
      if (p.length > 3) {
        c.put("precision", Integer.parseInt(p[2])).put("scale", Integer.parseInt(p[3]));
        c.remove("length");
      }
    }
    return cols;
  }

  private static ArrayNode rows(Object[]... rows) {
    ArrayNode out = JSON.createArrayNode();
    for (Object[] r : rows) {
      ArrayNode row = out.addArray();
      for (Object v : r) {
        row.add(v instanceof ObjectNode o ? o : JSON.valueToTree(v));
      }
    }
    return out;
  }

  private static final String CREATE =
      "CREATE TABLE %s (id int NOT NULL PRIMARY KEY, big bigint, name nvarchar(5), created"
          + " datetime2(7), amount decimal(18,4), ratio float, flag bit, guid uniqueidentifier)";

  private static final ArrayNode COLUMNS =
      columns(
          "id:Int",
          "big:BigInt",
          "name:NVarChar:50",
          "created:DateTime2",
          "amount:Decimal:18:4",
          "ratio:Float",
          "flag:Bit",
          "guid:UniqueIdentifier");

  static {
    // tedious gives a DateTime2 column without a scale scale 0 (bulk-load.ts addColumn sets its
    // value null, datetime2.ts resolveScale answers 0 for null): say 7, as the table declares
    ((ObjectNode) COLUMNS.get(3)).put("scale", 7);
  }

  @Test
  void loadsRowsAndTheyReadBack() {
    Instant created = Instant.parse("2007-05-08T12:35:29.123Z");
    List<Step> steps =
        run(
            new Steps()
                .batch(String.format(CREATE, "tedious_bulk"))
                .bulk(
                    "tedious_bulk",
                    COLUMNS,
                    rows(
                        new Object[] {
                          1,
                          "9223372036854775807",
                          "żółw",
                          Tedious.date(created),
                          12345.6789,
                          1.79E+308,
                          true,
                          "6F9619FF-8B86-D011-B42D-00C04FC964FF"
                        },
                        new Object[] {2, null, null, null, null, null, null, null}),
                    null)
                .sql("SELECT * FROM tedious_bulk ORDER BY id"));
    assertThat(steps.get(1).error()).isNull();
    assertThat(steps.get(1).all("bulk").get(0).asInt()).isEqualTo(2);
    List<List<Object>> back = steps.get(2).rows();
    assertThat(back).hasSize(2);
    assertThat(back.get(0).subList(0, 3)).containsExactly(1L, "9223372036854775807", "żółw");
    assertThat(back.get(0).subList(4, 8))
        .containsExactly(12345.6789, 1.79E+308, true, "6F9619FF-8B86-D011-B42D-00C04FC964FF");
    assertThat(back.get(0).get(3).toString()).contains("2007-05-08T12:35:29.123Z");
    assertThat(back.get(1)).containsExactly(2L, null, null, null, null, null, null, null);
  }

  /**
   * tedious has no sql_variant bulk column: into a sql_variant column it sends the value's own type
   * (INSERT BULK names it), and the stored value keeps that base type ("sql_variant
   * (Transact-SQL)": a sql_variant holds its value with the value's base type).
   */
  @Test
  void aBaseTypedValueIntoSqlVariantKeepsItsBaseType() {
    List<Step> steps =
        run(
            new Steps()
                .batch(
                    "CREATE TABLE tedious_variant (id int NOT NULL, v sql_variant, w sql_variant)")
                .bulk(
                    "tedious_variant",
                    columns("id:Int", "v:Int", "w:NVarChar:10"),
                    rows(new Object[] {1, 42, "abc"}, new Object[] {2, null, null}),
                    null)
                .sql(
                    "SELECT id, v, w, CAST(SQL_VARIANT_PROPERTY(v, 'BaseType') AS nvarchar(30)),"
                        + " CAST(SQL_VARIANT_PROPERTY(w, 'BaseType') AS nvarchar(30))"
                        + " FROM tedious_variant ORDER BY id"));
    assertThat(steps.get(1).error()).isNull();
    List<List<Object>> back = steps.get(2).rows();
    assertThat(back.get(0)).containsExactly(1L, 42L, "abc", "int", "nvarchar");
    assertThat(back.get(1)).containsExactly(2L, null, null, null, null);
  }

  @Test
  void aStringTooLongIs2628AndNothingOfTheLoadIsWritten() {
    List<Step> steps =
        run(
            new Steps()
                .batch(String.format(CREATE, "tedious_bulk_long"))
                .bulk(
                    "tedious_bulk_long",
                    COLUMNS,
                    rows(
                        new Object[] {1, null, "abc", null, null, null, null, null},
                        new Object[] {2, null, "abcdefgh", null, null, null, null, null}),
                    null)
                .sql("SELECT COUNT(*) FROM tedious_bulk_long"));
    // SQL Server 2019+: error 2628 "String or binary data would be truncated in table '%.*ls',
    // column '%.*ls'. Truncated value: '%.*ls'." (its database engine errors list)
    assertThat(steps.get(1).errorNumbers()).contains(2628);
    assertThat(steps.get(2).rows()).containsExactly(Arrays.asList(0L));
  }

  @Test
  void aNullIntoNotNullIs515AndTheSessionGoesOn() {
    List<Step> steps =
        run(
            new Steps()
                .batch(String.format(CREATE, "tedious_bulk_null"))
                .bulk(
                    "tedious_bulk_null",
                    COLUMNS,
                    rows(new Object[] {null, 1, "a", null, null, null, null, null}),
                    null)
                .sql("SELECT COUNT(*) FROM tedious_bulk_null"));
    assertThat(steps.get(1).errorNumbers()).contains(515);
    assertThat(steps.get(2).error()).isNull();
    assertThat(steps.get(2).rows()).containsExactly(Arrays.asList(0L));
  }
}
