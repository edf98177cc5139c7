package io.jctds.jdbc;

import io.jctds.DataError;
import io.jctds.IntegrityError;
import io.jctds.InterfaceError;
import io.jctds.JctdsException;
import io.jctds.NotSupportedError;
import io.jctds.OperationalError;
import io.jctds.ProgrammingError;
import io.jctds.SqlServerMessage;
import java.sql.SQLDataException;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLInvalidAuthorizationSpecException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLSyntaxErrorException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransactionRollbackException;
import java.sql.SQLTransientConnectionException;

/**
 * jctds's exceptions as SQLExceptions: the SQLState from SQL Server's error number (SQL:2003 / ODBC
 * classes: 23000 integrity, 22xxx data, 42xxx syntax and access, 40001 deadlock, 28000 login, HYT00
 * timeout, 08001 / 08S01 connection), vendor code = the error number, and JDBC's subclass for the
 * class. Further errors of the same request are chained with {@code setNextException}. Messages are
 * jctds's (never a password).
 */
final class SqlErrors {
  private SqlErrors() {}

  /** The SQLException for {@code e}, any jctds exception or other runtime failure. */
  static SQLException of(RuntimeException e) {
    if (!(e instanceof JctdsException j)) {
      return new SQLException(String.valueOf(e.getMessage()), "HY000", 0, e);
    }
    SQLException first = single(j, j.number(), j.getMessage());
    boolean skipped = false;
    for (SqlServerMessage m : j.messages()) {
      if (!m.isError()) {
        continue;
      }
      if (!skipped && m.number() == j.number()) {
        skipped = true; // the one the exception itself reports
        continue;
      }
      first.setNextException(single(j, m.number(), m.text()));
    }
    return first;
  }

  private static SQLException single(JctdsException j, int number, String message) {
    String state = state(j, number);
    if (j instanceof OperationalError o) {
      SQLException s = operational(o, state, number, message);
      if (s != null) {
        return s;
      }
    }
    if (j instanceof NotSupportedError) {
      return new SQLFeatureNotSupportedException(message, "0A000", number, j);
    }
    return byClass(state, number, message, j);
  }

  private static SQLException operational(
      OperationalError o, String state, int number, String message) {
    return switch (o.reason()) {
      case QUERY_TIMEOUT, LOCK_TIMEOUT -> new SQLTimeoutException(message, state, number, o);
      case LOGIN_TIMEOUT, CONNECTION_REFUSED, UNKNOWN_HOST, ROUTING ->
          new SQLTransientConnectionException(message, state, number, o);
      case CONNECTION_BROKEN,
          PROTOCOL,
          TLS_HANDSHAKE,
          CERTIFICATE,
          ENCRYPTION_REQUIRED_BY_SERVER,
          ENCRYPTION_UNAVAILABLE,
          ENCRYPTION_IMPOSSIBLE,
          CONFIGURATION ->
          new SQLNonTransientConnectionException(message, state, number, o);
      case LOGIN_FAILED -> new SQLInvalidAuthorizationSpecException(message, state, number, o);
      case DEADLOCK -> new SQLTransactionRollbackException(message, state, number, o);
      default -> null;
    };
  }

  private static SQLException byClass(String state, int number, String message, Throwable e) {
    if (state.startsWith("23")) {
      return new SQLIntegrityConstraintViolationException(message, state, number, e);
    }
    if (state.startsWith("22")) {
      return new SQLDataException(message, state, number, e);
    }
    if (state.startsWith("42")) {
      return new SQLSyntaxErrorException(message, state, number, e);
    }
    if (state.startsWith("40")) {
      return new SQLTransactionRollbackException(message, state, number, e);
    }
    return new SQLException(message, state, number, e);
  }

  /** The SQLState for error {@code number} raised as {@code j}. */
  static String state(JctdsException j, int number) {
    String byNumber = byNumber(number);
    if (byNumber != null) {
      return byNumber;
    }
    if (j instanceof OperationalError o) {
      return switch (o.reason()) {
        case QUERY_TIMEOUT, LOCK_TIMEOUT -> "HYT00";
        case QUERY_CANCELLED -> "HY008";
        case LOGIN_TIMEOUT, CONNECTION_REFUSED, UNKNOWN_HOST, ROUTING -> "08001";
        case LOGIN_FAILED -> "28000";
        case DEADLOCK -> "40001";
        case CONNECTION_BROKEN, PROTOCOL -> "08S01";
        case TLS_HANDSHAKE,
            CERTIFICATE,
            ENCRYPTION_REQUIRED_BY_SERVER,
            ENCRYPTION_UNAVAILABLE,
            ENCRYPTION_IMPOSSIBLE,
            CONFIGURATION ->
            "08001";
        default -> "HY000";
      };
    }
    if (j instanceof IntegrityError) {
      return "23000";
    }
    if (j instanceof DataError) {
      return "22000";
    }
    if (j instanceof ProgrammingError && number != 0) {
      return "42000";
    }
    if (j instanceof InterfaceError || j instanceof ProgrammingError) {
      return "HY000";
    }
    return "HY000";
  }

  /**
   * SQL Server error numbers whose SQLState is fixed (the numbers from Microsoft's "Database engine
   * events and errors"; the states from the ODBC / SQL:2003 class each error belongs to).
   */
  private static String byNumber(int number) {
    return switch (number) {
      case 2627, 2601, 547, 515 -> "23000"; // unique key, unique index, constraint, NOT NULL
      case 8152, 2628 -> "22001"; // string or binary data would be truncated
      case 8115, 220, 232 -> "22003"; // arithmetic overflow, value out of range
      case 8134 -> "22012"; // divide by zero
      case 241, 242, 295, 296 -> "22007"; // invalid date / time conversion
      case 245, 8114, 8169, 293 -> "22018"; // conversion failed
      case 102, 105, 156, 170, 319, 1038 -> "42000"; // syntax
      case 208 -> "42S02"; // invalid object name
      case 207 -> "42S22"; // invalid column name
      case 2714 -> "42S01"; // object already exists
      case 2812 -> "42000"; // procedure not found
      case 229, 230, 262, 297, 300 -> "42000"; // permission denied
      case 1205 -> "40001"; // deadlock victim
      case 1222 -> "HYT00"; // lock request time out
      case 18456, 18452, 4060 -> "28000"; // login failed, cannot open database
      default -> null;
    };
  }
}
