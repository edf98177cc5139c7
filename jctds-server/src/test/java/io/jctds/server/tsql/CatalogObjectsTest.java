package io.jctds.server.tsql;

import static org.assertj.core.api.Assertions.assertThat;

import io.jctds.server.catalog.ObjectIds;
import java.util.List;
import org.junit.jupiter.api.Test;

/** sys.databases, sys.schemas, sys.objects, sys.tables and sys.views, per database. */
class CatalogObjectsTest extends EngineTest {

  private List<String> names(String sql) {
    return ok(sql).rows().stream().map(r -> (String) r.get(0)).toList();
  }

  @Test
  void sysDatabasesListsEveryDatabaseWithDocumentedColumns() {
    RecordingSink s =
        ok(
            "SELECT name, database_id, state_desc, user_access_desc, is_read_only"
                + " FROM sys.databases ORDER BY database_id");
    // "sys.databases (Transact-SQL)": one row per database; master 1, tempdb 2, model 3, msdb 4
    // (the system databases' fixed ids); ONLINE and MULTI_USER for a usable database
    assertThat(s.rows().get(0)).containsExactly("master", 1, "ONLINE", "MULTI_USER", false);
    assertThat(s.rows().get(1).get(0)).isEqualTo("tempdb");
    assertThat(s.rows()).extracting(r -> r.get(0)).contains("model", "msdb", "sales");
    // "sys.databases (Transact-SQL)": name sysname (nvarchar(128), "nchar and nvarchar
    // (Transact-SQL)"), database_id int, is_read_only bit
    assertThat(s.results().get(0).columns().get(0).typeInfo().sqlName()).isEqualTo("nvarchar(128)");
    assertThat(s.results().get(0).columns().get(1).typeInfo().sqlName()).isEqualTo("int");
    assertThat(s.results().get(0).columns().get(4).typeInfo().sqlName()).isEqualTo("bit");
  }

  /**
   * The catalog views of features the server does not have answer with no rows and SQL Server's
   * columns ("sys.extended_properties", "sys.assemblies", "sys.partition_functions",
   * "sys.partition_schemes", "sys.xml_schema_collections", "sys.service_queues", "sys.services",
   * "sys.triggers (Transact-SQL)"), as Flyway's SQL Server support queries them; the query Flyway
   * runs to list a schema's user objects (sys.objects left-joined with sys.extended_properties,
   * with NOLOCK hints) finds the tables.
   */
  @Test
  void viewsOfAbsentFeaturesHaveNoRows() {
    for (String sql :
        List.of(
            "SELECT class, class_desc, major_id, minor_id, name, value FROM sys.extended_properties",
            "SELECT name FROM sys.assemblies WHERE is_user_defined = 1",
            "SELECT name, function_id, fanout FROM sys.partition_functions",
            "SELECT name, data_space_id, function_id FROM sys.partition_schemes",
            "SELECT name FROM sys.xml_schema_collections WHERE schema_id = SCHEMA_ID('dbo')",
            "SELECT name AS queue_name, object_id AS queue_id FROM sys.service_queues"
                + " WHERE schema_id = SCHEMA_ID('dbo') AND is_ms_shipped = 0",
            "SELECT name FROM sys.services WHERE service_queue_id IN (1)",
            "SELECT name FROM sys.triggers WHERE is_ms_shipped = 0 AND parent_id = 0"
                + " AND parent_class_desc = 'DATABASE'")) {
      assertThat(ok(sql).rows()).as(sql).isEmpty();
    }
    // "sys.extended_properties (Transact-SQL)": class tinyint, value sql_variant
    RecordingSink props = ok("SELECT class, value FROM sys.extended_properties");
    assertThat(props.results().get(0).columns().get(0).typeInfo().sqlName()).isEqualTo("tinyint");
    assertThat(props.results().get(0).columns().get(1).typeInfo().sqlName())
        .isEqualTo("sql_variant");
    ok("CREATE TABLE dbo.listed (id int)");
    assertThat(
            names(
                "SELECT obj.name FROM sys.objects AS obj WITH (NOLOCK)LEFT JOIN"
                    + " sys.extended_properties AS eps WITH (NOLOCK)ON obj.object_id = eps.major_id"
                    + " AND eps.class = 1 AND eps.minor_id = 0"
                    + " AND eps.name = 'microsoft_database_tools_support'"
                    + " WHERE SCHEMA_NAME(obj.schema_id) = 'dbo' AND eps.major_id IS NULL"
                    + " AND obj.is_ms_shipped = 0 AND obj.type IN ('U') AND obj.name = 'listed'"))
        .containsExactly("listed");
  }

