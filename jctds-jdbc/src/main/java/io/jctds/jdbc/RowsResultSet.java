package io.jctds.jdbc;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.math.BigDecimal;
import java.net.URL;
import java.nio.charset.StandardCharsets;
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
import java.util.List;

/**
 * A read-only, scrollable (TYPE_SCROLL_INSENSITIVE) result set over rows held in memory: the
 * answers of DatabaseMetaData, generated keys, and results buffered for scrolling. Each row is an
 * {@code Object[]} of plain Java values (null for SQL NULL); {@code getObject} returns a value as
 * given, the other getters convert it with {@link RowValues}. Closing it only marks it closed.
 */
@SuppressWarnings("deprecation") // getBigDecimal(int, int) and getUnicodeStream are JDBC API
final class RowsResultSet extends ReadOnlyResultSet {
  private final Statement statement;
  private final List<String> labels;
  private final List<Integer> jdbcTypes;
  private final List<String> typeNames;
  private final List<Object[]> rows;
  private int cursor = -1; // 0-based; -1 before the first row, rows.size() after the last
  private boolean wasNull;
  private boolean closed;
  private int fetchSize;
  private int fetchDirection = FETCH_FORWARD;

  /** A result set no statement produced (DatabaseMetaData's: getStatement is null). */
  RowsResultSet(
      List<String> labels, List<Integer> jdbcTypes, List<String> typeNames, List<Object[]> rows) {
    this(null, labels, jdbcTypes, typeNames, rows);
  }

  /**
   * @param statement what getStatement returns (null for DatabaseMetaData's result sets)
   * @param labels the column labels, in order
   * @param jdbcTypes each column's java.sql.Types constant
   * @param typeNames each column's SQL Server type name
   * @param rows the rows; each array has one value per column
   */
  RowsResultSet(
      Statement statement,
      List<String> labels,
      List<Integer> jdbcTypes,
      List<String> typeNames,
      List<Object[]> rows) {
    if (labels.size() != jdbcTypes.size() || labels.size() != typeNames.size()) {
      throw new IllegalArgumentException(
          "labels, jdbcTypes and typeNames differ in length: " + labels + " " + typeNames);
    }
    for (Object[] row : rows) {
      if (row.length != labels.size()) {
        throw new IllegalArgumentException(
            "a row has " + row.length + " values for " + labels.size() + " columns " + labels);
      }
    }
    this.statement = statement;
    this.labels = List.copyOf(labels);
    this.jdbcTypes = List.copyOf(jdbcTypes);
    this.typeNames = List.copyOf(typeNames);
    this.rows = new ArrayList<>(rows);
  }

  /** The result set with no rows and these columns. */
  static RowsResultSet empty(List<String> labels, List<Integer> jdbcTypes, List<String> typeNames) {
    return new RowsResultSet(labels, jdbcTypes, typeNames, List.of());
  }

  private void checkOpen() throws SQLException {
    if (closed) {
      throw new SQLException(
          "the result set is closed: read it before closing it or its statement", "HY010");
    }
  }

  /** The current row's value of column {@code index} (1-based); sets wasNull. */
  private Object value(int index) throws SQLException {
    checkOpen();
    if (cursor < 0 || cursor >= rows.size()) {
      throw new SQLException(
          "the result set has no current row (call next() first, or it is past the last row)",
          "24000");
    }
    if (index < 1 || index > labels.size()) {
      throw new SQLException(
          "column index "
              + index
              + " is out of range: the result set has columns 1 to "
              + labels.size(),
          "07009");
    }
    Object v = rows.get(cursor)[index - 1];
    wasNull = v == null;
    return v;
  }

  private String name(int index) {
    return labels.get(index - 1) + " (column " + index + ")";
  }

  private long integral(int index, long min, long max, String target) throws SQLException {
    Object v = value(index);
    return v == null ? 0 : RowValues.integral(v, name(index), min, max, target);
  }

  // ---- navigation

  @Override
  public boolean next() throws SQLException {
    checkOpen();
    if (cursor < rows.size()) {
      cursor++;
    }
    return cursor < rows.size();
  }

  @Override
  public boolean previous() throws SQLException {
    checkOpen();
    if (cursor >= 0) {
      cursor--;
    }
    return cursor >= 0;
  }

