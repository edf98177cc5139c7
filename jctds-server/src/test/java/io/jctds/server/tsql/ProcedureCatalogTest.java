package io.jctds.server.tsql;

import static io.jctds.server.tsql.CatalogProceduresTest.columns;
import static io.jctds.server.tsql.CatalogProceduresTest.project;
import static io.jctds.server.tsql.CatalogProceduresTest.row;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * sp_stored_procedures and sp_sproc_columns(_100) over the server's own procedures, which SQL
 * Server lists in schema sys ("sp_stored_procedures (Transact-SQL)": the sys schema is searched
 * first), with the parameters of their reference pages.
 */
class ProcedureCatalogTest extends EngineTest {

  @Test
  void spStoredProceduresColumnsAndRows() {
    RecordingSink s = ok("EXEC sp_stored_procedures @sp_name = 'sp_pkeys'");
    // "sp_stored_procedures (Transact-SQL)", Result Sets
    assertThat(columns(s))
        .containsExactly(
            "PROCEDURE_QUALIFIER nvarchar(128)",
            "PROCEDURE_OWNER nvarchar(128)",
            "PROCEDURE_NAME nvarchar(134)",
            "NUM_INPUT_PARAMS int",
            "NUM_OUTPUT_PARAMS int",
            "NUM_RESULT_SETS int",
            "REMARKS varchar(254)",
            "PROCEDURE_TYPE smallint");
    // the name with its group number; PROCEDURE_TYPE "always returns 2.0"; the three counts are
    // "reserved for future use"
    assertThat(project(s, 0, 1, 2, 6, 7))
        .containsExactly(row("master", "sys", "sp_pkeys;1", null, (short) 2));
  }

  @Test
  void spStoredProceduresPatternsAndOrder() {
    // wildcards, ordered by PROCEDURE_QUALIFIER, PROCEDURE_OWNER, PROCEDURE_NAME
    assertThat(project(ok("EXEC sp_stored_procedures 'sp[_]columns%', 'sys'"), 2))
        .containsExactly(row("sp_columns;1"), row("sp_columns_100;1"), row("sp_columns_170;1"));
    assertThat(project(ok("EXEC sp_stored_procedures 'sp_releaseapplock'"), 2))
        .containsExactly(row("sp_releaseapplock;1"));
    assertThat(ok("EXEC sp_stored_procedures 'sp_pkeys', 'dbo'").rows()).isEmpty();
    assertThat(ok("EXEC sp_stored_procedures 'sp%', @fUsePattern = 0").rows()).isEmpty();
    assertThat(error("EXEC sp_stored_procedures 'x', NULL, 'sales'")).isEqualTo(15250);
  }

  @Test
  void listingProceduresLeavesTheCallersTransactionAndErrorAlone() {
    // a catalog procedure changes neither @@TRANCOUNT nor @@ERROR, under XACT_ABORT too
    RecordingSink s =
        ok(
            "SET XACT_ABORT ON; BEGIN TRAN; EXEC sp_stored_procedures 'sp_pkeys';"
                + " SELECT @@TRANCOUNT, @@ERROR; ROLLBACK; SET XACT_ABORT OFF");
    assertThat(s.rows().get(s.rows().size() - 1)).containsExactly(1, 0);
  }

