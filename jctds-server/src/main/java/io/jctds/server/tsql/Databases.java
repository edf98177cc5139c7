package io.jctds.server.tsql;

import io.jctds.server.sql.SqlException;
import io.jctds.server.storage.Names;
import java.sql.SQLException;

/** CREATE DATABASE and DROP DATABASE. */
final class Databases {
  private Databases() {}

  static void create(Runner r, Stmt.CreateDatabase cd) {
    notInTransaction(r, "CREATE DATABASE");
    String name = cd.name();
    if (name.contains(".") || name.length() > 123) {
      throw new SqlException(
          1038,
          15,
          4,
          "The database name '"
              + name
              + "' cannot be used by"
              + " the jctds server: names of up to 123 characters without '.' are supported.",
          false);
    }
    try {
      r.s.store().createDatabase(name);
    } catch (SQLException e) {
      throw H2Errors.translate(e);
    }
    r.done(0, -1);
  }

  static void drop(Runner r, Stmt.DropDatabase dd) {
    notInTransaction(r, "DROP DATABASE");
    for (String name : dd.names()) {
      String db = r.s.engine().database(name);
      if (db == null && dd.ifExists()) {
        continue;
      }
      if (db != null && (db.equalsIgnoreCase(r.s.database()) || r.s.engine().inUse(db, r.s))) {
        throw new SqlException(
            3702,
            16,
            4,
            "Cannot drop database \"" + db + "\" because it is" + " currently in use.",
            false);
      }
      try {
        r.s.store().dropDatabase(db == null ? name : db);
        io.jctds.server.catalog.Routines.deleteDatabase(r.s.connection(), db == null ? name : db);
      } catch (SQLException e) {
        throw H2Errors.translate(e);
      }
    }
    r.s.catalog().invalidate();
    r.done(0, -1);
  }

  /** Error 226 for statements SQL Server does not allow inside a transaction. */
  static void notInTransaction(Runner r, String what) {
    if (r.s.txn().count() > 0) {
      throw new SqlException(
          226,
          16,
          6,
          what + " statement not allowed within multi-statement" + " transaction.",
          false);
    }
  }

  static String key(String db, String schema, String name) {
    return Names.key(Names.schema(db, schema) + "." + name);
  }
}
