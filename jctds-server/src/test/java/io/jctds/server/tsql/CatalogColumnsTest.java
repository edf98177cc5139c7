package io.jctds.server.tsql;

import static org.assertj.core.api.Assertions.assertThat;

import io.jctds.server.catalog.ObjectIds;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** sys.columns, sys.types, sys.identity_columns and INFORMATION_SCHEMA.COLUMNS. */
class CatalogColumnsTest extends EngineTest {

  @Test
  void columnsJoinedWithTypesShowDeclaredTypes() {
    ok(
        "CREATE TABLE dbo.col_t (id int NOT NULL, name nvarchar(50), body varchar(max),"
            + " amount decimal(10,2), at datetime2(3), flag bit)");
    RecordingSink s =
        ok(
            "SELECT c.name, t.name, c.max_length, c.precision, c.scale, c.is_nullable"
                + " FROM sys.columns c JOIN sys.types t ON c.user_type_id = t.user_type_id"
                + " WHERE c.object_id = OBJECT_ID('dbo.col_t') ORDER BY c.column_id");
    // "sys.columns (Transact-SQL)": max_length in bytes (-1 for varchar(max)), precision and scale
    // of numeric-based columns, else 0; "nchar and nvarchar (Transact-SQL)": 2 bytes a character;
    // "Precision, scale, and length (Transact-SQL)": int 4 bytes precision 10, bit 1,
    // decimal(10,2) 9 bytes, datetime2(3) 7 bytes precision 23
    assertThat(s.rows())
        .containsExactly(
            row("id", "int", s(4), s(10), s(0), false),
            row("name", "nvarchar", s(100), s(0), s(0), true),
            row("body", "varchar", s(-1), s(0), s(0), true),
            row("amount", "decimal", s(9), s(10), s(2), true),
            row("at", "datetime2", s(7), s(23), s(3), true),
            row("flag", "bit", s(1), s(1), s(0), true));
    // "sys.columns (Transact-SQL)": max_length smallint, precision and scale tinyint
    assertThat(s.results().get(0).columns().get(2).typeInfo().sqlName()).isEqualTo("smallint");
    assertThat(s.results().get(0).columns().get(3).typeInfo().sqlName()).isEqualTo("tinyint");
  }

  private static List<Object> row(Object... values) {
    return Arrays.asList(values);
  }

  /** smallint and tinyint values as the client decodes them. */
  private static Short s(int v) {
    return (short) v;
  }

  @Test
  void columnIdsCountOnlyVisibleColumns() {
    // a character key is enforced on a hidden column, which must not show
    ok("CREATE TABLE dbo.col_k (code varchar(10) NOT NULL PRIMARY KEY, n int)");
    RecordingSink s =
        ok(
            "SELECT name, column_id FROM sys.columns WHERE object_id = OBJECT_ID('dbo.col_k')"
                + " ORDER BY column_id");
    // "sys.columns (Transact-SQL)": one row per column of the table, column_id unique within it
    assertThat(s.rows()).containsExactly(row("code", 1), row("n", 2));
  }

  @Test
  void systemTypeIdsAndCollations() {
    ok("CREATE TABLE dbo.col_ids (a int, b nvarchar(5), c varchar(5), d datetime)");
    RecordingSink s =
        ok(
            "SELECT system_type_id, user_type_id, collation_name FROM sys.columns"
                + " WHERE object_id = OBJECT_ID('dbo.col_ids') ORDER BY column_id");
    // [MS-TDS] 2.2.5.4.1/2.2.5.4.2: INT4TYPE 0x38 (56), NVARCHARTYPE 0xE7 (231),
    // BIGVARCHRTYPE 0xA7 (167), DATETIMETYPE 0x3D (61), the ids sys.types uses; "sys.types
    // (Transact-SQL)": for system types user_type_id = system_type_id; "sys.columns
    // (Transact-SQL)": collation_name only for character-based columns, here the database's
    // default SQL_Latin1_General_CP1_CI_AS ("sys.databases (Transact-SQL)" collation_name)
    assertThat(s.rows())
        .containsExactly(
            row(s(56), 56, null),
            row(s(231), 231, "SQL_Latin1_General_CP1_CI_AS"),
            row(s(167), 167, "SQL_Latin1_General_CP1_CI_AS"),
            row(s(61), 61, null));
    // "sys.columns (Transact-SQL)": system_type_id tinyint, user_type_id int
    assertThat(s.results().get(0).columns().get(0).typeInfo().sqlName()).isEqualTo("tinyint");
  }