  /**
   * "sys.sysusers (Transact-SQL)": the users dbo, guest, INFORMATION_SCHEMA and sys with the uids
   * that own their schemas (sys.schemas' principal_id), public (uid 0) and the fixed database roles
   * ("Database-level roles") as roles; Flyway's clean mode "all" finds the user schemas by joining
   * sys.schemas with sys.sysusers on uid.
   */
  @Test
  void sysusersHasTheDatabasePrincipals() {
    RecordingSink s =
        ok(
            "SELECT name, uid, issqluser, issqlrole, hasdbaccess FROM sys.sysusers"
                + " WHERE uid < 16384 ORDER BY uid");
    assertThat(s.rows())
        .containsExactly(
            List.of("public", (short) 0, 0, 1, 0),
            List.of("dbo", (short) 1, 1, 0, 1),
            List.of("guest", (short) 2, 1, 0, 0),
            List.of("INFORMATION_SCHEMA", (short) 3, 1, 0, 0),
            List.of("sys", (short) 4, 1, 0, 0));
    // "sys.sysusers": uid smallint, name sysname, issqluser int
    assertThat(s.results().get(0).columns().get(1).typeInfo().sqlName()).isEqualTo("smallint");
    assertThat(s.results().get(0).columns().get(2).typeInfo().sqlName()).isEqualTo("int");
    assertThat(names("SELECT name FROM sys.sysusers WHERE issqlrole = 1 AND uid >= 16384"))
        .contains("db_owner", "db_datareader", "db_datawriter", "db_ddladmin");
    assertThat(
            names(
                "SELECT s.name FROM sys.schemas s INNER JOIN sys.sysusers u ON u.uid ="
                    + " s.principal_id WHERE u.issqluser = 1"
                    + " AND u.name NOT IN ('sys', 'guest', 'INFORMATION_SCHEMA')"))
        .contains("dbo") // and the schemas dbo owns (other tests of this class create some)
        .doesNotContain("sys", "guest", "INFORMATION_SCHEMA");
  }

  /** "sys.computed_columns (Transact-SQL)": sys.columns' computed columns, and only those. */
  @Test
  void computedColumnsListsTheComputedColumns() {
    ok("CREATE TABLE dbo.priced (qty int, price int, total AS qty * price)");
    assertThat(
            names(
                "SELECT name FROM sys.computed_columns"
                    + " WHERE object_id = OBJECT_ID(N'dbo.priced')"))
        .containsExactly("total");
  }

  @Test
  void sysSchemasHasTheFixedSchemaIds() {
    RecordingSink s =
        ok(
            "SELECT name, schema_id, principal_id FROM sys.schemas"
                + " WHERE name IN ('dbo', 'guest', 'INFORMATION_SCHEMA', 'sys') ORDER BY schema_id");
    // "sys.schemas (Transact-SQL)" / "SCHEMA_ID (Transact-SQL)": dbo 1, guest 2,
    // INFORMATION_SCHEMA 3, sys 4, each owned by the principal of the same id
    assertThat(s.rows())
        .containsExactly(
            List.of("dbo", 1, 1),
            List.of("guest", 2, 2),
            List.of("INFORMATION_SCHEMA", 3, 3),
            List.of("sys", 4, 4));
  }

  @Test
  void userSchemasAppearWithTheirObjects() {
    ok("CREATE SCHEMA hr");
    ok("CREATE TABLE hr.staff (id int)");
    // "sys.schemas (Transact-SQL)": one row per schema of the database
    assertThat(names("SELECT name FROM sys.schemas WHERE schema_id > 4")).containsExactly("hr");
    RecordingSink s =
        ok(
            "SELECT s.name, t.name FROM sys.tables t JOIN sys.schemas s"
                + " ON s.schema_id = t.schema_id WHERE t.name = 'staff'");
    // "sys.objects (Transact-SQL)": schema_id is the id of the schema that contains the object
    assertThat(s.rows()).containsExactly(List.of("hr", "staff"));
    // "SCHEMA_NAME (Transact-SQL)": the name of the schema with that id
    assertThat(scalar("SELECT SCHEMA_NAME(schema_id) FROM sys.tables WHERE name = 'staff'"))
        .isEqualTo("hr");
    assertThat(scalar("SELECT SCHEMA_NAME(SCHEMA_ID('hr'))")).isEqualTo("hr");
  }

