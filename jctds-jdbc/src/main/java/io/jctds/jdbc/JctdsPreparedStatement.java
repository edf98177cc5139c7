package io.jctds.jdbc;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.net.URL;
import java.sql.Array;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.Date;
import java.sql.NClob;
import java.sql.ParameterMetaData;
import java.sql.PreparedStatement;
import java.sql.Ref;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.RowId;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLXML;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Calendar;
import java.util.List;

/**
 * A prepared statement: the SQL's {@code ?} markers become RPC parameters ({@link JdbcSql}), each
 * execution one RPC — sp_executesql the first time, then a server-prepared handle ({@link
 * io.jctds.Cursor#executePrepared}: sp_prepexec, sp_execute; the handles are the connection's, so a
 * statement prepared again on the same connection reuses them); {@link #executeBatch()} sends the
 * parameter sets pipelined, many calls per request ({@link io.jctds.Cursor#executeMany}). Parameter
 * values are converted by {@link JdbcParams} when set.
 */
class JctdsPreparedStatement extends JctdsStatement implements PreparedStatement {
  final String jdbcSql;
  final JdbcSql sql;
  private final boolean keys;
  Object[] values;
  boolean[] set;
  private final List<Object[]> batchSets = new ArrayList<>();
  private JctdsResultSetMetaData lastMetaData;
  private List<io.jctds.Column> described;

  JctdsPreparedStatement(JctdsConnection connection, String sql, int resultSetType, boolean keys)
      throws SQLException {
    super(connection, resultSetType);
    this.jdbcSql = sql;
    this.keys = keys;
    this.sql = JdbcSql.of(translate(sql) + (keys ? KEYS_QUERY : ""));
    this.values = new Object[this.sql.count()];
    this.set = new boolean[this.sql.count()];
  }

  boolean unicode() {
    return connection.config().sendStringParametersAsUnicode();
  }

  void checkAllSet() throws SQLException {
    for (int i = 0; i < set.length; i++) {
      if (!set[i]) {
        throw new SQLException(
            "parameter "
                + (i + 1)
                + " of "
                + set.length
                + " is not set: set every ? before executing",
            "07002");
      }
    }
  }

  /** Adds a parameter slot (a named parameter of a call) and returns its 1-based index. */
  int addSlot() {
    values = Arrays.copyOf(values, values.length + 1);
    set = Arrays.copyOf(set, set.length + 1);
    return values.length;
  }

  void put(int i, Object v) throws SQLException {
    requireOpen();
    if (i < 1 || i > values.length) {
      throw new SQLException(
          "parameter index " + i + " is out of range 1.." + values.length + " for: " + jdbcSql,
          "07009");
    }
    values[i - 1] = v;
    set[i - 1] = true;
  }

  private void param(int i, Object x) throws SQLException {
    put(i, JdbcParams.value(x, unicode()));
  }

  // ---- execution

  @Override
  public boolean execute() throws SQLException {
    checkAllSet();
    Object[] args = values.clone();
    boolean r =
        run(
            c -> {
              if (args.length == 0) {
                c.execute(sql.sql());
              } else {
                c.executePrepared(sql.sql(), args);
              }
            },
            keys);
    ResultSet rs = getResultSet();
    if (rs != null) {
      lastMetaData = (JctdsResultSetMetaData) rs.getMetaData();
    }
    return r;
  }

  @Override
  public ResultSet executeQuery() throws SQLException {
    execute();
    return firstResultSet();
  }

  @Override
  public int executeUpdate() throws SQLException {
    return toInt(executeLargeUpdate());
  }

  @Override
  public long executeLargeUpdate() throws SQLException {
    execute();
    return lastCount();
  }

  @Override
  public void addBatch() throws SQLException {
    requireOpen();
    checkAllSet();
    batchSets.add(values.clone());
  }

  @Override
  public void clearBatch() throws SQLException {
    super.clearBatch();
    batchSets.clear();
  }

  @Override
  public void clearParameters() throws SQLException {
    requireOpen();
    Arrays.fill(values, null);
    Arrays.fill(set, false);
  }

  @Override
  public int[] executeBatch() throws SQLException {
    long[] counts = executeLargeBatch();
    int[] r = new int[counts.length];
    for (int i = 0; i < counts.length; i++) {
      r[i] = toInt(counts[i]);
    }
    return r;
  }

