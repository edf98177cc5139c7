package io.jctds.server.tsql;

import io.jctds.server.sql.SqlException;
import java.util.List;

/**
 * What SQL Server refuses when it compiles a procedure or function: USE in a module (154); in a
 * scalar function a last statement other than RETURN (455), statements with side effects (443:
 * PRINT, RAISERROR, THROW, transactions, TRY, data changes of tables, DDL, WAITFOR, EXEC of a
 * string) and SELECTs that return rows (444) ("CREATE FUNCTION (Transact-SQL)", limitations).
 */
final class RoutineChecks {
  private RoutineChecks() {}

  static void check(Stmt.CreateRoutine c) {
    walk(c.body(), c.function());
    Stmt loose = outsideWhile(c.body());
    if (loose != null) {
      throw new SqlException(
          135,
          15,
          1,
          "Cannot use a BREAK statement outside the scope of a WHILE statement.",
          true,
          loose.line());
    }
    if (c.function()) {
      List<Stmt> body = c.body();
      if (body.isEmpty() || !(body.get(body.size() - 1) instanceof Stmt.Return)) {
        throw new SqlException(
            455,
            16,
            2,
            "The last statement included within a function must be a return statement.",
            true);
      }
    }
  }

  /** A BREAK or CONTINUE that no WHILE of the body encloses, or null. */
  private static Stmt outsideWhile(List<Stmt> statements) {
    for (Stmt st : statements) {
      Stmt found = null;
      if (st instanceof Stmt.Loop) {
        found = st;
      } else if (st instanceof Stmt.If i) {
        found =
            outsideWhile(
                i.otherwise() == null ? List.of(i.then()) : List.of(i.then(), i.otherwise()));
      } else if (st instanceof Stmt.Block b) {
        found = outsideWhile(b.body());
      } else if (st instanceof Stmt.TryCatch tc) {
        found = outsideWhile(tc.body());
        found = found != null ? found : outsideWhile(tc.handler());
      }
      if (found != null) {
        return found;
      }
    }
    return null;
  }

  private static void walk(List<Stmt> statements, boolean function) {
    for (Stmt st : statements) {
      walk(st, function);
    }
  }

  private static void walk(Stmt st, boolean function) {
    if (st instanceof Stmt.Use u) {
      throw new SqlException(
          154,
          15,
          1,
          "a USE database statement is not allowed in a procedure, function or trigger.",
          true,
          u.line());
    }
    if (st instanceof Stmt.If i) {
      walk(i.then(), function);
      if (i.otherwise() != null) {
        walk(i.otherwise(), function);
      }
    } else if (st instanceof Stmt.While w) {
      walk(w.body(), function);
    } else if (st instanceof Stmt.Block b) {
      walk(b.body(), function);
    } else if (st instanceof Stmt.TryCatch tc) {
      if (function) {
        throw sideEffect("BEGIN TRY", st);
      }
      walk(tc.body(), false);
      walk(tc.handler(), false);
    } else if (function) {
      functionStatement(st);
    }
  }

  private static void functionStatement(Stmt st) {
    String what = sideEffect(st);
    if (what != null) {
      throw sideEffect(what, st);
    }
    if (st instanceof Stmt.Select sel
        && sel.query().body() instanceof QueryExpr.Select s
        && s.into() == null
        && !assigns(s)) {
      throw new SqlException(
          444,
          16,
          2,
          "Select statements included within a function cannot return data to a client.",
          true,
          st.line());
    }
  }

  /** The operator SQL Server names in error 443 for a statement with side effects, or null. */
  private static String sideEffect(Stmt st) {
    if (st instanceof Stmt.Print) {
      return "PRINT";
    } else if (st instanceof Stmt.RaisError) {
      return "RAISERROR";
    } else if (st instanceof Stmt.Throw) {
      return "THROW";
    } else if (st instanceof Stmt.Transaction t) {
      return t.kind() + " TRANSACTION";
    } else if (st instanceof Stmt.WaitFor) {
      return "WAITFOR";
    } else if (st instanceof Stmt.Exec e && e.text() != null) {
      return "EXECUTE STRING";
    } else if (st instanceof Stmt.Insert ins && ins.target().variable() == null) {
      return "INSERT";
    } else if (st instanceof Stmt.Update up && up.target().variable() == null) {
      return "UPDATE";
    } else if (st instanceof Stmt.Delete del && del.target().variable() == null) {
      return "DELETE";
    } else if (st instanceof Stmt.Merge) {
      return "MERGE";
    } else if (st instanceof Stmt.CreateTable
        || st instanceof Stmt.AlterTable
        || st instanceof Stmt.Drop
        || st instanceof Stmt.CreateIndex
        || st instanceof Stmt.CreateView
        || st instanceof Stmt.Truncate) {
      return st.getClass()
          .getSimpleName()
          .replaceAll("([a-z])([A-Z])", "$1 $2")
          .toUpperCase(java.util.Locale.ROOT);
    }
    return null;
  }

  private static boolean assigns(QueryExpr.Select s) {
    for (QueryExpr.Item item : s.items()) {
      if (item instanceof QueryExpr.Assign) {
        return true;
      }
    }
    return false;
  }

  private static SqlException sideEffect(String what, Stmt st) {
    return new SqlException(
        443,
        16,
        14,
        "Invalid use of a side-effecting operator '" + what + "' within a function.",
        true,
        st.line());
  }
}
