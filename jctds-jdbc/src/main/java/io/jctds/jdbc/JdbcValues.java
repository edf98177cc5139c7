package io.jctds.jdbc;

import io.jctds.Column;
import io.jctds.jdbc.JdbcTypes.Family;
import io.jctds.jdbc.JdbcTypes.Kind;
import io.jctds.jdbc.JdbcTypes.Target;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.NClob;
import java.sql.SQLDataException;
import java.sql.SQLException;
import java.sql.SQLXML;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.Calendar;
import java.util.HexFormat;
import java.util.Locale;
import java.util.UUID;

/**
 * JDBC's getter conversions (JDBC 4.3 appendix B, tables B-5 and B-6) applied to a column value as
 * {@link io.jctds.Row#get(int)} returns it, with mssql-jdbc 13.6.2's results as the reference
 * (NOTES-C.md lists where we differ and why). {@code v} is never null here: the result set handles
 * SQL NULL (primitive getters 0 / false, object getters null, wasNull). A conversion that is not
 * allowed is an SQLDataException with SQLState 22018, a value that does not fit the getter's type
 * one with 22003; both name the column and its SQL Server type.
 */
final class JdbcValues {
  private JdbcValues() {}

  /** The code page of SQL Server's default collation (SQL_Latin1_General_CP1_CI_AS). */
  private static final Charset CP1252 = Charset.forName("windows-1252");

  private static final HexFormat HEX = HexFormat.of().withUpperCase();

  static String getString(Object v, Column c) throws SQLException {
    Kind k = check(v, c, Target.CHARACTER, "String");
    if (v instanceof String s) {
      return s;
    } else if (v instanceof byte[] b) {
      return HEX.formatHex(b);
    } else if (v instanceof UUID u) {
      return u.toString().toUpperCase(Locale.ROOT);
    } else if (v instanceof Boolean b) {
      return b ? "1" : "0";
    } else if (v instanceof Number) {
      return v.toString();
    }
    if (kind(c) == Kind.VARIANT) {
      // the base type's scale is not known: a date and time shows as datetime does (the common
      // base type), a time with 7 digits, a datetimeoffset as mssql-jdbc's
      // DateTimeOffset.toString (trailing zeros dropped)
      return v instanceof OffsetDateTime o
          ? JdbcTemporal.variantText(o)
          : JdbcTemporal.text(v, k == Kind.DATETIME2 ? Kind.DATETIME : k, 7);
    }
    return JdbcTemporal.text(v, k, c.scale());
  }

  static boolean getBoolean(Object v, Column c) throws SQLException {
    check(v, c, Target.NUMERIC, "boolean");
    if (v instanceof Boolean b) {
      return b;
    } else if (v instanceof Float f) {
      return Float.compare(0.0f, f) != 0;
    } else if (v instanceof Double d) {
      return Double.compare(0.0d, d) != 0;
    } else if (v instanceof BigDecimal d) {
      return d.signum() != 0;
    } else if (v instanceof Number n) {
      return n.longValue() != 0;
    }
    String t = ((String) v).trim();
    return t.length() == 1 ? t.charAt(0) == '1' : Boolean.parseBoolean(t);
  }

  static long getLong(Object v, Column c, long min, long max) throws SQLException {
    String target = min == Byte.MIN_VALUE ? "byte" : min == Short.MIN_VALUE ? "short" : "int";
    target = min == Long.MIN_VALUE ? "long" : target;
    check(v, c, Target.NUMERIC, target);
    BigDecimal whole;
    if (v instanceof Boolean b) {
      return b ? 1 : 0;
    } else if (v instanceof Short || v instanceof Integer || v instanceof Long) {
      long l = ((Number) v).longValue();
      return range(l >= min && l <= max, l, v, c, target);
    } else if (v instanceof Float || v instanceof Double) {
      double d = ((Number) v).doubleValue();
      double t = d < 0 ? Math.ceil(d) : Math.floor(d);
      return range(t >= min && t <= max, (long) t, v, c, target);
    } else if (v instanceof BigDecimal d) {
      whole = d.setScale(0, RoundingMode.DOWN);
    } else {
      String s = ((String) v).trim();
      try {
        whole = new BigDecimal(new BigInteger(s));
      } catch (NumberFormatException e) {
        throw notConvertible(v, c, target, e);
      }
    }
    boolean fits =
        whole.compareTo(BigDecimal.valueOf(min)) >= 0
            && whole.compareTo(BigDecimal.valueOf(max)) <= 0;
    return range(fits, fits ? whole.longValue() : 0, v, c, target);
  }

