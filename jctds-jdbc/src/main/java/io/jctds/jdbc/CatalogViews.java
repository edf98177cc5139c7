package io.jctds.jdbc;

import io.jctds.Cursor;
import io.jctds.Row;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The DatabaseMetaData answers read from the sys catalog views of the current database
 * (sys.indexes, sys.index_columns, sys.objects, sys.schemas, sys.databases) where SQL Server's
 * catalog procedure for them (sp_statistics, sp_special_columns) is not used. Names are sent as
 * N'...' literals with quotes doubled.
 */
final class CatalogViews {
  private CatalogViews() {}

  /** {@code text} as an N'...' literal. */
  static String literal(String text) {
    return "N'" + text.replace("'", "''") + "'";
  }

  /** The rows of {@code sql}, run as a batch on the metadata's native connection. */
  static List<Object[]> query(JctdsDatabaseMetaData md, String sql) throws SQLException {
    List<Object[]> out = new ArrayList<>();
    try (Cursor c = md.nativeConnection().cursor()) {
      c.execute(sql);
      if (c.description() != null) {
        for (Row row : c.fetchAll()) {
          out.add(row.toList().toArray());
        }
      }
    } catch (RuntimeException e) {
      throw SqlErrors.of(e);
    }
    return out;
  }

  /**
   * getIndexInfo: one row per key column of each index of the table (heaps and included columns
   * left out), ordered as JDBC says: NON_UNIQUE, TYPE, INDEX_NAME, ORDINAL_POSITION. TYPE is
   * tableIndexClustered for a clustered index and tableIndexOther otherwise, and INDEX_QUALIFIER is
   * the table name, as sp_statistics reports them; CARDINALITY and PAGES are not known (null).
   */
  static ResultSet indexInfo(JctdsDatabaseMetaData md, String schema, String table, boolean unique)
      throws SQLException {
    String sql =
        "SELECT DB_NAME(), s.name, o.name, i.is_unique, i.name, i.type, ic.key_ordinal, c.name,"
            + " ic.is_descending_key"
            + " FROM sys.indexes i"
            + " JOIN sys.objects o ON o.object_id = i.object_id"
            + " JOIN sys.schemas s ON s.schema_id = o.schema_id"
            + " JOIN sys.index_columns ic ON ic.object_id = i.object_id AND ic.index_id = i.index_id"
            + " JOIN sys.columns c ON c.object_id = ic.object_id AND c.column_id = ic.column_id"
            + " WHERE i.index_id > 0 AND ic.is_included_column = 0 AND o.name = "
            + literal(table)
            + (schema == null ? "" : " AND s.name = " + literal(schema))
            + (unique ? " AND i.is_unique = 1" : "");
    List<Object[]> rows = new ArrayList<>();
    for (Object[] r : query(md, sql)) {
      boolean isUnique = flag(r[3]);
      int type =
          ((Number) r[5]).intValue() == 1
              ? DatabaseMetaData.tableIndexClustered
              : DatabaseMetaData.tableIndexOther;
      boolean descending = flag(r[8]);
      rows.add(
          new Object[] {
            r[0],
            r[1],
            r[2],
            !isUnique,
            r[2],
            r[4],
            type,
            r[6],
            r[7],
            descending ? "D" : "A",
            null,
            null,
            null
          });
    }
    rows.sort(
        (a, b) -> {
          int c = Boolean.compare((Boolean) a[3], (Boolean) b[3]);
          c = c != 0 ? c : Integer.compare((Integer) a[6], (Integer) b[6]);
          c = c != 0 ? c : String.valueOf(a[5]).compareTo(String.valueOf(b[5]));
          return c != 0
              ? c
              : Integer.compare(((Number) a[7]).intValue(), ((Number) b[7]).intValue());
        });
    return CatalogColumns.result(CatalogColumns.INDEX_INFO, rows);
  }

  private static boolean flag(Object bit) {
    return Boolean.TRUE.equals(bit) || bit instanceof Number n && n.intValue() != 0;
  }

