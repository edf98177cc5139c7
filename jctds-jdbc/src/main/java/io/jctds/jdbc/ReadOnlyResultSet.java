package io.jctds.jdbc;

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
import java.sql.ResultSet;
import java.sql.RowId;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLXML;
import java.sql.Time;
import java.sql.Timestamp;
import java.util.Calendar;
import java.util.Map;

/**
 * What every jctds result set shares: it is read-only (CONCUR_READ_ONLY: each update method throws
 * SQLFeatureNotSupportedException, as JDBC allows, and rowUpdated / rowInserted / rowDeleted are
 * false), and each getter by column label is the getter by index of {@link #findColumn(String)}.
 * The update methods and label getters are written out once, here, mechanically from
 * java.sql.ResultSet.
 */
@SuppressWarnings("deprecation") // getBigDecimal(String, int) and getUnicodeStream are JDBC API
abstract class ReadOnlyResultSet implements ResultSet {
  static SQLFeatureNotSupportedException readOnly() {
    return new SQLFeatureNotSupportedException(
        "jctds result sets are read-only (CONCUR_READ_ONLY): update the table with an UPDATE"
            + " statement instead",
        "0A000");
  }

  @Override
  public int getConcurrency() throws SQLException {
    return CONCUR_READ_ONLY;
  }

  // ---- getters defined by other getters, the same for every jctds result set

  @Override
  public Date getDate(int i) throws SQLException {
    return getDate(i, null);
  }

  @Override
  public Time getTime(int i) throws SQLException {
    return getTime(i, null);
  }

  @Override
  public Timestamp getTimestamp(int i) throws SQLException {
    return getTimestamp(i, null);
  }

  @Override
  public BigDecimal getBigDecimal(int i, int scale) throws SQLException {
    BigDecimal d = getBigDecimal(i);
    return d == null ? null : d.setScale(scale, java.math.RoundingMode.HALF_UP);
  }

  @Override
  public String getNString(int i) throws SQLException {
    return getString(i);
  }

  @Override
  public Reader getNCharacterStream(int i) throws SQLException {
    return getCharacterStream(i);
  }

  @Override
  public Object getObject(int i, Map<String, Class<?>> map) throws SQLException {
    return getObject(i); // SQL Server has no user-defined structured types to map
  }

  @Override
  public void cancelRowUpdates() throws SQLException {
    throw readOnly();
  }

  @Override
  public void deleteRow() throws SQLException {
    throw readOnly();
  }

  @Override
  public void insertRow() throws SQLException {
    throw readOnly();
  }

  @Override
  public void moveToCurrentRow() throws SQLException {
    throw readOnly();
  }

  @Override
  public void moveToInsertRow() throws SQLException {
    throw readOnly();
  }

  @Override
  public void refreshRow() throws SQLException {
    throw readOnly();
  }

  @Override
  public boolean rowDeleted() throws SQLException {
    return false;
  }

  @Override
  public boolean rowInserted() throws SQLException {
    return false;
  }

  @Override
  public boolean rowUpdated() throws SQLException {
    return false;
  }

  @Override
  public void updateArray(String x0, Array x1) throws SQLException {
    throw readOnly();
  }

  @Override
  public void updateArray(int x0, Array x1) throws SQLException {
    throw readOnly();
  }

  @Override
  public void updateAsciiStream(String x0, InputStream x1, int x2) throws SQLException {
    throw readOnly();
  }

  @Override
  public void updateAsciiStream(String x0, InputStream x1, long x2) throws SQLException {
    throw readOnly();
  }

  @Override
  public void updateAsciiStream(String x0, InputStream x1) throws SQLException {
    throw readOnly();
  }

  @Override
  public void updateAsciiStream(int x0, InputStream x1, int x2) throws SQLException {
    throw readOnly();
  }

  @Override
  public void updateAsciiStream(int x0, InputStream x1, long x2) throws SQLException {
    throw readOnly();
  }

  @Override
  public void updateAsciiStream(int x0, InputStream x1) throws SQLException {
    throw readOnly();
  }

  @Override
  public void updateBigDecimal(String x0, BigDecimal x1) throws SQLException {
    throw readOnly();
  }

