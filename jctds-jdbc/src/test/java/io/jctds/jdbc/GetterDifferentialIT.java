package io.jctds.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.jctds.Column;
import io.jctds.Connection;
import io.jctds.Cursor;
import io.jctds.RowList;
import io.jctds.server.TdsServer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.NClob;
import java.sql.ResultSet;
import java.sql.SQLXML;
import java.sql.Statement;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The getter conversions against the reference: one table with a column of every SQL Server type
 * the embedded server has, three rows of values (each type's maximum, its minimum, an ordinary
 * value; the literals and what they store are Microsoft's "Data types (Transact-SQL)" pages, as in
 * jctds-client's EveryTypeRowsIT), read through mssql-jdbc 13.6.2 and through the native cursor's
 * rows and {@link JdbcValues}. Every getter on every cell must give the same value of the same
 * class, or both an SQLException, except the differences NOTES-C.md lists: an integer getter on a
 * value that does not fit (mssql-jdbc wraps it, we throw 22003 — checked against the exact value),
 * datetimeoffset's getObject class, and a getter where mssql-jdbc throws an unchecked exception (we
 * throw SQLException). The JVM's zone is Europe/Warsaw for the run (DST, not UTC), and the Calendar
 * getters use America/New_York.
 */
class GetterDifferentialIT {
  private static TdsServer server;
  private static TimeZone savedZone;
  private static final Calendar NEW_YORK =
      Calendar.getInstance(TimeZone.getTimeZone("America/New_York"));

  /** name, type, three literals. */
  private record Col(String name, String type, String a, String b, String c) {}

  private static final List<Col> COLS =
      List.of(
          new Col("c_bit", "bit", "1", "0", "1"),
          new Col("c_tinyint", "tinyint", "255", "0", "42"),
          new Col("c_smallint", "smallint", "32767", "-32768", "42"),
          new Col("c_int", "int", "2147483647", "-2147483648", "42"),
          new Col("c_bigint", "bigint", "9223372036854775807", "-9223372036854775808", "-42"),
          new Col("c_real", "real", "3.40E+38", "-1.18E-38", "1.5"),
          new Col("c_float", "float", "1.79E+308", "-2.23E-308", "-2.5"),
          new Col(
              "c_decimal",
              "decimal(38,0)",
              "99999999999999999999999999999999999999",
              "-99999999999999999999999999999999999999",
              "127"),
          new Col("c_numeric", "numeric(10,5)", "12345.67891", "-0.00001", "1.5"),
          new Col("c_decimal_small", "decimal(38,10)", "0.0000000001", "0", "-1.5"),
          new Col("c_money", "money", "922337203685477.5807", "-922337203685477.5808", "42.5"),
          new Col("c_smallmoney", "smallmoney", "214748.3647", "-214748.3648", "-1.25"),
          new Col("c_char", "char(10)", "'abc'", "''", "'42'"),
          new Col("c_varchar", "varchar(10)", "'abcdefghij'", "''", "' -7 '"),
          new Col(
              "c_varchar_max",
              "varchar(max)",
              "REPLICATE(CAST('x' AS varchar(max)), 10000)",
              "''",
              "'true'"),
          new Col(
              "c_vc_date",
              "varchar(30)",
              "'2024-02-29 13:45:10.1234567'",
              "'2024-02-29'",
              "'13:45:10.5'"),
          new Col("c_nchar", "nchar(5)", "N'żółw'", "N''", "N'1'"),
          new Col("c_nvarchar", "nvarchar(10)", "N'𝄞𝄞𝄞𝄞𝄞'", "N''", "N'2.5e3'"),
          new Col(
              "c_nvarchar_max",
              "nvarchar(max)",
              "REPLICATE(CAST(N'ż' AS nvarchar(max)), 5000)",
              "N''",
              "N'1999-12-31 23:59:59'"),
          new Col("c_text", "text", "'text'", "''", "'1'"),
          new Col("c_ntext", "ntext", "N'ntext ż'", "N''", "N'0'"),
          new Col("c_binary", "binary(4)", "0x01020304", "0x01", "0xFF"),
          new Col(
              "c_varbinary",
              "varbinary(16)",
              "0x00112233445566778899",
              "0x",
              "0x6F9619FF8B86D011B42D00C04FC964FF"),
          new Col(
              "c_varbinary_max",
              "varbinary(max)",
              "CAST(REPLICATE(CAST('ab' AS varchar(max)), 5000) AS varbinary(max))",
              "0x",
              "0xCAFE"),
          new Col("c_image", "image", "0xCAFE", "0x00", "0x01"),
          new Col("c_date", "date", "'9999-12-31'", "'0001-01-01'", "'2024-02-29'"),
          new Col("c_time", "time(7)", "'23:59:59.9999999'", "'00:00:00'", "'13:45:10.1234567'"),
          new Col("c_time3", "time(3)", "'23:59:59.999'", "'00:00:00.0004'", "'12:00:00.5'"),
          new Col(
              "c_datetime",
              "datetime",
              "'9999-12-31 23:59:59.997'",
              "'1753-01-01 00:00:00'",
              "'2024-02-29 13:45:10.123'"),
          new Col(
              "c_smalldatetime",
              "smalldatetime",
              "'2079-06-06 23:59:00'",
              "'1900-01-01 00:00:00'",
              "'2024-02-29 13:45:00'"),
          new Col(
              "c_datetime2",
              "datetime2(7)",
              "'9999-12-31 23:59:59.9999999'",
              "'0001-01-01 00:00:00'",
              "'2024-02-29 13:45:10.1234567'"),
          new Col(
              "c_datetime2_0",
              "datetime2(0)",
              "'2024-03-31 02:30:00'",
              "'1582-10-10 12:00:00'",
              "'1900-01-01 00:00:00'"),
          new Col(
              "c_datetimeoffset",
              "datetimeoffset(7)",
              "'2007-05-08 12:35:29.1234567 +12:15'",
              "'0001-01-01 00:00:00 -14:00'",
              "'2024-02-29 23:30:00.5 -05:00'"),
          new Col(
              "c_uniqueidentifier",
              "uniqueidentifier",
              "'6F9619FF-8B86-D011-B42D-00C04FC964FF'",
              "'00000000-0000-0000-0000-000000000000'",
              "'A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11'"),
          new Col("c_xml", "xml", "N'<a>ż</a>'", "N'<b/>'", "N'<c x=\"1\">t</c>'"),
          new Col(
              "c_sql_variant",
              "sql_variant",
              "CAST(42 AS int)",
              "CAST(N'abc' AS nvarchar(10))",
              "CAST(-7 AS bigint)"),
          new Col(
              "c_sql_variant2",
              "sql_variant",
              "CAST(1.5 AS decimal(5,2))",
              "CAST('2024-02-29 13:45:10.123' AS datetime)",
              "CAST(2.5 AS float)"),
          new Col(
              "c_sql_variant3",
              "sql_variant",
              "CAST('2024-02-29' AS date)",
              "CAST(32767 AS smallint)",
              "CAST(0x0102 AS varbinary(10))"),
          new Col(
              "c_sql_variant4",
              "sql_variant",
              "CAST('13:45:10.1234567' AS time)",
              "CAST('2024-02-29 13:45:10.5 +01:00' AS datetimeoffset)",
              "CAST('6F9619FF-8B86-D011-B42D-00C04FC964FF' AS uniqueidentifier)"));