  @Override
  public boolean absolute(int row) throws SQLException {
    checkOpen();
    if (row > 0) {
      cursor = Math.min(row - 1, rows.size());
    } else if (row < 0) {
      cursor = Math.max(rows.size() + row, -1);
    } else {
      cursor = -1;
    }
    return cursor >= 0 && cursor < rows.size();
  }

  @Override
  public boolean relative(int rows) throws SQLException {
    checkOpen();
    long target = (long) cursor + rows;
    cursor = (int) Math.max(-1, Math.min(target, this.rows.size()));
    return cursor >= 0 && cursor < this.rows.size();
  }

  @Override
  public boolean first() throws SQLException {
    return absolute(1);
  }

  @Override
  public boolean last() throws SQLException {
    return absolute(-1);
  }

  @Override
  public void beforeFirst() throws SQLException {
    checkOpen();
    cursor = -1;
  }

  @Override
  public void afterLast() throws SQLException {
    checkOpen();
    cursor = rows.size();
  }

  @Override
  public boolean isBeforeFirst() throws SQLException {
    checkOpen();
    return cursor < 0 && !rows.isEmpty();
  }

  @Override
  public boolean isAfterLast() throws SQLException {
    checkOpen();
    return cursor >= rows.size() && !rows.isEmpty();
  }

  @Override
  public boolean isFirst() throws SQLException {
    checkOpen();
    return cursor == 0 && !rows.isEmpty();
  }

  @Override
  public boolean isLast() throws SQLException {
    checkOpen();
    return cursor == rows.size() - 1 && !rows.isEmpty();
  }

  @Override
  public int getRow() throws SQLException {
    checkOpen();
    return cursor >= 0 && cursor < rows.size() ? cursor + 1 : 0;
  }

  // ---- getters by index

  @Override
  public boolean wasNull() throws SQLException {
    checkOpen();
    return wasNull;
  }

  @Override
  public String getString(int index) throws SQLException {
    Object v = value(index);
    return v == null ? null : RowValues.string(v);
  }

  @Override
  public boolean getBoolean(int index) throws SQLException {
    Object v = value(index);
    return v != null && RowValues.bool(v, name(index));
  }

  @Override
  public byte getByte(int index) throws SQLException {
    return (byte) integral(index, Byte.MIN_VALUE, Byte.MAX_VALUE, "byte");
  }

  @Override
  public short getShort(int index) throws SQLException {
    return (short) integral(index, Short.MIN_VALUE, Short.MAX_VALUE, "short");
  }

  @Override
  public int getInt(int index) throws SQLException {
    return (int) integral(index, Integer.MIN_VALUE, Integer.MAX_VALUE, "int");
  }

  @Override
  public long getLong(int index) throws SQLException {
    return integral(index, Long.MIN_VALUE, Long.MAX_VALUE, "long");
  }

  @Override
  public float getFloat(int index) throws SQLException {
    Object v = value(index);
    return v == null ? 0 : (float) RowValues.dbl(v, name(index));
  }

  @Override
  public double getDouble(int index) throws SQLException {
    Object v = value(index);
    return v == null ? 0 : RowValues.dbl(v, name(index));
  }

  @Override
  public BigDecimal getBigDecimal(int index) throws SQLException {
    Object v = value(index);
    return v == null ? null : RowValues.decimal(v, name(index), "BigDecimal");
  }

  @Override
  public byte[] getBytes(int index) throws SQLException {
    Object v = value(index);
    return v == null ? null : RowValues.bytes(v, name(index));
  }

  @Override
  public Date getDate(int index, Calendar cal) throws SQLException {
    Object v = value(index);
    return v == null ? null : RowValues.date(v, name(index), cal);
  }

  @Override
  public Time getTime(int index, Calendar cal) throws SQLException {
    Object v = value(index);
    return v == null ? null : RowValues.time(v, name(index), cal);
  }

  @Override
  public Timestamp getTimestamp(int index, Calendar cal) throws SQLException {
    Object v = value(index);
    return v == null ? null : RowValues.timestamp(v, name(index), cal);
  }

  @Override
  public Object getObject(int index) throws SQLException {
    Object v = value(index);
    return v instanceof byte[] b ? b.clone() : v;
  }

  @Override
  public <T> T getObject(int index, Class<T> type) throws SQLException {
    if (type == null) {
      throw new SQLException("getObject(" + index + ", null): name the class to read", "HY009");
    }
    Object v = value(index);
    if (v == null) {
      return null;
    }
    return RowValues.as(v, type, name(index));
  }