  @Override
  public void updateBigDecimal(int x0, BigDecimal x1) throws SQLException {
    throw readOnly();
  }

  @Override
  public void updateBinaryStream(String x0, InputStream x1, int x2) throws SQLException {
    throw readOnly();
  }

  @Override
  public void updateBinaryStream(String x0, InputStream x1, long x2) throws SQLException {
    throw readOnly();
  }

  @Override
  public void updateBinaryStream(String x0, InputStream x1) throws SQLException {
    throw readOnly();
  }

  @Override
  public void updateBinaryStream(int x0, InputStream x1, int x2) throws SQLException {
    throw readOnly();
  }

  @Override
  public void updateBinaryStream(int x0, InputStream x1, long x2) throws SQLException {
    throw readOnly();
  }

  @Override
  public void updateBinaryStream(int x0, InputStream x1) throws SQLException {
    throw readOnly();
  }

  @Override
  public void updateBlob(String x0, InputStream x1, long x2) throws SQLException {
    throw readOnly();
  }

  @Override
  public void updateBlob(String x0, InputStream x1) throws SQLException {
    throw readOnly();
  }

  @Override
  public void updateBlob(String x0, Blob x1) throws SQLException {
    throw readOnly();
  }

  @Override
  public void updateBlob(int x0, InputStream x1, long x2) throws SQLException {
    throw readOnly();
  }

  @Override
  public void updateBlob(int x0, InputStream x1) throws SQLException {
    throw readOnly();
  }

  @Override
  public void updateBlob(int x0, Blob x1) throws SQLException {
    throw readOnly();
  }

  @Override
  public void updateBoolean(String x0, boolean x1) throws SQLException {
    throw readOnly();
  }

  @Override
  public void updateBoolean(int x0, boolean x1) throws SQLException {
    throw readOnly();
  }

  @Override
  public void updateByte(String x0, byte x1) throws SQLException {
    throw readOnly();
  }

  @Override
  public void updateByte(int x0, byte x1) throws SQLException {
    throw readOnly();
  }

  @Override
  public void updateBytes(String x0, byte[] x1) throws SQLException {
    throw readOnly();
  }

  @Override
  public void updateBytes(int x0, byte[] x1) throws SQLException {
    throw readOnly();
  }

  @Override
  public void updateCharacterStream(String x0, Reader x1, int x2) throws SQLException {
    throw readOnly();
  }

  @Override
  public void updateCharacterStream(String x0, Reader x1, long x2) throws SQLException {
    throw readOnly();
  }

  @Override
  public void updateCharacterStream(String x0, Reader x1) throws SQLException {
    throw readOnly();
  }

  @Override
  public void updateCharacterStream(int x0, Reader x1, int x2) throws SQLException {
    throw readOnly();
  }

  @Override
  public void updateCharacterStream(int x0, Reader x1, long x2) throws SQLException {
    throw readOnly();
  }

  @Override
  public void updateCharacterStream(int x0, Reader x1) throws SQLException {
    throw readOnly();
  }

  @Override
  public void updateClob(String x0, Reader x1, long x2) throws SQLException {
    throw readOnly();
  }

  @Override
  public void updateClob(String x0, Reader x1) throws SQLException {
    throw readOnly();
  }

  @Override
  public void updateClob(String x0, Clob x1) throws SQLException {
    throw readOnly();
  }

  @Override
  public void updateClob(int x0, Reader x1, long x2) throws SQLException {
    throw readOnly();
  }

  @Override
  public void updateClob(int x0, Reader x1) throws SQLException {
    throw readOnly();
  }

  @Override
  public void updateClob(int x0, Clob x1) throws SQLException {
    throw readOnly();
  }

  @Override
  public void updateDate(String x0, Date x1) throws SQLException {
    throw readOnly();
  }

  @Override
  public void updateDate(int x0, Date x1) throws SQLException {
    throw readOnly();
  }

  @Override
  public void updateDouble(String x0, double x1) throws SQLException {
    throw readOnly();
  }

  @Override
  public void updateDouble(int x0, double x1) throws SQLException {
    throw readOnly();
  }

