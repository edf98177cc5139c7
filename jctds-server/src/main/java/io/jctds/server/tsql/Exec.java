package io.jctds.server.tsql;

import io.jctds.server.sql.SqlException;
import io.jctds.server.types.SqlType;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * EXEC of a string (a child batch: it sees temporary tables but not the caller's variables) and
 * EXEC sp_executesql (typed parameters, OUTPUT copied back, error 266 when the transaction count
 * changed). Other procedures come with stored procedure support; until then a name nobody knows is
 * error 2812.
 */
final class Exec {
  private Exec() {}

  static void run(Runner r, Stmt.Exec e) {
    if (e.text() != null) {
      Param text = new Evaluator(r).value(e.text(), SqlType.nvarchar(SqlType.MAX));
      child(r, text.value() == null ? "" : text.value().toString(), Map.of());
      return;
    }
    String name = e.procedure().get(e.procedure().size() - 1).toLowerCase(Locale.ROOT);
    if (name.equals("sp_executesql")) {
      executeSql(r, e);
      return;
    }
    throw new SqlException(
        2812,
        16,
        62,
        "Could not find stored procedure '" + String.join(".", e.procedure()) + "'.",
        false);
  }

  /** Runs {@code sql} as a child batch with {@code params} as its only variables. */
  static void child(Runner r, String sql, Map<String, Variable> params) {
    Map<String, Variable> saved = new HashMap<>(r.s.variables);
    SqlException savedCaught = r.s.caught;
    r.s.variables.clear();
    r.s.variables.putAll(params);
    try {
      new Runner(r.s, r.sink).batch(sql);
    } finally {
      r.s.variables.clear();
      r.s.variables.putAll(saved);
      r.s.caught = savedCaught;
    }
  }

  private static void executeSql(Runner r, Stmt.Exec e) {
    List<Stmt.ExecArg> args = e.args();
    if (args.isEmpty()) {
      throw new SqlException(
          201,
          16,
          4,
          "Procedure or function 'sp_executesql' expects"
              + " parameter '@statement', which was not supplied.",
          false);
    }
    Evaluator eval = new Evaluator(r);
    Object stmt = eval.value(args.get(0).value(), SqlType.nvarchar(SqlType.MAX)).value();
    Map<String, Variable> params = new HashMap<>();
    Map<String, String> outputs = new HashMap<>();
    if (args.size() > 1) {
      Object decl = eval.value(args.get(1).value(), SqlType.nvarchar(SqlType.MAX)).value();
      List<Stmt.VarDecl> decls = declarations(decl == null ? "" : decl.toString());
      for (int i = 0; i < decls.size(); i++) {
        Stmt.VarDecl d = decls.get(i);
        Stmt.ExecArg a = argument(args, d.name(), i + 2);
        Variable v = new Variable(d.name(), d.type(), null);
        if (a != null) {
          v.value(eval.value(a.value(), d.type()).value());
          if (a.output() && a.value() instanceof Expr.Var out) {
            outputs.put(d.name().toLowerCase(Locale.ROOT), out.name());
          }
        } else if (d.initial() == null) {
          throw new SqlException(
              8178,
              16,
              1,
              "The parameterized query '("
                  + decl
                  + ")"
                  + stmt
                  + "' expects the parameter '"
                  + d.name()
                  + "', which was not supplied.",
              false);
        }
        params.put(d.name().toLowerCase(Locale.ROOT), v);
      }
    }
    int before = r.s.txn().count();
    child(r, stmt == null ? "" : stmt.toString(), params);
    for (Map.Entry<String, String> o : outputs.entrySet()) {
      Variable target = r.s.variable(o.getValue());
      if (target != null) {
        target.value(params.get(o.getKey()).value());
      }
    }
    int after = r.s.txn().count();
    if (after != before) {
      throw new SqlException(
          266,
          16,
          2,
          "Transaction count after EXECUTE indicates a"
              + " mismatching number of BEGIN and COMMIT statements. Previous count = "
              + before
              + ", current count = "
              + after
              + ".",
          false);
    }
  }

  private static Stmt.ExecArg argument(List<Stmt.ExecArg> args, String name, int position) {
    for (Stmt.ExecArg a : args) {
      if (a.name() != null && a.name().equalsIgnoreCase(name)) {
        return a;
      }
    }
    return position < args.size() && args.get(position).name() == null ? args.get(position) : null;
  }

  /** The parameter declarations of sp_executesql ({@code @a int, @b nvarchar(10) OUTPUT}). */
  static List<Stmt.VarDecl> declarations(String decl) {
    String d = decl.replaceAll("(?i)\\s+(OUTPUT|OUT)\\b", "");
    if (d.isBlank()) {
      return List.of();
    }
    List<Stmt> parsed = BatchParser.parse("DECLARE " + d);
    if (parsed.size() != 1 || !(parsed.get(0) instanceof Stmt.Declare dec)) {
      throw new SqlException(102, 15, 1, "Incorrect syntax near '" + decl + "'.", false);
    }
    return dec.variables();
  }
}
