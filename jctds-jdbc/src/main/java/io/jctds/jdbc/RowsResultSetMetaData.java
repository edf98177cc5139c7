package io.jctds.jdbc;

import java.math.BigDecimal;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;

/**
 * The ResultSetMetaData of a {@link RowsResultSet}: labels, java.sql.Types and type names as given;
 * precision and display size from the type (for character and binary columns, the longest value);
 * no table or schema (""), nullability unknown, read-only.
 */
final class RowsResultSetMetaData implements ResultSetMetaData {
  private final List<String> labels;
  private final List<Integer> jdbcTypes;
  private final List<String> typeNames;
  private final List<Object[]> rows;

  RowsResultSetMetaData(
      List<String> labels, List<Integer> jdbcTypes, List<String> typeNames, List<Object[]> rows) {
    this.labels = labels;
    this.jdbcTypes = jdbcTypes;
    this.typeNames = typeNames;
    this.rows = rows;
  }

  private int check(int column) throws SQLException {
    if (column < 1 || column > labels.size()) {
      throw new SQLException(
          "column index "
              + column
              + " is out of range: the result set has columns 1 to "
              + labels.size(),
          "07009");
    }
    return column - 1;
  }

  private int type(int column) throws SQLException {
    return jdbcTypes.get(check(column));
  }

  @Override
  public int getColumnCount() {
    return labels.size();
  }

  @Override
  public boolean isAutoIncrement(int column) throws SQLException {
    check(column);
    return false;
  }

  @Override
  public boolean isCaseSensitive(int column) throws SQLException {
    check(column);
    return false; // SQL Server's default collations compare case-insensitively
  }

  @Override
  public boolean isSearchable(int column) throws SQLException {
    check(column);
    return false; // the rows are not a table a WHERE clause can name
  }

  @Override
  public boolean isCurrency(int column) throws SQLException {
    check(column);
    return false;
  }

  @Override
  public int isNullable(int column) throws SQLException {
    check(column);
    return columnNullableUnknown;
  }

  @Override
  public boolean isSigned(int column) throws SQLException {
    return switch (type(column)) {
      case Types.INTEGER,
          Types.BIGINT,
          Types.SMALLINT,
          Types.DECIMAL,
          Types.NUMERIC,
          Types.DOUBLE,
          Types.FLOAT,
          Types.REAL ->
          true;
      default -> false; // tinyint is unsigned in SQL Server
    };
  }

  @Override
  public int getColumnDisplaySize(int column) throws SQLException {
    return switch (type(column)) {
      case Types.INTEGER -> 11;
      case Types.BIGINT -> 20;
      case Types.SMALLINT -> 6;
      case Types.TINYINT -> 3;
      case Types.BIT, Types.BOOLEAN -> 1;
      case Types.DOUBLE, Types.FLOAT -> 24;
      case Types.REAL -> 14;
      case Types.DECIMAL, Types.NUMERIC -> getPrecision(column) + 2;
      case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY -> 2 * getPrecision(column);
      default -> getPrecision(column);
    };
  }

  @Override
  public String getColumnLabel(int column) throws SQLException {
    return labels.get(check(column));
  }

  @Override
  public String getColumnName(int column) throws SQLException {
    return getColumnLabel(column);
  }

  @Override
  public String getSchemaName(int column) throws SQLException {
    check(column);
    return "";
  }

  @Override
  public int getPrecision(int column) throws SQLException {
    return switch (type(column)) {
      case Types.INTEGER -> 10;
      case Types.BIGINT -> 19;
      case Types.SMALLINT -> 5;
      case Types.TINYINT -> 3;
      case Types.BIT, Types.BOOLEAN -> 1;
      case Types.DOUBLE, Types.FLOAT -> 15;
      case Types.REAL -> 7;
      case Types.DECIMAL, Types.NUMERIC -> 38;
      case Types.DATE -> 10;
      case Types.TIME -> 16;
      case Types.TIMESTAMP -> 27;
      default -> longest(column - 1);
    };
  }

  /** The longest value's length (characters, or bytes for byte[]), at least 1. */
  private int longest(int index) {
    int max = 1;
    for (Object[] row : rows) {
      Object v = row[index];
      int n = v == null ? 0 : v instanceof byte[] b ? b.length : RowValues.string(v).length();
      max = Math.max(max, n);
    }
    return max;
  }

  @Override
  public int getScale(int column) throws SQLException {
    int t = type(column);
    if (t != Types.DECIMAL && t != Types.NUMERIC) {
      return 0;
    }
    int scale = 0;
    for (Object[] row : rows) {
      if (row[column - 1] instanceof BigDecimal d) {
        scale = Math.max(scale, d.scale());
      }
    }
    return scale;
  }

  @Override
  public String getTableName(int column) throws SQLException {
    check(column);
    return "";
  }

  @Override
  public String getCatalogName(int column) throws SQLException {
    check(column);
    return "";
  }

  @Override
  public int getColumnType(int column) throws SQLException {
    return type(column);
  }

  @Override
  public String getColumnTypeName(int column) throws SQLException {
    return typeNames.get(check(column));
  }

  @Override
  public boolean isReadOnly(int column) throws SQLException {
    check(column);
    return true;
  }

  @Override
  public boolean isWritable(int column) throws SQLException {
    check(column);
    return false;
  }

  @Override
  public boolean isDefinitelyWritable(int column) throws SQLException {
    check(column);
    return false;
  }

  @Override
  public String getColumnClassName(int column) throws SQLException {
    return className(type(column));
  }

  /** The class getObject returns for a java.sql.Types constant (JDBC 4.3 table B-3). */
  static String className(int jdbcType) {
    return switch (jdbcType) {
      case Types.CHAR,
          Types.VARCHAR,
          Types.LONGVARCHAR,
          Types.NCHAR,
          Types.NVARCHAR,
          Types.LONGNVARCHAR ->
          String.class.getName();
      case Types.INTEGER -> Integer.class.getName();
      case Types.SMALLINT, Types.TINYINT -> Short.class.getName();
      case Types.BIGINT -> Long.class.getName();
      case Types.BIT, Types.BOOLEAN -> Boolean.class.getName();
      case Types.DECIMAL, Types.NUMERIC -> BigDecimal.class.getName();
      case Types.DOUBLE, Types.FLOAT -> Double.class.getName();
      case Types.REAL -> Float.class.getName();
      case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY -> byte[].class.getName();
      case Types.DATE -> java.sql.Date.class.getName();
      case Types.TIME -> java.sql.Time.class.getName();
      case Types.TIMESTAMP -> java.sql.Timestamp.class.getName();
      default -> Object.class.getName();
    };
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