  @Test
  void spSprocColumnsDescribesTheReturnValueAndEachParameter() {
    RecordingSink s = ok("EXEC sp_sproc_columns @procedure_name = 'sp_getapplock', @ODBCVer = 3");
    // "sp_sproc_columns (Transact-SQL)", Result Sets
    assertThat(columns(s))
        .containsExactly(
            "PROCEDURE_QUALIFIER nvarchar(128)",
            "PROCEDURE_OWNER nvarchar(128)",
            "PROCEDURE_NAME nvarchar(134)",
            "COLUMN_NAME nvarchar(128)",
            "COLUMN_TYPE smallint",
            "DATA_TYPE smallint",
            "TYPE_NAME nvarchar(128)",
            "PRECISION int",
            "LENGTH int",
            "SCALE smallint",
            "RADIX smallint",
            "NULLABLE smallint",
            "REMARKS varchar(254)",
            "COLUMN_DEF nvarchar(4000)",
            "SQL_DATA_TYPE smallint",
            "SQL_DATETIME_SUB smallint",
            "CHAR_OCTET_LENGTH int",
            "ORDINAL_POSITION int",
            "IS_NULLABLE varchar(254)",
            "SS_DATA_TYPE tinyint");
    // COLUMN_TYPE 5 SQL_RETURN_VALUE for the int return status, 1 SQL_PARAM_TYPE_INPUT for the
    // parameters of "sp_getapplock (Transact-SQL)": @Resource nvarchar(255), @LockMode and
    // @LockOwner varchar(32), @LockTimeout int, @DbPrincipal sysname; ODBC types and sizes as
    // sp_columns gives them (ORDINAL_POSITION 0 for the return value)
    assertThat(project(s, 3, 4, 5, 6, 7, 8, 17))
        .containsExactly(
            row("@RETURN_VALUE", (short) 5, (short) 4, "int", 10, 4, 0),
            row("@Resource", (short) 1, (short) -9, "nvarchar", 255, 510, 1),
            row("@LockMode", (short) 1, (short) 12, "varchar", 32, 32, 2),
            row("@LockOwner", (short) 1, (short) 12, "varchar", 32, 32, 3),
            row("@LockTimeout", (short) 1, (short) 4, "int", 10, 4, 4),
            row("@DbPrincipal", (short) 1, (short) -9, "nvarchar", 128, 256, 5));
    // the return value is never NULL, a parameter may be
    assertThat(project(s, 11, 18).subList(0, 2))
        .containsExactly(row((short) 0, "NO"), row((short) 1, "YES"));
  }

  @Test
  void theReturnValueIsListedWithoutAColumnNameOrByItsName() {
    // mssql-jdbc's DatabaseMetaDataTest.testGetProcedureColumnsWithValidation (against SQL
    // Server): getProcedureColumns with the column pattern % gives a procedure's parameters only
    assertThat(project(ok("EXEC sp_sproc_columns 'sp_pkeys', @column_name = '%'"), 3))
        .containsExactly(row("@table_name"), row("@table_owner"), row("@table_qualifier"));
    assertThat(project(ok("EXEC sp_sproc_columns 'sp_pkeys', @column_name = '@RETURN_VALUE'"), 3))
        .containsExactly(row("@RETURN_VALUE"));
  }

  @Test
  void spSprocColumnsFiltersByColumnName() {
    assertThat(
            project(
                ok("EXEC sp_sproc_columns 'sp_pkeys', @column_name = '@table[_]%', @ODBCVer = 3"),
                3))
        .containsExactly(row("@table_name"), row("@table_owner"), row("@table_qualifier"));
    // mssql-jdbc's CallableStatement reads the names with the database and sys qualifiers
    assertThat(
            project(
                ok(
                    "exec master.sys.sp_sproc_columns @procedure_name=sp_pkeys , @ODBCVer=3,"
                        + " @fUsePattern=0"),
                3))
        .containsExactly(
            row("@RETURN_VALUE"), row("@table_name"), row("@table_owner"), row("@table_qualifier"));
  }

  @Test
  void spSprocColumns100AddsTheSqlServer2008Columns() {
    RecordingSink s = ok("exec sp_sproc_columns_100 @procedure_name=sp_pkeys, @ODBCVer=3");
    // "SQLProcedureColumns" (SQL Server Native Client ODBC): SS_TYPE_CATALOG_NAME and
    // SS_TYPE_SCHEMA_NAME follow ODBC's columns, before the driver columns of earlier versions
    // (the UDT and XML schema collection names, SS_DATA_TYPE); mssql-jdbc's ParameterMetaData
    // reads SS_TYPE_SCHEMA_NAME
    assertThat(columns(s).subList(18, 28))
        .containsExactly(
            "IS_NULLABLE varchar(254)",
            "SS_TYPE_CATALOG_NAME nvarchar(128)",
            "SS_TYPE_SCHEMA_NAME nvarchar(128)",
            "SS_UDT_CATALOG_NAME nvarchar(128)",
            "SS_UDT_SCHEMA_NAME nvarchar(128)",
            "SS_UDT_ASSEMBLY_TYPE_NAME nvarchar(max)",
            "SS_XML_SCHEMACOLLECTION_CATALOG_NAME nvarchar(128)",
            "SS_XML_SCHEMACOLLECTION_SCHEMA_NAME nvarchar(128)",
            "SS_XML_SCHEMACOLLECTION_NAME nvarchar(128)",
            "SS_DATA_TYPE tinyint");
    assertThat(s.rows()).hasSize(4);
  }
}
