package io.jctds.spark;

import java.sql.SQLException;
import java.sql.Types;
import java.util.HexFormat;
import java.util.Locale;
import org.apache.spark.sql.connector.catalog.Identifier;
import org.apache.spark.sql.connector.expressions.Expression;
import org.apache.spark.sql.connector.expressions.NullOrdering;
import org.apache.spark.sql.connector.expressions.SortDirection;
import org.apache.spark.sql.execution.datasources.jdbc.JDBCOptions;
import org.apache.spark.sql.internal.SQLConf;
import org.apache.spark.sql.jdbc.JdbcDialect;
import org.apache.spark.sql.jdbc.JdbcSQLQueryBuilder;
import org.apache.spark.sql.jdbc.JdbcType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.MetadataBuilder;
import scala.Option;

/**
 * Spark's JDBC dialect for {@code jdbc:jctds:} URLs: SQL Server's rules, as Spark's own SQL Server
 * dialect applies them to {@code jdbc:sqlserver:} URLs only.
 *
 * <p>Spark finds it by itself: the jar lists it in {@code
 * META-INF/services/org.apache.spark.sql.jdbc.JdbcDialect}, which {@code JdbcDialects} reads with
 * {@link java.util.ServiceLoader} when it is first used. Where the jar is not on the driver's class
 * path at that moment, call {@code JdbcDialects.registerDialect(new JctdsDialect())}.
 *
 * <ul>
 *   <li>Identifiers are quoted with brackets ({@code [a]]b]}), which SQL Server accepts whatever
 *       {@code QUOTED_IDENTIFIER} is.
 *   <li>Reading: tinyint and smallint are ShortType, real is FloatType, datetimeoffset is
 *       TimestampType (StringType, and IntegerType / DoubleType for the numbers, under Spark's
 *       {@code spark.sql.legacy.mssqlserver.*} settings), geometry / geography are BinaryType.
 *   <li>Writing (tables Spark creates): timestamps as DATETIME, strings as NVARCHAR(MAX), booleans
 *       as BIT, binary as VARBINARY(MAX), short and byte as SMALLINT.
 *   <li>{@code TRUNCATE TABLE} does not cascade; a pushed-down limit is {@code SELECT TOP (n)}.
 * </ul>
 */
public class JctdsDialect extends JdbcDialect {
  private static final long serialVersionUID = 1L;

  /** The URL prefix of the jctds JDBC driver. */
  public static final String URL_PREFIX = "jdbc:jctds:";

  /** SQL Server's JDBC type numbers for geometry and geography (mssql-jdbc's). */
  private static final int GEOMETRY = -157;

  private static final int GEOGRAPHY = -158;

  /** SQL Server error 208: invalid object name. */
  private static final int INVALID_OBJECT_NAME = 208;

  @Override
  public boolean canHandle(String url) {
    return url != null && url.regionMatches(true, 0, URL_PREFIX, 0, URL_PREFIX.length());
  }

  @Override
  public String quoteIdentifier(String colName) {
    return "[" + colName.replace("]", "]]") + "]";
  }

  @Override
  public Option<DataType> getCatalystType(
      int sqlType, String typeName, int size, MetadataBuilder md) {
    if (typeName != null && typeName.toLowerCase(Locale.ROOT).contains("datetimeoffset")) {
      return Option.apply(
          SQLConf.get().legacyMsSqlServerDatetimeOffsetMappingEnabled()
              ? DataTypes.StringType
              : DataTypes.TimestampType);
    }
    boolean legacyNumeric = SQLConf.get().legacyMsSqlServerNumericMappingEnabled();
    return switch (sqlType) {
      case Types.SMALLINT, Types.TINYINT ->
          legacyNumeric ? Option.empty() : Option.apply(DataTypes.ShortType);
      case Types.REAL -> legacyNumeric ? Option.empty() : Option.apply(DataTypes.FloatType);
      case GEOMETRY, GEOGRAPHY -> Option.apply(DataTypes.BinaryType);
      default -> Option.empty();
    };
  }

  @Override
  public Option<JdbcType> getJDBCType(DataType dt) {
    if (dt.equals(DataTypes.TimestampType) || dt.equals(DataTypes.TimestampNTZType)) {
      return Option.apply(new JdbcType("DATETIME", Types.TIMESTAMP));
    } else if (dt.equals(DataTypes.StringType)) {
      return Option.apply(new JdbcType("NVARCHAR(MAX)", Types.NVARCHAR));
    } else if (dt.equals(DataTypes.BooleanType)) {
      return Option.apply(new JdbcType("BIT", Types.BIT));
    } else if (dt.equals(DataTypes.BinaryType)) {
      return Option.apply(new JdbcType("VARBINARY(MAX)", Types.VARBINARY));
    } else if (dt.equals(DataTypes.ShortType)
        && !SQLConf.get().legacyMsSqlServerNumericMappingEnabled()) {
      return Option.apply(new JdbcType("SMALLINT", Types.SMALLINT));
    } else if (dt.equals(DataTypes.ByteType)) {
      return Option.apply(new JdbcType("SMALLINT", Types.TINYINT));
    }
    return Option.empty();
  }

