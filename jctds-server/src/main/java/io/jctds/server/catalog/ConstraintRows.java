package io.jctds.server.catalog;

import static io.jctds.server.catalog.CatalogRows.columnsOnly;
import static io.jctds.server.catalog.CatalogRows.in;
import static io.jctds.server.catalog.CatalogRows.result;
import static io.jctds.server.catalog.CatalogRows.snapshot;

import io.jctds.server.catalog.CatalogSnapshot.Column;
import io.jctds.server.catalog.CatalogSnapshot.Constraint;
import io.jctds.server.catalog.CatalogSnapshot.Index;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.regex.Pattern;
import org.h2.tools.SimpleResultSet;

/**
 * The H2 table functions of constraints: their rows for sys.key_constraints, sys.foreign_keys,
 * sys.default_constraints, sys.check_constraints and INFORMATION_SCHEMA.TABLE_CONSTRAINTS and
 * REFERENTIAL_CONSTRAINTS; key columns for INFORMATION_SCHEMA.KEY_COLUMN_USAGE; foreign key columns
 * for sys.foreign_key_columns.
 */
public final class ConstraintRows {
  private ConstraintRows() {}

  /** The shape of the names SQL Server (and the server) gives unnamed constraints. */
  private static final Pattern SYSTEM_NAMED =
      Pattern.compile("(PK|UQ|FK|CK|DF)__.*__[0-9A-F]{8,16}(_[0-9a-f]+)?");

  /** sys.objects.type_desc of a constraint type ("sys.objects (Transact-SQL)"). */
  static String typeDesc(String type) {
    return switch (type) {
      case "PK" -> "PRIMARY_KEY_CONSTRAINT";
      case "UQ" -> "UNIQUE_CONSTRAINT";
      case "F" -> "FOREIGN_KEY_CONSTRAINT";
      case "D" -> "DEFAULT_CONSTRAINT";
      default -> "CHECK_CONSTRAINT";
    };
  }

  private static final String CONSTRAINTS =
      "name:s, object_id:i, table_name:s, schema_name:s, constraint_type:s, unique_index_id:i,"
          + " is_system_named:b, parent_column_id:i, definition:s, referenced_object_id:i,"
          + " key_index_id:i, unique_schema:s, unique_name:s, update_rule:s, delete_rule:s";

  /** Every constraint of the database, DEFAULT constraints included, by object id. */
  public static ResultSet constraints(Connection c, OffsetDateTime stamp, String db)
      throws SQLException {
    SimpleResultSet rs = result(CONSTRAINTS);
    if (columnsOnly(c)) {
      return rs;
    }
    CatalogSnapshot s = snapshot(c, stamp);
    for (Constraint k : s.constraints()) {
      if (in(k.table().db(), db)) {
        rs.addRow(row(s, k));
      }
    }
    for (Column col : s.columns()) {
      if (col.defaultName() != null && in(col.table().db(), db)) {
        rs.addRow(
            col.defaultName(),
            col.defaultObjectId(),
            col.table().name(),
            col.table().schema(),
            null,
            null,
            true,
            col.columnId(),
            "(" + col.defaultText() + ")",
            null,
            null,
            null,
            null,
            null,
            null);
      }
    }
    return rs;
  }

  private static Object[] row(CatalogSnapshot s, Constraint k) {
    Index own = s.index(k.table(), k.name());
    Constraint key = null;
    Index keyIndex = null;
    if (k.references() != null) {
      key = s.constraint(k.references()[0], k.references()[1]);
      keyIndex = key == null ? null : s.index(key.table(), key.name());
    }
    return new Object[] {
      k.name(),
      k.objectId(),
      k.table().name(),
      k.table().schema(),
      k.kind(),
      own == null ? null : own.indexId(),
      SYSTEM_NAMED.matcher(k.name()).matches(),
      0,
      k.checkClause() == null ? null : "(" + k.checkClause() + ")",
      key == null ? null : key.table().objectId(),
      keyIndex == null ? null : keyIndex.indexId(),
      key == null ? null : key.table().schema(),
      key == null ? null : key.name(),
      k.rules() == null ? null : k.rules()[0],
      k.rules() == null ? null : k.rules()[1]
    };
  }

  private static final String KEY_COLUMNS =
      "constraint_name:s, schema_name:s, table_name:s, column_name:s, ordinal:i";

  /** The columns of PRIMARY KEY, UNIQUE and FOREIGN KEY constraints, in key order. */
  public static ResultSet keyColumns(Connection c, OffsetDateTime stamp, String db)
      throws SQLException {
    SimpleResultSet rs = result(KEY_COLUMNS);
    if (columnsOnly(c)) {
      return rs;
    }
    for (Constraint k : snapshot(c, stamp).constraints()) {
      if (in(k.table().db(), db)) {
        for (int i = 0; i < k.columns().size(); i++) {
          rs.addRow(k.name(), k.table().schema(), k.table().name(), k.columns().get(i), i + 1);
        }
      }
    }
    return rs;
  }

  private static final String FOREIGN_KEY_COLUMNS =
      "constraint_object_id:i, constraint_column_id:i, parent_object_id:i, parent_column_id:i,"
          + " referenced_object_id:i, referenced_column_id:i";

  /** Each foreign key column with the column at the same position of the referenced key. */
  public static ResultSet foreignKeyColumns(Connection c, OffsetDateTime stamp, String db)
      throws SQLException {
    SimpleResultSet rs = result(FOREIGN_KEY_COLUMNS);
    if (columnsOnly(c)) {
      return rs;
    }
    CatalogSnapshot s = snapshot(c, stamp);
    for (Constraint k : s.constraints()) {
      if (k.references() == null || !in(k.table().db(), db)) {
        continue;
      }
      Constraint key = s.constraint(k.references()[0], k.references()[1]);
      for (int i = 0; key != null && i < k.columns().size(); i++) {
        Integer at = k.uniquePositions().get(i);
        Column parent = s.column(k.table(), k.columns().get(i));
        Column referenced =
            at == null || at > key.columns().size()
                ? null
                : s.column(key.table(), key.columns().get(at - 1));
        if (parent != null && referenced != null) {
          rs.addRow(
              k.objectId(),
              i + 1,
              k.table().objectId(),
              parent.columnId(),
              key.table().objectId(),
              referenced.columnId());
        }
      }
    }
    return rs;
  }
}
