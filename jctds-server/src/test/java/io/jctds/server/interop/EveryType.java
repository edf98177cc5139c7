package io.jctds.server.interop;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A table with one column of every SQL Server type and three rows of literals: row 1 holds each
 * type's maximum (or longest) value, row 2 its minimum (or empty) value, row 3 NULL everywhere.
 * Every peer's test creates its own copy, inserts the same literals and reads them back.
 *
 * <p>Where the values come from (learn.microsoft.com, "Data types (Transact-SQL)" and the page of
 * each type): "int, bigint, smallint, and tinyint" (ranges); "float and real" (real: -3.40E+38 to
 * -1.18E-38, 0 and 1.18E-38 to 3.40E+38; float: -1.79E+308 to -2.23E-308, 0 and 2.23E-308 to
 * 1.79E+308); "decimal and numeric" (-10^38 +1 through 10^38 - 1); "money and smallmoney"
 * (-922,337,203,685,477.5808 to 922,337,203,685,477.5807 and -214,748.3648 to 214,748.3647); "char
 * and varchar" and "nchar and nvarchar" (n in byte-pairs for nchar/nvarchar, so five characters
 * outside the BMP fill nvarchar(10)); "binary and varbinary" (binary(n) is padded with 0x00);
 * "date" (0001-01-01 through 9999-12-31); "time" (00:00:00.0000000 through 23:59:59.9999999);
 * "datetime" (1753-01-01 through 9999-12-31, 23:59:59.997 at most, and its "Rounding of datetime
 * fractional second precision" table: 23:59:59.999 is stored as the next day's 00:00:00.000, .992
 * as .993); "smalldatetime" (1900-01-01 through 2079-06-06; 29.998 seconds or less round down to
 * the minute, 29.999 or more up); "datetime2" (0001-01-01 00:00:00 through 9999-12-31
 * 23:59:59.9999999); "datetimeoffset" (its example value 2007-05-08 12:35:29.1234567 +12:15;
 * offsets -14:00 through +14:00); "uniqueidentifier" (its example value
 * 6F9619FF-8B86-D011-B42D-00C04FC964FF); "sql_variant" (keeps the base type of what was stored);
 * "REPLICATE" (a result past 8,000 bytes needs a (max) argument, hence the casts).
 */
final class EveryType {
  /** One column: its name, declared type and the literals of rows 1 and 2. */
  record Column(String name, String type, String max, String min) {}

