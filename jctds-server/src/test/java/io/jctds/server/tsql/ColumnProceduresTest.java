package io.jctds.server.tsql;

import static io.jctds.server.tsql.CatalogProceduresTest.columns;
import static io.jctds.server.tsql.CatalogProceduresTest.project;
import static io.jctds.server.tsql.CatalogProceduresTest.row;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * sp_columns, sp_columns_100/_170 and sp_datatype_info(_100). Each type's DATA_TYPE, PRECISION
 * (column size), LENGTH (transfer octet length), SCALE (decimal digits), RADIX and
 * CHAR_OCTET_LENGTH are ODBC's for the type ("SQL Data Types", "Column Size", "Decimal Digits",
 * "Transfer Octet Length" in the ODBC Programmer's Reference appendix D); the date and time types'
 * values, SS_DATA_TYPE included, are those of "Catalog Metadata" (ODBC date and time improvements).
 */
class ColumnProceduresTest extends EngineTest {

  /** DATA_TYPE, TYPE_NAME, PRECISION, LENGTH, SCALE, RADIX, NULLABLE, REMARKS of sp_columns. */
  private static final int[] TYPE = {4, 5, 6, 7, 8, 9, 10, 11};

  @Test
  void spColumnsResultColumns() {
    ok("CREATE TABLE dbo.sc_cols (a int)");
    RecordingSink s = ok("EXEC sp_columns 'sc_cols'");
    // "sp_columns (Transact-SQL)", Result Sets
    assertThat(columns(s))
        .containsExactly(
            "TABLE_QUALIFIER nvarchar(128)",
            "TABLE_OWNER nvarchar(128)",
            "TABLE_NAME nvarchar(128)",
            "COLUMN_NAME nvarchar(128)",
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
    // the _100 form: mssql-jdbc's getColumns inserts it into a table of these 29 columns
    assertThat(columns(ok("EXEC sp_columns_100 'sc_cols'")).subList(18, 29))
        .containsExactly(
            "SS_IS_SPARSE smallint",
            "SS_IS_COLUMN_SET smallint",
            "SS_IS_COMPUTED smallint",
            "SS_IS_IDENTITY smallint",
            "SS_UDT_CATALOG_NAME nvarchar(128)",
            "SS_UDT_SCHEMA_NAME nvarchar(128)",
            "SS_UDT_ASSEMBLY_TYPE_NAME nvarchar(max)",
            "SS_XML_SCHEMACOLLECTION_CATALOG_NAME nvarchar(128)",
            "SS_XML_SCHEMACOLLECTION_SCHEMA_NAME nvarchar(128)",
            "SS_XML_SCHEMACOLLECTION_NAME nvarchar(128)",
            "SS_DATA_TYPE tinyint");
    assertThat(columns(ok("EXEC sp_columns_170 'sc_cols'"))).hasSize(29);
  }

  @Test
  void anIntNotNullColumnAsMssqlJdbcExpectsIt() {
    // mssql-jdbc's DatabaseMetaDataTest.testGetColumns (run against SQL Server) expects for
    // "[col_1] int NOT NULL": DATA_TYPE 4, int, 10, 4, 0, 10, NULLABLE 0, SQL_DATA_TYPE 4,
    // SQL_DATETIME_SUB and CHAR_OCTET_LENGTH NULL, IS_NULLABLE NO, SS_DATA_TYPE 56, not sparse,
    // not a column set, neither computed nor identity
    ok("CREATE TABLE dbo.sc_int ([col_1] int NOT NULL, [col%2] varchar(200))");
    RecordingSink s = ok("EXEC sp_columns_100 'sc_int', 'dbo', NULL, 'col[_]1', 2, 3");
    assertThat(s.rows())
        .containsExactly(
            row(
                "master",
                "dbo",
                "sc_int",
                "col_1",
                (short) 4,
                "int",
                10,
                4,
                (short) 0,
                (short) 10,
                (short) 0,
                null,
                null,
                (short) 4,
                null,
                null,
                1,
                "NO",
                (short) 0,
                (short) 0,
                (short) 0,
                (short) 0,
                null,
                null,
                null,
                null,
                null,
                null,
                (short) 56));
    assertThat(project(ok("EXEC sp_columns 'sc_int', @column_name = 'col[%]2'"), 3, 16))
        .containsExactly(row("col%2", 2));
  }

  @Test
  void numbersAndStringsUnderOdbc3() {
    ok(
        "CREATE TABLE dbo.sc_types (i int IDENTITY, b bit NOT NULL, t tinyint, s smallint,"
            + " g bigint, r real, f float, d decimal(10,2), n numeric(5,0), m money,"
            + " sm smallmoney, c char(3), v varchar(20), nc nchar(4), nv nvarchar(50),"
            + " vm varchar(max), nm nvarchar(max), bn binary(8), vb varbinary(16), u uniqueidentifier,"
            + " tx text, nt ntext, im image, x xml)");
    RecordingSink s = ok("EXEC sp_columns_100 'sc_types', @ODBCVer = 3");
    assertThat(project(s, TYPE))
        .containsExactly(
            // the IDENTITY column's TYPE_NAME carries " identity", as sp_datatype_info names it
            row((short) 4, "int identity", 10, 4, (short) 0, (short) 10, (short) 0, null),
            row((short) -7, "bit", 1, 1, null, null, (short) 0, null),
            row((short) -6, "tinyint", 3, 1, (short) 0, (short) 10, (short) 1, null),
            row((short) 5, "smallint", 5, 2, (short) 0, (short) 10, (short) 1, null),
            row((short) -5, "bigint", 19, 8, (short) 0, (short) 10, (short) 1, null),
            // approximate numbers: "SQLColumns Function": with NUM_PREC_RADIX 2, COLUMN_SIZE is
            // in bits (float's 53, real's 24: "float and real (Transact-SQL)"); no decimal digits
            row((short) 7, "real", 24, 4, null, (short) 2, (short) 1, null),
            row((short) 6, "float", 53, 8, null, (short) 2, (short) 1, null),
            // decimal and numeric: transfer octet length is the precision + 2
            row((short) 3, "decimal", 10, 12, (short) 2, (short) 10, (short) 1, null),
            row((short) 2, "numeric", 5, 7, (short) 0, (short) 10, (short) 1, null),
            row((short) 3, "money", 19, 21, (short) 4, (short) 10, (short) 1, null),
            row((short) 3, "smallmoney", 10, 12, (short) 4, (short) 10, (short) 1, null),
            // characters: size in characters, length in bytes (two per Unicode character)
            row((short) 1, "char", 3, 3, null, null, (short) 1, null),
            row((short) 12, "varchar", 20, 20, null, null, (short) 1, null),
            row((short) -8, "nchar", 4, 8, null, null, (short) 1, null),
            row((short) -9, "nvarchar", 50, 100, null, null, (short) 1, null),
            // (max): 0, which mssql-jdbc's ZeroFixupFilter turns into its maximum
            row((short) 12, "varchar", 0, 0, null, null, (short) 1, null),
            row((short) -9, "nvarchar", 0, 0, null, null, (short) 1, null),
            row((short) -2, "binary", 8, 8, null, null, (short) 1, null),
            row((short) -3, "varbinary", 16, 16, null, null, (short) 1, null),
            // SQL_GUID: 36 characters, 16 bytes
            row((short) -11, "uniqueidentifier", 36, 16, null, null, (short) 1, null),
            row((short) -1, "text", 2147483647, 2147483647, null, null, (short) 1, null),
            row((short) -10, "ntext", 1073741823, 2147483646, null, null, (short) 1, null),
            row((short) -4, "image", 2147483647, 2147483647, null, null, (short) 1, null),
            // SQL_SS_XML
            row((short) -152, "xml", 0, 0, null, null, (short) 1, null));
    // CHAR_OCTET_LENGTH: bytes for character and binary columns, NULL for the others
    assertThat(project(ok("EXEC sp_columns_100 'sc_types', @column_name = 'nv', @ODBCVer = 3"), 15))
        .containsExactly(row(100));
    assertThat(project(ok("EXEC sp_columns_100 'sc_types', @column_name = 'd', @ODBCVer = 3"), 15))
        .containsExactly(row((Object) null));
  }

  @Test
  void dateAndTimeTypesAsCatalogMetadataGivesThem() {
    ok(
        "CREATE TABLE dbo.sc_dates (d date, t time(3), sd smalldatetime, dt datetime,"
            + " d2 datetime2(3), dto datetimeoffset(7))");
    RecordingSink s = ok("EXEC sp_columns_100 'sc_dates', @ODBCVer = 3");
    // DATA_TYPE, PRECISION (COLUMN_SIZE), LENGTH (BUFFER_LENGTH), SCALE (DECIMAL_DIGITS),
    // SQL_DATA_TYPE, SQL_DATETIME_SUB, SS_DATA_TYPE: SQL_TYPE_DATE 91, SQL_SS_TIME2 -154,
    // SQL_TYPE_TIMESTAMP 93, SQL_SS_TIMESTAMPOFFSET -155, SQL_DATETIME 9, SQL_CODE_DATE 1,
    // SQL_CODE_TIMESTAMP 3
    assertThat(project(s, 4, 6, 7, 8, 13, 14, 28))
        .containsExactly(
            row((short) 91, 10, 6, (short) 0, (short) 9, (short) 1, (short) 0),
            row((short) -154, 12, 10, (short) 3, (short) -154, null, (short) 0),
            row((short) 93, 16, 16, (short) 0, (short) 9, (short) 3, (short) 111),
            row((short) 93, 23, 16, (short) 3, (short) 9, (short) 3, (short) 111),
            row((short) 93, 23, 16, (short) 3, (short) 9, (short) 3, (short) 0),
            row((short) -155, 34, 20, (short) 7, (short) -155, null, (short) 0));
    // ODBC 2 has no SQL_TYPE_TIMESTAMP: datetime is SQL_TIMESTAMP (11)
    assertThat(project(ok("EXEC sp_columns_100 'sc_dates', @column_name = 'dt'"), 4))
        .containsExactly(row((short) 11));
  }

  @Test
  void nullabilityDefaultsAndOrder() {
    ok(
        "CREATE TABLE dbo.sc_b (z int NOT NULL, y varchar(5) DEFAULT 'x', w AS z + 1);"
            + " CREATE TABLE dbo.sc_a (k int)");
    RecordingSink s = ok("EXEC sp_columns_100 'sc[_][ab]', 'dbo', NULL, NULL, 2, 3");
    // ordered by TABLE_QUALIFIER, TABLE_OWNER, TABLE_NAME (then the column's position);
    // NULLABLE 1/0 and IS_NULLABLE YES/NO; COLUMN_DEF the default's definition;
    // SS_IS_COMPUTED 1 for the computed column
    assertThat(project(s, 2, 3, 10, 17, 20, 16))
        .containsExactly(
            row("sc_a", "k", (short) 1, "YES", (short) 0, 1),
            row("sc_b", "z", (short) 0, "NO", (short) 0, 1),
            row("sc_b", "y", (short) 1, "YES", (short) 0, 2),
            row("sc_b", "w", (short) 1, "YES", (short) 1, 3));
    assertThat((String) s.rows().get(2).get(12)).contains("'x'");
  }

  @Test
  void spColumnsNeedsATableName() {
    assertThat(error("EXEC sp_columns")).isEqualTo(201);
    // an argument that does not convert to the parameter's type: 8114 "Error converting data type
    // varchar to int." (as for any procedure parameter, see RpcTest)
    assertThat(error("EXEC sp_columns 'x', @ODBCVer = 'three'")).isEqualTo(8114);
  }

  @Test
  void spDatatypeInfoColumnsAndRows() {
    RecordingSink s = ok("EXEC sp_datatype_info_100 @ODBCVer = 3");
    // "sp_datatype_info (Transact-SQL)", Result Sets
    assertThat(columns(s))
        .containsExactly(
            "TYPE_NAME nvarchar(128)",
            "DATA_TYPE smallint",
            "PRECISION int",
            "LITERAL_PREFIX varchar(32)",
            "LITERAL_SUFFIX varchar(32)",
            "CREATE_PARAMS varchar(32)",
            "NULLABLE smallint",
            "CASE_SENSITIVE smallint",
            "SEARCHABLE smallint",
            "UNSIGNED_ATTRIBUTE smallint",
            "MONEY smallint",
            "AUTO_INCREMENT smallint",
            "LOCAL_TYPE_NAME nvarchar(128)",
            "MINIMUM_SCALE smallint",
            "MAXIMUM_SCALE smallint",
            "SQL_DATA_TYPE smallint",
            "SQL_DATETIME_SUB smallint",
            "NUM_PREC_RADIX int",
            "INTERVAL_PRECISION smallint",
            "USERTYPE smallint");
    // ordered by DATA_TYPE
    List<Object> codes = project(s, 1).stream().map(r -> r.get(0)).toList();
    assertThat(codes).isSortedAccordingTo((a, b) -> Short.compare((Short) a, (Short) b));
    // the page's examples: float's CREATE_PARAMS is NULL, decimal's names precision and scale,
    // varchar's the length; literals: a quotation mark before and after character constants, 0x
    // before binary ones and nothing after; MONEY 1 for money
    assertThat(project(ok("EXEC sp_datatype_info 6, 3"), 0, 2, 5, 17))
        .containsExactly(row("float", 53, null, 2));
    List<List<Object>> decimal = project(ok("EXEC sp_datatype_info_100 3, 3"), 0, 3, 4, 5, 10);
    assertThat(decimal.get(0).subList(0, 3)).containsExactly("decimal", null, null);
    assertThat((String) decimal.get(0).get(3)).contains("precision").contains("scale");
    assertThat(decimal).contains(row("money", "$", null, null, (short) 1));
    List<Object> varchar = ok("EXEC sp_datatype_info 12, 3").rows().get(0);
    assertThat(varchar.subList(0, 5)).containsExactly("varchar", (short) 12, 8000, "'", "'");
    assertThat((String) varchar.get(5)).contains("length");
    assertThat(project(ok("EXEC sp_datatype_info -3, 3"), 0, 3, 4))
        .containsExactly(row("varbinary", "0x", null));
    // "Catalog Metadata": SQLGetTypeInfo's date and time types
    assertThat(project(ok("EXEC sp_datatype_info_100 @ODBCVer = 3"), 0, 1, 2))
        .contains(
            row("date", (short) 91, 10),
            row("time", (short) -154, 16),
            row("datetime2", (short) 93, 27),
            row("datetimeoffset", (short) -155, 34));
  }
}
