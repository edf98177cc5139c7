package io.jctds.jdbc;

import io.jctds.Column;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;

/**
 * The columns of a result set as JDBC describes them, from the COLMETADATA the server sent (via
 * {@link Column}): SQL Server type names without length (as mssql-jdbc reports them),
 * java.sql.Types and class names from {@link JdbcValues}, precision as JDBC defines it (characters
 * for character types, digits for numbers, the display length for date and time types).
 */
final class JctdsResultSetMetaData implements ResultSetMetaData {
  private final List<Column> columns;

  JctdsResultSetMetaData(List<Column> columns) {
    this.columns = columns;
  }

  private Column col(int i) throws SQLException {
    if (i < 1 || i > columns.size()) {
      throw new SQLException(
          "column index " + i + " is out of range 1.." + columns.size(), "07009");
    }
    return columns.get(i - 1);
  }

  @Override
  public int getColumnCount() {
    return columns.size();
  }

  @Override
  public boolean isAutoIncrement(int i) throws SQLException {
    col(i);
    return false; // COLMETADATA's identity flag is not carried by Column yet
  }

  @Override
  public boolean isCaseSensitive(int i) throws SQLException {
    return col(i).caseSensitive(); // COLMETADATA's fCaseSen, as mssql-jdbc reads it
  }

  @Override
  public boolean isSearchable(int i) throws SQLException {
    String t = JdbcValues.baseTypeName(col(i));
    return !(t.equals("text") || t.equals("ntext") || t.equals("image") || t.equals("xml"));
  }

  @Override
  public boolean isCurrency(int i) throws SQLException {
    String t = JdbcValues.baseTypeName(col(i));
    return t.equals("money") || t.equals("smallmoney");
  }

  @Override
  public int isNullable(int i) throws SQLException {
    return col(i).nullable() ? columnNullable : columnNoNulls;
  }

  @Override
  public boolean isSigned(int i) throws SQLException {
    return switch (JdbcValues.jdbcType(col(i))) {
      case Types.SMALLINT,
          Types.INTEGER,
          Types.BIGINT,
          Types.REAL,
          Types.FLOAT,
          Types.DOUBLE,
          Types.DECIMAL,
          Types.NUMERIC ->
          true;
      default -> false; // tinyint is unsigned
    };
  }

  @Override
  public int getColumnDisplaySize(int i) throws SQLException {
    Column c = col(i);
    return c.displaySize() == 0 ? Integer.MAX_VALUE : c.displaySize();
  }

  @Override
  public String getColumnLabel(int i) throws SQLException {
    return col(i).name();
  }

  @Override
  public String getColumnName(int i) throws SQLException {
    return col(i).name();
  }

  @Override
  public String getSchemaName(int i) throws SQLException {
    col(i);
    return ""; // not in COLMETADATA without browse mode
  }

  @Override
  public int getPrecision(int i) throws SQLException {
    Column c = col(i);
    if (c.precision() > 0) {
      return c.precision();
    }
    return switch (JdbcValues.baseTypeName(c)) {
      case "tinyint" -> 3;
      case "smallint" -> 5;
      case "int" -> 10;
      case "bigint" -> 19;
      case "bit" -> 1;
      case "real" -> 7;
      case "float" -> 15;
      case "money" -> 19;
      case "smallmoney" -> 10;
      default -> c.displaySize() == 0 ? Integer.MAX_VALUE : c.displaySize();
    };
  }

  @Override
  public int getScale(int i) throws SQLException {
    Column c = col(i);
    String t = JdbcValues.baseTypeName(c);
    if (t.equals("money") || t.equals("smallmoney")) {
      return 4;
    }
    if (t.equals("datetime")) {
      return 3;
    }
    return c.scale();
  }

  @Override
  public String getTableName(int i) throws SQLException {
    col(i);
    return "";
  }

  @Override
  public String getCatalogName(int i) throws SQLException {
    col(i);
    return "";
  }

  @Override
  public int getColumnType(int i) throws SQLException {
    return JdbcValues.jdbcType(col(i));
  }

  @Override
  public String getColumnTypeName(int i) throws SQLException {
    return JdbcValues.baseTypeName(col(i));
  }

  @Override
  public boolean isReadOnly(int i) throws SQLException {
    col(i);
    return false;
  }

  @Override
  public boolean isWritable(int i) throws SQLException {
    col(i);
    return true;
  }

  @Override
  public boolean isDefinitelyWritable(int i) throws SQLException {
    col(i);
    return false;
  }

  @Override
  public String getColumnClassName(int i) throws SQLException {
    return JdbcValues.className(col(i));
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
