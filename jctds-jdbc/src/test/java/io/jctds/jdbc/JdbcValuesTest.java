package io.jctds.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jctds.Column;
import io.jctds.SqlDecimal;
import io.jctds.SqlInt;
import io.jctds.SqlNVarChar;
import io.jctds.SqlVarChar;
import java.io.InputStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.SQLDataException;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Time;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Calendar;
import java.util.TimeZone;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Cells of the conversion tables with their expected values from the JDBC 4.3 specification
 * (appendix B, the java.sql javadoc) and Microsoft's mssql-jdbc documentation ("Using basic data
 * types", "Understanding data type conversions"), plus the LOB semantics the java.sql.Blob / Clob
 * javadoc gives. The differential ITs compare the rest with mssql-jdbc on a live server.
 */
class JdbcValuesTest {

  private static Column col(String type) {
    int scale = type.startsWith("datetime2") || type.startsWith("time") ? 7 : 0;
    return new Column("c", 0, type, 0, 0, 0, scale, true);
  }

  @ParameterizedTest(name = "{0} -> {1} {2}")
  @CsvSource({
    // "Using basic data types": SQL Server type, JDBC type, getObject class
    "bigint, " + Types.BIGINT + ", java.lang.Long",
    "binary(4), " + Types.BINARY + ", [B",
    "bit, " + Types.BIT + ", java.lang.Boolean",
    "char(10), " + Types.CHAR + ", java.lang.String",
    "date, " + Types.DATE + ", java.sql.Date",
    "datetime, " + Types.TIMESTAMP + ", java.sql.Timestamp",
    "datetime2(7), " + Types.TIMESTAMP + ", java.sql.Timestamp",
    "'decimal(18,2)', " + Types.DECIMAL + ", java.math.BigDecimal",
    "float, " + Types.DOUBLE + ", java.lang.Double",
    "image, " + Types.LONGVARBINARY + ", [B",
    "int, " + Types.INTEGER + ", java.lang.Integer",
    "money, " + Types.DECIMAL + ", java.math.BigDecimal",
    "nchar(5), " + Types.NCHAR + ", java.lang.String",
    "ntext, " + Types.LONGNVARCHAR + ", java.lang.String",
    "'numeric(10,5)', " + Types.NUMERIC + ", java.math.BigDecimal",
    "nvarchar(50), " + Types.NVARCHAR + ", java.lang.String",
    "nvarchar(max), " + Types.NVARCHAR + ", java.lang.String",
    "real, " + Types.REAL + ", java.lang.Float",
    "smalldatetime, " + Types.TIMESTAMP + ", java.sql.Timestamp",
    "smallint, " + Types.SMALLINT + ", java.lang.Short",
    "smallmoney, " + Types.DECIMAL + ", java.math.BigDecimal",
    "text, " + Types.LONGVARCHAR + ", java.lang.String",
    "time(7), " + Types.TIME + ", java.sql.Time",
    "tinyint, " + Types.TINYINT + ", java.lang.Short",
    "uniqueidentifier, " + Types.CHAR + ", java.lang.String",
    "varbinary(10), " + Types.VARBINARY + ", [B",
    "varbinary(max), " + Types.VARBINARY + ", [B",
    "varchar(10), " + Types.VARCHAR + ", java.lang.String",
    "varchar(max), " + Types.VARCHAR + ", java.lang.String",
    // our choice for mssql-jdbc's microsoft.sql.Types.DATETIMEOFFSET / DateTimeOffset
    "datetimeoffset(7), " + Types.TIMESTAMP_WITH_TIMEZONE + ", java.time.OffsetDateTime",
  })
  void metadataFollowsMicrosoftsTypeTable(String type, int jdbcType, String className) {
    Column c = col(type);
    assertThat(JdbcValues.jdbcType(c)).isEqualTo(jdbcType);
    assertThat(JdbcValues.className(c)).isEqualTo(className);
  }

  @Test
  void baseTypeNameDropsLengthPrecisionAndScale() {
    assertThat(JdbcValues.baseTypeName(col("nvarchar(50)"))).isEqualTo("nvarchar");
    assertThat(JdbcValues.baseTypeName(col("decimal(18,2)"))).isEqualTo("decimal");
    assertThat(JdbcValues.baseTypeName(col("varchar(max)"))).isEqualTo("varchar");
    assertThat(JdbcValues.baseTypeName(col("int"))).isEqualTo("int");
  }

