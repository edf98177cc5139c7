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
   * Runs {@code call}.
   *
   * @throws SqlException 2812 when no procedure has the name, or what binding or the procedure
   *     raised
   */
  static Call.Result call(Runner r, Call call) {
    Builtin b = builtin(call.name());
    if (b != null) {
      return b.run(r, call);
    }
    throw new SqlException(
        2812, 16, 62, "Could not find stored procedure '" + call.displayName() + "'.", false);
  }
}