  /** A getter on both sides. */
  private record Getter(String name, MsGet ms, JGet j, long min, long max) {
    Getter(String name, MsGet ms, JGet j) {
      this(name, ms, j, 0, -1);
    }

    boolean ranged() {
      return min <= max;
    }
  }

  private interface MsGet {
    Object get(ResultSet rs, int i) throws Exception;
  }

  private interface JGet {
    Object get(Object v, Column c) throws Exception;
  }

  private static final List<Class<?>> CLASSES =
      List.of(
          String.class,
          Byte.class,
          Short.class,
          Integer.class,
          Long.class,
          Float.class,
          Double.class,
          BigDecimal.class,
          Boolean.class,
          byte[].class,
          UUID.class,
          java.sql.Date.class,
          Time.class,
          Timestamp.class,
          LocalDate.class,
          LocalTime.class,
          LocalDateTime.class,
          OffsetDateTime.class,
          OffsetTime.class,
          Blob.class,
          Clob.class,
          NClob.class,
          SQLXML.class);

  private static List<Getter> getters() {
    List<Getter> g = new ArrayList<>();
    g.add(new Getter("getString", ResultSet::getString, JdbcValues::getString));
    g.add(new Getter("getBoolean", ResultSet::getBoolean, JdbcValues::getBoolean));
    g.add(
        new Getter(
            "getByte",
            ResultSet::getByte,
            (v, c) -> (byte) JdbcValues.getLong(v, c, Byte.MIN_VALUE, Byte.MAX_VALUE),
            Byte.MIN_VALUE,
            Byte.MAX_VALUE));
    g.add(
        new Getter(
            "getShort",
            ResultSet::getShort,
            (v, c) -> (short) JdbcValues.getLong(v, c, Short.MIN_VALUE, Short.MAX_VALUE),
            Short.MIN_VALUE,
            Short.MAX_VALUE));
    g.add(
        new Getter(
            "getInt",
            ResultSet::getInt,
            (v, c) -> (int) JdbcValues.getLong(v, c, Integer.MIN_VALUE, Integer.MAX_VALUE),
            Integer.MIN_VALUE,
            Integer.MAX_VALUE));
    g.add(
        new Getter(
            "getLong",
            ResultSet::getLong,
            (v, c) -> JdbcValues.getLong(v, c, Long.MIN_VALUE, Long.MAX_VALUE),
            Long.MIN_VALUE,
            Long.MAX_VALUE));
    g.add(new Getter("getFloat", ResultSet::getFloat, JdbcValues::getFloat));
    g.add(new Getter("getDouble", ResultSet::getDouble, JdbcValues::getDouble));
    g.add(new Getter("getBigDecimal", ResultSet::getBigDecimal, JdbcValues::getBigDecimal));
    g.add(new Getter("getBytes", ResultSet::getBytes, JdbcValues::getBytes));
    temporalGetters(g);
    otherGetters(g);
    return g;
  }

