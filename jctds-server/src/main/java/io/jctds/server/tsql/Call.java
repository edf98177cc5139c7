package io.jctds.server.tsql;

import io.jctds.server.types.SqlType;
import java.util.List;

/**
 * A procedure call, from a T-SQL EXEC or from an RPC: the procedure's name parts and the arguments
 * as given (positional first, then {@code @name = value}).
 *
 * @param name the procedure's name parts, e.g. [sp_executesql] or [shop, dbo, add_fruit]
 * @param args the arguments in the order given
 * @param rpc whether an RPC made the call (outputs go back as RETURNVALUE tokens)
 */
record Call(List<String> name, List<Call.Arg> args, boolean rpc) {

  /** Copies the lists. */
  Call {
    name = List.copyOf(name);
    args = List.copyOf(args);
  }

  /** The name as given, e.g. "dbo.add_fruit" (for messages). */
  String displayName() {
    return String.join(".", name);
  }

  /** The last part of the name in lower case, e.g. "sp_executesql". */
  String procedure() {
    return name.get(name.size() - 1).toLowerCase(java.util.Locale.ROOT);
  }

  /**
   * One argument.
   *
   * @param name the parameter name with its {@code @}, or null for a positional argument
   * @param value the value with its type (a NULL value has a type too); null with {@code
   *     useDefault}
   * @param output whether the caller wants the value back (OUTPUT, or an RPC's by-reference flag)
   * @param useDefault whether the caller asked for the parameter's default (DEFAULT, or an RPC's
   *     default flag)
   */
  record Arg(String name, Param value, boolean output, boolean useDefault) {}

  /**
   * What a call gives back.
   *
   * @param status the return status (RETURN n; 0 without RETURN)
   * @param outputs the output parameters, in the order of the arguments that asked for them
   */
  record Result(int status, List<Output> outputs) {
    /** A result without output parameters. */
    static Result of(int status) {
      return new Result(status, List.of());
    }
  }

  /**
   * An output parameter's value after the call.
   *
   * @param arg the index of the argument that asked for it (an RPC's parameter ordinal)
   * @param name the parameter's name with its {@code @}
   * @param type the parameter's declared type
   * @param value its value (a variable's Java value), null for NULL
   */
  record Output(int arg, String name, SqlType type, Object value) {}
}
