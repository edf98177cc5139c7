package io.jctds.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.Types;
import java.util.List;
import org.apache.spark.sql.connector.catalog.Identifier;
import org.apache.spark.sql.connector.expressions.Expressions;
import org.apache.spark.sql.connector.expressions.NullOrdering;
import org.apache.spark.sql.connector.expressions.SortDirection;
import org.apache.spark.sql.connector.expressions.SortOrder;
import org.apache.spark.sql.jdbc.JdbcDialect;
import org.apache.spark.sql.jdbc.JdbcDialects;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.MetadataBuilder;
import org.junit.jupiter.api.Test;

/**
 * {@link JctdsDialect} applies SQL Server's rules as Spark 4.2's own SQL Server dialect does: the
 * reference is that dialect itself, which Spark returns for {@code jdbc:sqlserver:} URLs.
 */
class JctdsDialectTest {
  private final JctdsDialect jctds = new JctdsDialect();
  private final JdbcDialect spark = JdbcDialects.get("jdbc:sqlserver://localhost:1433");

  @Test
  void handlesJctdsUrlsOnly() {
    assertThat(jctds.canHandle("jdbc:jctds://127.0.0.1:1433;encryption=off")).isTrue();
    assertThat(jctds.canHandle("jdbc:jctds:myserver")).isTrue();
    assertThat(jctds.canHandle("JDBC:JCTDS://h")).isTrue();
    assertThat(jctds.canHandle("jdbc:sqlserver://h")).isFalse();
    assertThat(jctds.canHandle("jdbc:jtds:sqlserver://h")).isFalse();
    // Spark's own dialect does not take jdbc:jctds (why this module exists)
    assertThat(spark.canHandle("jdbc:jctds://h")).isFalse();
  }

  @Test
  void writeTypesAreSparksSqlServerTypes() {
    List<DataType> types =
        List.of(
            DataTypes.TimestampType,
            DataTypes.TimestampNTZType,
            DataTypes.StringType,
            DataTypes.BooleanType,
            DataTypes.BinaryType,
            DataTypes.ShortType,
            DataTypes.ByteType,
            DataTypes.IntegerType,
            DataTypes.LongType,
            DataTypes.DoubleType,
            DataTypes.FloatType,
            DataTypes.DateType,
            DataTypes.createDecimalType(18, 4));
    for (DataType t : types) {
      assertThat(jctds.getJDBCType(t)).as(t.toString()).isEqualTo(spark.getJDBCType(t));
    }
    assertThat(jctds.getJDBCType(DataTypes.StringType).get().databaseTypeDefinition())
        .isEqualTo("NVARCHAR(MAX)");
  }

  @Test
  void readTypesAreSparksSqlServerTypes() {
    int[][] cases = {
      {Types.TINYINT},
      {Types.SMALLINT},
      {Types.REAL},
      {-157},
      {-158},
      {Types.INTEGER},
      {Types.BIGINT},
      {Types.NVARCHAR},
      {Types.DECIMAL},
      {Types.TIMESTAMP},
      {-155}
    };
    String[] names = {
      "tinyint",
      "smallint",
      "real",
      "geometry",
      "geography",
      "int",
      "bigint",
      "nvarchar",
      "decimal",
      "datetime2",
      "datetimeoffset"
    };
    for (int i = 0; i < cases.length; i++) {
      assertThat(jctds.getCatalystType(cases[i][0], names[i], 0, new MetadataBuilder()))
          .as(names[i])
          .isEqualTo(spark.getCatalystType(cases[i][0], names[i], 0, new MetadataBuilder()));
    }
  }

  @Test
  void truncateLimitAndLiteralsAreSqlServers() {
    assertThat(jctds.isCascadingTruncateTable()).isEqualTo(spark.isCascadingTruncateTable());
    assertThat(jctds.getTruncateQuery("t")).isEqualTo(spark.getTruncateQuery("t"));
    assertThat(jctds.getLimitClause(5)).isEqualTo(spark.getLimitClause(5)).isEqualTo("TOP (5)");
    assertThat(jctds.getLimitClause(0)).isEqualTo(spark.getLimitClause(0));
    assertThat(jctds.supportsLimit()).isEqualTo(spark.supportsLimit());
    assertThat(jctds.compileValue(true)).isEqualTo(spark.compileValue(true));
    assertThat(jctds.compileValue(new byte[] {1, (byte) 0xAB}))
        .isEqualTo(spark.compileValue(new byte[] {1, (byte) 0xAB}));
    assertThat(jctds.compileValue("it's")).isEqualTo(spark.compileValue("it's"));
    assertThat(jctds.getAddColumnQuery("t", "c", "INT"))
        .isEqualTo(brackets(spark.getAddColumnQuery("t", "c", "INT")));
    SQLException missing = new SQLException("Invalid object name 'x'.", "42S02", 208);
    assertThat(jctds.isObjectNotFoundException(missing))
        .isEqualTo(spark.isObjectNotFoundException(missing))
        .isTrue();
  }

  @Test
  void identifiersAreBracketed() {
    // "Database identifiers": a delimited identifier in brackets; ] inside is written ]]
    assertThat(jctds.quoteIdentifier("id")).isEqualTo("[id]");
    assertThat(jctds.quoteIdentifier("a]b c")).isEqualTo("[a]]b c]");
  }

  @Test
  void sortOrdersAreSparksSqlServerOrders() {
    // SQL Server has no NULLS FIRST / LAST (it sorts NULL lowest): the pushed-down ORDER BY of a
    // top-N must be what Spark's SQL Server dialect sends, identifiers aside
    for (SortDirection d : SortDirection.values()) {
      for (NullOrdering n : NullOrdering.values()) {
        SortOrder order = Expressions.sort(Expressions.column("id"), d, n);
        assertThat(jctds.compileExpression(order).get())
            .as(d + " " + n)
            .isEqualTo(brackets(spark.compileExpression(order).get()))
            .doesNotContain("NULLS");
      }
    }
  }

  @Test
  void ddlIsSparksSqlServerDdl() {
    Identifier from = Identifier.of(new String[] {"dbo"}, "a");
    Identifier to = Identifier.of(new String[] {"dbo"}, "b");
    assertThat(jctds.renameTable(from, to))
        .isEqualTo("EXEC sp_rename [dbo].[a], [dbo].[b]")
        .isEqualTo(brackets(spark.renameTable(from, to)));
    assertThat(jctds.getRenameColumnQuery("t", "c", "d", 16))
        .isEqualTo("EXEC sp_rename 't.[c]', [d], 'COLUMN'")
        .isEqualTo(brackets(spark.getRenameColumnQuery("t", "c", "d", 16)));
  }

  /** Spark's dialect quotes identifiers with double quotes, this one with brackets. */
  private static String brackets(String sql) {
    return sql.replaceAll("\"([^\"]*)\"", "[$1]");
  }
}
