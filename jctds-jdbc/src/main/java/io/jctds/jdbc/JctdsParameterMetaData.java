package io.jctds.jdbc;

import java.sql.ParameterMetaData;
import java.sql.SQLException;
import java.sql.Types;

/**
 * The parameters of a prepared statement as far as the driver knows them without asking the server:
 * their number, mode IN, and for a parameter already set the JDBC type of its value; Types.OTHER
 * for one not set yet.
 */
final class JctdsParameterMetaData implements ParameterMetaData {
  private final Object[] values;
  private final boolean[] set;

  JctdsParameterMetaData(Object[] values, boolean[] set) {
    this.values = values.clone();
    this.set = set.clone();
  }

  private int check(int i) throws SQLException {
    if (i < 1 || i > values.length) {
      throw new SQLException(
          "parameter index " + i + " is out of range 1.." + values.length, "07009");
    }
    return i - 1;
  }

  @Override
  public int getParameterCount() {
    return values.length;
  }

  @Override
  public int isNullable(int i) throws SQLException {
    check(i);
    return parameterNullableUnknown;
  }

  @Override
  public boolean isSigned(int i) throws SQLException {
    Object v = values[check(i)];
    return v instanceof Number && !(v instanceof Byte);
  }

  @Override
  public int getPrecision(int i) throws SQLException {
    Object v = values[check(i)];
    return v instanceof java.math.BigDecimal d ? d.precision() : 0;
  }

  @Override
  public int getScale(int i) throws SQLException {
    Object v = values[check(i)];
    return v instanceof java.math.BigDecimal d ? Math.max(0, d.scale()) : 0;
  }

  @Override
  public int getParameterType(int i) throws SQLException {
    int k = check(i);
    if (!set[k] || values[k] == null) {
      return Types.OTHER;
    }
    return typeOf(values[k]);
  }

  private static int typeOf(Object v) {
    if (v instanceof Integer) {
      return Types.INTEGER;
    } else if (v instanceof Long) {
      return Types.BIGINT;
    } else if (v instanceof Short) {
      return Types.SMALLINT;
    } else if (v instanceof Byte) {
      return Types.TINYINT;
    } else if (v instanceof Boolean) {
      return Types.BIT;
    } else if (v instanceof Double) {
      return Types.DOUBLE;
    } else if (v instanceof Float) {
      return Types.REAL;
    } else if (v instanceof java.math.BigDecimal) {
      return Types.DECIMAL;
    } else if (v instanceof String) {
      return Types.NVARCHAR;
    } else if (v instanceof byte[]) {
      return Types.VARBINARY;
    } else if (v instanceof java.time.LocalDate) {
      return Types.DATE;
    } else if (v instanceof java.time.LocalTime) {
      return Types.TIME;
    } else if (v instanceof java.time.LocalDateTime) {
      return Types.TIMESTAMP;
    } else if (v instanceof java.time.OffsetDateTime) {
      return Types.TIMESTAMP_WITH_TIMEZONE;
    }
    return Types.OTHER;
  }

  @Override
  public String getParameterTypeName(int i) throws SQLException {
    Object v = values[check(i)];
    return v == null ? null : v.getClass().getSimpleName();
  }

  @Override
  public String getParameterClassName(int i) throws SQLException {
    Object v = values[check(i)];
    return v == null ? Object.class.getName() : v.getClass().getName();
  }

  @Override
  public int getParameterMode(int i) throws SQLException {
    check(i);
    return parameterModeIn;
  }

  @Override
  public <T> T unwrap(Class<T> iface) throws SQLException {
    if (iface.isInstance(this)) {
      return iface.cast(this);
    }
    throw new SQLException("not a wrapper for " + iface.getName(), "HY000");
  }

  @Override
  public boolean isWrapperFor(Class<?> iface) {
    return iface.isInstance(this);
  }
}
