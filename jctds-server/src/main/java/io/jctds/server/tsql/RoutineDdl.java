package io.jctds.server.tsql;

import io.jctds.server.catalog.Routines;
import io.jctds.server.sql.SqlException;
import io.jctds.server.storage.Names;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * CREATE, ALTER, CREATE OR ALTER and DROP of procedures and scalar functions ("CREATE PROCEDURE",
 * "ALTER PROCEDURE", "DROP PROCEDURE", "CREATE FUNCTION", "DROP FUNCTION" in the Transact-SQL
 * reference). The catalog row is written through the session's H2 connection, so inside a
 * transaction ROLLBACK undoes it. Temporary procedures live in the session (#p) or the engine (##p)
 * until the session that made them ends.
 */
final class RoutineDdl {
  private RoutineDdl() {}

  static void create(Runner r, Stmt.CreateRoutine c) {
    ObjectName on = name(r, c);
    RoutineChecks.check(c);
    Statements.implicitTransaction(r, c);
    Routines.Routine existing = StoredProcedures.find(r.s, c.name());
    boolean alter =
        c.verb().equals("ALTER") || c.verb().equals("CREATE OR ALTER") && existing != null;
    if (alter) {
      checkAlter(c, on, existing);
    } else {
      if (!on.temporary()) {
        checkSchema(r, on);
      }
      if (existing != null || !on.temporary() && objectExists(r, on)) {
        throw new SqlException(
            2714,
            16,
            3,
            "There is already an object named '" + on.name() + "' in the database.",
            false);
      }
    }
    LocalDateTime now = LocalDateTime.now().truncatedTo(ChronoUnit.MILLIS);
    Routines.Routine row =
        new Routines.Routine(
            on.temporary() ? Names.TEMPDB : r.s.engine().database(on.database()),
            on.temporary() ? Names.DBO : alter ? existing.schema() : on.schema(),
            alter ? existing.name() : on.name(),
            c.function() ? Routines.FUNCTION : Routines.PROCEDURE,
            c.text(),
            parameters(c),
            c.returns() == null ? null : c.returns().declaration(),
            c.schemaBound(),
            c.nullOnNullInput(),
            alter ? existing.created() : now,
            now);
    store(r, row, alter);
    r.s.rowCount = 0;
    r.done(0, -1);
  }

  /** The routine's name resolved: 166 for a database prefix, 1074 for a temporary function. */
  private static ObjectName name(Runner r, Stmt.CreateRoutine c) {
    List<String> name = c.name();
    if (name.size() >= 3 && !name.get(name.size() - 3).isEmpty()) {
      throw new SqlException(
          166,
          15,
          1,
          "'CREATE/ALTER "
              + (c.function() ? "FUNCTION" : "PROCEDURE")
              + "' does not allow specifying the database name as a prefix to the object name.",
          true);
    }
    ObjectName on = ObjectName.resolve(r.s, name);
    if (on.temporary() && c.function()) {
      throw new SqlException(1074, 15, 1, "Creation of temporary functions is not allowed.", true);
    }
    return on;
  }

  /** ALTER needs the routine, of the same kind (208, 2010). */
  private static void checkAlter(Stmt.CreateRoutine c, ObjectName on, Routines.Routine existing) {
    if (existing == null) {
      throw new SqlException(208, 16, 6, "Invalid object name '" + on.written() + "'.", false);
    }
    if (existing.function() != c.function()) {
      throw new SqlException(
          2010,
          16,
          1,
          "Cannot perform alter on '"
              + on.written()
              + "' because it is an incompatible object type.",
          false);
    }
  }

  private static List<Routines.Parameter> parameters(Stmt.CreateRoutine c) {
    List<Routines.Parameter> out = new ArrayList<>();
    for (Stmt.RoutineParam p : c.params()) {
      out.add(
          new Routines.Parameter(p.name(), p.type().declaration(), p.output(), p.defaultText()));
    }
    return out;
  }

  private static void store(Runner r, Routines.Routine row, boolean alter) {
    if (row.name().startsWith("##")) {
      r.s.engine().globalRoutine(row, r.s.spid());
      return;
    }
    if (row.name().startsWith("#")) {
      r.s.temporaryRoutines.put(Names.key(row.name()), row);
      return;
    }
    try {
      if (alter) {
        Routines.update(r.s.connection(), row);
      } else {
        Routines.insert(r.s.connection(), row);
      }
    } catch (SQLException e) {
      throw H2Errors.translate(e);
    }
  }

  /** Error 2760 unless the schema exists in the database. */
  private static void checkSchema(Runner r, ObjectName on) {
    if (r.s.engine().database(on.database()) == null) {
      throw new SqlException(
          2702, 16, 2, "Database '" + on.database() + "' does not exist.", false);
    }
    try (PreparedStatement p =
        r.s
            .connection()
            .prepareStatement(
                "SELECT 1 FROM INFORMATION_SCHEMA.SCHEMATA WHERE LOWER(SCHEMA_NAME) = ?")) {
      p.setString(1, Names.key(Names.schema(on.database(), on.schema())));
      try (ResultSet rs = p.executeQuery()) {
        if (rs.next()) {
          return;
        }
      }
    } catch (SQLException e) {
      throw H2Errors.translate(e);
    }
    throw new SqlException(
        2760,
        16,
        1,
        "The specified schema name \""
            + on.schema()
            + "\" either does not exist or you do not have permission to use it.",
        false);
  }

  /** Whether a table, view, constraint or sequence has the name (objects share one namespace). */
  private static boolean objectExists(Runner r, ObjectName on) {
    if (FromClause.table(r.s, on) != null) {
      return true;
    }
    try {
      return r.s.catalog().objectId(on.database(), on.schema(), on.name()) != null;
    } catch (SQLException e) {
      throw H2Errors.translate(e);
    }
  }

  /** DROP PROCEDURE / DROP FUNCTION [IF EXISTS] name [, ...]. */
  static void drop(Runner r, Stmt.Drop d) {
    boolean function = d.kind().equals("FUNCTION");
    Statements.implicitTransaction(r, d);
    for (List<String> name : d.names()) {
      Routines.Routine routine = StoredProcedures.find(r.s, name);
      if (routine == null || routine.function() != function) {
        if (d.ifExists()) {
          continue;
        }
        throw new SqlException(
            3701,
            11,
            5,
            "Cannot drop the "
                + d.kind().toLowerCase(Locale.ROOT)
                + " '"
                + String.join(".", name)
                + "', because it does not exist or you do not have permission.",
            false);
      }
      if (routine.name().startsWith("##")) {
        r.s.engine().dropGlobalRoutine(routine.name());
      } else if (routine.name().startsWith("#")) {
        r.s.temporaryRoutines.remove(Names.key(routine.name()));
      } else {
        try {
          Routines.delete(r.s.connection(), routine.database(), routine.schema(), routine.name());
        } catch (SQLException e) {
          throw H2Errors.translate(e);
        }
      }
    }
    r.s.rowCount = 0;
    r.done(0, -1);
  }
}
