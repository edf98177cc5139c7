package io.jctds.server.tsql;

import io.jctds.server.sql.SqlException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Finds and runs the procedure a call names: a system procedure the server implements (by its last
 * name part, whatever database or schema qualifies it, as SQL Server resolves {@code sp_} names
 * from master), else a stored procedure of the catalog; a name nobody knows is error 2812.
 */
final class Procedures {
  /** A procedure implemented by the server. */
  @FunctionalInterface
  interface Builtin {
    /** Runs the call; results go to {@code r.sink}. */
    Call.Result run(Runner r, Call call);
  }

  private static final Map<String, Builtin> BUILTIN = new HashMap<>();

  static {
    ExecuteSql.register(BUILTIN);
    CatalogProcedures.register(BUILTIN);
    ColumnProcedures.register(BUILTIN);
    DataTypeInfo.register(BUILTIN);
    ProcedureProcedures.register(BUILTIN);
    DescribeProcedures.register(BUILTIN);
    AppLocks.register(BUILTIN);
  }

  private Procedures() {}

  /** The names of the server's own procedures (lower case). */
  static java.util.Set<String> builtinNames() {
    return java.util.Collections.unmodifiableSet(BUILTIN.keySet());
  }

  /** The server's own procedure named {@code name} (its last part, any case), or null. */
  static Builtin builtin(List<String> name) {
    return BUILTIN.get(name.get(name.size() - 1).toLowerCase(Locale.ROOT));
  }

  /**
   * An error in a call's arguments (201, 8144, 8145, 8146, 8162, a conversion): SQL Server reports
   * it in the called procedure's name, at line 0.
   */
  static final class CallError extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient SqlException error;
    private final String procedure;

    CallError(SqlException error, String procedure) {
      super(error.getMessage(), null, false, false);
      this.error = error;
      this.procedure = procedure;
    }

    SqlException error() {
      return error;
    }

    String procedure() {
      return procedure;
    }

    int line() {
      return 0;
    }
  }

  /**
   * Runs {@code call} one nesting level down (@@NESTLEVEL): the server's procedure of its name,
   * else the stored procedure it names.
   *
   * @throws SqlException 2812 when no procedure has the name, 217 beyond 32 levels, or what binding
   *     or the procedure raised
   */
  static Call.Result call(Runner r, Call call) {
    Builtin b = builtin(call.name());
    Call.Result result;
    Modules.enter(r.s);
    try {
      result = b != null ? b.run(r, call) : StoredProcedures.call(r, call);
    } finally {
      Modules.leave(r.s);
    }
    if (result != null) {
      return result;
    }
    throw new SqlException(
        2812, 16, 62, "Could not find stored procedure '" + call.displayName() + "'.", false);
  }
}