  /** The columns after {@code id int PRIMARY KEY}, in table order. */
  static final List<Column> COLUMNS =
      List.of(
          new Column("c_bit", "bit", "1", "0"),
          new Column("c_tinyint", "tinyint", "255", "0"),
          new Column("c_smallint", "smallint", "32767", "-32768"),
          new Column("c_int", "int", "2147483647", "-2147483648"),
          new Column("c_bigint", "bigint", "9223372036854775807", "-9223372036854775808"),
          new Column("c_real", "real", "3.40E+38", "-1.18E-38"),
          new Column("c_float", "float", "1.79E+308", "-2.23E-308"),
          new Column(
              "c_decimal",
              "decimal(38,0)",
              "99999999999999999999999999999999999999",
              "-99999999999999999999999999999999999999"),
          new Column("c_numeric", "numeric(10,5)", "12345.67891", "-0.00001"),
          new Column("c_money", "money", "922337203685477.5807", "-922337203685477.5808"),
          new Column("c_smallmoney", "smallmoney", "214748.3647", "-214748.3648"),
          new Column("c_char", "char(10)", "'abc'", "''"),
          new Column("c_varchar", "varchar(10)", "'abcdefghij'", "''"),
          new Column(
              "c_varchar_max", "varchar(max)", "REPLICATE(CAST('x' AS varchar(max)), 10000)", "''"),
          new Column("c_nchar", "nchar(5)", "N'żółw'", "N''"),
          new Column("c_nvarchar", "nvarchar(10)", "N'𝄞𝄞𝄞𝄞𝄞'", "N''"),
          new Column(
              "c_nvarchar_max",
              "nvarchar(max)",
              "REPLICATE(CAST(N'ż' AS nvarchar(max)), 5000)",
              "N''"),
          new Column("c_text", "text", "'text'", "''"),
          new Column("c_ntext", "ntext", "N'ntext ż'", "N''"),
          new Column("c_binary", "binary(4)", "0x01020304", "0x01"),
          new Column("c_varbinary", "varbinary(10)", "0x00112233445566778899", "0x"),
          new Column(
              "c_varbinary_max",
              "varbinary(max)",
              "CAST(REPLICATE(CAST('ab' AS varchar(max)), 5000) AS varbinary(max))",
              "0x"),
          new Column("c_image", "image", "0xCAFE", "0x00"),
          new Column("c_date", "date", "'9999-12-31'", "'0001-01-01'"),
          new Column("c_time", "time(7)", "'23:59:59.9999999'", "'00:00:00'"),
          new Column(
              "c_datetime", "datetime", "'9999-12-31 23:59:59.997'", "'1753-01-01 00:00:00'"),
          new Column(
              "c_datetime_rounded",
              "datetime",
              "'1998-01-01 23:59:59.999'",
              "'1998-01-01 23:59:59.992'"),
          new Column(
              "c_smalldatetime", "smalldatetime", "'2079-06-06 23:59:00'", "'1900-01-01 00:00:00'"),
          new Column(
              "c_smalldatetime_rounded",
              "smalldatetime",
              "'2000-05-08 12:35:29.999'",
              "'2000-05-08 12:35:29.998'"),
          new Column(
              "c_datetime2",
              "datetime2(7)",
              "'9999-12-31 23:59:59.9999999'",
              "'0001-01-01 00:00:00'"),
          new Column(
              "c_datetimeoffset",
              "datetimeoffset(7)",
              "'2007-05-08 12:35:29.1234567 +12:15'",
              "'0001-01-01 00:00:00 -14:00'"),
          new Column(
              "c_uniqueidentifier",
              "uniqueidentifier",
              "'6F9619FF-8B86-D011-B42D-00C04FC964FF'",
              "'00000000-0000-0000-0000-000000000000'"),
          new Column("c_xml", "xml", "N'<a>ż</a>'", "N'<b/>'"),
          new Column(
              "c_sql_variant", "sql_variant", "CAST(42 AS int)", "CAST(N'abc' AS nvarchar(10))"));

  private EveryType() {}

  /** The 1-based result column of {@code name} in {@code SELECT *} (id is column 1). */
  static int column(String name) {
    for (int i = 0; i < COLUMNS.size(); i++) {
      if (COLUMNS.get(i).name().equals(name)) {
        return i + 2;
      }
    }
    throw new IllegalArgumentException("no column " + name);
  }

  /** CREATE TABLE, the three rows, and {@code SELECT * ... ORDER BY id}, as one batch. */
  static String batch(String table) {
    return create(table) + select(table);
  }

  /** CREATE TABLE and the three rows, as one batch (ending in a newline). */
  static String create(String table) {
    return "CREATE TABLE "
        + table
        + " (id int PRIMARY KEY, "
        + COLUMNS.stream().map(c -> c.name() + " " + c.type()).collect(Collectors.joining(", "))
        + ")\nINSERT INTO "
        + table
        + " VALUES (1, "
        + COLUMNS.stream().map(Column::max).collect(Collectors.joining(", "))
        + ")\nINSERT INTO "
        + table
        + " VALUES (2, "
        + COLUMNS.stream().map(Column::min).collect(Collectors.joining(", "))
        + ")\nINSERT INTO "
        + table
        + " (id) VALUES (3)\n";
  }

  /** {@code SELECT * FROM table ORDER BY id}. */
  static String select(String table) {
    return "SELECT * FROM " + table + " ORDER BY id";
  }
}
