package io.jctds.server.tsql;

import static io.jctds.server.tsql.ResultTable.col;
import static io.jctds.server.tsql.SystemProcedures.PATTERN;
import static io.jctds.server.tsql.SystemProcedures.byText;
import static io.jctds.server.tsql.SystemProcedures.matches;
import static io.jctds.server.tsql.SystemProcedures.text;

import io.jctds.server.catalog.CatalogObjects;
import io.jctds.server.storage.DatabaseInfo;
import io.jctds.server.types.SqlType;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The catalog procedures for tables and keys: sp_tables, sp_pkeys, sp_fkeys and sp_server_info,
 * with the parameters and result sets of their Transact-SQL reference pages, over the current
 * database's {@link CatalogObjects}.
 */
final class CatalogProcedures {
  private static final SqlType TYPE = SqlType.varchar(32);
  private static final SqlType REMARKS = SqlType.varchar(254);

  private CatalogProcedures() {}

  static void register(Map<String, Procedures.Builtin> procedures) {
    SystemProcedures.add(
        procedures,
        "sp_tables",
        List.of(
            Binding.Formal.optional("@table_name", PATTERN, null),
            Binding.Formal.optional("@table_owner", PATTERN, null),
            Binding.Formal.optional("@table_qualifier", SqlType.SYSNAME, null),
            Binding.Formal.optional("@table_type", SqlType.varchar(100), null),
            Binding.Formal.optional("@fUsePattern", SqlType.BIT, true)),
        CatalogProcedures::tables);
    SystemProcedures.add(
        procedures,
        "sp_pkeys",
        List.of(
            Binding.Formal.required("@table_name", SqlType.SYSNAME),
            Binding.Formal.optional("@table_owner", SqlType.SYSNAME, null),
            Binding.Formal.optional("@table_qualifier", SqlType.SYSNAME, null)),
        CatalogProcedures::primaryKeys);
    SystemProcedures.add(
        procedures,
        "sp_fkeys",
        List.of(
            Binding.Formal.optional("@pktable_name", SqlType.SYSNAME, null),
            Binding.Formal.optional("@pktable_owner", SqlType.SYSNAME, null),
            Binding.Formal.optional("@pktable_qualifier", SqlType.SYSNAME, null),
            Binding.Formal.optional("@fktable_name", SqlType.SYSNAME, null),
            Binding.Formal.optional("@fktable_owner", SqlType.SYSNAME, null),
            Binding.Formal.optional("@fktable_qualifier", SqlType.SYSNAME, null)),
        CatalogProcedures::foreignKeys);
    SystemProcedures.add(
        procedures,
        "sp_server_info",
        List.of(Binding.Formal.optional("@attribute_id", SqlType.INT, null)),
        CatalogProcedures::serverInfo);
  }

  // ---- sp_tables ----

  /**
   * "sp_tables (Transact-SQL)": tables ('TABLE'), views and the system views ('VIEW'), ordered by
   * TABLE_TYPE, TABLE_QUALIFIER, TABLE_OWNER and TABLE_NAME. @table_type lists the wanted types in
   * quotes ("'TABLE','VIEW'", also with the quotes doubled as mssql-jdbc sends it). With SQLTables'
   * special arguments ("SQLTables Function", ODBC reference) it lists the databases (qualifier '%',
   * owner and name ''), the schemas (owner '%', qualifier and name '') or the table types (type
   * '%', the others '').
   */
  private static Call.Result tables(Runner r, Binding.Bound b) {
    String name = text(b, "@table_name");
    String owner = text(b, "@table_owner");
    String qualifier = text(b, "@table_qualifier");
    String types = text(b, "@table_type");
    boolean pattern = SystemProcedures.bit(b, "@fUsePattern", true);
    ResultTable out = tablesResult();
    if ("%".equals(qualifier) && "".equals(owner) && "".equals(name)) {
      for (DatabaseInfo db : r.s.store().databases()) {
        out.add(db.name(), null, null, null, null);
      }
    } else if ("%".equals(owner) && "".equals(qualifier) && "".equals(name)) {
      Set<String> schemas = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
      for (CatalogObjects.Table t : SystemProcedures.objects(r).tables()) {
        schemas.add(t.schema());
      }
      for (String s : schemas) {
        out.add(null, s, null, null, null);
      }
    } else if ("%".equals(types) && "".equals(qualifier) && "".equals(owner) && "".equals(name)) {
      for (String t : List.of("SYSTEM TABLE", "TABLE", "VIEW")) {
        out.add(null, null, null, t, null);
      }
    } else {
      SystemProcedures.checkQualifier(r, qualifier);
      Set<String> wanted = tableTypes(types);
      for (CatalogObjects.Table t : SystemProcedures.objects(r).tables()) {
        String type = t.view() ? "VIEW" : "TABLE";
        if (wanted.contains(type)
            && matches(t.name(), name, pattern)
            && matches(t.schema(), owner, pattern)) {
          out.add(r.s.database(), t.schema(), t.name(), type, null);
        }
      }
    }
    out.sort(byText(3, 0, 1, 2));
    out.send(r);
    return Call.Result.of(0);
  }