  @Override
  public void updateFloat(String x0, float x1) throws SQLException {
    throw readOnly();
  }

  @Override
  public void updateFloat(int x0, float x1) throws SQLException {
    throw readOnly();
  }

  @Override
  public void updateInt(String x0, int x1) throws SQLException {
    throw readOnly();
  }

  @Override
  public void updateInt(int x0, int x1) throws SQLException {
    throw readOnly();
  }

  @Override
  public void updateLong(String x0, long x1) throws SQLException {
    throw readOnly();
  }

  @Override
  public void updateLong(int x0, long x1) throws SQLException {
    throw readOnly();
  }

  @Override
  public void updateNCharacterStream(String x0, Reader x1, long x2) throws SQLException {
    throw readOnly();
  }

  @Override
  public void updateNCharacterStream(String x0, Reader x1) throws SQLException {
    throw readOnly();
  }

  @Override
  public void updateNCharacterStream(int x0, Reader x1, long x2) throws SQLException {
    throw readOnly();
  }

  @Override
  public void updateNCharacterStream(int x0, Reader x1) throws SQLException {
    throw readOnly();
  }

  @Override
  public void updateNClob(String x0, Reader x1, long x2) throws SQLException {
    throw readOnly();
  }

  @Override
  public void updateNClob(String x0, Reader x1) throws SQLException {
    throw readOnly();
  }

  @Override
  public void updateNClob(String x0, NClob x1) throws SQLException {
    throw readOnly();
  }

  @Override
  public void updateNClob(int x0, Reader x1, long x2) throws SQLException {
    throw readOnly();
  }

  @Override
  public void updateNClob(int x0, Reader x1) throws SQLException {
    throw readOnly();
  }

  @Override
  public void updateNClob(int x0, NClob x1) throws SQLException {
    throw readOnly();
  }

  @Override
  public void updateNString(String x0, String x1) throws SQLException {
    throw readOnly();
  }

  @Override
  public void updateNString(int x0, String x1) throws SQLException {
    throw readOnly();
  }

  @Override
  public void updateNull(String x0) throws SQLException {
    throw readOnly();
  }

  @Override
  public void updateNull(int x0) throws SQLException {
    throw readOnly();
  }

  @Override
  public void updateObject(String x0, Object x1, int x2) throws SQLException {
    throw readOnly();
  }

  @Override
  public void updateObject(String x0, Object x1) throws SQLException {
    throw readOnly();
  }

  @Override
  public void updateObject(int x0, Object x1, int x2) throws SQLException {
    throw readOnly();
  }

  @Override
  public void updateObject(int x0, Object x1) throws SQLException {
    throw readOnly();
  }

  @Override
  public void updateRef(String x0, Ref x1) throws SQLException {
    throw readOnly();
  }

  @Override
  public void updateRef(int x0, Ref x1) throws SQLException {
    throw readOnly();
  }

  @Override
  public void updateRow() throws SQLException {
    throw readOnly();
  }

  @Override
  public void updateRowId(String x0, RowId x1) throws SQLException {
    throw readOnly();
  }

  @Override
  public void updateRowId(int x0, RowId x1) throws SQLException {
    throw readOnly();
  }

  @Override
  public void updateSQLXML(String x0, SQLXML x1) throws SQLException {
    throw readOnly();
  }

  @Override
  public void updateSQLXML(int x0, SQLXML x1) throws SQLException {
    throw readOnly();
  }

  @Override
  public void updateShort(String x0, short x1) throws SQLException {
    throw readOnly();
  }

  @Override
  public void updateShort(int x0, short x1) throws SQLException {
    throw readOnly();
  }

  @Override
  public void updateString(String x0, String x1) throws SQLException {
    throw readOnly();
  }

  @Override
  public void updateString(int x0, String x1) throws SQLException {
    throw readOnly();
  }

  @Override
  public void updateTime(String x0, Time x1) throws SQLException {
    throw readOnly();
  }

  @Override
  public void updateTime(int x0, Time x1) throws SQLException {
    throw readOnly();
  }

  @Override
  public void updateTimestamp(String x0, Timestamp x1) throws SQLException {
    throw readOnly();
  }

