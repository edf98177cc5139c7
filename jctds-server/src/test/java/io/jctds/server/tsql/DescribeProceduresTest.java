package io.jctds.server.tsql;

import static io.jctds.server.tsql.CatalogProceduresTest.columns;
import static io.jctds.server.tsql.CatalogProceduresTest.project;
import static io.jctds.server.tsql.CatalogProceduresTest.row;
import static org.assertj.core.api.Assertions.assertThat;

import io.jctds.protocol.token.ColMetadata;
import io.jctds.protocol.token.ServerMessage;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * sp_describe_first_result_set and sp_describe_undeclared_parameters with the examples of their
 * Transact-SQL reference pages (the tables dbo.t1 and dbo.t2 of "Examples of problems").
 */
class DescribeProceduresTest extends EngineTest {

  @BeforeEach
  void tables() {
    ok(
        "IF OBJECT_ID('dbo.t1') IS NULL CREATE TABLE dbo.t1 (a int NULL, b varchar(10) NULL,"
            + " c nvarchar(10) NULL)");
    ok(
        "IF OBJECT_ID('dbo.t2') IS NULL CREATE TABLE dbo.t2 (a smallint NOT NULL,"
            + " d varchar(20) NOT NULL, e int NOT NULL)");
  }

  /** name, is_nullable, system_type_name of each described column. */
  private List<List<Object>> described(String sql) {
    return project(ok(sql), 2, 3, 5);
  }

  @Test
  void firstResultSetColumns() {
    RecordingSink s = ok("EXEC sp_describe_first_result_set N'SELECT a FROM t1'");
    List<String> names = new ArrayList<>();
    List<Boolean> nullable = new ArrayList<>();
    for (ColMetadata.Column c : s.results().get(0).columns()) {
      names.add(c.name());
      nullable.add(c.isNullable());
    }
    // "Result Sets": the columns in order, NOT NULL where the page says so
    assertThat(names)
        .containsExactly(
            "is_hidden",
            "column_ordinal",
            "name",
            "is_nullable",
            "system_type_id",
            "system_type_name",
            "max_length",
            "precision",
            "scale",
            "collation_name",
            "user_type_id",
            "user_type_database",
            "user_type_schema",
            "user_type_name",
            "assembly_qualified_type_name",
            "xml_collection_id",
            "xml_collection_database",
            "xml_collection_schema",
            "xml_collection_name",
            "is_xml_document",
            "is_case_sensitive",
            "is_fixed_length_clr_type",
            "source_server",
            "source_database",
            "source_schema",
            "source_table",
            "source_column",
            "is_identity_column",
            "is_part_of_unique_key",
            "is_updateable",
            "is_computed_column",
            "is_sparse_column_set",
            "ordinal_in_order_by_list",
            "order_by_list_length",
            "order_by_is_descending",
            "tds_type_id",
            "tds_length",
            "tds_collation_id",
            "tds_collation_sort_id");
    assertThat(nullable.subList(0, 10))
        .containsExactly(false, false, true, false, false, true, false, false, false, true);
    assertThat(columns(s).subList(0, 3))
        .containsExactly("is_hidden bit", "column_ordinal int", "name nvarchar(128)");
    assertThat(nullable.subList(19, 22)).containsExactly(false, false, false);
    assertThat(nullable.subList(35, 37)).containsExactly(false, false);
  }

  @Test
  void typesAndNullabilityOfTheFirstResult() {
    // t2's columns are NOT NULL; system_type_id and max_length as sys.columns gives them
    assertThat(
            project(
                ok("EXEC sp_describe_first_result_set N'SELECT a, d, e FROM t2'"),
                1,
                2,
                3,
                4,
                5,
                6))
        .containsExactly(
            row(1, "a", false, 52, "smallint", (short) 2),
            row(2, "d", false, 167, "varchar(20)", (short) 20),
            row(3, "e", false, 56, "int", (short) 4));
    // a parameter the @params string declares
    assertThat(
            described(
                "EXEC sp_describe_first_result_set N'SELECT c, a + @p AS s FROM t1 WHERE a = @p',"
                    + " N'@p bigint'"))
        .containsExactly(row("c", true, "nvarchar(10)"), row("s", true, "bigint"));
  }

  @Test
  void thePagesControlFlowExamples() {
    // "Result set can return an error": a int NULL
    assertThat(
            described(
                "EXEC sp_describe_first_result_set @tsql = N'IF(1=1) RAISERROR(''Some Error'', 16,"
                    + " 1); ELSE SELECT a FROM t1; SELECT e FROM t2;'"))
        .containsExactly(row("a", true, "int"));
    // "Some code paths return no results": a int NULL
    assertThat(
            described(
                "EXEC sp_describe_first_result_set @tsql = N'IF(1=1) RETURN; SELECT a FROM t1;'"))
        .containsExactly(row("a", true, "int"));
    // "Result from dynamic SQL": a literal string is analysed
    assertThat(
            described("EXEC sp_describe_first_result_set @tsql = N'EXEC(N''SELECT a FROM t1'');'"))
        .containsExactly(row("a", true, "int"));
    // a batch without a result set gives an empty result
    assertThat(ok("EXEC sp_describe_first_result_set N'UPDATE t1 SET a = 1'").rows()).isEmpty();
  }

