package io.jctds.server.tsql;

import io.jctds.server.catalog.Routines;
import io.jctds.server.sql.SqlException;
import io.jctds.server.storage.Names;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Stored procedures and functions of the catalog ({@link Routines}) found by name and run. Names
 * resolve as tables' do ({@link ObjectName}: the session's database, schema dbo), a one- or
 * two-part {@code sp_} name also in master; {@code #p} is the session's temporary procedure and
 * {@code ##p} a global one. A definition is parsed once and kept, keyed by its text, so that a call
 * costs one catalog lookup and no parsing.
 */
final class StoredProcedures {
  private static final int PARSED_LIMIT = 512;

  /** Parsed definitions by their text (the most recently used {@value #PARSED_LIMIT}). */
  private static final Map<String, Stmt.CreateRoutine> PARSED =
      Collections.synchronizedMap(
          new LinkedHashMap<>(64, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Stmt.CreateRoutine> eldest) {
              return size() > PARSED_LIMIT;
            }
          });

  private StoredProcedures() {}

  /** The routine {@code parts} names, or null. */
  static Routines.Routine find(TsqlSession s, List<String> parts) {
    String last = parts.get(parts.size() - 1);
    if (last.startsWith("##")) {
      return s.engine().globalRoutine(last);
    }
    if (last.startsWith("#")) {
      return s.temporaryRoutines.get(Names.key(last));
    }
    ObjectName on = ObjectName.resolve(s, parts);
    String db = s.engine().database(on.database());
    if (db == null) {
      return null;
    }
    try {
      Routines.Routine r = Routines.find(s.connection(), db, on.schema(), on.name());
      if (r == null
          && parts.size() <= 2
          && Names.key(last).startsWith("sp_")
          && !db.equalsIgnoreCase("master")) {
        r = Routines.find(s.connection(), "master", on.schema(), on.name());
      }
      return r;
    } catch (SQLException e) {
      throw H2Errors.translate(e);
    }
  }

  /** The parsed definition of {@code r}. */
  static Stmt.CreateRoutine definition(Routines.Routine r) {
    Stmt.CreateRoutine c = PARSED.get(r.definition());
    if (c == null) {
      c = (Stmt.CreateRoutine) BatchParser.parse(r.definition()).get(0);
      PARSED.put(r.definition(), c);
    }
    return c;
  }

  /**
   * Runs the stored procedure {@code call} names ("EXECUTE (Transact-SQL)"): its arguments bound to
   * its parameters, its body run as a module; the return status is RETURN's value, else what the
   * errors of its statements make it ({@link Modules.Frame#status}).
   *
   * @return the result, or null when no stored procedure has the name
   * @throws Procedures.CallError when the arguments do not fit its parameters
   */
  static Call.Result call(Runner r, Call call) {
    Routines.Routine routine = find(r.s, call.name());
    if (routine == null || routine.function()) {
      return null;
    }
    Stmt.CreateRoutine def = definition(routine);
    Binding.Bound bound;
    try {
      if (def.params().isEmpty() && !call.args().isEmpty()) {
        throw new SqlException(
            8146,
            16,
            2,
            "Procedure " + routine.name() + " has no parameters and arguments were supplied.",
            false);
      }
      bound = Binding.bind(r, routine.name(), formals(r, def), call);
    } catch (SqlException e) {
      throw new Procedures.CallError(e, routine.name());
    }
    Modules.Frame frame =
        Modules.Frame.procedure(routine.name(), routine.objectId(), routine.database());
    int before = r.s.txn().count();
    Param returned = Modules.run(r, frame, bound.variables(), def.body());
    int status = returned == null ? frame.status() : ((Number) returned.value()).intValue();
    transactionCount(r, routine.name(), before);
    return bound.result(status);
  }

  /** The declared parameters, defaults evaluated. */
  static List<Binding.Formal> formals(Runner r, Stmt.CreateRoutine def) {
    List<Binding.Formal> out = new ArrayList<>(def.params().size());
    Evaluator eval = null;
    for (Stmt.RoutineParam p : def.params()) {
      Param d = null;
      if (p.defaultValue() != null) {
        eval = eval == null ? new Evaluator(r) : eval;
        d = eval.value(p.defaultValue(), p.type());
      }
      out.add(new Binding.Formal(p.name(), p.type(), d, p.output()));
    }
    return out;
  }

  /**
   * Error 266 when the procedure left @@TRANCOUNT other than it found it (a statement error: the
   * caller goes on; inside TRY, its CATCH runs).
   */
  private static void transactionCount(Runner r, String procedure, int before) {
    int after = r.s.txn().count();
    if (after == before) {
      return;
    }
    SqlException e =
        new SqlException(
            266,
            16,
            2,
            "Transaction count after EXECUTE indicates a mismatching number of BEGIN and COMMIT"
                + " statements. Previous count = "
                + before
                + ", current count = "
                + after
                + ".",
            false);
    r.s.lastError = e.number();
    if (r.inTry()) {
      throw new Runner.Caught(e, 0, procedure);
    }
    r.message(e, 0, procedure);
  }
}
