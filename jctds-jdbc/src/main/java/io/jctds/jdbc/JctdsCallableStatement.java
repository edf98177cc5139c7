package io.jctds.jdbc;

import io.jctds.Column;
import io.jctds.JctdsException;
import io.jctds.Parameter;
import java.io.Reader;
import java.math.BigDecimal;
import java.net.URL;
import java.sql.Array;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.Date;
import java.sql.NClob;
import java.sql.Ref;
import java.sql.RowId;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLXML;
import java.sql.Time;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;

/**
 * A call of a stored procedure, {@code {call proc(?, ?)}} or {@code {? = call proc(?)}}, sent as an
 * RPC ({@link io.jctds.Cursor#callProc}): OUT and INOUT parameters registered with {@link
 * #registerOutParameter(int, int)}, the RETURN status as parameter 1 of the second form, and named
 * parameters ({@code setInt("name", 1)}; JDBC forbids mixing them with positional ones in one
 * call). The procedure's result sets come first on the wire: read them before the OUT values
 * (reading an OUT value reads the rest of the response and discards unread rows).
 */
final class JctdsCallableStatement extends CallByName {
  private final JdbcEscapes.Call call;
  private boolean[] out;
  private int[] outTypes;
  private final Map<String, Integer> names = new LinkedHashMap<>();
  private List<Object> results;
  private boolean wasNull;

  JctdsCallableStatement(JctdsConnection connection, String sql, int type, JdbcEscapes.Call call)
      throws SQLException {
    super(connection, "/* call */", type);
    this.call = call;
    for (int i = 0; i < call.parameterCount(); i++) {
      addSlot();
    }
    this.out = new boolean[values.length];
    this.outTypes = new int[values.length];
    for (String a : call.argumentTexts()) {
      if (!a.equals("?")) {
        throw new SQLFeatureNotSupportedException(
            "the call "
                + sql
                + " has the literal argument "
                + a
                + ": pass every argument as ?"
                + " (literal arguments are only for PreparedStatement's EXEC)",
            "0A000");
      }
    }
  }

  /** The 1-based slot of named parameter {@code name} ({@code @name} or {@code name}). */
  @Override
  int slot(String name) throws SQLException {
    requireOpen();
    if (name == null || name.isBlank()) {
      throw new SQLException("a parameter name is required", "HY009");
    }
    if (call.parameterCount() > (call.returnsStatus() ? 1 : 0)) {
      throw new SQLException(
          "the call has ? markers: JDBC does not mix named parameters ("
              + name
              + ") with them;"
              + " write {call "
              + call.procedure()
              + "} and name every parameter",
          "HY000");
    }
    String key = (name.startsWith("@") ? name : "@" + name).toLowerCase(Locale.ROOT);
    Integer at = names.get(key);
    if (at == null) {
      at = addSlot();
      out = java.util.Arrays.copyOf(out, values.length);
      outTypes = java.util.Arrays.copyOf(outTypes, values.length);
      names.put(key, at);
    }
    return at;
  }

  // ---- OUT parameters

  @Override
  public void registerOutParameter(int i, int sqlType) throws SQLException {
    registerOutParameter(i, sqlType, 0);
  }

  @Override
  public void registerOutParameter(int i, int sqlType, int scale) throws SQLException {
    if (i < 1 || i > values.length) {
      throw new SQLException(
          "parameter index " + i + " is out of range 1.." + values.length, "07009");
    }
    if (call.returnsStatus() && i == 1) {
      if (sqlType != Types.INTEGER) {
        throw new SQLException(
            "parameter 1 is the procedure's RETURN status, an int: register it as Types.INTEGER",
            "HY105");
      }
    } else if (!set[i - 1]) {
      put(i, JdbcParams.value(null, sqlType, scale, unicode())); // a typed NULL to start from
    }
    out[i - 1] = true;
    outTypes[i - 1] = sqlType;
    set[i - 1] = true;
  }

  @Override
  public void registerOutParameter(int i, int sqlType, String typeName) throws SQLException {
    registerOutParameter(i, sqlType, 0);
  }

  @Override
  public void registerOutParameter(int i, java.sql.SQLType sqlType) throws SQLException {
    registerOutParameter(i, typeNumber(sqlType));
  }

  @Override
  public void registerOutParameter(int i, java.sql.SQLType sqlType, int scale) throws SQLException {
    registerOutParameter(i, typeNumber(sqlType), scale);
  }

  @Override
  public void registerOutParameter(int i, java.sql.SQLType sqlType, String typeName)
      throws SQLException {
    registerOutParameter(i, typeNumber(sqlType), typeName);
  }

  @Override
  public void registerOutParameter(String name, java.sql.SQLType sqlType) throws SQLException {
    registerOutParameter(slot(name), typeNumber(sqlType));
  }

  @Override
  public void registerOutParameter(String name, java.sql.SQLType sqlType, int scale)
      throws SQLException {
    registerOutParameter(slot(name), typeNumber(sqlType), scale);
  }

  @Override
  public void registerOutParameter(String name, java.sql.SQLType sqlType, String typeName)
      throws SQLException {
    registerOutParameter(slot(name), typeNumber(sqlType), typeName);
  }