  @Test
  void getObjectGivesMicrosoftsClasses() throws SQLException {
    assertThat(JdbcValues.getObject((short) 255, col("tinyint"))).isEqualTo((short) 255);
    UUID u = UUID.fromString("6f9619ff-8b86-d011-b42d-00c04fc964ff");
    assertThat(JdbcValues.getObject(u, col("uniqueidentifier")))
        .isEqualTo("6F9619FF-8B86-D011-B42D-00C04FC964FF");
    assertThat(JdbcValues.getObject(LocalDate.of(2024, 2, 29), col("date")))
        .isEqualTo(java.sql.Date.valueOf("2024-02-29"));
    LocalDateTime t = LocalDateTime.of(2024, 2, 29, 13, 45, 10, 123_456_700);
    assertThat(JdbcValues.getObject(t, col("datetime2(7)"))).isEqualTo(Timestamp.valueOf(t));
    OffsetDateTime o = OffsetDateTime.parse("2007-05-08T12:35:29.1234567+12:15");
    assertThat(JdbcValues.getObject(o, col("datetimeoffset(7)"))).isEqualTo(o);
  }

  @Test
  void integerGettersRefuseValuesThatDoNotFit() throws SQLException {
    Column bigint = col("bigint");
    assertThat(JdbcValues.getLong(2147483647L, bigint, Integer.MIN_VALUE, Integer.MAX_VALUE))
        .isEqualTo(2147483647L);
    assertThatThrownBy(
            () -> JdbcValues.getLong(2147483648L, bigint, Integer.MIN_VALUE, Integer.MAX_VALUE))
        .isInstanceOf(SQLDataException.class)
        .hasMessageContaining("'c' (bigint)")
        .extracting(e -> ((SQLException) e).getSQLState())
        .isEqualTo("22003");
    assertThatThrownBy(
            () -> JdbcValues.getLong((short) 255, col("tinyint"), Byte.MIN_VALUE, Byte.MAX_VALUE))
        .extracting(e -> ((SQLException) e).getSQLState())
        .isEqualTo("22003");
    // a fraction is dropped toward zero, as a narrowing primitive conversion
    assertThat(JdbcValues.getLong(-2.9d, col("float"), Long.MIN_VALUE, Long.MAX_VALUE))
        .isEqualTo(-2);
    assertThat(
            JdbcValues.getLong(
                new BigDecimal("12.99"), col("decimal(4,2)"), Long.MIN_VALUE, Long.MAX_VALUE))
        .isEqualTo(12);
  }

  @Test
  void conversionsTheTablesDoNotAllowAre22018() {
    // B-6: getTime is not a conversion of DATE, getBytes not of INTEGER in JDBC; mssql-jdbc
    // refuses date -> time and number -> date
    assertThatThrownBy(() -> JdbcValues.getTime(LocalDate.of(2024, 1, 1), col("date"), null))
        .isInstanceOf(SQLDataException.class)
        .extracting(e -> ((SQLException) e).getSQLState())
        .isEqualTo("22018");
    assertThatThrownBy(() -> JdbcValues.getDate(42, col("int"), null))
        .isInstanceOf(SQLDataException.class);
    assertThatThrownBy(() -> JdbcValues.getSqlXml("x", col("nvarchar(10)")))
        .isInstanceOf(SQLDataException.class);
    assertThatThrownBy(() -> JdbcValues.getLong("abc", col("varchar(10)"), 0, 10))
        .isInstanceOf(SQLDataException.class)
        .hasMessageContaining("not a valid");
  }

  @Test
  void textParsesAsJdbcEscapeFormsDo() throws SQLException {
    Column vc = col("varchar(30)");
    assertThat(JdbcValues.getLong(" -7 ", vc, Long.MIN_VALUE, Long.MAX_VALUE)).isEqualTo(-7);
    assertThat(JdbcValues.getBoolean("1", vc)).isTrue();
    assertThat(JdbcValues.getBoolean("true", vc)).isTrue();
    assertThat(JdbcValues.getBoolean("0", vc)).isFalse();
    assertThat(JdbcValues.getTimestamp("2024-02-29 13:45:10.5", vc, null))
        .isEqualTo(Timestamp.valueOf("2024-02-29 13:45:10.5"));
    assertThat(JdbcValues.getDate("2024-02-29 13:45:10", vc, null))
        .isEqualTo(java.sql.Date.valueOf("2024-02-29"));
  }

