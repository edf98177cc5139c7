package io.jctds.server.tsql;

import java.util.Map;

/**
 * The metadata discovery procedures: sp_describe_first_result_set ({@link DescribeFirstResultSet})
 * and sp_describe_undeclared_parameters ({@link UndeclaredParameters}).
 */
final class DescribeProcedures {
  private DescribeProcedures() {}

  static void register(Map<String, Procedures.Builtin> procedures) {
    DescribeFirstResultSet.register(procedures);
    UndeclaredParameters.register(procedures);
  }
}
