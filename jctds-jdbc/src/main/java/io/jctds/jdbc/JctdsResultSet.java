package io.jctds.jdbc;

import io.jctds.Column;
import io.jctds.Cursor;
import io.jctds.JctdsException;
import io.jctds.Row;
import java.io.InputStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.net.URL;
import java.sql.Array;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.Date;
import java.sql.NClob;
import java.sql.Ref;
import java.sql.ResultSetMetaData;
import java.sql.RowId;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLWarning;
import java.sql.SQLXML;
import java.sql.Statement;
import java.sql.Time;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A result set of a jctds statement. Forward-only result sets stream: each {@link #next()} reads
 * one row from the connection as the cursor receives it, and a column is decoded only when a getter
 * reads it. Scroll-insensitive ones hold the rows in memory (read when the result set opens). When
 * another statement of the same connection sends a request while this one is open, its remaining
 * rows are read into memory first ({@link #detach()}), so nothing is lost.
 */
final class JctdsResultSet extends ReadOnlyResultSet {
  private final JctdsStatement statement;
  private final List<Column> columns;
  private final boolean[] integral; // per column: an integer type, read without boxing
  private final int type;
  private final long maxRows;
  private Cursor cursor;
  private List<Row> rows;
  private int index = -1; // position in rows (buffered), -1 before the first
  private long rowNumber; // 1-based number of the current row, 0 before the first
  private Row current;
  private boolean after;
  private boolean wasNull;
  private boolean closed;
  private int fetchSize;
  private Map<String, Integer> byLabel;

  JctdsResultSet(JctdsStatement statement, Cursor cursor, int type, long maxRows)
      throws SQLException {
    this.statement = statement;
    this.cursor = cursor;
    this.columns = cursor.description();
    this.integral = integralColumns(columns);
    this.type = type;
    this.maxRows = maxRows;
    if (type != TYPE_FORWARD_ONLY) {
      detach();
    }
  }

  /** A result set over rows already in memory (the rest of a detached statement's results). */
  JctdsResultSet(JctdsStatement statement, List<Column> columns, List<Row> rows, int type) {
    this.statement = statement;
    this.columns = columns;
    this.integral = integralColumns(columns);
    this.rows = rows;
    this.type = type;
    this.maxRows = 0;
  }

  List<Column> columns() {
    return columns;
  }

  /** Reads the rest of the rows into memory and lets go of the cursor. */
  void detach() throws SQLException {
    if (cursor == null) {
      return;
    }
    List<Row> rest = new ArrayList<>();
    try {
      long limit = maxRows == 0 ? Long.MAX_VALUE : maxRows - rowNumber;
      Row r;
      while (rest.size() < limit && (r = cursor.fetchOne()) != null) {
        rest.add(r);
      }
    } catch (JctdsException e) {
      throw SqlErrors.of(e);
    } finally {
      cursor = null;
    }
    rows = rest;
    index = -1;
  }

  /** Whether this result set still reads from the connection. */
  boolean streaming() {
    return cursor != null;
  }

  @Override
  public boolean next() throws SQLException {
    requireOpen();
    if (after) {
      return false;
    }
    if (maxRows > 0 && rowNumber >= maxRows) {
      return end();
    }
    if (rows != null) {
      if (index + 1 >= rows.size()) {
        index = rows.size();
        return end();
      }
      current = rows.get(++index);
    } else {
      try {
        current = cursor.fetchOne();
      } catch (JctdsException e) {
        current = null;
        throw SqlErrors.of(e);
      }
      if (current == null) {
        return end();
      }
    }
    rowNumber++;
    return true;
  }

  private boolean end() {
    current = null;
    after = true;
    if (rows == null) {
      statement.resultSetEnded(this);
    }
    return false;
  }

  @Override
  public void close() throws SQLException {
    if (closed) {
      return;
    }
    closed = true;
    current = null;
    rows = null;
    statement.resultSetClosed(this);
  }

  /** Marks this result set closed without telling the statement (it is closing it). */
  void closedByStatement() {
    closed = true;
    current = null;
    rows = null;
    cursor = null;
  }

  @Override
  public boolean isClosed() {
    return closed;
  }

  @Override
  public boolean wasNull() throws SQLException {
    requireOpen();
    return wasNull;
  }

  private void requireOpen() throws SQLException {
    if (closed) {
      throw new SQLException("the result set is closed", "HY010");
    }
  }

  /** The current row's value of column {@code i} (1-based), null for NULL; sets wasNull. */
  private Object value(int i) throws SQLException {
    Row r = row(i);
    try {
      Object v = r.get(i - 1);
      wasNull = v == null;
      return v;
    } catch (JctdsException e) {
      throw SqlErrors.of(e);
    }
  }

  private Row row(int i) throws SQLException {
    requireOpen();
    if (current == null) {
      throw new SQLException(
          "no current row: call next() first" + (after ? " (the result set is at its end)" : ""),
          "24000");
    }
    if (i < 1 || i > columns.size()) {
      throw new SQLException(
          "column index " + i + " is out of range 1.." + columns.size(), "07009");
    }
    return current;
  }

  private Column col(int i) {
    return columns.get(i - 1);
  }

  /**
   * Which columns hold a SQL Server integer type, decided once per result set rather than by
   * parsing the type name on every getInt / getLong.
   */
  private static boolean[] integralColumns(List<Column> columns) {
    boolean[] r = new boolean[columns.size()];
    for (int i = 0; i < r.length; i++) {
      String t = JdbcValues.baseTypeName(columns.get(i));
      r[i] = t.equals("int") || t.equals("bigint") || t.equals("smallint") || t.equals("tinyint");
    }
    return r;
  }

  private long integer(int i, long min, long max) throws SQLException {
    Row r = row(i); // checks the index before the array is read
    if (integral[i - 1]) {
      try {
        if (r.isNull(i - 1)) {
          wasNull = true;
          return 0;
        }
        wasNull = false;
        long v = r.getLong(i - 1);
        if (v < min || v > max) {
          return JdbcValues.getLong(v, col(i), min, max); // the range error
        }
        return v;
      } catch (JctdsException e) {
        throw SqlErrors.of(e);
      }
    }
    Object v = value(i);
    return v == null ? 0 : JdbcValues.getLong(v, col(i), min, max);
  }

  @Override
  public String getString(int i) throws SQLException {
    Object v = value(i);
    return v == null ? null : JdbcValues.getString(v, col(i));
  }

  @Override
  public boolean getBoolean(int i) throws SQLException {
    Object v = value(i);
    return v != null && JdbcValues.getBoolean(v, col(i));
  }

  @Override
  public byte getByte(int i) throws SQLException {
    return (byte) integer(i, Byte.MIN_VALUE, 255); // tinyint is 0..255, as mssql-jdbc
  }

  @Override
  public short getShort(int i) throws SQLException {
    return (short) integer(i, Short.MIN_VALUE, Short.MAX_VALUE);
  }

  @Override
  public int getInt(int i) throws SQLException {
    return (int) integer(i, Integer.MIN_VALUE, Integer.MAX_VALUE);
  }

  @Override
  public long getLong(int i) throws SQLException {
    return integer(i, Long.MIN_VALUE, Long.MAX_VALUE);
  }

  @Override
  public float getFloat(int i) throws SQLException {
    Object v = value(i);
    return v == null ? 0 : JdbcValues.getFloat(v, col(i));
  }

  @Override
  public double getDouble(int i) throws SQLException {
    Object v = value(i);
    return v == null ? 0 : JdbcValues.getDouble(v, col(i));
  }

  @Override
  public BigDecimal getBigDecimal(int i) throws SQLException {
    Object v = value(i);
    return v == null ? null : JdbcValues.getBigDecimal(v, col(i));
  }

  @Override
  public byte[] getBytes(int i) throws SQLException {
    Object v = value(i);
    return v == null ? null : JdbcValues.getBytes(v, col(i));
  }

  @Override
  public Date getDate(int i, Calendar cal) throws SQLException {
    Object v = value(i);
    return v == null ? null : JdbcValues.getDate(v, col(i), cal);
  }

  @Override
  public Time getTime(int i, Calendar cal) throws SQLException {
    Object v = value(i);
    return v == null ? null : JdbcValues.getTime(v, col(i), cal);
  }

  @Override
  public Timestamp getTimestamp(int i, Calendar cal) throws SQLException {
    Object v = value(i);
    return v == null ? null : JdbcValues.getTimestamp(v, col(i), cal);
  }

  @Override
  public Object getObject(int i) throws SQLException {
    Object v = value(i);
    return v == null ? null : JdbcValues.getObject(v, col(i));
  }

  @Override
  public <T> T getObject(int i, Class<T> cls) throws SQLException {
    if (cls == null) {
      throw new SQLException("getObject needs a target class, got null", "HY009");
    }
    Object v = value(i);
    return v == null ? null : JdbcValues.getObject(v, col(i), cls);
  }

  @Override
  public InputStream getBinaryStream(int i) throws SQLException {
    Object v = value(i);
    return v == null ? null : JdbcValues.getBinaryStream(v, col(i));
  }

  @Override
  public InputStream getAsciiStream(int i) throws SQLException {
    String s = getString(i);
    return s == null
        ? null
        : new java.io.ByteArrayInputStream(s.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
  }

  @Override
  @Deprecated
  public InputStream getUnicodeStream(int i) throws SQLException {
    throw new SQLFeatureNotSupportedException(
        "getUnicodeStream is deprecated: use getCharacterStream");
  }

  @Override
  public Reader getCharacterStream(int i) throws SQLException {
    Object v = value(i);
    return v == null ? null : JdbcValues.getCharacterStream(v, col(i));
  }

  @Override
  public Blob getBlob(int i) throws SQLException {
    Object v = value(i);
    return v == null ? null : JdbcValues.getBlob(v, col(i));
  }

  @Override
  public Clob getClob(int i) throws SQLException {
    Object v = value(i);
    return v == null ? null : JdbcValues.getClob(v, col(i));
  }

  @Override
  public NClob getNClob(int i) throws SQLException {
    Object v = value(i);
    return v == null ? null : JdbcValues.getNClob(v, col(i));
  }

  @Override
  public SQLXML getSQLXML(int i) throws SQLException {
    Object v = value(i);
    return v == null ? null : JdbcValues.getSqlXml(v, col(i));
  }

  @Override
  public Ref getRef(int i) throws SQLException {
    throw unsupportedType("REF");
  }

  @Override
  public Array getArray(int i) throws SQLException {
    throw unsupportedType("ARRAY");
  }

  @Override
  public URL getURL(int i) throws SQLException {
    String s = getString(i);
    try {
      return s == null ? null : new java.net.URI(s).toURL();
    } catch (java.net.URISyntaxException
        | java.net.MalformedURLException
        | IllegalArgumentException e) {
      throw new SQLException("column " + i + " does not hold a URL: " + e.getMessage(), "22018", e);
    }
  }

  @Override
  public RowId getRowId(int i) throws SQLException {
    throw unsupportedType("ROWID");
  }

  private static SQLFeatureNotSupportedException unsupportedType(String t) {
    return new SQLFeatureNotSupportedException("SQL Server has no " + t + " type", "0A000");
  }

  @Override
  public int findColumn(String label) throws SQLException {
    requireOpen();
    if (byLabel == null) {
      byLabel = new HashMap<>();
      for (int i = columns.size() - 1; i >= 0; i--) { // the first of equal names wins
        byLabel.put(columns.get(i).name().toLowerCase(Locale.ROOT), i + 1);
      }
    }
    Integer i = label == null ? null : byLabel.get(label.toLowerCase(Locale.ROOT));
    if (i == null) {
      throw new SQLException(
          "the result set has no column " + label + "; its columns: " + labels(), "42S22");
    }
    return i;
  }

  private String labels() {
    List<String> names = new ArrayList<>();
    for (Column c : columns) {
      names.add(c.name());
    }
    return String.join(", ", names);
  }

  @Override
  public ResultSetMetaData getMetaData() throws SQLException {
    requireOpen();
    return new JctdsResultSetMetaData(columns);
  }

  @Override
  public Statement getStatement() {
    return statement;
  }

  @Override
  public SQLWarning getWarnings() throws SQLException {
    requireOpen();
    return null; // the server's messages are the statement's warnings
  }

  @Override
  public void clearWarnings() throws SQLException {
    requireOpen();
  }

  @Override
  public String getCursorName() throws SQLException {
    throw new SQLFeatureNotSupportedException("jctds uses no named server cursors", "0A000");
  }

  @Override
  public int getType() throws SQLException {
    requireOpen();
    return type;
  }

  @Override
  public int getHoldability() throws SQLException {
    requireOpen();
    return HOLD_CURSORS_OVER_COMMIT; // rows already sent stay readable after a commit
  }

  @Override
  public void setFetchDirection(int direction) throws SQLException {
    requireOpen();
    if (direction != FETCH_FORWARD && type == TYPE_FORWARD_ONLY) {
      throw new SQLException("a forward-only result set fetches forward only", "HY024");
    }
  }

  @Override
  public int getFetchDirection() throws SQLException {
    requireOpen();
    return FETCH_FORWARD;
  }

  @Override
  public void setFetchSize(int rows) throws SQLException {
    requireOpen();
    if (rows < 0) {
      throw new SQLException("the fetch size must be >= 0, got " + rows, "HY024");
    }
    fetchSize = rows; // a hint: rows stream as the server sends them
  }

  @Override
  public int getFetchSize() throws SQLException {
    requireOpen();
    return fetchSize;
  }

  // ---- position (scrolling needs TYPE_SCROLL_INSENSITIVE, whose rows are in memory)

  private void requireScrollable(String what) throws SQLException {
    requireOpen();
    if (type == TYPE_FORWARD_ONLY) {
      throw new SQLException(
          what
              + " needs a scrollable result set: create the statement with"
              + " ResultSet.TYPE_SCROLL_INSENSITIVE",
          "HY106");
    }
  }

  private boolean moveTo(int at) {
    int n = rows.size();
    index = Math.max(-1, Math.min(at, n));
    after = index >= n;
    current = index >= 0 && index < n ? rows.get(index) : null;
    rowNumber = current == null ? 0 : index + 1;
    return current != null;
  }

  @Override
  public boolean isBeforeFirst() throws SQLException {
    requireOpen();
    return rows != null ? index < 0 && !rows.isEmpty() : rowNumber == 0 && !after;
  }

  @Override
  public boolean isAfterLast() throws SQLException {
    requireOpen();
    return after && (rows == null || !rows.isEmpty());
  }

  @Override
  public boolean isFirst() throws SQLException {
    requireOpen();
    return current != null && rowNumber == 1;
  }

  @Override
  public boolean isLast() throws SQLException {
    requireScrollable("isLast");
    return current != null && index == rows.size() - 1;
  }

  @Override
  public void beforeFirst() throws SQLException {
    requireScrollable("beforeFirst");
    moveTo(-1);
    after = false;
  }

  @Override
  public void afterLast() throws SQLException {
    requireScrollable("afterLast");
    moveTo(rows.size());
  }

  @Override
  public boolean first() throws SQLException {
    requireScrollable("first");
    return moveTo(0);
  }

  @Override
  public boolean last() throws SQLException {
    requireScrollable("last");
    return moveTo(rows.size() - 1);
  }

  @Override
  public int getRow() throws SQLException {
    requireOpen();
    return current == null ? 0 : (int) Math.min(Integer.MAX_VALUE, rowNumber);
  }

  @Override
  public boolean absolute(int row) throws SQLException {
    requireScrollable("absolute");
    return moveTo(row >= 0 ? row - 1 : rows.size() + row);
  }

  @Override
  public boolean relative(int delta) throws SQLException {
    requireScrollable("relative");
    return moveTo(index + delta);
  }

  @Override
  public boolean previous() throws SQLException {
    requireScrollable("previous");
    boolean on = moveTo(index - 1);
    after = false;
    return on;
  }

  @Override
  public <T> T unwrap(Class<T> iface) throws SQLException {
    return Wrappers.unwrap(this, iface);
  }

  @Override
  public boolean isWrapperFor(Class<?> iface) {
    return iface.isInstance(this);
  }
}