  @Test
  void identityAndDefaultColumns() {
    ok("CREATE TABLE dbo.col_x (id int IDENTITY(10,5) NOT NULL, n int DEFAULT 7, m int)");
    RecordingSink s =
        ok(
            "SELECT name, is_identity, is_computed, default_object_id FROM sys.columns"
                + " WHERE object_id = OBJECT_ID('dbo.col_x') ORDER BY column_id");
    int defaultId =
        (Integer)
            scalar(
                "SELECT object_id FROM sys.default_constraints"
                    + " WHERE parent_object_id = OBJECT_ID('dbo.col_x')");
    // "sys.columns (Transact-SQL)": is_identity, is_computed; default_object_id is the id of the
    // column's DEFAULT constraint ("sys.default_constraints (Transact-SQL)"), 0 when none
    assertThat(s.rows())
        .containsExactly(
            row("id", true, false, 0),
            row("n", false, false, defaultId),
            row("m", false, false, 0));
    assertThat(defaultId).isNotZero();
  }

  @Test
  void identityColumnsShowSeedIncrementAndLastValue() {
    ok("CREATE TABLE dbo.col_id (id int IDENTITY(10,5) NOT NULL, v int)");
    // "sys.identity_columns (Transact-SQL)": last_value is NULL until a value was generated
    assertThat(
            scalar(
                "SELECT last_value FROM sys.identity_columns WHERE name = 'id'"
                    + " AND object_id = OBJECT_ID('dbo.col_id')"))
        .isNull();
    ok("INSERT INTO dbo.col_id (v) VALUES (1), (2)");
    RecordingSink s =
        ok(
            "SELECT name, seed_value, increment_value, last_value FROM sys.identity_columns"
                + " WHERE object_id = OBJECT_ID('dbo.col_id')");
    // "sys.identity_columns (Transact-SQL)": seed_value, increment_value and last_value are
    // sql_variant values of the column's type (int): IDENTITY(10,5) after two rows: 10, 15
    assertThat(s.rows()).containsExactly(row("id", 10, 5, 15));
    assertThat(s.results().get(0).columns().get(1).typeInfo().sqlName()).isEqualTo("sql_variant");
  }

  @Test
  void viewColumnsHaveTheirQuerysTypes() {
    ok("CREATE TABLE dbo.col_vt (a nvarchar(20), b money)");
    ok("CREATE VIEW dbo.col_v AS SELECT a, b FROM dbo.col_vt");
    RecordingSink s =
        ok(
            "SELECT c.name, TYPE_NAME(c.system_type_id), c.max_length FROM sys.columns c"
                + " WHERE c.object_id = OBJECT_ID('dbo.col_v') ORDER BY c.column_id");
    // "sys.columns (Transact-SQL)": a row for each column of a view too; money is 8 bytes
    // ("money and smallmoney (Transact-SQL)")
    assertThat(s.rows()).containsExactly(row("a", "nvarchar", s(40)), row("b", "money", s(8)));
  }

