package io.jctds.server.tsql;

import static org.assertj.core.api.Assertions.assertThat;

import io.jctds.server.catalog.ObjectIds;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Indexes, keys, foreign keys, DEFAULT and CHECK constraints and sequences. */
class CatalogKeysTest extends EngineTest {

  private static List<Object> row(Object... values) {
    return Arrays.asList(values);
  }

  private static Short s(int v) {
    return (short) v;
  }

  private void parentAndChild(String p, String c) {
    ok(
        "CREATE TABLE dbo."
            + p
            + " (id int CONSTRAINT pk_"
            + p
            + " PRIMARY KEY, code varchar(10) NOT NULL CONSTRAINT uq_"
            + p
            + " UNIQUE)");
    ok(
        "CREATE TABLE dbo."
            + c
            + " (id int NOT NULL, pid int NOT NULL, pcode varchar(10),"
            + " CONSTRAINT fk_"
            + c
            + " FOREIGN KEY (pid) REFERENCES dbo."
            + p
            + " (id) ON DELETE CASCADE,"
            + " CONSTRAINT fk_"
            + c
            + "_code FOREIGN KEY (pcode) REFERENCES dbo."
            + p
            + " (code))");
    ok("CREATE INDEX ix_" + c + " ON dbo." + c + " (pid DESC, id)");
  }

  @Test
  void indexesOfATableWithAndWithoutPrimaryKey() {
    parentAndChild("ix_p", "ix_c");
    RecordingSink p =
        ok(
            "SELECT name, index_id, type, type_desc, is_unique, is_primary_key,"
                + " is_unique_constraint FROM sys.indexes WHERE object_id = OBJECT_ID('dbo.ix_p')"
                + " ORDER BY index_id");
    // "sys.indexes (Transact-SQL)": index_id 1 clustered (the primary key's index by default,
    // "PRIMARY KEY constraints": "creates a clustered index unless ... specified"), > 1
    // nonclustered; type 1 CLUSTERED, 2 NONCLUSTERED; a key constraint's index has its name
    assertThat(p.rows())
        .containsExactly(
            row("pk_ix_p", 1, s(1), "CLUSTERED", true, true, false),
            row("uq_ix_p", 2, s(2), "NONCLUSTERED", true, false, true));
    RecordingSink c =
        ok(
            "SELECT name, index_id, type, type_desc, is_unique FROM sys.indexes"
                + " WHERE object_id = OBJECT_ID('dbo.ix_c') ORDER BY index_id");
    // "sys.indexes (Transact-SQL)": a table without a clustered index is a heap: index_id 0,
    // type 0 HEAP, name NULL; a foreign key creates no index
    assertThat(c.rows())
        .containsExactly(
            row(null, 0, s(0), "HEAP", false), row("ix_ix_c", 2, s(2), "NONCLUSTERED", false));
  }

  @Test
  void indexColumnsInKeyOrder() {
    parentAndChild("ic_p", "ic_c");
    RecordingSink s =
        ok(
            "SELECT i.name, c.name, ic.key_ordinal, ic.is_descending_key, ic.is_included_column"
                + " FROM sys.indexes i JOIN sys.index_columns ic ON ic.object_id = i.object_id"
                + " AND ic.index_id = i.index_id JOIN sys.columns c ON c.object_id = ic.object_id"
                + " AND c.column_id = ic.column_id WHERE i.object_id IN (OBJECT_ID('dbo.ic_p'),"
                + " OBJECT_ID('dbo.ic_c')) ORDER BY i.name, ic.key_ordinal");
    // "sys.index_columns (Transact-SQL)": one row per key column, key_ordinal its place in the
    // key, is_descending_key for DESC; "CREATE INDEX (Transact-SQL)": columns in listed order
    assertThat(s.rows())
        .containsExactly(
            row("ix_ic_c", "pid", s(1), true, false),
            row("ix_ic_c", "id", s(2), false, false),
            row("pk_ic_p", "id", s(1), false, false),
            row("uq_ic_p", "code", s(1), false, false));
  }

