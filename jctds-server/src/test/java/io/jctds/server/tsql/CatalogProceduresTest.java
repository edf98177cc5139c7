package io.jctds.server.tsql;

import static org.assertj.core.api.Assertions.assertThat;

import io.jctds.protocol.token.ColMetadata;
import io.jctds.protocol.token.ServerMessage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * sp_tables, sp_pkeys, sp_fkeys and sp_server_info: their result columns (name and type) as their
 * Transact-SQL reference pages list them, rows and order as the pages describe.
 */
class CatalogProceduresTest extends EngineTest {

  static List<Object> row(Object... values) {
    return Arrays.asList(values);
  }

  /** "name type" of each column of the first result. */
  static List<String> columns(RecordingSink s) {
    List<String> out = new ArrayList<>();
    for (ColMetadata.Column c : s.results().get(0).columns()) {
      out.add(c.name() + " " + c.typeInfo().sqlName());
    }
    return out;
  }

  /** Columns {@code at} of each row. */
  static List<List<Object>> project(RecordingSink s, int... at) {
    List<List<Object>> out = new ArrayList<>();
    for (List<Object> r : s.rows()) {
      List<Object> p = new ArrayList<>();
      for (int i : at) {
        p.add(r.get(i));
      }
      out.add(p);
    }
    return out;
  }

  private void schema(String prefix) {
    ok("CREATE SCHEMA " + prefix + "_s");
    ok(
        "CREATE TABLE dbo."
            + prefix
            + "_parent (id int CONSTRAINT pk_"
            + prefix
            + "_parent PRIMARY KEY, code varchar(10) NOT NULL)");
    ok(
        "CREATE TABLE dbo."
            + prefix
            + "_child (a int NOT NULL, b int NOT NULL, pid int, CONSTRAINT pk_"
            + prefix
            + "_child PRIMARY KEY (b, a), CONSTRAINT fk_"
            + prefix
            + "_child FOREIGN KEY (pid) REFERENCES dbo."
            + prefix
            + "_parent (id) ON UPDATE CASCADE ON DELETE SET NULL)");
    ok("CREATE VIEW dbo." + prefix + "_view AS SELECT id FROM dbo." + prefix + "_parent");
    ok("CREATE TABLE " + prefix + "_s." + prefix + "_other (x int)");
  }

  @Test
  void spTablesColumnsAndOrder() {
    schema("tb");
    RecordingSink s = ok("EXEC sp_tables @table_name = 'tb[_]%'");
    // "sp_tables (Transact-SQL)", Result Sets
    assertThat(columns(s))
        .containsExactly(
            "TABLE_QUALIFIER nvarchar(128)",
            "TABLE_OWNER nvarchar(128)",
            "TABLE_NAME nvarchar(128)",
            "TABLE_TYPE varchar(32)",
            "REMARKS varchar(254)");
    // ordered by TABLE_TYPE, TABLE_QUALIFIER, TABLE_OWNER and TABLE_NAME; REMARKS is NULL
    assertThat(s.rows())
        .containsExactly(
            row("master", "dbo", "tb_child", "TABLE", null),
            row("master", "dbo", "tb_parent", "TABLE", null),
            row("master", "tb_s", "tb_other", "TABLE", null),
            row("master", "dbo", "tb_view", "VIEW", null));
  }

  @Test
  void spTablesFiltersByOwnerTypeAndPattern() {
    schema("tf");
    // the type list in quotes, as the page writes it and as mssql-jdbc sends it (quotes doubled)
    assertThat(project(ok("EXEC sp_tables 'tf%', 'dbo', NULL, \"'VIEW'\""), 2))
        .containsExactly(row("tf_view"));
    assertThat(project(ok("EXEC sp_tables 'tf%', 'dbo', NULL, '''TABLE'',''VIEW'''"), 2))
        .containsExactly(row("tf_child"), row("tf_parent"), row("tf_view"));
    assertThat(project(ok("EXEC sp_tables 'tf%', 'tf[_]s'"), 1, 2))
        .containsExactly(row("tf_s", "tf_other"));
    // @fUsePattern 0: _ and % are themselves
    assertThat(ok("EXEC sp_tables 'tf%', @fUsePattern = 0").rows()).isEmpty();
    assertThat(project(ok("EXEC sp_tables 'TF_PARENT', @fUsePattern = 0"), 2))
        .containsExactly(row("tf_parent"));
  }

  @Test
  void spTablesListsSystemViews() {
    // sp_tables lists whatever can appear in a FROM clause, the catalog views too (schemas sys
    // and INFORMATION_SCHEMA)
    assertThat(project(ok("EXEC sp_tables 'tables', 'sys'"), 1, 2, 3))
        .containsExactly(row("sys", "tables", "VIEW"));
    assertThat(project(ok("EXEC sp_tables 'COLUMNS', 'INFORMATION_SCHEMA'"), 1, 2, 3))
        .containsExactly(row("INFORMATION_SCHEMA", "COLUMNS", "VIEW"));
  }

  @Test
  void spTablesEnumeratesCatalogsSchemasAndTypes() {
    // "SQLTables Function" (ODBC): SQL_ALL_CATALOGS with empty schema and table names lists the
    // catalogs; SQL_ALL_SCHEMAS with empty catalog and table names the schemas; SQL_ALL_TABLE_TYPES
    // with the others empty the table types
    assertThat(project(ok("EXEC sp_tables '', '', '%'"), 0))
        .contains(row("master"), row("sales"), row("tempdb"));
    schema("te");
    assertThat(project(ok("EXEC sp_tables '', '%', ''"), 1)).contains(row("dbo"), row("te_s"));
    assertThat(ok("EXEC sp_tables '', '', '', '%'").rows())
        .containsExactly(
            row(null, null, null, "SYSTEM TABLE", null),
            row(null, null, null, "TABLE", null),
            row(null, null, null, "VIEW", null));
  }

