package io.jctds.server.tsql;

import io.jctds.server.catalog.Catalog;
import io.jctds.server.storage.Names;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Moves a table's identity past explicitly inserted values, as SQL Server does ("SET
 * IDENTITY_INSERT (Transact-SQL)": if the value inserted is larger than the current identity value
 * for the table, SQL Server uses the inserted value as the current identity value; a bulk load with
 * KEEP_IDENTITY likewise). H2 leaves its identity sequence alone on an explicit value; its {@code
 * ALTER COLUMN ... RESTART WITH} is transactional (no implicit commit), so this runs inside the
 * caller's transaction.
 */
final class IdentitySeed {
  private IdentitySeed() {}

  /** After rows with explicit identity values went into {@code table}. */
  static void passExplicit(Connection c, Catalog.Table table) throws SQLException {
    Catalog.Column id = table.identity();
    if (id == null) {
      return;
    }
    String col = Names.quote(id.name());
    long base;
    long increment;
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT IDENTITY_BASE, IDENTITY_INCREMENT FROM INFORMATION_SCHEMA.COLUMNS WHERE"
                + " TABLE_SCHEMA = ? AND TABLE_NAME = ? AND COLUMN_NAME = ?")) {
      ps.setString(1, Names.schema(table.database(), table.schema()));
      ps.setString(2, table.name());
      ps.setString(3, id.name());
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next() || rs.getObject(1) == null) {
          return;
        }
        base = rs.getLong(1);
        increment = rs.getLong(2);
      }
    }
    String agg = increment > 0 ? "MAX" : "MIN";
    try (Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT " + agg + "(" + col + ") FROM " + table.h2Name())) {
      if (!rs.next() || rs.getObject(1) == null) {
        return;
      }
      long edge = rs.getLong(1);
      boolean past = increment > 0 ? edge >= base : edge <= base;
      if (past) {
        st.execute(
            "ALTER TABLE "
                + table.h2Name()
                + " ALTER COLUMN "
                + col
                + " RESTART WITH "
                + Math.addExact(edge, increment));
      }
    }
  }
}