  private static long range(boolean fits, long l, Object v, Column c, String target)
      throws SQLException {
    if (!fits) {
      throw new SQLDataException(
          "the value "
              + v
              + " of column "
              + describe(c)
              + " does not fit a Java "
              + target
              + "; read it with getLong, getBigDecimal or getString",
          "22003");
    }
    return l;
  }

  static double getDouble(Object v, Column c) throws SQLException {
    check(v, c, Target.NUMERIC, "double");
    if (v instanceof Boolean b) {
      return b ? 1 : 0;
    } else if (v instanceof Number n) {
      return n.doubleValue();
    }
    try {
      return Double.parseDouble(((String) v).trim());
    } catch (NumberFormatException e) {
      throw notConvertible(v, c, "double", e);
    }
  }

  static float getFloat(Object v, Column c) throws SQLException {
    check(v, c, Target.NUMERIC, "float");
    if (v instanceof Boolean b) {
      return b ? 1 : 0;
    } else if (v instanceof Number n) {
      return n.floatValue();
    }
    try {
      return Float.parseFloat(((String) v).trim());
    } catch (NumberFormatException e) {
      throw notConvertible(v, c, "float", e);
    }
  }

  static BigDecimal getBigDecimal(Object v, Column c) throws SQLException {
    check(v, c, Target.NUMERIC, "BigDecimal");
    if (v instanceof BigDecimal d) {
      return d;
    } else if (v instanceof Boolean b) {
      return b ? BigDecimal.ONE : BigDecimal.ZERO;
    } else if (v instanceof Float || v instanceof Double) {
      return new BigDecimal(v.toString());
    } else if (v instanceof Number n) {
      return BigDecimal.valueOf(n.longValue());
    }
    try {
      return new BigDecimal(((String) v).trim());
    } catch (NumberFormatException e) {
      throw notConvertible(v, c, "BigDecimal", e);
    }
  }

  static byte[] getBytes(Object v, Column c) throws SQLException {
    Kind k = check(v, c, Target.BINARY, "byte[]");
    if (v instanceof byte[] b) {
      return b.clone();
    } else if (v instanceof String s) {
      return k == Kind.XML ? xmlBytes(s) : s.getBytes(charset(k));
    } else if (v instanceof UUID u) {
      return guidBytes(u);
    } else if (v instanceof Number || v instanceof Boolean) {
      return JdbcBytes.of(v, kind(c) == Kind.VARIANT ? Kind.VARIANT : k);
    } else if (v instanceof LocalDateTime t && k.family == Family.DATETIME) {
      return JdbcBytes.dateTime(t, k == Kind.SMALLDATETIME);
    }
    throw notConvertible(v, c, "byte[]", null);
  }

  /** The bytes of a char value as the server stored them: UTF-16LE, or the default code page. */
  private static Charset charset(Kind k) {
    return switch (k.family) {
      case CHARACTER, LONG_CHARACTER -> CP1252;
      default -> StandardCharsets.UTF_16LE;
    };
  }

  /** xml read as bytes: UTF-16LE with its byte order mark, as SQL Server and mssql-jdbc give it. */
  private static byte[] xmlBytes(String s) {
    byte[] text = s.getBytes(StandardCharsets.UTF_16LE);
    byte[] out = new byte[text.length + 2];
    out[0] = (byte) 0xFF;
    out[1] = (byte) 0xFE;
    System.arraycopy(text, 0, out, 2, text.length);
    return out;
  }