  @Test
  void aQualifierOtherThanTheCurrentDatabaseIs15250() {
    RecordingSink s = run("EXEC sp_tables 'x', NULL, 'sales'");
    ServerMessage e = s.errors().get(0);
    // SQL Server's message 15250 (severity 16), which its catalog procedures raise
    assertThat(e.number()).isEqualTo(15250);
    assertThat(e.severity()).isEqualTo(16);
    assertThat(e.message())
        .isEqualTo(
            "The database name component of the object qualifier must be the name of the current"
                + " database.");
    assertThat(ok("EXEC sp_pkeys 'x', NULL, 'MASTER'").rows()).isEmpty();
  }

  @Test
  void spPkeysListsTheKeyColumnsInKeyOrder() {
    schema("pk");
    RecordingSink s = ok("EXEC sp_pkeys @table_name = N'pk_child'");
    // "sp_pkeys (Transact-SQL)", Result Sets
    assertThat(columns(s))
        .containsExactly(
            "TABLE_QUALIFIER nvarchar(128)",
            "TABLE_OWNER nvarchar(128)",
            "TABLE_NAME nvarchar(128)",
            "COLUMN_NAME nvarchar(128)",
            "KEY_SEQ smallint",
            "PK_NAME nvarchar(128)");
    // ordered by KEY_SEQ: the key was declared (b, a)
    assertThat(s.rows())
        .containsExactly(
            row("master", "dbo", "pk_child", "b", (short) 1, "pk_pk_child"),
            row("master", "dbo", "pk_child", "a", (short) 2, "pk_pk_child"));
    // no wildcards: '%' names no table
    assertThat(ok("EXEC sp_pkeys '%'").rows()).isEmpty();
    assertThat(error("EXEC sp_pkeys")).isEqualTo(201);
  }

  @Test
  void spFkeysFromEitherSide() {
    schema("fk");
    RecordingSink s = ok("EXEC sp_fkeys @pktable_name = N'fk_parent'");
    // "sp_fkeys (Transact-SQL)", Result Sets, then DEFERRABILITY (SQLForeignKeys' 14th column)
    assertThat(columns(s))
        .containsExactly(
            "PKTABLE_QUALIFIER nvarchar(128)",
            "PKTABLE_OWNER nvarchar(128)",
            "PKTABLE_NAME nvarchar(128)",
            "PKCOLUMN_NAME nvarchar(128)",
            "FKTABLE_QUALIFIER nvarchar(128)",
            "FKTABLE_OWNER nvarchar(128)",
            "FKTABLE_NAME nvarchar(128)",
            "FKCOLUMN_NAME nvarchar(128)",
            "KEY_SEQ smallint",
            "UPDATE_RULE smallint",
            "DELETE_RULE smallint",
            "FK_NAME nvarchar(128)",
            "PK_NAME nvarchar(128)",
            "DEFERRABILITY smallint");
    // UPDATE_RULE 0 = CASCADE, DELETE_RULE 2 = set null; DEFERRABILITY 7 = SQL_NOT_DEFERRABLE
    List<Object> expected =
        row(
            "master",
            "dbo",
            "fk_parent",
            "id",
            "master",
            "dbo",
            "fk_child",
            "pid",
            (short) 1,
            (short) 0,
            (short) 2,
            "fk_fk_child",
            "pk_fk_parent",
            (short) 7);
    assertThat(s.rows()).containsExactly(expected);
    assertThat(ok("EXEC sp_fkeys @fktable_name = 'fk_child', @fktable_owner = 'dbo'").rows())
        .containsExactly(expected);
    assertThat(ok("EXEC sp_fkeys 'fk_parent', NULL, NULL, 'fk_child'").rows())
        .containsExactly(expected);
    assertThat(ok("EXEC sp_fkeys @fktable_name = 'fk_parent'").rows()).isEmpty();
  }

  @Test
  void spServerInfoAttributes() {
    RecordingSink s = ok("EXEC sp_server_info");
    // "sp_server_info (Transact-SQL)": the columns and the attributes' ids and names
    assertThat(columns(s))
        .containsExactly(
            "ATTRIBUTE_ID int", "ATTRIBUTE_NAME varchar(60)", "ATTRIBUTE_VALUE varchar(255)");
    assertThat(project(s, 0, 1))
        .contains(
            row(1, "DBMS_NAME"),
            row(2, "DBMS_VER"),
            row(16, "IDENTIFIER_CASE"),
            row(19, "SAVEPOINT_SUPPORT"),
            row(500, "SYS_SPROC_VERSION"));
    // jTDS reads attribute 16 to learn whether names are case-sensitive; the server's compare
    // case-insensitively, which ODBC's SQLGetInfo calls SQL_IC_MIXED
    assertThat(ok("EXEC sp_server_info 16").rows())
        .containsExactly(row(16, "IDENTIFIER_CASE", "MIXED"));
    assertThat(ok("EXEC sp_server_info @attribute_id = 1").rows())
        .containsExactly(row(1, "DBMS_NAME", "Microsoft SQL Server"));
  }

  @Test
  void theProceduresReturnStatusZero() {
    schema("rp");
    RecordingSink s = ok("DECLARE @rc int = 5; EXEC @rc = sp_pkeys 'rp_parent'; SELECT @rc");
    // the key's row, then @rc: 0, as "Return Code Values: None" means no failure code
    assertThat(s.rows()).hasSize(2);
    assertThat(s.rows().get(1)).containsExactly(0);
  }
}