  @Test
  void primaryKeyColumnsThroughKeyConstraints() {
    parentAndChild("kc_p", "kc_c");
    RecordingSink s =
        ok(
            "SELECT kc.name, kc.type, c.name AS column_name, ic.key_ordinal"
                + " FROM sys.key_constraints kc JOIN sys.index_columns ic"
                + " ON ic.object_id = kc.parent_object_id AND ic.index_id = kc.unique_index_id"
                + " JOIN sys.columns c ON c.object_id = ic.object_id"
                + " AND c.column_id = ic.column_id"
                + " WHERE kc.parent_object_id = OBJECT_ID('dbo.kc_p') ORDER BY kc.type");
    // "sys.key_constraints (Transact-SQL)": PK and UQ constraints, unique_index_id the index that
    // enforces each
    assertThat(s.rows())
        .containsExactly(row("pk_kc_p", "PK", "id", s(1)), row("uq_kc_p", "UQ", "code", s(1)));
    // "sys.key_constraints (Transact-SQL)": is_system_named 0 for a named constraint
    assertThat(scalar("SELECT is_system_named FROM sys.key_constraints WHERE name = 'pk_kc_p'"))
        .isEqualTo(false);
  }

  @Test
  void unnamedKeysAreSystemNamed() {
    ok("CREATE TABLE dbo.kc_anon (id int PRIMARY KEY)");
    // "sys.key_constraints (Transact-SQL)": is_system_named 1 when the name was generated
    assertThat(
            scalar(
                "SELECT is_system_named FROM sys.key_constraints"
                    + " WHERE parent_object_id = OBJECT_ID('dbo.kc_anon')"))
        .isEqualTo(true);
  }

  @Test
  void foreignKeysWithTheirColumns() {
    parentAndChild("fk_p", "fk_c");
    RecordingSink s =
        ok(
            "SELECT fk.name, OBJECT_NAME(fk.parent_object_id), pc.name,"
                + " OBJECT_NAME(fk.referenced_object_id), rc.name,"
                + " fk.delete_referential_action, fk.delete_referential_action_desc,"
                + " fk.update_referential_action_desc, fkc.constraint_column_id"
                + " FROM sys.foreign_keys fk"
                + " JOIN sys.foreign_key_columns fkc ON fkc.constraint_object_id = fk.object_id"
                + " JOIN sys.columns pc ON pc.object_id = fkc.parent_object_id"
                + " AND pc.column_id = fkc.parent_column_id"
                + " JOIN sys.columns rc ON rc.object_id = fkc.referenced_object_id"
                + " AND rc.column_id = fkc.referenced_column_id"
                + " WHERE fk.parent_object_id = OBJECT_ID('dbo.fk_c') ORDER BY fk.name");
    // "sys.foreign_keys (Transact-SQL)": referenced_object_id, delete/update_referential_action
    // 0 NO_ACTION, 1 CASCADE; "sys.foreign_key_columns (Transact-SQL)": parent and referenced
    // column ids, constraint_column_id from 1
    assertThat(s.rows())
        .containsExactly(
            row("fk_fk_c", "fk_c", "pid", "fk_p", "id", s(1), "CASCADE", "NO_ACTION", 1),
            row(
                "fk_fk_c_code",
                "fk_c",
                "pcode",
                "fk_p",
                "code",
                s(0),
                "NO_ACTION",
                "NO_ACTION",
                1));
    RecordingSink k =
        ok(
            "SELECT fk.key_index_id, i.name FROM sys.foreign_keys fk JOIN sys.indexes i"
                + " ON i.object_id = fk.referenced_object_id AND i.index_id = fk.key_index_id"
                + " WHERE fk.name = 'fk_fk_c_code'");
    // "sys.foreign_keys (Transact-SQL)": key_index_id is the referenced key's index
    assertThat(k.rows()).containsExactly(row(2, "uq_fk_p"));
  }

