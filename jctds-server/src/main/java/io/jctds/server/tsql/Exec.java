package io.jctds.server.tsql;

import io.jctds.server.sql.SqlException;
import io.jctds.server.types.SqlType;
import java.util.ArrayList;
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
      String sql = text.value() == null ? "" : text.value().toString();
      Modules.exec(r, e.line(), () -> Call.Result.of(child(r, sql, Map.of())));
      return;
    }
    if (r.s.frame != null && r.s.frame.function()) {
      throw new SqlException(
          557,
          16,
          2,
          "Only functions and some extended stored procedures can be executed from within a"
              + " function.",
          false);
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
    Call call = new Call(e.procedure(), args, false);
    Call.Result result = Modules.exec(r, e.line(), () -> Procedures.call(r, call));
    if (result == null) {
      return; // reported; the variables keep their values
    }
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

  /**
   * Runs {@code sql} as a child batch, one nesting level down, with {@code params} as its only
   * variables (EXEC of a string, sp_executesql): a module whose SET options and temporary tables
   * end with it.
   *
   * @return its status: 0, or 10 minus the highest severity of the errors it raised
   * @throws Runner.ModuleEnd when a syntax error or an error that ends only it stopped it
   */
  static int child(Runner r, String sql, Map<String, Variable> params) {
    Modules.Frame frame = Modules.Frame.batch();
    Modules.enter(r.s);
    try {
      Modules.runText(r, frame, params, sql);
    } finally {
      Modules.leave(r.s);
    }
    return frame.status();
  }
}