  @Override
  public void setObject(String name, Object x, java.sql.SQLType targetSqlType) throws SQLException {
    setObject(slot(name), x, typeNumber(targetSqlType));
  }

  @Override
  public void setObject(String name, Object x, java.sql.SQLType targetSqlType, int scaleOrLength)
      throws SQLException {
    setObject(slot(name), x, typeNumber(targetSqlType), scaleOrLength);
  }

  // ---- execution

  @Override
  public boolean execute() throws SQLException {
    checkAllSet();
    String proc = call.procedure();
    boolean r;
    if (!names.isEmpty()) {
      Map<String, Object> byName = new LinkedHashMap<>();
      for (Map.Entry<String, Integer> e : names.entrySet()) {
        byName.put(e.getKey(), arg(e.getValue() - 1));
      }
      r =
          run(
              c -> {
                Map<String, Object> got = c.callProc(proc, byName);
                List<Object> list = new ArrayList<>();
                for (int k = 0; k < values.length; k++) {
                  list.add(null);
                }
                names.forEach((n, at) -> list.set(at - 1, new Lazy(() -> got.get(n))));
                results = list;
              },
              false);
    } else {
      int first = call.returnsStatus() ? 1 : 0;
      Object[] args = new Object[values.length - first];
      for (int k = first; k < values.length; k++) {
        args[k - first] = arg(k);
      }
      r =
          run(
              c -> {
                List<Object> got = c.callProc(proc, args);
                List<Object> list = new ArrayList<>();
                if (first == 1) {
                  list.add(new Lazy(() -> status(c.returnStatus())));
                }
                for (int k = 0; k < got.size(); k++) {
                  int at = k;
                  list.add(new Lazy(() -> got.get(at)));
                }
                results = list;
              },
              false);
    }
    return r;
  }

  private static Object status(OptionalInt s) {
    return s.isPresent() ? s.getAsInt() : null;
  }

  /** What the client sends for slot {@code k} (0-based): an OUTPUT Parameter or the value. */
  private Object arg(int k) {
    return out[k] ? Parameter.output(values[k]) : values[k];
  }

  /** A value read when first asked (an OUT value reads the rest of the response). */
  private record Lazy(java.util.function.Supplier<Object> get) {}

  /** OUT parameter {@code i}'s value (1-based), null for NULL; sets wasNull. */
  private Object output(int i) throws SQLException {
    requireOpen();
    if (results == null) {
      throw new SQLException("the call has not been executed", "HY010");
    }
    if (i < 1 || i > values.length || !out[i - 1]) {
      throw new SQLException(
          "parameter "
              + i
              + " is not an OUT parameter: register it with registerOutParameter"
              + " before executing",
          "07009");
    }
    Object v = results.get(i - 1);
    try {
      Object value = v instanceof Lazy l ? l.get().get() : v;
      wasNull = value == null;
      return value;
    } catch (JctdsException e) {
      throw SqlErrors.of(e);
    }
  }

  /** The column-like description JdbcValues converts an OUT value of slot {@code i} with. */
  private Column column(int i) {
    return new Column("@p" + i, 0, typeName(outTypes[i - 1]), 0, 0, 0, 0, true);
  }

  /** The SQL Server type name registered for a java.sql.Types constant. */
  static String typeName(int sqlType) {
    return switch (sqlType) {
      case Types.INTEGER -> "int";
      case Types.BIGINT -> "bigint";
      case Types.SMALLINT -> "smallint";
      case Types.TINYINT -> "tinyint";
      case Types.BIT, Types.BOOLEAN -> "bit";
      case Types.REAL -> "real";
      case Types.FLOAT, Types.DOUBLE -> "float";
      case Types.DECIMAL, Types.NUMERIC -> "decimal";
      case Types.CHAR -> "char";
      case Types.VARCHAR, Types.LONGVARCHAR, Types.CLOB -> "varchar";
      case Types.NCHAR -> "nchar";
      case Types.NVARCHAR, Types.LONGNVARCHAR, Types.NCLOB -> "nvarchar";
      case Types.BINARY -> "binary";
      case Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB -> "varbinary";
      case Types.DATE -> "date";
      case Types.TIME -> "time";
      case Types.TIMESTAMP -> "datetime2";
      case Types.TIMESTAMP_WITH_TIMEZONE -> "datetimeoffset";
      case Types.SQLXML -> "xml";
      default -> "sql_variant";
    };
  }

  @Override
  public boolean wasNull() throws SQLException {
    requireOpen();
    return wasNull;
  }

  // ---- getters by index

  @Override
  public String getString(int i) throws SQLException {
    Object v = output(i);
    return v == null ? null : JdbcValues.getString(v, column(i));
  }

  @Override
  public String getNString(int i) throws SQLException {
    return getString(i);
  }

  @Override
  public boolean getBoolean(int i) throws SQLException {
    Object v = output(i);
    return v != null && JdbcValues.getBoolean(v, column(i));
  }

  @Override
  public byte getByte(int i) throws SQLException {
    Object v = output(i);
    return v == null ? 0 : (byte) JdbcValues.getLong(v, column(i), Byte.MIN_VALUE, 255);
  }