  @Test
  void calendarGettersReadTheWallClockInTheCalendarsZone() throws SQLException {
    Calendar utc = Calendar.getInstance(TimeZone.getTimeZone("UTC"));
    LocalDateTime t = LocalDateTime.of(2024, 1, 1, 0, 0, 0, 500_000_000);
    Timestamp ts = JdbcValues.getTimestamp(t, col("datetime2(7)"), utc);
    assertThat(ts.getTime()).isEqualTo(1_704_067_200_500L); // 2024-01-01T00:00:00.5Z
    assertThat(ts.getNanos()).isEqualTo(500_000_000);
    assertThat(JdbcValues.getDate(t, col("datetime2(7)"), utc).getTime())
        .isEqualTo(1_704_067_200_000L);
    // a datetimeoffset is an instant: the Calendar does not move it
    OffsetDateTime o = OffsetDateTime.parse("2024-01-01T01:00:00+01:00");
    assertThat(JdbcValues.getTimestamp(o, col("datetimeoffset(7)"), utc).getTime())
        .isEqualTo(1_704_067_200_000L);
  }

  @Test
  void timeRoundsToTheMillisecondOnTheEpochDay() throws SQLException {
    Calendar utc = Calendar.getInstance(TimeZone.getTimeZone("UTC"));
    Time t = JdbcValues.getTime(LocalTime.of(13, 45, 10, 123_500_000), col("time(7)"), utc);
    assertThat(t.getTime()).isEqualTo(((13 * 60 + 45) * 60 + 10) * 1000L + 124);
    assertThat(JdbcValues.getString(LocalTime.of(13, 45, 10, 123_456_700), col("time(7)")))
        .isEqualTo("13:45:10.1234567");
  }

  @Test
  void getObjectOfClassCoversJavaTimeAndTheExtensions() throws SQLException {
    OffsetDateTime o = OffsetDateTime.parse("2007-05-08T12:35:29.1234567+12:15");
    Column dto = col("datetimeoffset(7)");
    assertThat(JdbcValues.getObject(o, dto, Instant.class)).isEqualTo(o.toInstant());
    assertThat(JdbcValues.getObject(o, dto, ZonedDateTime.class)).isEqualTo(o.toZonedDateTime());
    assertThat(JdbcValues.getObject(new BigDecimal("-12.9"), col("decimal(5,1)"), BigInteger.class))
        .isEqualTo(BigInteger.valueOf(-12));
    assertThat(JdbcValues.getObject(42, col("int"), int.class)).isEqualTo(42);
    byte[] g =
        JdbcValues.getBytes(
            UUID.fromString("6F9619FF-8B86-D011-B42D-00C04FC964FF"), col("uniqueidentifier"));
    // SQL Server's byte order: the first three groups little-endian
    assertThat(g)
        .startsWith((byte) 0xFF, (byte) 0x19, (byte) 0x96, (byte) 0x6F, (byte) 0x86, (byte) 0x8B);
    assertThat(JdbcValues.getObject(g, col("binary(16)"), UUID.class))
        .isEqualTo(UUID.fromString("6F9619FF-8B86-D011-B42D-00C04FC964FF"));
    assertThatThrownBy(() -> JdbcValues.getObject(1, col("int"), StringBuilder.class))
        .isInstanceOf(SQLDataException.class)
        .hasMessageContaining("java.lang.StringBuilder");
  }

  @Test
  void blobFollowsTheJavadoc() throws Exception {
    Blob b = JdbcValues.getBlob(new byte[] {1, 2, 3, 4, 5}, col("varbinary(max)"));
    assertThat(b.length()).isEqualTo(5);
    assertThat(b.getBytes(2, 3)).containsExactly(2, 3, 4);
    assertThat(b.getBytes(4, 10)).containsExactly(4, 5); // up to length consecutive bytes
    assertThat(b.getBytes(6, 1)).isEmpty();
    assertThatThrownBy(() -> b.getBytes(0, 1)).isInstanceOf(SQLException.class);
    assertThat(b.position(new byte[] {3, 4}, 1)).isEqualTo(3);
    assertThat(b.position(new byte[] {3, 4}, 4)).isEqualTo(-1);
    try (InputStream in = b.getBinaryStream(2, 2)) {
      assertThat(in.readAllBytes()).containsExactly(2, 3);
    }
    assertThatThrownBy(() -> b.getBinaryStream(5, 2)).isInstanceOf(SQLException.class);
    assertThatThrownBy(() -> b.setBytes(1, new byte[1]))
        .isInstanceOf(SQLFeatureNotSupportedException.class);
    b.free();
    assertThatThrownBy(b::length).isInstanceOf(SQLException.class);
    b.free(); // a second free is a no-op
  }