  @Test
  void sysObjectsListsTablesViewsConstraintsAndSequences() {
    ok(
        "CREATE TABLE dbo.obj_p (id int CONSTRAINT pk_obj_p PRIMARY KEY,"
            + " code varchar(5) CONSTRAINT uq_obj_p UNIQUE, n int DEFAULT 0,"
            + " CONSTRAINT ck_obj_p CHECK (n >= 0))");
    ok(
        "CREATE TABLE dbo.obj_c (id int, pid int CONSTRAINT fk_obj_c FOREIGN KEY"
            + " REFERENCES dbo.obj_p (id))");
    ok("CREATE VIEW dbo.obj_v AS SELECT id FROM dbo.obj_p");
    ok("CREATE SEQUENCE dbo.obj_s START WITH 1");
    RecordingSink s =
        ok(
            "SELECT name, type, type_desc FROM sys.objects WHERE name LIKE '%obj%'"
                + " AND type <> 'D' ORDER BY name");
    // "sys.objects (Transact-SQL)": type char(2) and type_desc: U USER_TABLE, V VIEW,
    // PK PRIMARY_KEY_CONSTRAINT, UQ UNIQUE_CONSTRAINT, F FOREIGN_KEY_CONSTRAINT,
    // C CHECK_CONSTRAINT, SO SEQUENCE_OBJECT
    assertThat(s.rows())
        .containsExactly(
            List.of("ck_obj_p", "C ", "CHECK_CONSTRAINT"),
            List.of("fk_obj_c", "F ", "FOREIGN_KEY_CONSTRAINT"),
            List.of("obj_c", "U ", "USER_TABLE"),
            List.of("obj_p", "U ", "USER_TABLE"),
            List.of("obj_s", "SO", "SEQUENCE_OBJECT"),
            List.of("obj_v", "V ", "VIEW"),
            List.of("pk_obj_p", "PK", "PRIMARY_KEY_CONSTRAINT"),
            List.of("uq_obj_p", "UQ", "UNIQUE_CONSTRAINT"));
    // "sys.objects (Transact-SQL)": type is char(2)
    assertThat(s.results().get(0).columns().get(1).typeInfo().sqlName()).isEqualTo("char(2)");
  }

  @Test
  void constraintsArePartsOfTheirTable() {
    ok("CREATE TABLE dbo.part_p (id int CONSTRAINT pk_part_p PRIMARY KEY, n int DEFAULT 1)");
    RecordingSink s =
        ok(
            "SELECT type, parent_object_id, is_ms_shipped FROM sys.objects"
                + " WHERE parent_object_id = OBJECT_ID('dbo.part_p') ORDER BY type");
    int table = ObjectIds.of("master", "dbo", "part_p");
    // "sys.objects (Transact-SQL)": parent_object_id is the id of the object it belongs to (a
    // constraint's table; 0 for objects that are not child objects); is_ms_shipped 0 for user
    // objects; a column DEFAULT is a D (DEFAULT_CONSTRAINT) object
    assertThat(s.rows()).containsExactly(List.of("D ", table, false), List.of("PK", table, false));
    // "sys.objects (Transact-SQL)": 0 = not a child object
    assertThat(scalar("SELECT parent_object_id FROM sys.objects WHERE name = 'part_p'"))
        .isEqualTo(0);
  }

  @Test
  void sysTablesAndSysViewsSplitTheObjects() {
    ok("CREATE TABLE dbo.split_t (id int)");
    ok("CREATE VIEW dbo.split_v AS SELECT id FROM dbo.split_t");
    // "sys.tables (Transact-SQL)": a row for each user table; "sys.views (Transact-SQL)": a row
    // for each view
    assertThat(names("SELECT name FROM sys.tables WHERE name LIKE 'split%'"))
        .containsExactly("split_t");
    assertThat(names("SELECT name FROM sys.views WHERE name LIKE 'split%'"))
        .containsExactly("split_v");
    // "sys.tables (Transact-SQL)": sys.objects' columns plus the table's own, such as
    // max_column_id_used and lock_escalation_desc (TABLE by default)
    RecordingSink s =
        ok(
            "SELECT type_desc, max_column_id_used, lock_escalation_desc, temporal_type_desc"
                + " FROM sys.tables WHERE name = 'split_t'");
    assertThat(s.rows()).containsExactly(List.of("USER_TABLE", 1, "TABLE", "NON_TEMPORAL_TABLE"));
  }