  @Test
  void sysTypesListsTheSystemTypes() {
    RecordingSink s =
        ok(
            "SELECT name, system_type_id, user_type_id, max_length, is_nullable,"
                + " is_user_defined FROM sys.types WHERE name IN ('int', 'nvarchar', 'sysname')"
                + " ORDER BY user_type_id");
    // "sys.types (Transact-SQL)": user_type_id = system_type_id for system types,
    // is_user_defined 0; [MS-TDS] 2.2.5.4: int 0x38, nvarchar 0xE7; "nchar and nvarchar
    // (Transact-SQL)": sysname is nvarchar(128) (256 bytes) that is not nullable;
    // TYPE_ID('sysname')
    // is the server's id for it ("TYPE_ID (Transact-SQL)")
    Object sysname = scalar("SELECT TYPE_ID('sysname')");
    assertThat(s.rows())
        .containsExactly(
            row("int", s(56), 56, s(4), true, false),
            row("nvarchar", s(231), 231, s(8000), true, false),
            row("sysname", s(231), sysname, s(256), false, false));
    // "TYPE_ID (Transact-SQL)" example: datetime is 61
    assertThat(scalar("SELECT user_type_id FROM sys.types WHERE name = 'datetime'")).isEqualTo(61);
  }

  @Test
  void informationSchemaColumns() {
    ok(
        "CREATE TABLE dbo.isc (id int NOT NULL, name nvarchar(30), body nvarchar(max),"
            + " amount decimal(12,3), at datetime)");
    RecordingSink s =
        ok(
            "SELECT COLUMN_NAME, DATA_TYPE, CHARACTER_MAXIMUM_LENGTH, IS_NULLABLE"
                + " FROM INFORMATION_SCHEMA.COLUMNS WHERE TABLE_NAME = 'isc'"
                + " ORDER BY ORDINAL_POSITION");
    // "COLUMNS (Transact-SQL)": DATA_TYPE the system type name; CHARACTER_MAXIMUM_LENGTH in
    // characters, -1 for large-value types, NULL for others; IS_NULLABLE YES/NO
    assertThat(s.rows())
        .containsExactly(
            row("id", "int", null, "NO"),
            row("name", "nvarchar", 30, "YES"),
            row("body", "nvarchar", -1, "YES"),
            row("amount", "decimal", null, "YES"),
            row("at", "datetime", null, "YES"));
    RecordingSink n =
        ok(
            "SELECT NUMERIC_PRECISION, NUMERIC_PRECISION_RADIX, NUMERIC_SCALE, DATETIME_PRECISION,"
                + " CHARACTER_OCTET_LENGTH, TABLE_CATALOG, TABLE_SCHEMA"
                + " FROM INFORMATION_SCHEMA.COLUMNS WHERE TABLE_NAME = 'isc'"
                + " AND COLUMN_NAME IN ('amount', 'name') ORDER BY ORDINAL_POSITION");
    // "COLUMNS (Transact-SQL)": NUMERIC_PRECISION/RADIX/SCALE for numeric data (radix 10 for exact
    // numerics), else NULL; CHARACTER_OCTET_LENGTH in bytes; TABLE_CATALOG the database
    assertThat(n.rows())
        .containsExactly(
            row(null, null, null, null, 60, "master", "dbo"),
            row(s(12), s(10), 3, null, null, "master", "dbo"));
  }

  @Test
  void columnsOfTheQueryInTheTask() {
    ok("CREATE TABLE dbo.t (a int, b nvarchar(10))");
    RecordingSink s =
        ok(
            "SELECT c.name, t.name FROM sys.columns c JOIN sys.types t"
                + " ON c.user_type_id = t.user_type_id WHERE c.object_id = OBJECT_ID('dbo.t')");
    // "sys.columns (Transact-SQL)" joined to "sys.types (Transact-SQL)" on user_type_id
    assertThat(s.rows()).containsExactlyInAnyOrder(row("a", "int"), row("b", "nvarchar"));
    // "sys.columns (Transact-SQL)": object_id is OBJECT_ID's ("OBJECT_ID (Transact-SQL)")
    assertThat(scalar("SELECT MIN(object_id) FROM sys.columns WHERE object_id = OBJECT_ID('t')"))
        .isEqualTo(ObjectIds.of("master", "dbo", "t"));
  }
}