  private static ResultTable tablesResult() {
    return new ResultTable(
        List.of(
            col("TABLE_QUALIFIER", SqlType.SYSNAME),
            col("TABLE_OWNER", SqlType.SYSNAME),
            col("TABLE_NAME", SqlType.SYSNAME),
            col("TABLE_TYPE", TYPE),
            col("REMARKS", REMARKS)));
  }

  /**
   * The table types @table_type asks for: each of TABLE, VIEW and SYSTEM TABLE that it names in
   * single quotes (any case); all of them when it is NULL.
   */
  static Set<String> tableTypes(String list) {
    Set<String> out = new LinkedHashSet<>();
    for (String t : List.of("TABLE", "VIEW", "SYSTEM TABLE")) {
      if (list == null || list.toUpperCase(Locale.ROOT).contains("'" + t + "'")) {
        out.add(t);
      }
    }
    return out;
  }

  // ---- sp_pkeys ----

  /**
   * "sp_pkeys (Transact-SQL)": the columns of one table's PRIMARY KEY in key order (no wildcards;
   * without @table_owner the table is looked up in the default schema, dbo).
   */
  private static Call.Result primaryKeys(Runner r, Binding.Bound b) {
    String name = text(b, "@table_name");
    String owner = text(b, "@table_owner");
    SystemProcedures.checkQualifier(r, text(b, "@table_qualifier"));
    ResultTable out =
        new ResultTable(
            List.of(
                col("TABLE_QUALIFIER", SqlType.SYSNAME),
                col("TABLE_OWNER", SqlType.SYSNAME),
                col("TABLE_NAME", SqlType.SYSNAME),
                col("COLUMN_NAME", SqlType.SYSNAME),
                col("KEY_SEQ", SqlType.SMALLINT),
                col("PK_NAME", SqlType.SYSNAME)));
    for (CatalogObjects.Key k : SystemProcedures.objects(r).keys()) {
      if (k.primary() && same(k.table(), name, owner)) {
        for (int i = 0; i < k.columns().size(); i++) {
          out.add(
              r.s.database(),
              k.table().schema(),
              k.table().name(),
              k.columns().get(i),
              i + 1,
              k.name());
        }
      }
    }
    out.sort(SystemProcedures.thenNumber(byText(0, 1, 2), 4));
    out.send(r);
    return Call.Result.of(0);
  }

  /** Whether {@code t} is the table {@code owner.name} names (owner NULL: the dbo schema). */
  private static boolean same(CatalogObjects.Table t, String name, String owner) {
    return name != null
        && t.name().equalsIgnoreCase(name)
        && t.schema().equalsIgnoreCase(owner == null ? "dbo" : owner);
  }

  // ---- sp_fkeys ----

  /**
   * "sp_fkeys (Transact-SQL)": each column of the foreign keys that reference the table named by
   *
   * @pktable_name or belong to the one named by @fktable_name (or both), ordered by
   *     FKTABLE_QUALIFIER, FKTABLE_OWNER, FKTABLE_NAME and KEY_SEQ. UPDATE_RULE and DELETE_RULE are
   *     0 CASCADE, 1 NO ACTION, 2 SET NULL, 3 SET DEFAULT; DEFERRABILITY, SQLForeignKeys' 14th
   *     column that SQL Server also returns (mssql-jdbc's getImportedKeys inserts the result into a
   *     table of 14 columns), is 7, SQL_NOT_DEFERRABLE ("SQLForeignKeys Function", ODBC reference).
   */
  private static Call.Result foreignKeys(Runner r, Binding.Bound b) {
    String pkName = text(b, "@pktable_name");
    String pkOwner = text(b, "@pktable_owner");
    String fkName = text(b, "@fktable_name");
    String fkOwner = text(b, "@fktable_owner");
    SystemProcedures.checkQualifier(r, text(b, "@pktable_qualifier"));
    SystemProcedures.checkQualifier(r, text(b, "@fktable_qualifier"));
    ResultTable out = foreignKeysResult();
    String db = r.s.database();
    for (CatalogObjects.ForeignKey k : SystemProcedures.objects(r).foreignKeys()) {
      CatalogObjects.Table pk = k.referenced().table();
      boolean wanted =
          (pkName != null || fkName != null)
              && (pkName == null || same(pk, pkName, pkOwner))
              && (fkName == null || same(k.table(), fkName, fkOwner));
      if (!wanted) {
        continue;
      }
      for (int i = 0; i < k.columns().size(); i++) {
        out.add(
            db,
            pk.schema(),
            pk.name(),
            k.referencedColumns().get(i),
            db,
            k.table().schema(),
            k.table().name(),
            k.columns().get(i),
            i + 1,
            rule(k.updateRule()),
            rule(k.deleteRule()),
            k.name(),
            k.referenced().name(),
            7);
      }
    }
    out.sort(SystemProcedures.thenNumber(byText(4, 5, 6), 8));
    out.send(r);
    return Call.Result.of(0);
  }

