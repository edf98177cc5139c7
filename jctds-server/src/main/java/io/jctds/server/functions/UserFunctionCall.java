package io.jctds.server.functions;

import org.h2.value.Value;

/**
 * {@code "jctds"."udf"(database, schema, name, args...)}: a call of a user-defined scalar function,
 * run by the session executing the statement. Arguments arrive as H2 values of their parameters'
 * types; the result is an H2 value the translation CASTs to the function's return type.
 */
public final class UserFunctionCall {
  private UserFunctionCall() {}

  /** Runs the function (H2 calls this for each row that needs it). */
  public static Value call(String database, String schema, String name, Value... args) {
    return FunctionContext.current().callFunction(database, schema, name, args);
  }
}