  private static void temporalGetters(List<Getter> g) {
    g.add(new Getter("getDate", ResultSet::getDate, (v, c) -> JdbcValues.getDate(v, c, null)));
    g.add(new Getter("getTime", ResultSet::getTime, (v, c) -> JdbcValues.getTime(v, c, null)));
    g.add(
        new Getter(
            "getTimestamp",
            ResultSet::getTimestamp,
            (v, c) -> JdbcValues.getTimestamp(v, c, null)));
    g.add(
        new Getter(
            "getDate(cal)",
            (rs, i) -> rs.getDate(i, NEW_YORK),
            (v, c) -> JdbcValues.getDate(v, c, NEW_YORK)));
    g.add(
        new Getter(
            "getTime(cal)",
            (rs, i) -> rs.getTime(i, NEW_YORK),
            (v, c) -> JdbcValues.getTime(v, c, NEW_YORK)));
    g.add(
        new Getter(
            "getTimestamp(cal)",
            (rs, i) -> rs.getTimestamp(i, NEW_YORK),
            (v, c) -> JdbcValues.getTimestamp(v, c, NEW_YORK)));
  }

  private static void otherGetters(List<Getter> g) {
    g.add(new Getter("getObject", ResultSet::getObject, JdbcValues::getObject));
    g.add(new Getter("getBinaryStream", ResultSet::getBinaryStream, JdbcValues::getBinaryStream));
    g.add(
        new Getter(
            "getCharacterStream", ResultSet::getCharacterStream, JdbcValues::getCharacterStream));
    g.add(new Getter("getNString", ResultSet::getNString, JdbcValues::getNString));
    g.add(
        new Getter(
            "getNCharacterStream",
            ResultSet::getNCharacterStream,
            JdbcValues::getNCharacterStream));
    g.add(new Getter("getAsciiStream", ResultSet::getAsciiStream, JdbcValues::getAsciiStream));
    g.add(new Getter("getBlob", ResultSet::getBlob, JdbcValues::getBlob));
    g.add(new Getter("getClob", ResultSet::getClob, JdbcValues::getClob));
    g.add(new Getter("getNClob", ResultSet::getNClob, JdbcValues::getNClob));
    g.add(new Getter("getSQLXML", ResultSet::getSQLXML, JdbcValues::getSqlXml));
    for (Class<?> k : CLASSES) {
      long[] range = range(k);
      g.add(
          new Getter(
              "getObject(" + k.getSimpleName() + ")",
              (rs, i) -> rs.getObject(i, k),
              (v, c) -> JdbcValues.getObject(v, c, k),
              range[0],
              range[1]));
    }
  }

  private static long[] range(Class<?> k) {
    if (k == Byte.class) {
      return new long[] {Byte.MIN_VALUE, Byte.MAX_VALUE};
    } else if (k == Short.class) {
      return new long[] {Short.MIN_VALUE, Short.MAX_VALUE};
    } else if (k == Integer.class) {
      return new long[] {Integer.MIN_VALUE, Integer.MAX_VALUE};
    } else if (k == Long.class) {
      return new long[] {Long.MIN_VALUE, Long.MAX_VALUE};
    }
    return new long[] {0, -1};
  }

  /** Per row, per column: the reference outcomes by getter name, and the exact numeric value. */
  private static final List<Map<String, Map<String, Outcome>>> MS = new ArrayList<>();