  @Test
  void systemViewsAreNotUserObjects() {
    ok("SELECT COUNT(*) FROM sys.columns");
    // "sys.objects (Transact-SQL)": user-defined, schema-scoped objects only; the system views
    // are in sys.system_objects ("sys.system_objects (Transact-SQL)")
    assertThat(
            scalar(
                "SELECT COUNT(*) FROM sys.objects WHERE schema_id = SCHEMA_ID('sys')"
                    + " OR schema_id = SCHEMA_ID('INFORMATION_SCHEMA')"))
        .isEqualTo(0);
  }

  @Test
  void eachDatabaseListsItsOwnTables() {
    ok("USE sales");
    ok("CREATE TABLE dbo.scoped_orders (id int)");
    // "sys.tables (Transact-SQL)": catalog views describe the current database
    assertThat(names("SELECT name FROM sys.tables WHERE name LIKE 'scoped%'"))
        .containsExactly("scoped_orders");
    ok("USE master");
    assertThat(names("SELECT name FROM sys.tables WHERE name LIKE 'scoped%'")).isEmpty();
    // a three-part name reads another database's view ("Transact-SQL syntax conventions":
    // database_name.schema_name.object_name)
    assertThat(names("SELECT name FROM sales.sys.tables WHERE name LIKE 'scoped%'"))
        .containsExactly("scoped_orders");
    assertThat(
            names(
                "SELECT TABLE_CATALOG FROM sales.INFORMATION_SCHEMA.TABLES"
                    + " WHERE TABLE_NAME = 'scoped_orders'"))
        .containsExactly("sales");
  }

  @Test
  void objectIdsAgreeAcrossViewsAndFunctions() {
    ok("CREATE TABLE dbo.agree_t (id int CONSTRAINT pk_agree_t PRIMARY KEY)");
    int id = ObjectIds.of("master", "dbo", "agree_t");
    // "OBJECT_ID (Transact-SQL)": the id sys.objects lists; "sys.columns (Transact-SQL)":
    // object_id is the id of the object the column belongs to
    assertThat(scalar("SELECT object_id FROM sys.objects WHERE name = 'agree_t'")).isEqualTo(id);
    assertThat(scalar("SELECT OBJECT_ID('dbo.agree_t')")).isEqualTo(id);
    assertThat(
            scalar(
                "SELECT DISTINCT object_id FROM sys.columns WHERE name = 'id'"
                    + " AND object_id = OBJECT_ID(N'[dbo].[agree_t]')"))
        .isEqualTo(id);
    // "OBJECT_NAME (Transact-SQL)": the name of the object with that id, constraints included
    assertThat(scalar("SELECT OBJECT_NAME(object_id) FROM sys.objects WHERE name = 'agree_t'"))
        .isEqualTo("agree_t");
    assertThat(scalar("SELECT OBJECT_NAME(OBJECT_ID('pk_agree_t'))")).isEqualTo("pk_agree_t");
    assertThat(scalar("SELECT OBJECT_SCHEMA_NAME(OBJECT_ID('dbo.pk_agree_t'))")).isEqualTo("dbo");
    assertThat(scalar("SELECT object_id FROM sys.objects WHERE name = 'pk_agree_t'"))
        .isEqualTo(scalar("SELECT OBJECT_ID('pk_agree_t')"));
  }

  @Test
  void flywayStyleExistenceCheck() {
    ok("CREATE TABLE dbo.flyway_schema_history (installed_rank int)");
    // "OBJECT_ID (Transact-SQL)" / "sys.objects (Transact-SQL)": U is a user table
    assertThat(
            scalar(
                "SELECT COUNT(*) FROM sys.objects WHERE object_id ="
                    + " OBJECT_ID(N'[dbo].[flyway_schema_history]') AND type = 'U'"))
        .isEqualTo(1);
    assertThat(
            scalar(
                "SELECT COUNT(*) FROM sys.objects WHERE object_id ="
                    + " OBJECT_ID(N'[dbo].[no_such_table]') AND type = 'U'"))
        .isEqualTo(0);
  }

  @Test
  void sysTablesOrderedByName() {
    ok("USE model");
    ok("CREATE TABLE dbo.zeta (a int)");
    ok("CREATE TABLE dbo.Alpha (a int)");
    ok("CREATE TABLE dbo.mid (a int)");
    // "sys.tables (Transact-SQL)": name sysname, which sorts under the database collation
    // (SQL_Latin1_General_CP1_CI_AS: case-insensitive)
    assertThat(names("SELECT name FROM sys.tables ORDER BY name"))
        .containsExactly("Alpha", "mid", "zeta");
  }
}