  /** A uniqueidentifier's 16 bytes in SQL Server's order (first three groups little-endian). */
  static byte[] guidBytes(UUID u) {
    ByteBuffer b = ByteBuffer.allocate(16);
    long msb = u.getMostSignificantBits();
    b.putInt(Integer.reverseBytes((int) (msb >>> 32)));
    b.putShort(Short.reverseBytes((short) (msb >>> 16)));
    b.putShort(Short.reverseBytes((short) msb));
    b.putLong(u.getLeastSignificantBits());
    return b.array();
  }

  /** The UUID of 16 bytes in SQL Server's order. */
  static UUID guid(byte[] g) {
    ByteBuffer b = ByteBuffer.wrap(g);
    long hi = Integer.toUnsignedLong(Integer.reverseBytes(b.getInt())) << 32;
    hi |= (long) (Short.reverseBytes(b.getShort()) & 0xFFFF) << 16;
    hi |= Short.reverseBytes(b.getShort()) & 0xFFFF;
    return new UUID(hi, b.getLong());
  }

  static java.sql.Date getDate(Object v, Column c, Calendar cal) throws SQLException {
    check(v, c, Target.DATE, "java.sql.Date");
    try {
      return v instanceof String s
          ? (java.sql.Date) JdbcTemporal.parse(s, Target.DATE)
          : JdbcTemporal.date(v, cal);
    } catch (IllegalArgumentException e) {
      throw notConvertible(v, c, "java.sql.Date", e);
    }
  }

  static Time getTime(Object v, Column c, Calendar cal) throws SQLException {
    check(v, c, Target.TIME, "java.sql.Time");
    try {
      return v instanceof String s
          ? (Time) JdbcTemporal.parse(s, Target.TIME)
          : JdbcTemporal.time(v, cal);
    } catch (IllegalArgumentException e) {
      throw notConvertible(v, c, "java.sql.Time", e);
    }
  }

  static Timestamp getTimestamp(Object v, Column c, Calendar cal) throws SQLException {
    check(v, c, Target.TIMESTAMP, "java.sql.Timestamp");
    try {
      return v instanceof String s
          ? (Timestamp) JdbcTemporal.parse(s, Target.TIMESTAMP)
          : JdbcTemporal.timestamp(v, cal);
    } catch (IllegalArgumentException e) {
      throw notConvertible(v, c, "java.sql.Timestamp", e);
    }
  }

  /** getObject(int): the Java class JDBC and mssql-jdbc give the SQL Server type. */
  static Object getObject(Object v, Column c) throws SQLException {
    if (v instanceof UUID u) {
      return u.toString().toUpperCase(Locale.ROOT);
    } else if (v instanceof LocalDate || v instanceof LocalDateTime) {
      Kind k = kind(v, c);
      return k == Kind.DATE ? JdbcTemporal.date(v, null) : JdbcTemporal.timestamp(v, null);
    } else if (v instanceof LocalTime) {
      return JdbcTemporal.time(v, null);
    }
    return v;
  }

  static <T> T getObject(Object v, Column c, Class<T> type) throws SQLException {
    return JdbcObjects.get(v, c, type);
  }

  static InputStream getBinaryStream(Object v, Column c) throws SQLException {
    Kind k = check(v, c, Target.LONG_BINARY, "InputStream");
    if (v instanceof String s && k == Kind.XML) {
      return new ByteArrayInputStream(xmlBytes(s));
    }
    return new ByteArrayInputStream((byte[]) v);
  }

  static Reader getCharacterStream(Object v, Column c) throws SQLException {
    check(v, c, Target.LONG_CHARACTER, "Reader");
    return new StringReader(v instanceof byte[] b ? HEX.formatHex(b) : (String) v);
  }

  /**
   * getNString: the text of an nchar, nvarchar, ntext, xml or sql_variant column (mssql-jdbc reads
   * no other type as national characters).
   */
  static String getNString(Object v, Column c) throws SQLException {
    check(v, c, Target.NCHARACTER, "String (getNString)");
    if (v instanceof LocalTime && kind(c) == Kind.VARIANT) {
      throw notConvertible(v, c, "String (getNString)", null); // as mssql-jdbc
    }
    return getString(v, c);
  }