  @Override
  public InputStream getBinaryStream(int index) throws SQLException {
    byte[] b = getBytes(index);
    return b == null ? null : new ByteArrayInputStream(b);
  }

  @Override
  public InputStream getAsciiStream(int index) throws SQLException {
    String s = getString(index);
    return s == null ? null : new ByteArrayInputStream(s.getBytes(StandardCharsets.US_ASCII));
  }

  @Override
  public InputStream getUnicodeStream(int index) throws SQLException {
    throw unsupported("getUnicodeStream (deprecated since JDBC 2.0: use getCharacterStream)");
  }

  @Override
  public Reader getCharacterStream(int index) throws SQLException {
    String s = getString(index);
    return s == null ? null : new StringReader(s);
  }

  @Override
  public Blob getBlob(int index) throws SQLException {
    throw unsupported("getBlob (use getBytes or getBinaryStream)");
  }

  @Override
  public Clob getClob(int index) throws SQLException {
    throw unsupported("getClob (use getString or getCharacterStream)");
  }

  @Override
  public NClob getNClob(int index) throws SQLException {
    throw unsupported("getNClob (use getString or getCharacterStream)");
  }

  @Override
  public SQLXML getSQLXML(int index) throws SQLException {
    throw unsupported("getSQLXML (use getString)");
  }

  @Override
  public Array getArray(int index) throws SQLException {
    throw unsupported("getArray (SQL Server has no ARRAY type)");
  }

  @Override
  public Ref getRef(int index) throws SQLException {
    throw unsupported("getRef (SQL Server has no REF type)");
  }

  @Override
  public RowId getRowId(int index) throws SQLException {
    throw unsupported("getRowId (SQL Server has no ROWID type)");
  }

  @Override
  public URL getURL(int index) throws SQLException {
    throw unsupported("getURL (use getString)");
  }

  private static SQLFeatureNotSupportedException unsupported(String what) {
    return new SQLFeatureNotSupportedException(
        "jctds's in-memory result sets do not support " + what, "0A000");
  }

  // ---- columns, state and settings

  @Override
  public int findColumn(String label) throws SQLException {
    checkOpen();
    for (int i = 0; i < labels.size(); i++) {
      if (labels.get(i).equalsIgnoreCase(label)) {
        return i + 1;
      }
    }
    throw new SQLException(
        "the result set has no column labelled " + label + "; its columns are " + labels, "S0022");
  }

  @Override
  public ResultSetMetaData getMetaData() throws SQLException {
    checkOpen();
    return new RowsResultSetMetaData(labels, jdbcTypes, typeNames, rows);
  }

  @Override
  public Statement getStatement() throws SQLException {
    checkOpen();
    return statement;
  }

  @Override
  public void close() {
    closed = true;
  }

  @Override
  public boolean isClosed() {
    return closed;
  }

  @Override
  public SQLWarning getWarnings() throws SQLException {
    checkOpen();
    return null;
  }

  @Override
  public void clearWarnings() throws SQLException {
    checkOpen();
  }

  @Override
  public String getCursorName() throws SQLException {
    throw unsupported("getCursorName (positioned updates)");
  }

  @Override
  public int getType() throws SQLException {
    checkOpen();
    return TYPE_SCROLL_INSENSITIVE;
  }

  @Override
  public int getHoldability() throws SQLException {
    checkOpen();
    return HOLD_CURSORS_OVER_COMMIT; // the rows are in memory: a commit does not close them
  }

  @Override
  public void setFetchDirection(int direction) throws SQLException {
    checkOpen();
    if (direction != FETCH_FORWARD && direction != FETCH_REVERSE && direction != FETCH_UNKNOWN) {
      throw new SQLException(
          "fetch direction " + direction + " is not FETCH_FORWARD, FETCH_REVERSE or FETCH_UNKNOWN",
          "HY024");
    }
    fetchDirection = direction;
  }

  @Override
  public int getFetchDirection() throws SQLException {
    checkOpen();
    return fetchDirection;
  }

  @Override
  public void setFetchSize(int rows) throws SQLException {
    checkOpen();
    if (rows < 0) {
      throw new SQLException("fetch size " + rows + " is negative", "HY024");
    }
    fetchSize = rows; // a hint only: the rows are already here
  }

  @Override
  public int getFetchSize() throws SQLException {
    checkOpen();
    return fetchSize;
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