  private static ResultTable foreignKeysResult() {
    List<ResultTable.Col> cols = new ArrayList<>();
    for (String side : List.of("PK", "FK")) {
      cols.add(col(side + "TABLE_QUALIFIER", SqlType.SYSNAME));
      cols.add(col(side + "TABLE_OWNER", SqlType.SYSNAME));
      cols.add(col(side + "TABLE_NAME", SqlType.SYSNAME));
      cols.add(col(side + "COLUMN_NAME", SqlType.SYSNAME));
    }
    cols.add(col("KEY_SEQ", SqlType.SMALLINT));
    cols.add(col("UPDATE_RULE", SqlType.SMALLINT));
    cols.add(col("DELETE_RULE", SqlType.SMALLINT));
    cols.add(col("FK_NAME", SqlType.SYSNAME));
    cols.add(col("PK_NAME", SqlType.SYSNAME));
    cols.add(col("DEFERRABILITY", SqlType.SMALLINT));
    return new ResultTable(cols);
  }

  /** A referential action as sp_fkeys numbers it. */
  private static int rule(String action) {
    return switch (action == null ? "NO ACTION" : action) {
      case "CASCADE" -> 0;
      case "SET NULL" -> 2;
      case "SET DEFAULT" -> 3;
      default -> 1;
    };
  }

  // ---- sp_server_info ----

  /**
   * "sp_server_info (Transact-SQL)": the attributes of its table. IDENTIFIER_CASE is MIXED, ODBC's
   * SQL_IC_MIXED ("SQLGetInfo Function": case-insensitive names stored in mixed case), as the
   * server's identifiers compare case-insensitively; COLLATION_SEQ names the server collation's
   * code page 1252 and case-insensitive order.
   */
  private static Call.Result serverInfo(Runner r, Binding.Bound b) {
    Object id = b.get("@attribute_id").value();
    ResultTable out =
        new ResultTable(
            List.of(
                col("ATTRIBUTE_ID", SqlType.INT),
                col("ATTRIBUTE_NAME", SqlType.varchar(60)),
                col("ATTRIBUTE_VALUE", SqlType.varchar(255))));
    for (Object[] a : serverAttributes()) {
      if (id == null || ((Number) id).intValue() == (Integer) a[0]) {
        out.add(a);
      }
    }
    out.send(r);
    return Call.Result.of(0);
  }

  private static Object[][] serverAttributes() {
    return new Object[][] {
      {1, "DBMS_NAME", "Microsoft SQL Server"},
      {2, "DBMS_VER", "Microsoft SQL Server 2022 - " + Globals.PRODUCT_VERSION},
      {10, "OWNER_TERM", "owner"},
      {11, "TABLE_TERM", "table"},
      {12, "MAX_OWNER_NAME_LENGTH", "128"},
      {13, "TABLE_LENGTH", "128"},
      {14, "MAX_QUAL_LENGTH", "128"},
      {15, "COLUMN_LENGTH", "128"},
      {16, "IDENTIFIER_CASE", "MIXED"},
      {17, "TX_ISOLATION", "2"},
      {18, "COLLATION_SEQ", "charset=iso_1 sort_order=nocase_iso charset_num=1 sort_order_num=52"},
      {19, "SAVEPOINT_SUPPORT", "Y"},
      {20, "MULTI_RESULT_SETS", "Y"},
      {22, "ACCESSIBLE_TABLES", "Y"},
      {100, "USERID_LENGTH", "128"},
      {101, "QUALIFIER_TERM", "database"},
      {102, "NAMED_TRANSACTIONS", "Y"},
      {103, "SPROC_AS_LANGUAGE", "Y"},
      {104, "ACCESSIBLE_SPROC", "Y"},
      {105, "MAX_INDEX_COLS", "16"},
      {106, "RENAME_TABLE", "Y"},
      {107, "RENAME_COLUMN", "Y"},
      {108, "DROP_COLUMN", "Y"},
      {109, "INCREASE_COLUMN_LENGTH", "Y"},
      {110, "DDL_IN_TRANSACTION", "Y"},
      {111, "DESCENDING_INDEXES", "Y"},
      {112, "SP_RENAME", "Y"},
      {113, "REMOTE_SPROC", "Y"},
      {500, "SYS_SPROC_VERSION", Globals.PRODUCT_VERSION}
    };
  }
}