  /**
   * The parameter sets as one pipelined stream of sp_executesql calls; the count of each set is the
   * sum of its statements' counts, SUCCESS_NO_INFO when it reported none. When a set fails the
   * BatchUpdateException holds the counts of the sets before it that are known.
   */
  @Override
  public long[] executeLargeBatch() throws SQLException {
    requireOpen();
    List<Object[]> sets = new ArrayList<>(batchSets);
    batchSets.clear();
    if (sets.isEmpty()) {
      return new long[0];
    }
    long[][] counts = {new long[0]};
    try {
      if (values.length == 0) {
        return runStatementsOneByOne(sets.size());
      }
      run(
          c -> {
            c.executeMany(sql.sql(), sets);
            counts[0] = c.callRowCounts();
          },
          false);
    } catch (SQLException e) {
      throw new java.sql.BatchUpdateException(
          "the batch failed: " + e.getMessage(),
          e.getSQLState(),
          e.getErrorCode(),
          lastCallCounts(),
          e);
    }
    long[] r = counts[0];
    for (int i = 0; i < r.length; i++) {
      r[i] = r[i] < 0 ? SUCCESS_NO_INFO : r[i];
    }
    return r;
  }

  private long[] lastCallCounts() {
    return new long[0];
  }

  private long[] runStatementsOneByOne(int n) throws SQLException {
    long[] r = new long[n];
    for (int i = 0; i < n; i++) {
      r[i] = executeLargeUpdate();
    }
    return r;
  }

  /** The text with @P0, @P1 ... as the server receives it. */
  private String serverText() {
    return io.jctds.internal.params.ParamText.numeric(sql.sql(), sql.count()).sql();
  }

  private List<io.jctds.Column> parameterTypes() throws SQLException {
    if (described == null) {
      described =
          sql.count() == 0 ? List.of() : ServerDescribe.parameters(connection, serverText());
    }
    return described;
  }

  /**
   * The columns of the result set from the last execution, or before the first one as the server
   * describes the statement (sp_describe_first_result_set); null when it returns none.
   */
  @Override
  public ResultSetMetaData getMetaData() throws SQLException {
    requireOpen();
    if (lastMetaData == null) {
      List<io.jctds.Column> cols =
          ServerDescribe.firstResultSet(
              connection, serverText(), ServerDescribe.declarations(parameterTypes()));
      if (!cols.isEmpty()) {
        lastMetaData = new JctdsResultSetMetaData(cols);
      }
    }
    return lastMetaData;
  }

  @Override
  public ParameterMetaData getParameterMetaData() throws SQLException {
    requireOpen();
    List<io.jctds.Column> types;
    try {
      types = parameterTypes();
    } catch (SQLException e) {
      types = null; // the server cannot describe it: the values' own types
    }
    return new JctdsParameterMetaData(types, values, set);
  }

  // ---- the Statement methods that take SQL are not for prepared statements

  private static SQLException notHere() {
    return new SQLException(
        "a PreparedStatement runs its own SQL: call execute() / executeQuery() / executeUpdate()"
            + " without arguments, or use a Statement",
        "HY000");
  }

  @Override
  public boolean execute(String s) throws SQLException {
    throw notHere();
  }

  @Override
  public ResultSet executeQuery(String s) throws SQLException {
    throw notHere();
  }

  @Override
  public long executeLargeUpdate(String s) throws SQLException {
    throw notHere();
  }

  @Override
  public void addBatch(String s) throws SQLException {
    throw notHere();
  }

  // ---- setters

  @Override
  public void setNull(int i, int sqlType) throws SQLException {
    put(i, JdbcParams.value(null, sqlType, 0, unicode()));
  }

  @Override
  public void setNull(int i, int sqlType, String typeName) throws SQLException {
    setNull(i, sqlType);
  }

  @Override
  public void setBoolean(int i, boolean x) throws SQLException {
    param(i, x);
  }

  @Override
  public void setByte(int i, byte x) throws SQLException {
    param(i, x);
  }

  @Override
  public void setShort(int i, short x) throws SQLException {
    param(i, x);
  }

  @Override
  public void setInt(int i, int x) throws SQLException {
    param(i, x);
  }

  @Override
  public void setLong(int i, long x) throws SQLException {
    param(i, x);
  }

