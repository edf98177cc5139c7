package io.jctds.jdbc;

import io.jctds.Column;
import java.sql.ParameterMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;

/**
 * The parameters of a prepared statement: their types as the server suggests them
 * (sp_describe_undeclared_parameters, {@link ServerDescribe}) when it could describe the statement,
 * else, for a parameter already set, the JDBC type of its value (Types.OTHER for one not set). Mode
 * IN.
 */
final class JctdsParameterMetaData implements ParameterMetaData {
  private final List<Column> described;
  private final Object[] values;
  private final boolean[] set;

  JctdsParameterMetaData(List<Column> described, Object[] values, boolean[] set) {
    this.described = described != null && described.size() == values.length ? described : null;
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
    int k = check(i);
    if (described != null) {
      return switch (JdbcValues.jdbcType(described.get(k))) {
        case Types.SMALLINT,
            Types.INTEGER,
            Types.BIGINT,
            Types.REAL,
            Types.FLOAT,
            Types.DOUBLE,
            Types.DECIMAL,
            Types.NUMERIC ->
            true;
        default -> false;
      };
    }
    Object v = values[k];
    return v instanceof Number && !(v instanceof Byte);
  }

  @Override
  public int getPrecision(int i) throws SQLException {
    int k = check(i);
    if (described != null) {
      Column c = described.get(k);
      if (c.precision() > 0) {
        return c.precision();
      }
      String t = JdbcValues.baseTypeName(c);
      boolean unicode = t.equals("nchar") || t.equals("nvarchar") || t.equals("ntext");
      return unicode && c.internalSize() > 0 ? c.internalSize() / 2 : c.internalSize(); // chars
    }
    Object v = values[k];
    return v instanceof java.math.BigDecimal d ? d.precision() : 0;
  }

  @Override
  public int getScale(int i) throws SQLException {
    int k = check(i);
    if (described != null) {
      return described.get(k).scale();
    }
    Object v = values[k];
    return v instanceof java.math.BigDecimal d ? Math.max(0, d.scale()) : 0;
  }

  @Override
  public int getParameterType(int i) throws SQLException {
    int k = check(i);
    if (described != null) {
      return JdbcValues.jdbcType(described.get(k));
    }
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
    int k = check(i);
    if (described != null) {
      return JdbcValues.baseTypeName(described.get(k));
    }
    return java.sql.JDBCType.valueOf(getParameterType(i)).getName();
  }

  @Override
  public String getParameterClassName(int i) throws SQLException {
    int k = check(i);
    if (described != null) {
      return JdbcValues.className(described.get(k));
    }
    Object v = values[k];
    return v == null ? Object.class.getName() : v.getClass().getName();
  }

  @Override
  public int getParameterMode(int i) throws SQLException {
    check(i);
    return parameterModeIn;
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
