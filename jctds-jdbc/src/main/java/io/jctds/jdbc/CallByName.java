package io.jctds.jdbc;

import java.io.InputStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.net.URL;
import java.sql.Array;
import java.sql.Blob;
import java.sql.CallableStatement;
import java.sql.Clob;
import java.sql.Date;
import java.sql.NClob;
import java.sql.Ref;
import java.sql.RowId;
import java.sql.SQLException;
import java.sql.SQLXML;
import java.sql.Time;
import java.sql.Timestamp;
import java.util.Calendar;
import java.util.Map;

/**
 * CallableStatement's methods by parameter name, each the method by index of the name's slot
 * ({@link #slot(String)}): written out once, mechanically from java.sql.CallableStatement.
 */
@SuppressWarnings("deprecation") // getBigDecimal(String, int) is JDBC API
abstract class CallByName extends JctdsPreparedStatement implements CallableStatement {
  CallByName(JctdsConnection connection, String sql, int type) throws SQLException {
    super(connection, sql, type, false);
  }

  /** The 1-based slot of named parameter {@code name}. */
  abstract int slot(String name) throws SQLException;

  @Override
  public Array getArray(String name) throws SQLException {
    return getArray(slot(name));
  }

  @Override
  public BigDecimal getBigDecimal(String name) throws SQLException {
    return getBigDecimal(slot(name));
  }

  @Override
  public Blob getBlob(String name) throws SQLException {
    return getBlob(slot(name));
  }

  @Override
  public boolean getBoolean(String name) throws SQLException {
    return getBoolean(slot(name));
  }

  @Override
  public byte getByte(String name) throws SQLException {
    return getByte(slot(name));
  }

  @Override
  public byte[] getBytes(String name) throws SQLException {
    return getBytes(slot(name));
  }

  @Override
  public Reader getCharacterStream(String name) throws SQLException {
    return getCharacterStream(slot(name));
  }

  @Override
  public Clob getClob(String name) throws SQLException {
    return getClob(slot(name));
  }

  @Override
  public Date getDate(String name, Calendar x1) throws SQLException {
    return getDate(slot(name), x1);
  }

  @Override
  public Date getDate(String name) throws SQLException {
    return getDate(slot(name));
  }

  @Override
  public double getDouble(String name) throws SQLException {
    return getDouble(slot(name));
  }

  @Override
  public float getFloat(String name) throws SQLException {
    return getFloat(slot(name));
  }

  @Override
  public int getInt(String name) throws SQLException {
    return getInt(slot(name));
  }

  @Override
  public long getLong(String name) throws SQLException {
    return getLong(slot(name));
  }

  @Override
  public Reader getNCharacterStream(String name) throws SQLException {
    return getNCharacterStream(slot(name));
  }

  @Override
  public NClob getNClob(String name) throws SQLException {
    return getNClob(slot(name));
  }

  @Override
  public String getNString(String name) throws SQLException {
    return getNString(slot(name));
  }

  @Override
  public <T> T getObject(String name, Class<T> x1) throws SQLException {
    return getObject(slot(name), x1);
  }

  @Override
  public Object getObject(String name, Map<String, Class<?>> x1) throws SQLException {
    return getObject(slot(name), x1);
  }

  @Override
  public Object getObject(String name) throws SQLException {
    return getObject(slot(name));
  }

  @Override
  public Ref getRef(String name) throws SQLException {
    return getRef(slot(name));
  }

  @Override
  public RowId getRowId(String name) throws SQLException {
    return getRowId(slot(name));
  }

  @Override
  public SQLXML getSQLXML(String name) throws SQLException {
    return getSQLXML(slot(name));
  }

  @Override
  public short getShort(String name) throws SQLException {
    return getShort(slot(name));
  }

  @Override
  public String getString(String name) throws SQLException {
    return getString(slot(name));
  }

  @Override
  public Time getTime(String name, Calendar x1) throws SQLException {
    return getTime(slot(name), x1);
  }

  @Override
  public Time getTime(String name) throws SQLException {
    return getTime(slot(name));
  }

  @Override
  public Timestamp getTimestamp(String name, Calendar x1) throws SQLException {
    return getTimestamp(slot(name), x1);
  }

  @Override
  public Timestamp getTimestamp(String name) throws SQLException {
    return getTimestamp(slot(name));
  }

  @Override
  public URL getURL(String name) throws SQLException {
    return getURL(slot(name));
  }

  @Override
  public void registerOutParameter(String name, int x1, String x2) throws SQLException {
    registerOutParameter(slot(name), x1, x2);
  }

  @Override
  public void registerOutParameter(String name, int x1, int x2) throws SQLException {
    registerOutParameter(slot(name), x1, x2);
  }

  @Override
  public void registerOutParameter(String name, int x1) throws SQLException {
    registerOutParameter(slot(name), x1);
  }

  @Override
  public void setAsciiStream(String name, InputStream x1, int x2) throws SQLException {
    setAsciiStream(slot(name), x1, x2);
  }

  @Override
  public void setAsciiStream(String name, InputStream x1, long x2) throws SQLException {
    setAsciiStream(slot(name), x1, x2);
  }

  @Override
  public void setAsciiStream(String name, InputStream x1) throws SQLException {
    setAsciiStream(slot(name), x1);
  }