  @Test
  void clobFollowsTheJavadoc() throws Exception {
    Clob c = JdbcValues.getClob("hello world", col("varchar(max)"));
    assertThat(c.length()).isEqualTo(11);
    assertThat(c.getSubString(7, 5)).isEqualTo("world");
    assertThat(c.getSubString(7, 50)).isEqualTo("world");
    assertThat(c.position("o", 1)).isEqualTo(5);
    assertThat(c.position("o", 6)).isEqualTo(8);
    assertThat(c.position("xyz", 1)).isEqualTo(-1);
    try (Reader r = c.getCharacterStream(1, 5)) {
      char[] buf = new char[5];
      assertThat(r.read(buf)).isEqualTo(5);
      assertThat(new String(buf)).isEqualTo("hello");
    }
    assertThat(JdbcValues.getNClob("ż", col("nvarchar(max)")).getSubString(1, 1)).isEqualTo("ż");
    assertThatThrownBy(() -> JdbcValues.getClob("x", col("nvarchar(10)")))
        .isInstanceOf(SQLDataException.class);
    c.free();
    assertThatThrownBy(() -> c.getSubString(1, 1)).isInstanceOf(SQLException.class);
  }

  @Test
  void sqlXmlGivesTheFourSourcesTheJavadocNames() throws Exception {
    java.sql.SQLXML x = JdbcValues.getSqlXml("<a x=\"1\">ż</a>", col("xml"));
    assertThat(x.getString()).isEqualTo("<a x=\"1\">ż</a>");
    javax.xml.transform.dom.DOMSource dom = x.getSource(javax.xml.transform.dom.DOMSource.class);
    org.w3c.dom.Document doc = (org.w3c.dom.Document) dom.getNode();
    assertThat(doc.getDocumentElement().getAttribute("x")).isEqualTo("1");
    assertThat(doc.getDocumentElement().getTextContent()).isEqualTo("ż");
    javax.xml.transform.stax.StAXSource stax =
        x.getSource(javax.xml.transform.stax.StAXSource.class);
    stax.getXMLStreamReader().nextTag();
    assertThat(stax.getXMLStreamReader().getLocalName()).isEqualTo("a");
    assertThat(x.getSource(javax.xml.transform.sax.SAXSource.class).getXMLReader()).isNotNull();
    assertThat(x.getSource(javax.xml.transform.stream.StreamSource.class).getReader()).isNotNull();
    // a DOCTYPE (the door to external entities) is refused
    java.sql.SQLXML evil =
        JdbcValues.getSqlXml(
            "<!DOCTYPE a [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><a>&e;</a>", col("xml"));
    assertThatThrownBy(() -> evil.getSource(javax.xml.transform.dom.DOMSource.class))
        .isInstanceOf(SQLException.class);
    assertThatThrownBy(() -> x.setString("<b/>"))
        .isInstanceOf(SQLFeatureNotSupportedException.class);
  }

  @Test
  void settersGiveTheClientsJavaTypes() throws SQLException {
    Timestamp ts = Timestamp.valueOf("2024-02-29 13:45:10.123456789");
    assertThat(JdbcParams.value(ts, true))
        .isEqualTo(LocalDateTime.of(2024, 2, 29, 13, 45, 10, 123_456_789));
    assertThat(JdbcParams.value(java.sql.Date.valueOf("2024-02-29"), true))
        .isEqualTo(LocalDate.of(2024, 2, 29));
    Time t = new Time(Time.valueOf("12:34:56").getTime() + 789);
    assertThat(JdbcParams.value(t, true)).isEqualTo(LocalTime.of(12, 34, 56, 789_000_000));
    assertThat(JdbcParams.value("abc", true)).isEqualTo("abc");
    assertThat(JdbcParams.value((byte) 7, true)).isEqualTo(new io.jctds.SqlTinyInt(7));
    assertThat(JdbcParams.value((byte) -1, true)).isEqualTo((byte) -1); // smallint, keeps -1
    assertThat(JdbcParams.value(BigInteger.TEN, true)).isEqualTo(10L);
    BigInteger huge = BigInteger.TEN.pow(30);
    assertThat(JdbcParams.value(huge, true)).isEqualTo(huge); // decimal(38,0)
    assertThat(JdbcParams.value("abc", false)).isEqualTo(new SqlVarChar("abc"));
    assertThat(JdbcParams.value('x', true)).isEqualTo(new io.jctds.SqlNChar("x"));
    assertThat(JdbcParams.value('x', false)).isEqualTo(new io.jctds.SqlChar("x"));
    Calendar cal = Calendar.getInstance(TimeZone.getTimeZone("Asia/Tokyo"));
    cal.setTimeInMillis(0);
    assertThat(JdbcParams.value(cal, true)).isEqualTo(LocalDateTime.of(1970, 1, 1, 9, 0));
    java.util.Date d = new java.util.Date(0);
    assertThat(JdbcParams.value(d, true))
        .isEqualTo(LocalDateTime.ofInstant(Instant.EPOCH, ZoneId.systemDefault()));
    Blob b = JdbcValues.getBlob(new byte[] {7, 8}, col("image"));
    assertThat((byte[]) JdbcParams.value(b, true)).containsExactly(7, 8);
    assertThatThrownBy(() -> JdbcParams.value(new Object(), true))
        .isInstanceOf(SQLException.class)
        .hasMessageContaining("java.lang.Object");
  }