  @Test
  void dynamicSqlInAVariableIs11513() {
    RecordingSink s =
        run(
            "EXEC sp_describe_first_result_set @tsql = N'DECLARE @SQL NVARCHAR(max);"
                + " SET @SQL = N''SELECT a FROM t1''; EXEC(@SQL);'");
    ServerMessage e = s.errors().get(0);
    // "Result failure from dynamic SQL"; 11513 of the error list
    assertThat(e.number()).isEqualTo(11513);
    assertThat(e.message()).startsWith("The metadata could not be determined because statement");
    assertThat(error("EXEC sp_describe_first_result_set N'SELECT 1', NULL, 3")).isEqualTo(11552);
  }

  @Test
  void theBrowseModeExampleWithoutBrowseInformation() {
    ok(
        "IF OBJECT_ID('dbo.t') IS NULL CREATE TABLE dbo.t (a int PRIMARY KEY, b1 int);"
            + " IF OBJECT_ID('dbo.v') IS NULL EXEC (N'CREATE VIEW dbo.v AS SELECT b1 AS b2"
            + " FROM dbo.t')");
    // "Browse Mode Examples", mode 0: is_hidden 0, column_ordinal 1, name b3, no source
    assertThat(
            project(
                ok("EXEC sp_describe_first_result_set N'SELECT b2 AS b3 FROM dbo.v', null, 0"),
                0,
                1,
                2,
                24,
                25,
                26,
                28))
        .containsExactly(row(false, 1, "b3", null, null, null, null));
  }

  @Test
  void undeclaredParametersOfThePagesExample() {
    String tsql =
        "N'SELECT object_id, name, type_desc FROM sys.indexes WHERE object_id = @id OR name ="
            + " @name'";
    RecordingSink s = ok("EXEC sp_describe_undeclared_parameters @tsql = " + tsql);
    // "Result Sets": parameter_ordinal, name, suggested_system_type_id, ...
    assertThat(columns(s).subList(0, 7))
        .containsExactly(
            "parameter_ordinal int",
            "name nvarchar(128)",
            "suggested_system_type_id int",
            "suggested_system_type_name nvarchar(256)",
            "suggested_max_length smallint",
            "suggested_precision tinyint",
            "suggested_scale tinyint");
    assertThat(columns(s)).hasSize(24);
    // simple deduction: each takes its column's type (object_id int, name sysname)
    assertThat(project(s, 0, 1, 2, 3, 19, 20))
        .containsExactly(
            row(1, "@id", 56, "int", true, false),
            row(2, "@name", 231, "nvarchar(128)", true, false));
    // declared in @params: only @name is described
    assertThat(
            project(
                ok(
                    "EXEC sp_describe_undeclared_parameters @tsql = "
                        + tsql
                        + ", @params = N'@id int'"),
                1))
        .containsExactly(row("@name"));
  }

  @Test
  void simpleAndGeneralDeduction() {
    ok("IF OBJECT_ID('dbo.tc') IS NULL CREATE TABLE dbo.tc (c1 char(30), ci int, cs smallint)");
    // "c1 = @p" gives char(30), "c1 > @p" varchar(8000)
    assertThat(type("SELECT * FROM tc WHERE c1 = @p")).isEqualTo("char(30)");
    assertThat(type("SELECT * FROM tc WHERE c1 > @p")).isEqualTo("varchar(8000)");
    // "Col_Int = Col_Int + @p": int; "Col_Int = Col_smallint + @p": int (higher precedence)
    assertThat(type("SELECT * FROM tc WHERE ci = ci + @p")).isEqualTo("int");
    assertThat(type("SELECT * FROM tc WHERE ci = cs + @p")).isEqualTo("int");
    // an INSERT's value takes its column's type; CAST gives its type
    assertThat(type("INSERT INTO t2 (d, a, e) VALUES (@p, 1, 2)")).isEqualTo("varchar(20)");
    assertThat(type("SELECT CAST(@p AS decimal(9,3))")).isEqualTo("decimal(9,3)");
  }

  private String type(String tsql) {
    RecordingSink s =
        ok("EXEC sp_describe_undeclared_parameters N'" + tsql.replace("'", "''") + "'");
    return (String) s.rows().get(0).get(3);
  }

  @Test
  void theDeductionErrors() {
    // two untyped parameters in one expression: 11503
    RecordingSink s =
        run("EXEC sp_describe_undeclared_parameters N'SELECT * FROM t1 WHERE @p1 = @p2'");
    assertThat(s.errors().get(0).number()).isEqualTo(11503);
    assertThat(s.errors().get(0).message())
        .isEqualTo(
            "The parameter type cannot be deduced because a single expression contains two"
                + " untyped parameters, '@p1' and '@p2'.");
    assertThat(
            error("EXEC sp_describe_undeclared_parameters N'SELECT * FROM t1 WHERE a = @p1 + @p2'"))
        .isEqualTo(11503);
    // a parameter used twice: 11508
    s =
        run(
            "EXEC sp_describe_undeclared_parameters N'SELECT * FROM t2 WHERE @t >= a AND @t <="
                + " e'");
    assertThat(s.errors().get(0).number()).isEqualTo(11508);
    assertThat(s.errors().get(0).message())
        .isEqualTo(
            "The undeclared parameter '@t' is used more than once in the batch being analyzed.");
  }

  @Test
  void assignedParametersAreOutputs() {
    // suggested_is_output: "used on the left side of an assignment"
    assertThat(
            project(
                ok("EXEC sp_describe_undeclared_parameters N'SELECT @v = d FROM t2'"),
                1,
                3,
                19,
                20))
        .containsExactly(row("@v", "varchar(20)", false, true));
  }
}