  @Override
  public short getShort(int i) throws SQLException {
    Object v = output(i);
    return v == null
        ? 0
        : (short) JdbcValues.getLong(v, column(i), Short.MIN_VALUE, Short.MAX_VALUE);
  }

  @Override
  public int getInt(int i) throws SQLException {
    Object v = output(i);
    if (v instanceof Integer n) {
      return n;
    }
    return v == null
        ? 0
        : (int) JdbcValues.getLong(v, column(i), Integer.MIN_VALUE, Integer.MAX_VALUE);
  }

  @Override
  public long getLong(int i) throws SQLException {
    Object v = output(i);
    if (v instanceof Long n) {
      return n;
    }
    return v == null ? 0 : JdbcValues.getLong(v, column(i), Long.MIN_VALUE, Long.MAX_VALUE);
  }

  @Override
  public float getFloat(int i) throws SQLException {
    Object v = output(i);
    return v == null ? 0 : JdbcValues.getFloat(v, column(i));
  }

  @Override
  public double getDouble(int i) throws SQLException {
    Object v = output(i);
    return v == null ? 0 : JdbcValues.getDouble(v, column(i));
  }

  @Override
  public BigDecimal getBigDecimal(int i) throws SQLException {
    Object v = output(i);
    return v == null ? null : JdbcValues.getBigDecimal(v, column(i));
  }

  @Override
  @Deprecated
  public BigDecimal getBigDecimal(int i, int scale) throws SQLException {
    BigDecimal d = getBigDecimal(i);
    return d == null ? null : d.setScale(scale, java.math.RoundingMode.HALF_UP);
  }

  @Override
  public byte[] getBytes(int i) throws SQLException {
    Object v = output(i);
    return v == null ? null : JdbcValues.getBytes(v, column(i));
  }

  @Override
  public Date getDate(int i) throws SQLException {
    return getDate(i, null);
  }

  @Override
  public Date getDate(int i, Calendar cal) throws SQLException {
    Object v = output(i);
    return v == null ? null : JdbcValues.getDate(v, column(i), cal);
  }

  @Override
  public Time getTime(int i) throws SQLException {
    return getTime(i, null);
  }

  @Override
  public Time getTime(int i, Calendar cal) throws SQLException {
    Object v = output(i);
    return v == null ? null : JdbcValues.getTime(v, column(i), cal);
  }

  @Override
  public Timestamp getTimestamp(int i) throws SQLException {
    return getTimestamp(i, null);
  }

  @Override
  public Timestamp getTimestamp(int i, Calendar cal) throws SQLException {
    Object v = output(i);
    return v == null ? null : JdbcValues.getTimestamp(v, column(i), cal);
  }

  @Override
  public Object getObject(int i) throws SQLException {
    Object v = output(i);
    return v == null ? null : JdbcValues.getObject(v, column(i));
  }

  @Override
  public <T> T getObject(int i, Class<T> type) throws SQLException {
    Object v = output(i);
    return v == null ? null : JdbcValues.getObject(v, column(i), type);
  }

  @Override
  public Object getObject(int i, Map<String, Class<?>> map) throws SQLException {
    return getObject(i);
  }

  @Override
  public Blob getBlob(int i) throws SQLException {
    Object v = output(i);
    return v == null ? null : JdbcValues.getBlob(v, column(i));
  }

  @Override
  public Clob getClob(int i) throws SQLException {
    Object v = output(i);
    return v == null ? null : JdbcValues.getClob(v, column(i));
  }

  @Override
  public NClob getNClob(int i) throws SQLException {
    Object v = output(i);
    return v == null ? null : JdbcValues.getNClob(v, column(i));
  }

  @Override
  public SQLXML getSQLXML(int i) throws SQLException {
    Object v = output(i);
    return v == null ? null : JdbcValues.getSqlXml(v, column(i));
  }

  @Override
  public Reader getCharacterStream(int i) throws SQLException {
    Object v = output(i);
    return v == null ? null : JdbcValues.getCharacterStream(v, column(i));
  }

  @Override
  public Reader getNCharacterStream(int i) throws SQLException {
    return getCharacterStream(i);
  }

  @Override
  public URL getURL(int i) throws SQLException {
    String s = getString(i);
    try {
      return s == null ? null : new java.net.URI(s).toURL();
    } catch (java.net.URISyntaxException
        | java.net.MalformedURLException
        | IllegalArgumentException e) {
      throw new SQLException(
          "parameter " + i + " does not hold a URL: " + e.getMessage(), "22018", e);
    }
  }

  @Override
  public Ref getRef(int i) throws SQLException {
    throw new SQLFeatureNotSupportedException("SQL Server has no REF type", "0A000");
  }

  @Override
  public Array getArray(int i) throws SQLException {
    throw new SQLFeatureNotSupportedException("SQL Server has no ARRAY type", "0A000");
  }

  @Override
  public RowId getRowId(int i) throws SQLException {
    throw new SQLFeatureNotSupportedException("SQL Server has no ROWID type", "0A000");
  }
}