  @Test
  void setObjectConvertsToTheTarget() throws SQLException {
    assertThat(JdbcParams.value("42", Types.INTEGER, -1, true)).isEqualTo(new SqlInt(42));
    assertThat(JdbcParams.value(42, Types.NVARCHAR, -1, true)).isEqualTo(new SqlNVarChar("42"));
    assertThat(JdbcParams.value(42, Types.VARCHAR, -1, false)).isEqualTo(new SqlVarChar("42"));
    assertThat(JdbcParams.value("1", Types.BIT, -1, true)).isEqualTo(true);
    assertThat(JdbcParams.value(true, Types.INTEGER, -1, true)).isEqualTo(new SqlInt(1));
    assertThat(JdbcParams.value('7', Types.INTEGER, -1, true)).isEqualTo(new SqlInt(7));
    TimeZone saved = TimeZone.getDefault();
    TimeZone.setDefault(TimeZone.getTimeZone("Europe/Warsaw")); // 02:30 on 2024-03-31 is a gap
    try {
      LocalDateTime gap = LocalDateTime.of(2024, 3, 31, 2, 30, 0, 500_000_000);
      assertThat(JdbcParams.value(gap, Types.NVARCHAR, -1, true))
          .isEqualTo(new SqlNVarChar("2024-03-31 02:30:00.5"));
    } finally {
      TimeZone.setDefault(saved);
    }
    assertThatThrownBy(() -> JdbcParams.value("2024-02-29 13:45", Types.DATE, -1, true))
        .isInstanceOf(SQLDataException.class);
    assertThat(JdbcParams.value(new BigDecimal("1.255"), Types.DECIMAL, 2, true))
        .isEqualTo(new BigDecimal("1.26"));
    assertThat(JdbcParams.value("2024-02-29", Types.DATE, -1, true))
        .isEqualTo(LocalDate.of(2024, 2, 29));
    assertThat(JdbcParams.value("2024-02-29 13:45:10", Types.TIMESTAMP, -1, true))
        .isEqualTo(LocalDateTime.of(2024, 2, 29, 13, 45, 10));
    assertThat(JdbcParams.value("13:45:10", Types.TIME, -1, true))
        .isEqualTo(LocalTime.of(13, 45, 10));
    assertThatThrownBy(() -> JdbcParams.value("x", Types.INTEGER, -1, true))
        .isInstanceOf(SQLDataException.class)
        .extracting(e -> ((SQLException) e).getSQLState())
        .isEqualTo("22018");
    assertThatThrownBy(() -> JdbcParams.value(300, Types.TINYINT, -1, true))
        .isInstanceOf(SQLException.class);
    assertThatThrownBy(() -> JdbcParams.value(1, Types.ARRAY, -1, true))
        .isInstanceOf(SQLFeatureNotSupportedException.class);
  }

  @Test
  void setNullIsATypedNullWhereTheClientHasTheType() throws SQLException {
    assertThat(JdbcParams.value(null, Types.INTEGER, 0, true)).isEqualTo(SqlInt.nullOf());
    assertThat(JdbcParams.value(null, Types.DECIMAL, 2, true)).isEqualTo(SqlDecimal.nullOf(38, 2));
    assertThat(JdbcParams.value(null, Types.VARCHAR, 0, false)).isEqualTo(SqlVarChar.nullOf(8000));
    assertThat(JdbcParams.value(null, Types.DOUBLE, 0, true))
        .isEqualTo(new io.jctds.internal.params.TypedNull(Double.class));
    assertThat(JdbcParams.value(null, Types.OTHER, 0, true)).isNull();
  }
}