  /**
   * getBestRowIdentifier: the primary key's columns, else those of the first unique index (as
   * sp_special_columns chooses), with their types from sp_columns_100. SCOPE is 0 and PSEUDO_COLUMN
   * bestRowNotPseudo, the values sp_special_columns gives.
   */
  static ResultSet bestRow(JctdsDatabaseMetaData md, String schema, String table)
      throws SQLException {
    ResultSet index = indexInfo(md, schema, table, true);
    List<String> key = new ArrayList<>();
    String chosen = null;
    boolean chosenIsPrimary = false;
    List<String> primary = primaryKeyColumns(md, schema, table);
    if (!primary.isEmpty()) {
      key.addAll(primary);
      chosenIsPrimary = true;
    }
    while (!chosenIsPrimary && index.next()) {
      String name = index.getString("INDEX_NAME");
      if (chosen == null) {
        chosen = name;
      }
      if (chosen.equals(name)) {
        key.add(index.getString("COLUMN_NAME"));
      }
    }
    List<Object[]> rows = new ArrayList<>();
    ResultSet columns = md.getColumns(null, schema, table, null);
    while (columns.next()) {
      if (key.contains(columns.getString("COLUMN_NAME"))) {
        rows.add(
            new Object[] {
              (short) 0,
              columns.getString("COLUMN_NAME"),
              columns.getInt("DATA_TYPE"),
              columns.getString("TYPE_NAME"),
              columns.getObject("COLUMN_SIZE"),
              columns.getObject("BUFFER_LENGTH"),
              columns.getObject("DECIMAL_DIGITS"),
              (short) DatabaseMetaData.bestRowNotPseudo
            });
      }
    }
    return CatalogColumns.result(CatalogColumns.ROW_COLUMNS, rows);
  }

  private static List<String> primaryKeyColumns(
      JctdsDatabaseMetaData md, String schema, String table) throws SQLException {
    List<String> key = new ArrayList<>();
    ResultSet pk = md.getPrimaryKeys(null, schema, table);
    while (pk.next()) {
      key.add(pk.getString("COLUMN_NAME"));
    }
    return key;
  }

  /**
   * getFunctions: the user-defined functions of sys.objects (FN scalar: functionNoTable; IF and TF
   * table-valued: functionReturnsTable), ordered by schema and name.
   */
  static ResultSet functions(JctdsDatabaseMetaData md, String schema, String function)
      throws SQLException {
    String sql =
        "SELECT DB_NAME(), s.name, o.name, o.type FROM sys.objects o"
            + " JOIN sys.schemas s ON s.schema_id = o.schema_id"
            + " WHERE o.type IN ('FN', 'IF', 'TF')"
            + (function == null ? "" : " AND o.name LIKE " + literal(function))
            + (schema == null ? "" : " AND s.name LIKE " + literal(schema))
            + " ORDER BY s.name, o.name";
    List<Object[]> rows = new ArrayList<>();
    for (Object[] r : query(md, sql)) {
      short type =
          "FN".equals(String.valueOf(r[3]).strip())
              ? (short) DatabaseMetaData.functionNoTable
              : (short) DatabaseMetaData.functionReturnsTable;
      rows.add(new Object[] {r[0], r[1], r[2], null, type, r[2]});
    }
    return CatalogColumns.result(CatalogColumns.FUNCTIONS, rows);
  }

  /** getSchemas: the current database's schemas, ordered by name (TABLE_CATALOG is its name). */
  static ResultSet schemas(JctdsDatabaseMetaData md, String pattern) throws SQLException {
    String sql =
        "SELECT name, DB_NAME() FROM sys.schemas"
            + (pattern == null ? "" : " WHERE name LIKE " + literal(pattern))
            + " ORDER BY name";
    return CatalogColumns.result(CatalogColumns.SCHEMAS, query(md, sql));
  }

  /** getCatalogs: the databases, ordered by name. */
  static ResultSet catalogs(JctdsDatabaseMetaData md) throws SQLException {
    return CatalogColumns.result(
        CatalogColumns.CATALOGS, query(md, "SELECT name FROM sys.databases ORDER BY name"));
  }
}