  private static final List<Map<String, BigDecimal>> EXACT = new ArrayList<>();
  private static RowList rows;

  /** Per column: mssql-jdbc's getColumnType, getColumnClassName and getColumnTypeName. */
  private static final Map<String, String> META = new LinkedHashMap<>();

  @BeforeAll
  static void readBothWays() throws Exception {
    savedZone = TimeZone.getDefault();
    TimeZone.setDefault(TimeZone.getTimeZone("Europe/Warsaw"));
    server = ValuesServer.start();
    String select = "SELECT * FROM getter_values ORDER BY id";
    try (Connection c = ValuesServer.jctds(server);
        Cursor cursor = c.cursor()) {
      cursor.execute(createTable());
      cursor.execute(select);
      rows = cursor.fetchAll();
    }
    try (java.sql.Connection c = ValuesServer.mssql(server);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(select)) {
      List<Getter> getters = getters();
      java.sql.ResultSetMetaData md = rs.getMetaData();
      for (int i = 0; i < COLS.size(); i++) {
        META.put(
            COLS.get(i).name(),
            md.getColumnType(i + 2)
                + " "
                + md.getColumnClassName(i + 2)
                + " "
                + md.getColumnTypeName(i + 2));
      }
      while (rs.next()) {
        Map<String, Map<String, Outcome>> row = new LinkedHashMap<>();
        Map<String, BigDecimal> exact = new LinkedHashMap<>();
        for (int i = 0; i < COLS.size(); i++) {
          int index = i + 2;
          Map<String, Outcome> cell = new LinkedHashMap<>();
          for (Getter g : getters) {
            Outcome o = Outcome.of(() -> g.ms().get(rs, index));
            cell.put(g.name(), new Outcome(o.error() == null ? o.show() : null, o.error()));
          }
          row.put(COLS.get(i).name(), cell);
          Outcome e = Outcome.of(() -> rs.getBigDecimal(index));
          exact.put(COLS.get(i).name(), (BigDecimal) e.value());
        }
        MS.add(row);
        EXACT.add(exact);
      }
    }
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
    TimeZone.setDefault(savedZone);
  }

  private static String createTable() {
    StringBuilder sb = new StringBuilder("CREATE TABLE getter_values (id int PRIMARY KEY");
    for (Col c : COLS) {
      sb.append(", ").append(c.name()).append(' ').append(c.type());
    }
    sb.append(")\n");
    for (int r = 0; r < 3; r++) {
      int row = r;
      sb.append("INSERT INTO getter_values VALUES (")
          .append(r + 1)
          .append(", ")
          .append(
              COLS.stream()
                  .map(c -> row == 0 ? c.a() : row == 1 ? c.b() : c.c())
                  .collect(Collectors.joining(", ")))
          .append(")\n");
    }
    return sb.toString();
  }

  @TestFactory
  Stream<DynamicTest> everyGetterMatchesMssqlJdbc() {
    List<Getter> getters = getters();
    return COLS.stream()
        .map(
            col ->
                DynamicTest.dynamicTest(
                    col.name() + " " + col.type(), () -> compareColumn(col, getters)));
  }

  private static void compareColumn(Col col, List<Getter> getters) {
    assertThat(rows).hasSize(3);
    assertThat(MS).hasSize(3);
    int index = COLS.indexOf(col) + 1;
    Column column = rows.description().get(index);
    List<String> differences = new ArrayList<>();
    for (int r = 0; r < 3; r++) {
      Object v = rows.get(r).get(index);
      for (Getter g : getters) {
        Outcome ms = MS.get(r).get(col.name()).get(g.name());
        Outcome ours = Outcome.of(() -> g.j().get(v, column));
        String theirs = ms.error() == null ? (String) ms.value() : ms.show();
        String mine = ours.show();
        Map<String, Outcome> cell = MS.get(r).get(col.name());
        if (!theirs.equals(mine)
            && !documented(g, ms, ours, EXACT.get(r).get(col.name()))
            && !mssqlInconsistent(theirs, mine, cell, v)) {
          differences.add(
              "row "
                  + (r + 1)
                  + " "
                  + g.name()
                  + ": mssql-jdbc "
                  + theirs
                  + " / jctds "
                  + mine
                  + (ours.error() != null ? " (" + ours.error().getMessage() + ")" : ""));
        }
      }
    }
    assertThat(differences).as(col.name()).isEmpty();
  }