  @Override
  public void setFloat(int i, float x) throws SQLException {
    param(i, x);
  }

  @Override
  public void setDouble(int i, double x) throws SQLException {
    param(i, x);
  }

  @Override
  public void setBigDecimal(int i, BigDecimal x) throws SQLException {
    param(i, x);
  }

  @Override
  public void setString(int i, String x) throws SQLException {
    param(i, x);
  }

  @Override
  public void setNString(int i, String x) throws SQLException {
    put(i, JdbcParams.value(x, true));
  }

  @Override
  public void setBytes(int i, byte[] x) throws SQLException {
    param(i, x);
  }

  @Override
  public void setDate(int i, Date x) throws SQLException {
    param(i, x);
  }

  @Override
  public void setTime(int i, Time x) throws SQLException {
    param(i, x);
  }

  @Override
  public void setTimestamp(int i, Timestamp x) throws SQLException {
    param(i, x);
  }

  /** The calendar's zone, for the setters that interpret a value in one. */
  private static ZoneId zone(Calendar cal) {
    return cal == null ? ZoneId.systemDefault() : cal.getTimeZone().toZoneId();
  }

  @Override
  public void setDate(int i, Date x, Calendar cal) throws SQLException {
    param(
        i,
        x == null
            ? null
            : java.time.Instant.ofEpochMilli(x.getTime()).atZone(zone(cal)).toLocalDate());
  }

  @Override
  public void setTime(int i, Time x, Calendar cal) throws SQLException {
    param(
        i,
        x == null
            ? null
            : java.time.Instant.ofEpochMilli(x.getTime()).atZone(zone(cal)).toLocalTime());
  }

  @Override
  public void setTimestamp(int i, Timestamp x, Calendar cal) throws SQLException {
    param(i, x == null ? null : x.toInstant().atZone(zone(cal)).toLocalDateTime());
  }

  @Override
  public void setObject(int i, Object x) throws SQLException {
    param(i, x);
  }

  @Override
  public void setObject(int i, Object x, int targetSqlType) throws SQLException {
    put(
        i,
        JdbcParams.value(x, targetSqlType, -1, unicode())); // the value's own scale, as mssql-jdbc
  }

  @Override
  public void setObject(int i, Object x, int targetSqlType, int scaleOrLength) throws SQLException {
    put(i, JdbcParams.value(x, targetSqlType, scaleOrLength, unicode()));
  }

  /** The java.sql.Types number of a JDBCType (or another vendor's SQLType with one). */
  static int typeNumber(java.sql.SQLType type) throws SQLException {
    Integer n = type == null ? null : type.getVendorTypeNumber();
    if (n == null) {
      throw new java.sql.SQLFeatureNotSupportedException(
          "SQL type " + type + " has no java.sql.Types number", "0A000");
    }
    return n;
  }

  @Override
  public void setObject(int i, Object x, java.sql.SQLType targetSqlType) throws SQLException {
    setObject(i, x, typeNumber(targetSqlType));
  }

  @Override
  public void setObject(int i, Object x, java.sql.SQLType targetSqlType, int scaleOrLength)
      throws SQLException {
    setObject(i, x, typeNumber(targetSqlType), scaleOrLength);
  }

  @Override
  public void setAsciiStream(int i, InputStream x, int length) throws SQLException {
    setAsciiStream(i, x, (long) length);
  }

  @Override
  public void setAsciiStream(int i, InputStream x, long length) throws SQLException {
    byte[] b = readBytes(i, x, length);
    param(i, b == null ? null : new String(b, java.nio.charset.StandardCharsets.US_ASCII));
  }

  @Override
  public void setAsciiStream(int i, InputStream x) throws SQLException {
    setAsciiStream(i, x, -1L);
  }

  @Override
  @Deprecated
  public void setUnicodeStream(int i, InputStream x, int length) throws SQLException {
    throw new SQLFeatureNotSupportedException(
        "setUnicodeStream is deprecated: use setCharacterStream");
  }

  @Override
  public void setBinaryStream(int i, InputStream x, int length) throws SQLException {
    setBinaryStream(i, x, (long) length);
  }

  @Override
  public void setBinaryStream(int i, InputStream x, long length) throws SQLException {
    param(i, readBytes(i, x, length));
  }

