package io.jctds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * bulkInsert into the embedded server, read back with SELECT. The expected values are the values
 * sent, as SQL Server stores them per its type documentation (datetime in 1/300 s, smalldatetime in
 * minutes, money to 4 places, char(n) padded with spaces, binary(n) with zeros). Skipped while the
 * embedded server does not accept INSERT BULK (worker bulkserver adds it).
 */
class BulkInsertIT {
  @RegisterExtension static final PlainServer SERVER = new PlainServer();

  private static final String EVERY_TYPE =
      "(id int NOT NULL, ti tinyint, si smallint, b bigint, bt bit, r real, f float,"
          + " d decimal(20,5), m money, sm smallmoney, da date, tm time(7), dt datetime,"
          + " sd smalldatetime, d2 datetime2(7), dto datetimeoffset(7), ch char(4),"
          + " vc varchar(20), nc nchar(3), nv nvarchar(20), nm nvarchar(max), vm varchar(max),"
          + " bn binary(3), vb varbinary(10), bm varbinary(max), g uniqueidentifier)";

  private static Connection connect() {
    return SERVER.connect();
  }

  private static Connection table(String name, String columns) {
    Connection c = connect();
    c.cursor().execute("CREATE TABLE " + name + " " + columns);
    return c;
  }

  private static List<Object> everyType(int id) {
    return Arrays.asList(
        id,
        (short) 255,
        (short) -32768,
        Long.MAX_VALUE,
        true,
        1.5f,
        -2.25e300,
        new BigDecimal("123456789012345.12345"),
        new BigDecimal("-922337203685477.5808"),
        new BigDecimal("214748.3647"),
        LocalDate.of(1, 1, 1),
        LocalTime.of(23, 59, 59, 999_999_900),
        LocalDateTime.of(2024, 2, 29, 12, 34, 56, 3_000_000),
        LocalDateTime.of(2079, 6, 6, 23, 59),
        LocalDateTime.of(9999, 12, 31, 23, 59, 59, 999_999_900),
        OffsetDateTime.of(2024, 2, 29, 12, 34, 56, 100, ZoneOffset.ofHoursMinutes(-14, 0)),
        "ab",
        "café",
        "ñ",
        "grüße ∑",
        "x".repeat(10_000),
        "y".repeat(9_000),
        new byte[] {1},
        new byte[] {0, (byte) 0xff},
        new byte[9_000],
        UUID.fromString("6F9619FF-8B86-D011-B42D-00C04FC964FF"));
  }

  /** What SELECT returns for {@link #everyType}: char(4) and nchar(3) padded, binary(3) zeros. */
  private static List<Object> expected(int id) {
    List<Object> e = new ArrayList<>(everyType(id));
    e.set(16, "ab  ");
    e.set(18, "ñ  ");
    e.set(22, new byte[] {1, 0, 0});
    return e;
  }

  @Test
  void everyTypeAndNullsAreInsertedAndReadBack() {
    try (Connection c = table("every_type", EVERY_TYPE)) {
      List<Object> nulls = new ArrayList<>(Arrays.asList(new Object[26]));
      nulls.set(0, 2);
      BulkOptions o = BulkOptions.builder().autoEncode(true).build();
      assertThat(c.bulkInsert("every_type", List.of(everyType(1), nulls), o)).isEqualTo(2);
      Cursor cur = c.cursor();
      cur.execute("SELECT * FROM every_type ORDER BY id");
      Row one = cur.fetchOne();
      List<Object> want = expected(1);
      for (int i = 0; i < want.size(); i++) {
        assertThat(one.get(i)).as("column %d", i).usingRecursiveComparison().isEqualTo(want.get(i));
      }
      Row two = cur.fetchOne();
      for (int i = 1; i < 26; i++) {
        assertThat(two.isNull(i)).as("column %d", i).isTrue();
      }
    }
  }

  @Test
  void aBadRowIsDataErrorAndEarlierBatchesStayInserted() {
    try (Connection c = table("bad_row", "(id int, s nvarchar(3))")) {
      List<Object> rows =
          List.of(List.of(1, "a"), List.of(2, "b"), List.of(3, "c"), List.of(4, "long"));
      BulkOptions o = BulkOptions.builder().batchSize(2).build();
      assertThatThrownBy(() -> c.bulkInsert("bad_row", rows, o))
          .isInstanceOf(DataError.class)
          .hasMessageContaining("row 4, column [s]");
      Cursor cur = c.cursor();
      cur.execute("SELECT COUNT(*) FROM bad_row");
      assertThat(cur.fetchOne().getInt(0)).isEqualTo(2); // batch 1 only; batch 2 was discarded
    }
  }

  @Test
  void twoHundredThousandRowsStreamInBatchesAndReadBackEqual() {
    try (Connection c = table("many", "(id bigint, s nvarchar(30), d decimal(12,2))")) {
      long n = 200_000;
      BulkOptions o = BulkOptions.builder().batchSize(30_000).tablock(true).build();
      long inserted =
          c.bulkInsert(
              "many",
              LongStream.rangeClosed(1, n)
                  .mapToObj(i -> new Object[] {i, "row " + i, BigDecimal.valueOf(i, 2)}),
              o);
      assertThat(inserted).isEqualTo(n);
      Cursor cur = c.cursor();
      cur.execute("SELECT id, s, d FROM many ORDER BY id");
      long i = 0;
      for (Row r = cur.fetchOne(); r != null; r = cur.fetchOne()) {
        i++;
        assertThat(r.getLong(0)).isEqualTo(i);
        assertThat(r.getString(1)).isEqualTo("row " + i);
        assertThat(r.getBigDecimal(2)).isEqualTo(BigDecimal.valueOf(i, 2));
      }
      assertThat(i).isEqualTo(n);
    }
  }
}
