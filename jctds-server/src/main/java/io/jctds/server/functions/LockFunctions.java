package io.jctds.server.functions;

/**
 * The application lock functions ("APPLOCK_MODE (Transact-SQL)", "APPLOCK_TEST (Transact-SQL)"),
 * answered by the session running the statement.
 */
public final class LockFunctions {
  private LockFunctions() {}

  /** APPLOCK_MODE(principal, resource, owner). */
  public static String applockMode(String principal, String resource, String owner) {
    return FunctionContext.current().applockMode(principal, resource, owner);
  }

  /** APPLOCK_TEST(principal, resource, mode, owner). */
  public static Short applockTest(String principal, String resource, String mode, String owner) {
    return FunctionContext.current().applockTest(principal, resource, mode, owner);
  }
}