  @Override
  public Option<Object> isCascadingTruncateTable() {
    return Option.apply(Boolean.FALSE);
  }

  @Override
  public boolean isObjectNotFoundException(SQLException e) {
    return e.getErrorCode() == INVALID_OBJECT_NAME;
  }

  /** Literals in pushed-down filters: T-SQL has no TRUE / FALSE, and binary is {@code 0x..}. */
  @Override
  public Object compileValue(Object value) {
    if (value instanceof Boolean b) {
      return b ? 1 : 0;
    } else if (value instanceof byte[] bytes) {
      return "0x" + HexFormat.of().withUpperCase().formatHex(bytes);
    }
    return super.compileValue(value);
  }

  /** SQL Server has no {@code ADD COLUMN}: {@code ALTER TABLE t ADD c type}. */
  @Override
  public String getAddColumnQuery(String tableName, String columnName, String dataType) {
    return "ALTER TABLE " + tableName + " ADD " + quoteIdentifier(columnName) + " " + dataType;
  }

  /** SQL Server renames with sp_rename ("sp_rename (Transact-SQL)"), not ALTER TABLE RENAME. */
  @Override
  public String renameTable(Identifier oldTable, Identifier newTable) {
    return "EXEC sp_rename "
        + getFullyQualifiedQuotedTableName(oldTable)
        + ", "
        + getFullyQualifiedQuotedTableName(newTable);
  }

  @Override
  public String getRenameColumnQuery(
      String tableName, String columnName, String newName, int dbMajorVersion) {
    return "EXEC sp_rename '"
        + tableName
        + "."
        + quoteIdentifier(columnName)
        + "', "
        + quoteIdentifier(newName)
        + ", 'COLUMN'";
  }

  /** {@code TOP (n)}: T-SQL has no {@code LIMIT}. */
  @Override
  public String getLimitClause(Integer limit) {
    return limit != null && limit > 0 ? "TOP (" + limit + ")" : "";
  }

  @Override
  public boolean supportsLimit() {
    return true;
  }

  @Override
  public JdbcSQLQueryBuilder getJdbcSQLQueryBuilder(JDBCOptions options) {
    return new TopQueryBuilder(this, options);
  }

  /** Pushed-down expressions in T-SQL: sort orders without NULLS FIRST / LAST. */
  @Override
  public Option<String> compileExpression(Expression expr) {
    try {
      return Option.apply(new SqlServerBuilder(this).build(expr));
    } catch (RuntimeException e) {
      return Option.empty(); // not pushed down: Spark evaluates it (as JdbcDialect does)
    }
  }

  /**
   * SQL Server has no {@code NULLS FIRST / LAST}; it sorts NULL as the lowest value ("ORDER BY
   * Clause (Transact-SQL)"), so ASC is NULLS FIRST and DESC is NULLS LAST, and the other two orders
   * sort on "is null" first.
   */
  static final class SqlServerBuilder extends JdbcDialect.JDBCSQLBuilder {
    SqlServerBuilder(JdbcDialect dialect) {
      dialect.super();
    }

    @Override
    public String visitSortOrder(
        String sortKey, SortDirection sortDirection, NullOrdering nullOrdering) {
      boolean asc = sortDirection == SortDirection.ASCENDING;
      boolean nullsLowest = asc == (nullOrdering == NullOrdering.NULLS_FIRST);
      String order = sortKey + (asc ? " ASC" : " DESC");
      if (nullsLowest) {
        return order;
      }
      return "CASE WHEN "
          + sortKey
          + " IS NULL THEN "
          + (asc ? "1" : "0")
          + " ELSE "
          + (asc ? "0" : "1")
          + " END, "
          + order;
    }
  }

  /** Builds {@code SELECT TOP (n) columns FROM ...}: the limit comes before the column list. */
  static final class TopQueryBuilder extends JdbcSQLQueryBuilder {
    private final JdbcDialect dialect;
    private final JDBCOptions options;

    TopQueryBuilder(JdbcDialect dialect, JDBCOptions options) {
      super(dialect, options);
      this.dialect = dialect;
      this.options = options;
    }

    @Override
    public String build() {
      return options.prepareQuery()
          + "SELECT "
          + dialect.getLimitClause(limit())
          + " "
          + columnList()
          + " FROM "
          + tableOrQuery()
          + " "
          + tableSampleClause()
          + " "
          + whereClause()
          + " "
          + groupByClause()
          + " "
          + orderByClause();
    }
  }
}