  @Test
  void defaultAndCheckConstraints() {
    ok("CREATE TABLE dbo.dc_t (id int, n int DEFAULT 7," + " CONSTRAINT ck_dc_t CHECK (n >= 0))");
    RecordingSink d =
        ok(
            "SELECT d.type, d.parent_object_id, c.name, d.is_system_named"
                + " FROM sys.default_constraints d JOIN sys.columns c"
                + " ON c.object_id = d.parent_object_id AND c.column_id = d.parent_column_id"
                + " WHERE d.parent_object_id = OBJECT_ID('dbo.dc_t')");
    // "sys.default_constraints (Transact-SQL)": type D, parent_column_id the column with the
    // default, is_system_named 1 for an unnamed default
    assertThat(d.rows())
        .containsExactly(row("D ", ObjectIds.of("master", "dbo", "dc_t"), "n", true));
    RecordingSink c =
        ok(
            "SELECT name, type_desc, is_disabled, parent_column_id FROM sys.check_constraints"
                + " WHERE parent_object_id = OBJECT_ID('dbo.dc_t')");
    // "sys.check_constraints (Transact-SQL)": CHECK_CONSTRAINT, enabled; parent_column_id 0 for
    // a table-level constraint
    assertThat(c.rows()).containsExactly(row("ck_dc_t", "CHECK_CONSTRAINT", false, 0));
    // "OBJECT_NAME (Transact-SQL)": the name sys.objects shows for the id, DEFAULT constraints too
    assertThat(
            scalar(
                "SELECT OBJECT_NAME(object_id) FROM sys.default_constraints"
                    + " WHERE parent_object_id = OBJECT_ID('dbo.dc_t')"))
        .isEqualTo(
            scalar(
                "SELECT name FROM sys.default_constraints"
                    + " WHERE parent_object_id = OBJECT_ID('dbo.dc_t')"));
    // "sys.check_constraints (Transact-SQL)": definition is the condition's text
    assertThat(
            (String)
                scalar("SELECT definition FROM sys.check_constraints" + " WHERE name = 'ck_dc_t'"))
        .contains("n")
        .contains(">=")
        .contains("0");
  }

  /**
   * "ALTER TABLE (Transact-SQL)": ADD CONSTRAINT names columns the table already has (as Flyway's
   * schema history table is keyed: CREATE TABLE, then ALTER TABLE ... ADD CONSTRAINT ... PRIMARY
   * KEY); the constraints are enforced with SQL Server's errors (2627 for PRIMARY KEY and UNIQUE,
   * 547 for CHECK) and listed in sys.objects.
   */
  @Test
  void constraintsAddedToAnExistingTable() {
    ok("CREATE TABLE dbo.keyed_later (id int NOT NULL, code nvarchar(10) NOT NULL, n int)");
    ok("ALTER TABLE dbo.keyed_later ADD CONSTRAINT pk_keyed_later PRIMARY KEY ([id])");
    ok("ALTER TABLE dbo.keyed_later ADD CONSTRAINT uq_keyed_later UNIQUE (code)");
    ok("ALTER TABLE dbo.keyed_later ADD CONSTRAINT ck_keyed_later CHECK (n > 0)");
    ok("INSERT INTO dbo.keyed_later VALUES (1, N'a', 1)");
    assertThat(error("INSERT INTO dbo.keyed_later VALUES (1, N'b', 1)")).isEqualTo(2627);
    // trailing spaces do not make a different key
    assertThat(error("INSERT INTO dbo.keyed_later VALUES (2, N'a  ', 1)")).isEqualTo(2627);
    assertThat(error("INSERT INTO dbo.keyed_later VALUES (3, N'c', 0)")).isEqualTo(547);
    assertThat(
            ok("SELECT name, type FROM sys.objects WHERE parent_object_id ="
                    + " OBJECT_ID('dbo.keyed_later') ORDER BY name")
                .rows())
        .containsExactly(
            row("ck_keyed_later", "C "), row("pk_keyed_later", "PK"), row("uq_keyed_later", "UQ"));
  }

  @Test
  void sequences() {
    ok("CREATE SEQUENCE dbo.seq_a AS int START WITH 10 INCREMENT BY 5");
    RecordingSink before =
        ok(
            "SELECT start_value, increment, current_value, last_used_value, system_type_id"
                + " FROM sys.sequences WHERE name = 'seq_a'");
    // "sys.sequences (Transact-SQL)": start_value, increment, current_value sql_variant of the
    // sequence's type (int, system_type_id 56 per [MS-TDS] 2.2.5.4.1 INT4TYPE 0x38);
    // last_used_value NULL before the first NEXT VALUE FOR
    assertThat(before.rows()).containsExactly(row(10, 5, 10, null, s(56)));
    ok("SELECT NEXT VALUE FOR dbo.seq_a");
    ok("SELECT NEXT VALUE FOR dbo.seq_a");
    // "sys.sequences (Transact-SQL)": current_value and last_used_value: the last value handed out
    assertThat(
            ok("SELECT current_value, last_used_value FROM sys.sequences" + " WHERE name = 'seq_a'")
                .rows())
        .containsExactly(row(15, 15));
  }