  /**
   * Where mssql-jdbc disagrees with itself or with the stored value, NOTES-C.md's second list: its
   * Clob over varchar(max) cannot be read (we give what its getString gives), its Blob over xml
   * drops the last character (we give what its getBytes gives), and its getString of a datetime2
   * that falls in a DST gap of the JVM's zone or in the 1582 Julian-Gregorian gap is shifted (we
   * give the stored value).
   */
  private static boolean mssqlInconsistent(
      String theirs, String mine, Map<String, Outcome> cell, Object v) {
    String text = (String) cell.get("getString").value();
    if (theirs.startsWith("unreadable:") && mine.startsWith("Clob:") && text != null) {
      String s = text.substring("String:".length());
      return mine.equals("Clob:" + s + "|" + s);
    }
    String bytes = (String) cell.get("getBytes").value();
    if (theirs.startsWith("Blob:") && bytes != null) {
      return mine.equals("Blob:" + bytes.substring("byte[]:".length()));
    }
    if (v instanceof LocalDateTime t
        && mine.startsWith("String:")
        && theirs.startsWith("String:")) {
      String shown = mine.substring("String:".length()).replace(' ', 'T');
      return LocalDateTime.parse(shown).equals(t)
          && !LocalDateTime.parse(theirs.substring("String:".length()).replace(' ', 'T')).equals(t);
    }
    return false;
  }

  /** ResultSetMetaData's per-column flags, as mssql-jdbc reports them for the same columns. */
  private static List<String> flags(java.sql.Connection c) throws Exception {
    List<String> r = new ArrayList<>();
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT * FROM getter_values ORDER BY id")) {
      java.sql.ResultSetMetaData md = rs.getMetaData();
      for (int i = 1; i <= md.getColumnCount(); i++) {
        r.add(
            md.getColumnName(i)
                + " caseSensitive="
                + md.isCaseSensitive(i)
                + " searchable="
                + md.isSearchable(i)
                + " currency="
                + md.isCurrency(i)
                + " signed="
                + md.isSigned(i)
                + " nullable="
                + md.isNullable(i));
      }
    }
    return r;
  }

  @Test
  void metadataFlagsMatchMssqlJdbc() throws Exception {
    List<String> theirs;
    try (java.sql.Connection c = ValuesServer.mssql(server)) {
      theirs = flags(c);
    }
    try (java.sql.Connection c = JdbcServer.connect(server)) {
      assertThat(flags(c)).isEqualTo(theirs);
    }
  }

  @TestFactory
  Stream<DynamicTest> metadataMatchesMssqlJdbc() {
    return COLS.stream()
        .map(
            col ->
                DynamicTest.dynamicTest(
                    col.name() + " " + col.type(),
                    () -> {
                      Column c = rows.description().get(COLS.indexOf(col) + 1);
                      String ours =
                          JdbcValues.jdbcType(c)
                              + " "
                              + JdbcValues.className(c)
                              + " "
                              + JdbcValues.baseTypeName(c);
                      String theirs = META.get(col.name());
                      if (col.type().startsWith("datetimeoffset")) {
                        // documented: JDBC 4.2's TIMESTAMP_WITH_TIMEZONE and OffsetDateTime for
                        // mssql-jdbc's own -155 and microsoft.sql.DateTimeOffset
                        assertThat(theirs)
                            .isEqualTo("-155 microsoft.sql.DateTimeOffset datetimeoffset");
                        assertThat(ours).isEqualTo("2014 java.time.OffsetDateTime datetimeoffset");
                      } else {
                        assertThat(ours).isEqualTo(theirs);
                      }
                    }));
  }

  /** The differences NOTES-C.md lists. */
  private static boolean documented(Getter g, Outcome ms, Outcome ours, BigDecimal exact) {
    if (ms.error() != null && !ms.sqlException() && (ours.error() == null || ours.sqlException())) {
      // mssql-jdbc leaks an unchecked exception (a ClassCastException): we give the value the
      // conversion table allows, or an SQLException
      return true;
    }
    if (ms.error() == null
        && ((String) ms.value()).startsWith("Date:1900-01-01@")
        && "22018".equals(ours.sqlState())) {
      return true; // mssql-jdbc's getDate of a sql_variant time; JDBC B-6 has no TIME -> Date
    }
    if (ms.error() == null && ((String) ms.value()).startsWith("String:[B@")) {
      return true; // mssql-jdbc's getString of a sql_variant varbinary is byte[].toString()
    }
    if (g.ranged() && "22003".equals(ours.sqlState()) && ms.error() == null && exact != null) {
      BigDecimal whole = exact.setScale(0, RoundingMode.DOWN);
      return whole.compareTo(BigDecimal.valueOf(g.min())) < 0
          || whole.compareTo(BigDecimal.valueOf(g.max())) > 0;
    }
    return false;
  }
}
