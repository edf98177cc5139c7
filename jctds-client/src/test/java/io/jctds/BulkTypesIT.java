package io.jctds;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The value types Cursor.execute accepts (ParamEncoder: Byte, BigInteger, char[], ByteBuffer,
 * ZonedDateTime, Instant and every Sql* wrapper) and the column types BulkInsertIT leaves out
 * (numeric, text, ntext, image, xml), bulk-inserted into the embedded server and read back, with
 * and without autoEncode. Expected values are the values sent, as SQL Server's type documentation
 * says they are stored: money to 4 places, char(n)/nchar(n) padded with spaces and binary(n) with
 * zeros, datetimeoffset keeps the offset (Europe/Paris is UTC+02:00 on 2024-07-01, IANA tz
 * database), an Instant is UTC.
 *
 * <p>SqlVariant's value goes into an int column here; sql_variant columns are BulkVariantIT's.
 */
class BulkTypesIT {
  @RegisterExtension static final PlainServer SERVER = new PlainServer();

  private static Connection table(String name, String columns) {
    Connection c = SERVER.connect();
    c.cursor().execute("CREATE TABLE " + name + " " + columns);
    return c;
  }

  @Test
  void javaTypesOfParametersAndTheLegacyColumnTypes() {
    try (Connection c =
        table(
            "plain",
            "(id int, tb tinyint, bi bigint, nu numeric(30,0), ca nvarchar(10), vb varbinary(10),"
                + " zd datetimeoffset(7), ins datetimeoffset(3), tx text, nt ntext, im image,"
                + " x xml, sv bigint)")) {
      ZonedDateTime paris = ZonedDateTime.of(2024, 7, 1, 10, 0, 0, 0, ZoneId.of("Europe/Paris"));
      List<Object> row =
          Arrays.asList(
              1,
              (byte) 7,
              BigInteger.valueOf(Long.MIN_VALUE),
              new BigInteger("123456789012345678901234567890"),
              "héllo".toCharArray(),
              ByteBuffer.wrap(new byte[] {9, 8, 7}),
              paris,
              Instant.parse("2024-02-29T12:34:56.789Z"),
              "café",
              "grüße ∑",
              new byte[] {1, 2, 3},
              "<a>x</a>",
              42L);
      for (boolean auto : new boolean[] {false, true}) {
        c.cursor().execute("DELETE FROM plain");
        BulkOptions o = BulkOptions.builder().autoEncode(auto).build();
        assertThat(c.bulkInsert("plain", List.of(row), o)).isEqualTo(1);
        Cursor cur = c.cursor();
        cur.execute(
            "SELECT tb, bi, nu, ca, vb, zd, ins, tx, nt, im, CAST(x AS nvarchar(max)), sv"
                + " FROM plain");
        Row r = cur.fetchOne();
        assertThat(r.getShort(0)).isEqualTo((short) 7);
        assertThat(r.getLong(1)).isEqualTo(Long.MIN_VALUE);
        assertThat(r.getBigDecimal(2)).isEqualTo(new BigDecimal("123456789012345678901234567890"));
        assertThat(r.getString(3)).isEqualTo("héllo");
        assertThat(r.getBytes(4)).containsExactly(9, 8, 7);
        assertThat(r.getOffsetDateTime(5))
            .isEqualTo(OffsetDateTime.of(2024, 7, 1, 10, 0, 0, 0, ZoneOffset.ofHours(2)));
        assertThat(r.getOffsetDateTime(6))
            .isEqualTo(OffsetDateTime.of(2024, 2, 29, 12, 34, 56, 789_000_000, ZoneOffset.UTC));
        assertThat(r.getString(7)).isEqualTo("café");
        assertThat(r.getString(8)).isEqualTo("grüße ∑");
        assertThat(r.getBytes(9)).containsExactly(1, 2, 3);
        assertThat(r.getString(10)).isEqualTo("<a>x</a>");
        assertThat(r.getLong(11)).isEqualTo(42L);
      }
    }
  }

  @Test
  void everySqlWrapperGivesItsValue() {
    try (Connection c =
        table(
            "wrapped",
            "(vc varchar(10), nv nvarchar(10), ch char(3), nc nchar(3), bn binary(2),"
                + " vb varbinary(5), de decimal(5,2), da date, ti tinyint, si smallint, i int,"
                + " bi bigint, mo money, dt datetime, x xml, sv int)")) {
      List<Object> row =
          Arrays.asList(
              new SqlVarChar("café"),
              new SqlNVarChar("∑x"),
              new SqlChar("a"),
              new SqlNChar("é"),
              new SqlBinary(new byte[] {5}),
              new SqlVarBinary(new byte[] {1, 2}),
              new SqlDecimal(new BigDecimal("123.45"), 5, 2),
              new SqlDate(LocalDate.of(2024, 2, 29)),
              new SqlTinyInt(255),
              new SqlSmallInt(-32768),
              new SqlInt(Integer.MIN_VALUE),
              new SqlBigInt(Long.MAX_VALUE),
              new SqlMoney(new BigDecimal("12.5")),
              new SqlDateTime(LocalDateTime.of(2024, 2, 29, 12, 34, 56)),
              new SqlXml("<b/>"),
              new SqlVariant(17));
      BulkOptions o = BulkOptions.builder().autoEncode(true).build();
      assertThat(c.bulkInsert("wrapped", List.of(row), o)).isEqualTo(1);
      Cursor cur = c.cursor();
      cur.execute(
          "SELECT vc, nv, ch, nc, bn, vb, de, da, ti, si, i, bi, mo, dt,"
              + " CAST(x AS nvarchar(max)), sv FROM wrapped");
      Row r = cur.fetchOne();
      assertThat(r.getString(0)).isEqualTo("café");
      assertThat(r.getString(1)).isEqualTo("∑x");
      assertThat(r.getString(2)).isEqualTo("a  ");
      assertThat(r.getString(3)).isEqualTo("é  ");
      assertThat(r.getBytes(4)).containsExactly(5, 0);
      assertThat(r.getBytes(5)).containsExactly(1, 2);
      assertThat(r.getBigDecimal(6)).isEqualTo(new BigDecimal("123.45"));
      assertThat(r.getDate(7)).isEqualTo(LocalDate.of(2024, 2, 29));
      assertThat(r.getInt(8)).isEqualTo(255);
      assertThat(r.getInt(9)).isEqualTo(-32768);
      assertThat(r.getInt(10)).isEqualTo(Integer.MIN_VALUE);
      assertThat(r.getLong(11)).isEqualTo(Long.MAX_VALUE);
      assertThat(r.getBigDecimal(12)).isEqualTo(new BigDecimal("12.5000"));
      assertThat(r.getDateTime(13)).isEqualTo(LocalDateTime.of(2024, 2, 29, 12, 34, 56));
      assertThat(r.getString(14)).isEqualTo("<b/>");
      assertThat(r.getInt(15)).isEqualTo(17);
    }
  }
}