  @Override
  public void setBinaryStream(int i, InputStream x) throws SQLException {
    param(i, x);
  }

  @Override
  public void setCharacterStream(int i, Reader x, int length) throws SQLException {
    setCharacterStream(i, x, (long) length);
  }

  @Override
  public void setCharacterStream(int i, Reader x, long length) throws SQLException {
    param(i, readChars(i, x, length));
  }

  @Override
  public void setCharacterStream(int i, Reader x) throws SQLException {
    param(i, x);
  }

  @Override
  public void setNCharacterStream(int i, Reader x, long length) throws SQLException {
    setCharacterStream(i, x, length);
  }

  @Override
  public void setNCharacterStream(int i, Reader x) throws SQLException {
    setCharacterStream(i, x);
  }

  @Override
  public void setBlob(int i, Blob x) throws SQLException {
    param(i, x);
  }

  @Override
  public void setBlob(int i, InputStream x, long length) throws SQLException {
    setBinaryStream(i, x, length);
  }

  @Override
  public void setBlob(int i, InputStream x) throws SQLException {
    setBinaryStream(i, x);
  }

  @Override
  public void setClob(int i, Clob x) throws SQLException {
    param(i, x);
  }

  @Override
  public void setClob(int i, Reader x, long length) throws SQLException {
    setCharacterStream(i, x, length);
  }

  @Override
  public void setClob(int i, Reader x) throws SQLException {
    setCharacterStream(i, x);
  }

  @Override
  public void setNClob(int i, NClob x) throws SQLException {
    param(i, x);
  }

  @Override
  public void setNClob(int i, Reader x, long length) throws SQLException {
    setCharacterStream(i, x, length);
  }

  @Override
  public void setNClob(int i, Reader x) throws SQLException {
    setCharacterStream(i, x);
  }

  @Override
  public void setSQLXML(int i, SQLXML x) throws SQLException {
    param(i, x);
  }

  @Override
  public void setURL(int i, URL x) throws SQLException {
    param(i, x == null ? null : x.toString());
  }

  @Override
  public void setRef(int i, Ref x) throws SQLException {
    throw new SQLFeatureNotSupportedException("SQL Server has no REF type", "0A000");
  }

  @Override
  public void setArray(int i, Array x) throws SQLException {
    throw new SQLFeatureNotSupportedException(
        "SQL Server has no ARRAY type: use a table-valued parameter or a string list", "0A000");
  }

  @Override
  public void setRowId(int i, RowId x) throws SQLException {
    throw new SQLFeatureNotSupportedException("SQL Server has no ROWID type", "0A000");
  }

  /** Exactly {@code length} bytes of {@code in} (all of it when negative); a short stream fails. */
  private static byte[] readBytes(int i, InputStream in, long length) throws SQLException {
    if (in == null) {
      return null;
    }
    try {
      if (length < 0) {
        return in.readAllBytes();
      }
      if (length > Integer.MAX_VALUE - 8) {
        throw new SQLException(
            "parameter " + i + ": " + length + " bytes do not fit one value", "22001");
      }
      byte[] b = in.readNBytes((int) length);
      if (b.length < length) {
        throw new SQLException(
            "parameter "
                + i
                + ": the stream ended after "
                + b.length
                + " of the "
                + length
                + " bytes announced",
            "22026");
      }
      return b;
    } catch (IOException e) {
      throw new SQLException("parameter " + i + ": reading the stream failed: " + e, "HY000", e);
    }
  }

  private static String readChars(int i, Reader in, long length) throws SQLException {
    if (in == null) {
      return null;
    }
    try {
      StringBuilder s = new StringBuilder();
      char[] buf = new char[8192];
      long want = length < 0 ? Long.MAX_VALUE : length;
      int n;
      while (s.length() < want
          && (n = in.read(buf, 0, (int) Math.min(buf.length, want - s.length()))) > 0) {
        s.append(buf, 0, n);
      }
      if (length >= 0 && s.length() < length) {
        throw new SQLException(
            "parameter "
                + i
                + ": the reader ended after "
                + s.length()
                + " of the "
                + length
                + " characters announced",
            "22026");
      }
      return s.toString();
    } catch (IOException e) {
      throw new SQLException("parameter " + i + ": reading the reader failed: " + e, "HY000", e);
    }
  }
}