  @Test
  void informationSchemaSequences() {
    ok("CREATE SEQUENCE dbo.seq_is START WITH 1 INCREMENT BY 50");
    ok("CREATE SEQUENCE dbo.seq_is_int AS int START WITH 7 INCREMENT BY -1 MINVALUE 0 MAXVALUE 7");
    RecordingSink s =
        ok(
            "SELECT SEQUENCE_SCHEMA, SEQUENCE_NAME, DATA_TYPE, NUMERIC_PRECISION,"
                + " NUMERIC_PRECISION_RADIX, NUMERIC_SCALE, START_VALUE, MINIMUM_VALUE,"
                + " MAXIMUM_VALUE, INCREMENT, CYCLE_OPTION FROM INFORMATION_SCHEMA.SEQUENCES"
                + " WHERE SEQUENCE_NAME LIKE 'seq_is%' ORDER BY SEQUENCE_NAME");
    // "SEQUENCES (Transact-SQL)": one row per sequence with its type, precision (radix 10, scale
    // 0), start, bounds and increment; "CREATE SEQUENCE (Transact-SQL)": the type defaults to
    // bigint, the bounds to the type's range, NO CYCLE
    assertThat(s.rows())
        .containsExactly(
            row(
                "dbo",
                "seq_is",
                "bigint",
                (short) 19,
                s(10),
                0,
                1L,
                Long.MIN_VALUE,
                Long.MAX_VALUE,
                50L,
                false),
            row("dbo", "seq_is_int", "int", (short) 10, s(10), 0, 7, 0, 7, -1, false));
  }

  @Test
  void dropSequenceIfExists() {
    // "DROP SEQUENCE (Transact-SQL)": IF EXISTS drops the sequence only if it exists; without it a
    // missing sequence is error 3701
    ok("DROP SEQUENCE IF EXISTS dbo.seq_never");
    assertThat(error("DROP SEQUENCE dbo.seq_never")).isEqualTo(3701);
    ok("CREATE SEQUENCE dbo.seq_gone");
    ok("DROP SEQUENCE IF EXISTS dbo.seq_gone");
    assertThat(ok("SELECT name FROM sys.sequences WHERE name = 'seq_gone'").rows()).isEmpty();
  }

  @Test
  void alterTableAddsKeysOnExistingColumns() {
    // "ALTER TABLE (Transact-SQL)": ADD CONSTRAINT ... UNIQUE / FOREIGN KEY on columns the table
    // has; REFERENCES without a column list references the primary key
    ok(
        "CREATE TABLE atk_p (id bigint IDENTITY NOT NULL, name varchar(255) NOT NULL, PRIMARY KEY (id))");
    ok("CREATE TABLE atk_c (id bigint NOT NULL, p_id bigint NOT NULL, PRIMARY KEY (id))");
    ok("ALTER TABLE atk_p ADD CONSTRAINT uq_atk_p_name UNIQUE (name)");
    ok("ALTER TABLE atk_c ADD CONSTRAINT fk_atk_c_p FOREIGN KEY (p_id) REFERENCES atk_p");
    ok("INSERT INTO atk_p (name) VALUES ('a')");
    // 2627: a duplicate key in a UNIQUE constraint; 547: a FOREIGN KEY conflict
    assertThat(error("INSERT INTO atk_p (name) VALUES ('a')")).isEqualTo(2627);
    assertThat(error("INSERT INTO atk_c (id, p_id) VALUES (1, 99)")).isEqualTo(547);
    ok("INSERT INTO atk_c (id, p_id) VALUES (1, 1)");
    assertThat(error("ALTER TABLE atk_c ADD CONSTRAINT uq_x UNIQUE (nope)")).isEqualTo(1911);
    // 4902 "Cannot find the object ..." for ALTER TABLE of a missing table, IF EXISTS or not
    assertThat(error("ALTER TABLE atk_none DROP CONSTRAINT IF EXISTS fk_x")).isEqualTo(4902);
    // "ALTER TABLE (Transact-SQL)": DROP CONSTRAINT / COLUMN IF EXISTS drops only what exists
    ok("ALTER TABLE atk_c DROP CONSTRAINT IF EXISTS fk_never");
    ok("ALTER TABLE atk_c DROP COLUMN IF EXISTS never_col");
    ok("ALTER TABLE atk_c DROP CONSTRAINT IF EXISTS fk_atk_c_p");
    ok("INSERT INTO atk_c (id, p_id) VALUES (2, 99)"); // the foreign key is gone
  }

