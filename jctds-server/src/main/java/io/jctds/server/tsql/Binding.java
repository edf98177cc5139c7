package io.jctds.server.tsql;

import io.jctds.server.sql.SqlException;
import io.jctds.server.types.SqlType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Binds a call's arguments to a procedure's declared parameters as SQL Server does: positional
 * arguments in order, then {@code @name = value} ones by name (a positional one after a named one
 * is error 119); too many is 8144, an unknown name 8145, a missing one without default 201, OUTPUT
 * for a parameter not declared OUTPUT 8162. Values are converted to the declared types.
 */
final class Binding {
  /**
   * A declared parameter.
   *
   * @param name its name with the {@code @}
   * @param type its declared type
   * @param defaultValue its default (a NULL default is a Param with a null value), or null when it
   *     has none
   * @param output whether it is declared OUTPUT
   */
  record Formal(String name, SqlType type, Param defaultValue, boolean output) {
    /** An input parameter without default. */
    static Formal required(String name, SqlType type) {
      return new Formal(name, type, null, false);
    }

    /** An input parameter with a default. */
    static Formal optional(String name, SqlType type, Object defaultValue) {
      return new Formal(name, type, new Param(type, defaultValue), false);
    }
  }

  /**
   * Bound parameters: the procedure's variables (by lower-case name, in declared order) and, for
   * each argument that asked for output, which parameter answers it.
   */
  record Bound(Map<String, Variable> variables, List<Link> links) {
    /** The variable of {@code name} (any case), or null. */
    Variable get(String name) {
      return variables.get(name.toLowerCase(Locale.ROOT));
    }

    /** The call's result with {@code status} and the output parameters' current values. */
    Call.Result result(int status) {
      List<Call.Output> out = new ArrayList<>(links.size());
      for (Link l : links) {
        Variable v = variables.get(l.formal().toLowerCase(Locale.ROOT));
        out.add(new Call.Output(l.arg(), v.name(), v.type(), v.value()));
      }
      return new Call.Result(status, out);
    }
  }

  /** Argument {@code arg} asked for the value of parameter {@code formal}. */
  record Link(int arg, String formal) {}

  private Binding() {}

  /**
   * Binds {@code call} to {@code formals}.
   *
   * @param procedure the name for messages
   * @throws SqlException 119, 8144, 8145, 201, 8162, or a conversion error
   */
  static Bound bind(Runner r, String procedure, List<Formal> formals, Call call) {
    return bind(r, procedure, formals, call.args(), 0, p -> notSupplied(procedure, p));
  }

  /**
   * Binds {@code args} from index {@code first} on (earlier ones belong to the procedure itself, as
   * sp_executesql's statement) to {@code formals}; {@code missing} makes the error for a parameter
   * that has no value and no default.
   */
  static Bound bind(
      Runner r,
      String procedure,
      List<Formal> formals,
      List<Call.Arg> args,
      int first,
      java.util.function.Function<String, SqlException> missing) {
    Param[] values = new Param[formals.size()];
    boolean[] given = new boolean[formals.size()];
    List<Link> links = new ArrayList<>();
    boolean named = false;
    for (int i = first; i < args.size(); i++) {
      Call.Arg a = args.get(i);
      int at;
      if (a.name() == null || a.name().isEmpty()) {
        if (named) {
          throw mustBeNamed(i + 1);
        }
        if (i - first >= formals.size()) {
          throw tooMany(procedure);
        }
        at = i - first;
      } else {
        named = true;
        at = indexOf(formals, a.name());
        if (at < 0) {
          throw new SqlException(
              8145,
              16,
              2,
              a.name() + " is not a parameter for procedure " + procedure + ".",
              false);
        }
      }
      Formal f = formals.get(at);
      if (a.output()) {
        if (!f.output()) {
          throw new SqlException(
              8162,
              16,
              2,
              "The formal parameter \""
                  + f.name()
                  + "\" was not declared as an OUTPUT parameter, but the actual parameter passed"
                  + " in requested output.",
              false);
        }
        links.add(new Link(i, f.name()));
      }
      if (!a.useDefault()) {
        values[at] = a.value();
        given[at] = true;
      }
    }
    return new Bound(variables(r, formals, values, given, missing), links);
  }

  private static Map<String, Variable> variables(
      Runner r,
      List<Formal> formals,
      Param[] values,
      boolean[] given,
      java.util.function.Function<String, SqlException> missing) {
    Map<String, Variable> vars = new LinkedHashMap<>();
    Evaluator eval = null;
    for (int i = 0; i < formals.size(); i++) {
      Formal f = formals.get(i);
      Param p = values[i];
      if (!given[i]) {
        if (f.defaultValue() == null) {
          throw missing.apply(f.name());
        }
        p = f.defaultValue();
      }
      if (eval == null) {
        eval = new Evaluator(r);
      }
      Variable v = new Variable(f.name(), f.type(), null);
      v.value(convert(eval, p, f.type()));
      vars.put(f.name().toLowerCase(Locale.ROOT), v);
    }
    return vars;
  }

  /**
   * An argument converted to its parameter's type. A value that does not convert is error 8114,
   * "Error converting data type %ls to %ls." with the two type names: SQL Server's error for a
   * procedure argument (where CAST would report 245, 241 or 8169).
   */
  private static Object convert(Evaluator eval, Param p, SqlType type) {
    try {
      return eval.convert(p, type).value();
    } catch (SqlException e) {
      if (e.number() != 245 && e.number() != 241 && e.number() != 8169 && e.number() != 8114) {
        throw e;
      }
      throw new SqlException(
          8114,
          16,
          5,
          "Error converting data type "
              + p.type().base().sqlName()
              + " to "
              + type.base().sqlName()
              + ".",
          e.abortsBatch());
    }
  }

  private static int indexOf(List<Formal> formals, String name) {
    for (int i = 0; i < formals.size(); i++) {
      if (formals.get(i).name().equalsIgnoreCase(name)) {
        return i;
      }
    }
    return -1;
  }

  static SqlException notSupplied(String procedure, String parameter) {
    return new SqlException(
        201,
        16,
        4,
        "Procedure or function '"
            + procedure
            + "' expects parameter '"
            + parameter
            + "', which was not supplied.",
        false);
  }

  static SqlException tooMany(String procedure) {
    return new SqlException(
        8144,
        16,
        2,
        "Procedure or function " + procedure + " has too many arguments specified.",
        false);
  }

  private static SqlException mustBeNamed(int position) {
    return new SqlException(
        119,
        15,
        1,
        "Must pass parameter number "
            + position
            + " and subsequent parameters as '@name = value'. After the form '@name = value' has"
            + " been used, all subsequent parameters must be passed in the form '@name = value'.",
        false);
  }
}
