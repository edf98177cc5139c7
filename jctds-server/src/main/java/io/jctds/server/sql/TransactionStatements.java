package io.jctds.server.sql;

import io.jctds.protocol.token.EnvChange;

/**
 * BEGIN, COMMIT, ROLLBACK and SAVE TRANSACTION as statements: the session's nesting count
 * (@@TRANCOUNT) and, from TDS 7.2, ENVCHANGE 8/9/10 when the outermost transaction begins or ends.
 */
final class TransactionStatements {
  private TransactionStatements() {}

  static void run(SqlSession s, Statement.Transaction tx, ResultSink sink) {
    boolean report = BasicSqlEngine.reportsTransactions(s);
    switch (tx.kind()) {
      case BEGIN -> {
        long d = s.beginTransaction();
        if (d != 0 && report) {
          sink.envChange(
              new EnvChange.Binary(
                  EnvChange.BEGIN_TRAN, BasicSqlEngine.descriptor(d), new byte[0]));
        }
      }
      case COMMIT -> {
        if (s.tranCount() == 0) {
          throw new SqlException(
              3902,
              16,
              1,
              "The COMMIT TRANSACTION request has no corresponding BEGIN" + " TRANSACTION.",
              false);
        }
        long d = s.commitTransaction();
        if (d != 0 && report) {
          sink.envChange(
              new EnvChange.Binary(
                  EnvChange.COMMIT_TRAN, new byte[0], BasicSqlEngine.descriptor(d)));
        }
      }
      case ROLLBACK -> {
        if (s.tranCount() == 0) {
          throw new SqlException(
              3903,
              16,
              1,
              "The ROLLBACK TRANSACTION request has no corresponding BEGIN" + " TRANSACTION.",
              false);
        }
        long d = s.rollbackTransaction();
        if (report) {
          sink.envChange(
              new EnvChange.Binary(
                  EnvChange.ROLLBACK_TRAN, new byte[0], BasicSqlEngine.descriptor(d)));
        }
      }
      case SAVE -> {
        if (s.tranCount() == 0) {
          throw new SqlException(
              628,
              16,
              0,
              "Cannot issue SAVE TRANSACTION when there is no active transaction.",
              false);
        }
      }
    }
    sink.done(0, 0, 0);
  }
}