  @Test
  void informationSchemaConstraints() {
    parentAndChild("isk_p", "isk_c");
    RecordingSink t =
        ok(
            "SELECT CONSTRAINT_NAME, TABLE_NAME, CONSTRAINT_TYPE FROM"
                + " INFORMATION_SCHEMA.TABLE_CONSTRAINTS WHERE TABLE_NAME LIKE 'isk%'"
                + " ORDER BY CONSTRAINT_NAME");
    // "TABLE_CONSTRAINTS (Transact-SQL)": CONSTRAINT_TYPE CHECK, UNIQUE, PRIMARY KEY or FOREIGN KEY
    assertThat(t.rows())
        .containsExactly(
            row("fk_isk_c", "isk_c", "FOREIGN KEY"),
            row("fk_isk_c_code", "isk_c", "FOREIGN KEY"),
            row("pk_isk_p", "isk_p", "PRIMARY KEY"),
            row("uq_isk_p", "isk_p", "UNIQUE"));
    RecordingSink k =
        ok(
            "SELECT kcu.COLUMN_NAME, kcu.ORDINAL_POSITION"
                + " FROM INFORMATION_SCHEMA.TABLE_CONSTRAINTS tc"
                + " JOIN INFORMATION_SCHEMA.KEY_COLUMN_USAGE kcu"
                + " ON kcu.CONSTRAINT_NAME = tc.CONSTRAINT_NAME"
                + " AND kcu.TABLE_SCHEMA = tc.TABLE_SCHEMA"
                + " WHERE tc.CONSTRAINT_TYPE = 'PRIMARY KEY' AND tc.TABLE_NAME = 'ISK_P'");
    // "KEY_COLUMN_USAGE (Transact-SQL)": the key's columns with ORDINAL_POSITION; names compare
    // under the default case-insensitive collation
    assertThat(k.rows()).containsExactly(row("id", 1));
    RecordingSink r =
        ok(
            "SELECT CONSTRAINT_NAME, UNIQUE_CONSTRAINT_NAME, MATCH_OPTION, UPDATE_RULE,"
                + " DELETE_RULE FROM INFORMATION_SCHEMA.REFERENTIAL_CONSTRAINTS"
                + " WHERE CONSTRAINT_NAME LIKE 'fk_isk%' ORDER BY CONSTRAINT_NAME");
    // "REFERENTIAL_CONSTRAINTS (Transact-SQL)": the referenced key, MATCH_OPTION SIMPLE,
    // UPDATE_RULE / DELETE_RULE CASCADE or NO ACTION
    assertThat(r.rows())
        .containsExactly(
            row("fk_isk_c", "pk_isk_p", "SIMPLE", "NO ACTION", "CASCADE"),
            row("fk_isk_c_code", "uq_isk_p", "SIMPLE", "NO ACTION", "NO ACTION"));
  }

  @Test
  void informationSchemaTablesViewsAndSchemata() {
    ok("CREATE TABLE dbo.ist_t (a int)");
    ok("CREATE VIEW dbo.ist_v AS SELECT a FROM dbo.ist_t");
    RecordingSink t =
        ok(
            "SELECT TABLE_CATALOG, TABLE_SCHEMA, TABLE_NAME, TABLE_TYPE"
                + " FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_NAME LIKE 'ist%'"
                + " ORDER BY TABLE_NAME");
    // "TABLES (Transact-SQL)": TABLE_TYPE BASE TABLE or VIEW
    assertThat(t.rows())
        .containsExactly(
            row("master", "dbo", "ist_t", "BASE TABLE"), row("master", "dbo", "ist_v", "VIEW"));
    // "VIEWS (Transact-SQL)": VIEW_DEFINITION holds the view's text, CHECK_OPTION NONE
    RecordingSink v =
        ok(
            "SELECT VIEW_DEFINITION, CHECK_OPTION FROM INFORMATION_SCHEMA.VIEWS"
                + " WHERE TABLE_NAME = 'ist_v'");
    assertThat((String) v.rows().get(0).get(0)).contains("SELECT a FROM dbo.ist_t");
    assertThat(v.rows().get(0).get(1)).isEqualTo("NONE");
    // "SCHEMATA (Transact-SQL)": one row per schema of the database, CATALOG_NAME the database
    assertThat(
            ok("SELECT CATALOG_NAME, SCHEMA_OWNER FROM INFORMATION_SCHEMA.SCHEMATA"
                    + " WHERE SCHEMA_NAME = 'dbo'")
                .rows())
        .containsExactly(row("master", "dbo"));
  }
}
