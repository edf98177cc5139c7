package io.jctds.server.interop;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The literals of {@link EveryType}'s rows 1 (maximum) and 2 (minimum) as Java values, for clients
 * that send them as RPC parameters. A test inserts these through parameters into one table and the
 * literals through a batch into another, and reads both back through the same client: they must be
 * equal (the batch-inserted rows are checked against the documentation by the *SqlIT tests).
 */
final class EveryTypeValues {
  private EveryTypeValues() {}

  private static byte[] hex(String h) {
    return HexFormat.of().parseHex(h);
  }

  /** Column name to its [row 1, row 2] values. */
  private static final Map<String, List<Object>> VALUES =
      Map.ofEntries(
          Map.entry("c_bit", List.of(true, false)),
          Map.entry("c_tinyint", List.of((short) 255, (short) 0)),
          Map.entry("c_smallint", List.of((short) 32767, (short) -32768)),
          Map.entry("c_int", List.of(Integer.MAX_VALUE, Integer.MIN_VALUE)),
          Map.entry("c_bigint", List.of(Long.MAX_VALUE, Long.MIN_VALUE)),
          Map.entry("c_real", List.of(3.40E+38f, -1.18E-38f)),
          Map.entry("c_float", List.of(1.79E+308, -2.23E-308)),
          Map.entry(
              "c_decimal",
              List.of(
                  new BigDecimal("99999999999999999999999999999999999999"),
                  new BigDecimal("-99999999999999999999999999999999999999"))),
          Map.entry(
              "c_numeric", List.of(new BigDecimal("12345.67891"), new BigDecimal("-0.00001"))),
          Map.entry(
              "c_money",
              List.of(
                  new BigDecimal("922337203685477.5807"), new BigDecimal("-922337203685477.5808"))),
          Map.entry(
              "c_smallmoney",
              List.of(new BigDecimal("214748.3647"), new BigDecimal("-214748.3648"))),
          Map.entry("c_char", List.of("abc", "")),
          Map.entry("c_varchar", List.of("abcdefghij", "")),
          Map.entry("c_varchar_max", List.of("x".repeat(10_000), "")),
          Map.entry("c_nchar", List.of("żółw", "")),
          Map.entry("c_nvarchar", List.of("𝄞𝄞𝄞𝄞𝄞", "")),
          Map.entry("c_nvarchar_max", List.of("ż".repeat(5000), "")),
          Map.entry("c_text", List.of("text", "")),
          Map.entry("c_ntext", List.of("ntext ż", "")),
          Map.entry("c_binary", List.of(hex("01020304"), hex("01"))),
          Map.entry("c_varbinary", List.of(hex("00112233445566778899"), new byte[0])),
          Map.entry("c_varbinary_max", List.of(hex("6162".repeat(5000)), new byte[0])),
          Map.entry("c_image", List.of(hex("CAFE"), hex("00"))),
          Map.entry("c_date", List.of(LocalDate.of(9999, 12, 31), LocalDate.of(1, 1, 1))),
          Map.entry("c_time", List.of(LocalTime.of(23, 59, 59, 999_999_900), LocalTime.MIN)),
          Map.entry(
              "c_datetime",
              List.of(
                  LocalDateTime.of(9999, 12, 31, 23, 59, 59, 997_000_000),
                  LocalDateTime.of(1753, 1, 1, 0, 0))),
          Map.entry(
              "c_datetime_rounded",
              List.of(
                  LocalDateTime.of(1998, 1, 1, 23, 59, 59, 999_000_000),
                  LocalDateTime.of(1998, 1, 1, 23, 59, 59, 992_000_000))),
          Map.entry(
              "c_smalldatetime",
              List.of(LocalDateTime.of(2079, 6, 6, 23, 59), LocalDateTime.of(1900, 1, 1, 0, 0))),
          Map.entry(
              "c_smalldatetime_rounded",
              List.of(
                  LocalDateTime.of(2000, 5, 8, 12, 35, 29, 999_000_000),
                  LocalDateTime.of(2000, 5, 8, 12, 35, 29, 998_000_000))),
          Map.entry(
              "c_datetime2",
              List.of(
                  LocalDateTime.of(9999, 12, 31, 23, 59, 59, 999_999_900),
                  LocalDateTime.of(1, 1, 1, 0, 0))),
          Map.entry(
              "c_datetimeoffset",
              List.of(
                  OffsetDateTime.parse("2007-05-08T12:35:29.1234567+12:15"),
                  OffsetDateTime.parse("0001-01-01T00:00-14:00"))),
          Map.entry(
              "c_uniqueidentifier",
              List.of(UUID.fromString("6F9619FF-8B86-D011-B42D-00C04FC964FF"), new UUID(0, 0))),
          Map.entry("c_xml", List.of("<a>ż</a>", "<b/>")),
          Map.entry("c_sql_variant", List.of(42, "abc")));

  /** The value of {@code column} in row 1 or 2 of {@link EveryType}; row 3 is NULL. */
  static Object of(EveryType.Column column, int row) {
    if (row == 3) {
      return null;
    }
    List<Object> v = VALUES.get(column.name());
    if (v == null) {
      throw new IllegalArgumentException("no values for " + column.name());
    }
    return v.get(row - 1);
  }

  /** {@code INSERT INTO table VALUES (?, ?, ...)} with a marker for id and each column. */
  static String insert(String table) {
    return "INSERT INTO " + table + " VALUES (" + "?, ".repeat(EveryType.COLUMNS.size()) + "?)";
  }

  /** {@code CREATE TABLE} of EveryType's columns without rows. */
  static String create(String table) {
    String batch = EveryType.create(table);
    return batch.substring(0, batch.indexOf('\n'));
  }
}
