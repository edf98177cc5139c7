package io.jctds.server.tsql;

import io.jctds.server.sql.SqlException;
import io.jctds.server.types.SqlType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * EXEC of a string (a child batch: it sees temporary tables but not the caller's variables) and
 * EXEC of a procedure: the arguments evaluated into a {@link Call} for {@link Procedures}, OUTPUT
 * values copied back into the caller's variables, the return status into {@code @rc} of {@code
 * EXEC @rc = ...}.
 */
final class Exec {
  private Exec() {}

  static void run(Runner r, Stmt.Exec e) {
    if (e.text() != null) {
      Param text = new Evaluator(r).value(e.text(), SqlType.nvarchar(SqlType.MAX));
      child(r, text.value() == null ? "" : text.value().toString(), Map.of());
      return;
    }
    Evaluator eval = new Evaluator(r);
    List<Call.Arg> args = new ArrayList<>(e.args().size());
    for (Stmt.ExecArg a : e.args()) {
      if (a.value() == null) {
        args.add(new Call.Arg(a.name(), null, a.output(), true));
        continue;
      }
      if (a.output() && !(a.value() instanceof Expr.Var)) {
        throw new SqlException(
            179,
            15,
            1,
            "Cannot use the OUTPUT option when passing a constant to a stored procedure.",
            false);
      }
      args.add(new Call.Arg(a.name(), argument(r, eval, a.value()), a.output(), false));
    }
    Call.Result result = Procedures.call(r, new Call(e.procedure(), args, false));
    for (Call.Output o : result.outputs()) {
      Expr.Var target = (Expr.Var) e.args().get(o.arg()).value();
      Variable v = r.s.variable(target.name());
      if (v != null && v.type() != null) {
        v.value(eval.convert(new Param(o.type(), o.value()), v.type()).value());
      }
    }
    if (e.returnVariable() != null) {
      Variable v = r.s.variable(e.returnVariable());
      if (v == null) {
        throw new SqlException(
            137, 15, 2, "Must declare the scalar variable \"" + e.returnVariable() + "\".", true);
      }
      v.value(eval.convert(new Param(SqlType.INT, (long) result.status()), v.type()).value());
    }
  }

  /** An argument's value: a variable as it is, other expressions evaluated. */
  private static Param argument(Runner r, Evaluator eval, Expr value) {
    if (value instanceof Expr.Var v) {
      Variable var = r.s.variable(v.name());
      if (var != null && var.type() != null) {
        return new Param(var.type(), var.value());
      }
    }
    return eval.value(value, null);
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
}
