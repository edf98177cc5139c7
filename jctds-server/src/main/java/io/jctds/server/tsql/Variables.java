package io.jctds.server.tsql;

import io.jctds.server.sql.SqlException;
import io.jctds.server.storage.Names;
import io.jctds.server.types.SqlType;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;

/**
 * DECLARE and SET of local variables. A variable lives until the end of its batch; a table variable
 * is an H2 local temporary table dropped then. Assignment converts as CAST does (a string too long
 * for the variable is cut, as SQL Server cuts it).
 */
final class Variables {
  private Variables() {}

  static void declare(Runner r, Stmt.Declare d) {
    for (Stmt.VarDecl v : d.variables()) {
      String key = v.name().toLowerCase(Locale.ROOT);
      if (r.s.variables.containsKey(key)) {
        throw new SqlException(
            134,
            15,
            1,
            "The variable name '"
                + v.name()
                + "' has already"
                + " been declared. Variable names must be unique within a query batch or stored"
                + " procedure.",
            true);
      }
      if (v.table() != null) {
        tableVariable(r, v);
        continue;
      }
      Variable var = new Variable(v.name(), v.type(), null);
      if (v.initial() != null) {
        var.value(new Evaluator(r).value(v.initial(), v.type()).value());
      }
      r.s.variables.put(key, var);
    }
  }

  private static void tableVariable(Runner r, Stmt.VarDecl v) {
    String h2 = r.s.newTableVariable(v.name());
    DmlTranslator t = new DmlTranslator(r.s, tbl -> false);
    ObjectName on = new ObjectName(Names.TEMPDB, Names.DBO, h2, v.name());
    String body =
        new DdlTranslator(t).tableBody(on, v.table().columns(), v.table().constraints(), true);
    try (Statement s = r.s.connection().createStatement()) {
      s.execute("CREATE LOCAL TEMPORARY TABLE " + on.h2() + " (" + body + ") TRANSACTIONAL");
    } catch (SQLException e) {
      throw H2Errors.translate(e);
    }
    r.s.store().schemaChanged();
    r.s.variables.put(v.name().toLowerCase(Locale.ROOT), new Variable(v.name(), null, h2));
  }

  static void set(Runner r, Stmt.SetVar sv) {
    Variable var = r.s.variable(sv.name());
    if (var == null) {
      throw SqlException.undeclaredVariable(sv.name());
    }
    if (var.table() != null) {
      throw new SqlException(
          137, 15, 1, "Must declare the scalar variable \"" + sv.name() + "\".", true);
    }
    Expr value = sv.value();
    if (!sv.op().equals("=")) {
      value = new Expr.Binary(sv.op().substring(0, 1), new Expr.Var(sv.name()), value);
    }
    assign(r, var, value);
    r.s.rowCount = 1;
    r.done(0, -1);
  }

  static void assign(Runner r, Variable var, Expr value) {
    Param p = new Evaluator(r).value(value, var.type());
    var.value(p.value());
  }

  /** Declared type check helper: the type of a variable, for messages. */
  static SqlType type(Variable v) {
    return v.type();
  }

  static List<String> names(Runner r) {
    return List.copyOf(r.s.variables.keySet());
  }
}