  /** getNCharacterStream: a reader over an nchar, nvarchar, ntext or xml value. */
  static Reader getNCharacterStream(Object v, Column c) throws SQLException {
    check(v, c, Target.LONG_NCHARACTER, "Reader (getNCharacterStream)");
    return new StringReader((String) v);
  }

  /**
   * getAsciiStream: binary values as stored, text as US-ASCII bytes (a character outside ASCII is
   * '?'); not of xml.
   */
  static InputStream getAsciiStream(Object v, Column c) throws SQLException {
    Kind k = check(v, c, Target.LONG_CHARACTER, "InputStream (getAsciiStream)");
    if (k == Kind.XML) {
      throw notConvertible(v, c, "InputStream (getAsciiStream)", null);
    } else if (v instanceof byte[] b) {
      return new ByteArrayInputStream(b);
    }
    return new ByteArrayInputStream(((String) v).getBytes(StandardCharsets.US_ASCII));
  }

  static Blob getBlob(Object v, Column c) throws SQLException {
    Kind k = check(v, c, Target.BLOB, "Blob");
    return new JdbcLobs.ReadOnlyBlob(v instanceof String s ? xmlBytes(s) : (byte[]) v);
  }

  static Clob getClob(Object v, Column c) throws SQLException {
    check(v, c, Target.CLOB, "Clob");
    return new JdbcLobs.ReadOnlyClob((String) v);
  }

  static NClob getNClob(Object v, Column c) throws SQLException {
    check(v, c, Target.NCLOB, "NClob");
    return new JdbcLobs.ReadOnlyClob((String) v);
  }

  static SQLXML getSqlXml(Object v, Column c) throws SQLException {
    check(v, c, Target.SQLXML, "SQLXML");
    return new JdbcLobs.ReadOnlySqlXml((String) v);
  }

  /** The java.sql.Types constant for the column's SQL Server type (as mssql-jdbc reports it). */
  static int jdbcType(Column c) {
    return kind(c).jdbcType;
  }

  /** The class name getObject returns for the column (ResultSetMetaData.getColumnClassName). */
  static String className(Column c) {
    return kind(c).javaClass.getName();
  }

  /** The type name without length, precision or scale: nvarchar(50) is nvarchar. */
  static String baseTypeName(Column c) {
    String n = c.typeName();
    int p = n.indexOf('(');
    return p < 0 ? n : n.substring(0, p);
  }

  static Kind kind(Column c) {
    return JdbcTypes.kind(c);
  }

  static Kind kind(Object v, Column c) {
    return JdbcTypes.kind(v, c);
  }

  /**
   * The kind {@code v} converts as, after checking that column {@code c}'s type converts to {@code
   * target} (else 22018).
   */
  static Kind check(Object v, Column c, Target target, String javaType) throws SQLException {
    Kind declared = kind(c);
    Family f = declared.family;
    Kind k = JdbcTypes.base(v, declared);
    boolean text = v instanceof String;
    // a sql_variant converts as its base type (any of them as national text)
    Target asBase = target == Target.NCHARACTER ? Target.CHARACTER : target;
    boolean base = k.family == f || k.family.converts(asBase);
    if (!f.converts(target) || !base || text && k.family != Family.XML && !isText(k)) {
      throw notConvertible(v, c, javaType, null);
    }
    return k;
  }

  private static boolean isText(Kind k) {
    return switch (k.family) {
      case CHARACTER, LONG_CHARACTER, NCHARACTER, LONG_NCHARACTER -> true;
      default -> false;
    };
  }

  static String describe(Column c) {
    return (c.name().isEmpty() ? "(unnamed)" : "'" + c.name() + "'") + " (" + c.typeName() + ")";
  }

  static SQLException notConvertible(Object v, Column c, String javaType, Exception cause) {
    String how =
        cause == null
            ? "JDBC does not convert " + baseTypeName(c) + " to " + javaType
            : "its value is not a valid " + javaType + " (" + cause.getMessage() + ")";
    return new SQLDataException(
        "cannot read column "
            + describe(c)
            + " as "
            + javaType
            + ": "
            + how
            + "; read it with getObject or getString, or CAST it in the query",
        "22018",
        cause);
  }
}