  @Override
  public void setBigDecimal(String name, BigDecimal x1) throws SQLException {
    setBigDecimal(slot(name), x1);
  }

  @Override
  public void setBinaryStream(String name, InputStream x1, int x2) throws SQLException {
    setBinaryStream(slot(name), x1, x2);
  }

  @Override
  public void setBinaryStream(String name, InputStream x1, long x2) throws SQLException {
    setBinaryStream(slot(name), x1, x2);
  }

  @Override
  public void setBinaryStream(String name, InputStream x1) throws SQLException {
    setBinaryStream(slot(name), x1);
  }

  @Override
  public void setBlob(String name, InputStream x1, long x2) throws SQLException {
    setBlob(slot(name), x1, x2);
  }

  @Override
  public void setBlob(String name, InputStream x1) throws SQLException {
    setBlob(slot(name), x1);
  }

  @Override
  public void setBlob(String name, Blob x1) throws SQLException {
    setBlob(slot(name), x1);
  }

  @Override
  public void setBoolean(String name, boolean x1) throws SQLException {
    setBoolean(slot(name), x1);
  }

  @Override
  public void setByte(String name, byte x1) throws SQLException {
    setByte(slot(name), x1);
  }

  @Override
  public void setBytes(String name, byte[] x1) throws SQLException {
    setBytes(slot(name), x1);
  }

  @Override
  public void setCharacterStream(String name, Reader x1, int x2) throws SQLException {
    setCharacterStream(slot(name), x1, x2);
  }

  @Override
  public void setCharacterStream(String name, Reader x1, long x2) throws SQLException {
    setCharacterStream(slot(name), x1, x2);
  }

  @Override
  public void setCharacterStream(String name, Reader x1) throws SQLException {
    setCharacterStream(slot(name), x1);
  }

  @Override
  public void setClob(String name, Reader x1, long x2) throws SQLException {
    setClob(slot(name), x1, x2);
  }

  @Override
  public void setClob(String name, Reader x1) throws SQLException {
    setClob(slot(name), x1);
  }

  @Override
  public void setClob(String name, Clob x1) throws SQLException {
    setClob(slot(name), x1);
  }

  @Override
  public void setDate(String name, Date x1, Calendar x2) throws SQLException {
    setDate(slot(name), x1, x2);
  }

  @Override
  public void setDate(String name, Date x1) throws SQLException {
    setDate(slot(name), x1);
  }

  @Override
  public void setDouble(String name, double x1) throws SQLException {
    setDouble(slot(name), x1);
  }

  @Override
  public void setFloat(String name, float x1) throws SQLException {
    setFloat(slot(name), x1);
  }

  @Override
  public void setInt(String name, int x1) throws SQLException {
    setInt(slot(name), x1);
  }

  @Override
  public void setLong(String name, long x1) throws SQLException {
    setLong(slot(name), x1);
  }

  @Override
  public void setNCharacterStream(String name, Reader x1, long x2) throws SQLException {
    setNCharacterStream(slot(name), x1, x2);
  }

  @Override
  public void setNCharacterStream(String name, Reader x1) throws SQLException {
    setNCharacterStream(slot(name), x1);
  }

  @Override
  public void setNClob(String name, Reader x1, long x2) throws SQLException {
    setNClob(slot(name), x1, x2);
  }

  @Override
  public void setNClob(String name, Reader x1) throws SQLException {
    setNClob(slot(name), x1);
  }

  @Override
  public void setNClob(String name, NClob x1) throws SQLException {
    setNClob(slot(name), x1);
  }

  @Override
  public void setNString(String name, String x1) throws SQLException {
    setNString(slot(name), x1);
  }

  @Override
  public void setNull(String name, int x1, String x2) throws SQLException {
    setNull(slot(name), x1, x2);
  }

  @Override
  public void setNull(String name, int x1) throws SQLException {
    setNull(slot(name), x1);
  }

  @Override
  public void setObject(String name, Object x1, int x2, int x3) throws SQLException {
    setObject(slot(name), x1, x2, x3);
  }

  @Override
  public void setObject(String name, Object x1, int x2) throws SQLException {
    setObject(slot(name), x1, x2);
  }

  @Override
  public void setObject(String name, Object x1) throws SQLException {
    setObject(slot(name), x1);
  }

  @Override
  public void setRowId(String name, RowId x1) throws SQLException {
    setRowId(slot(name), x1);
  }

  @Override
  public void setSQLXML(String name, SQLXML x1) throws SQLException {
    setSQLXML(slot(name), x1);
  }

  @Override
  public void setShort(String name, short x1) throws SQLException {
    setShort(slot(name), x1);
  }

  @Override
  public void setString(String name, String x1) throws SQLException {
    setString(slot(name), x1);
  }

  @Override
  public void setTime(String name, Time x1, Calendar x2) throws SQLException {
    setTime(slot(name), x1, x2);
  }

  @Override
  public void setTime(String name, Time x1) throws SQLException {
    setTime(slot(name), x1);
  }

  @Override
  public void setTimestamp(String name, Timestamp x1, Calendar x2) throws SQLException {
    setTimestamp(slot(name), x1, x2);
  }

  @Override
  public void setTimestamp(String name, Timestamp x1) throws SQLException {
    setTimestamp(slot(name), x1);
  }

  @Override
  public void setURL(String name, URL x1) throws SQLException {
    setURL(slot(name), x1);
  }
}