  @Override
  public void updateTimestamp(int x0, Timestamp x1) throws SQLException {
    throw readOnly();
  }

  @Override
  public Array getArray(String label) throws SQLException {
    return getArray(findColumn(label));
  }

  @Override
  public InputStream getAsciiStream(String label) throws SQLException {
    return getAsciiStream(findColumn(label));
  }

  @Override
  public BigDecimal getBigDecimal(String label, int x1) throws SQLException {
    return getBigDecimal(findColumn(label), x1);
  }

  @Override
  public BigDecimal getBigDecimal(String label) throws SQLException {
    return getBigDecimal(findColumn(label));
  }

  @Override
  public InputStream getBinaryStream(String label) throws SQLException {
    return getBinaryStream(findColumn(label));
  }

  @Override
  public Blob getBlob(String label) throws SQLException {
    return getBlob(findColumn(label));
  }

  @Override
  public boolean getBoolean(String label) throws SQLException {
    return getBoolean(findColumn(label));
  }

  @Override
  public byte getByte(String label) throws SQLException {
    return getByte(findColumn(label));
  }

  @Override
  public byte[] getBytes(String label) throws SQLException {
    return getBytes(findColumn(label));
  }

  @Override
  public Reader getCharacterStream(String label) throws SQLException {
    return getCharacterStream(findColumn(label));
  }

  @Override
  public Clob getClob(String label) throws SQLException {
    return getClob(findColumn(label));
  }

  @Override
  public Date getDate(String label, Calendar x1) throws SQLException {
    return getDate(findColumn(label), x1);
  }

  @Override
  public Date getDate(String label) throws SQLException {
    return getDate(findColumn(label));
  }

  @Override
  public double getDouble(String label) throws SQLException {
    return getDouble(findColumn(label));
  }

  @Override
  public float getFloat(String label) throws SQLException {
    return getFloat(findColumn(label));
  }

  @Override
  public int getInt(String label) throws SQLException {
    return getInt(findColumn(label));
  }

  @Override
  public long getLong(String label) throws SQLException {
    return getLong(findColumn(label));
  }

  @Override
  public Reader getNCharacterStream(String label) throws SQLException {
    return getNCharacterStream(findColumn(label));
  }

  @Override
  public NClob getNClob(String label) throws SQLException {
    return getNClob(findColumn(label));
  }

  @Override
  public String getNString(String label) throws SQLException {
    return getNString(findColumn(label));
  }

  @Override
  public <T> T getObject(String label, Class<T> x1) throws SQLException {
    return getObject(findColumn(label), x1);
  }

  @Override
  public Object getObject(String label, Map<String, Class<?>> x1) throws SQLException {
    return getObject(findColumn(label), x1);
  }

  @Override
  public Object getObject(String label) throws SQLException {
    return getObject(findColumn(label));
  }

  @Override
  public Ref getRef(String label) throws SQLException {
    return getRef(findColumn(label));
  }

  @Override
  public RowId getRowId(String label) throws SQLException {
    return getRowId(findColumn(label));
  }

  @Override
  public SQLXML getSQLXML(String label) throws SQLException {
    return getSQLXML(findColumn(label));
  }

  @Override
  public short getShort(String label) throws SQLException {
    return getShort(findColumn(label));
  }

  @Override
  public String getString(String label) throws SQLException {
    return getString(findColumn(label));
  }

  @Override
  public Time getTime(String label, Calendar x1) throws SQLException {
    return getTime(findColumn(label), x1);
  }

  @Override
  public Time getTime(String label) throws SQLException {
    return getTime(findColumn(label));
  }

  @Override
  public Timestamp getTimestamp(String label, Calendar x1) throws SQLException {
    return getTimestamp(findColumn(label), x1);
  }

  @Override
  public Timestamp getTimestamp(String label) throws SQLException {
    return getTimestamp(findColumn(label));
  }

  @Override
  public URL getURL(String label) throws SQLException {
    return getURL(findColumn(label));
  }

  @Override
  public InputStream getUnicodeStream(String label) throws SQLException {
    return getUnicodeStream(findColumn(label));
  }
}
