package io.jctds.session;

import io.jctds.DataError;
import io.jctds.DatabaseError;
import io.jctds.IntegrityError;
import io.jctds.InternalError;
import io.jctds.JctdsException;
import io.jctds.OperationalError;
import io.jctds.OperationalError.Reason;
import io.jctds.ProgrammingError;
import io.jctds.QueryTimeoutError;
import io.jctds.SqlServerMessage;
import io.jctds.protocol.TdsProtocolException;
import io.jctds.protocol.token.ServerMessage;
import java.io.EOFException;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * The one place where failures become jctds exceptions. SQL Server messages map by number first,
 * then by severity as k-cTDS maps them; I/O and protocol failures become {@link OperationalError}s
 * that say the connection is broken.
 */
public final class Errors {
  private static final Set<Integer> INTEGRITY = Set.of(2601, 2627, 547, 515, 544, 545, 548);
  private static final Set<Integer> DATA =
      Set.of(220, 232, 245, 517, 518, 529, 8114, 8115, 8134, 2628, 8152, 241, 242, 295);
  private static final Set<Integer> LOGIN =
      Set.of(18456, 18452, 18470, 18486, 18487, 18488, 4060, 4064);
  private static final Set<Integer> PROGRAMMING = Set.of(102, 105, 156, 207, 208, 2812, 137);

  private Errors() {}

  /** The public form of an ERROR or INFO token. */
  public static SqlServerMessage message(ServerMessage m) {
    return new SqlServerMessage(
        m.number(),
        m.state(),
        m.severity(),
        m.message(),
        m.serverName(),
        m.procName(),
        m.lineNumber());
  }

  /** The most severe message of {@code errors} (the first of equals), or null when empty. */
  public static SqlServerMessage worst(Collection<SqlServerMessage> errors) {
    SqlServerMessage worst = null;
    for (SqlServerMessage m : errors) {
      if (worst == null || m.severity() > worst.severity()) {
        worst = m;
      }
    }
    return worst;
  }

  /** The exception for a SQL Server error, carrying just that message. */
  public static DatabaseError server(SqlServerMessage m) {
    return server(m, null);
  }

  /**
   * The exception for a SQL Server error: by number (integrity, data, login, deadlock, lock
   * timeout, syntax), then user errors (50000+) as programming errors, then by severity as k-cTDS
   * does.
   *
   * @param m the error the exception reports
   * @param all every message of the failed request up to the error, in order, or null
   */
  public static DatabaseError server(SqlServerMessage m, List<SqlServerMessage> all) {
    String text = describe(m);
    int n = m.number();
    if (INTEGRITY.contains(n)) {
      return new IntegrityError(text, m, all, null);
    }
    if (DATA.contains(n)) {
      return new DataError(text, m, all, null);
    }
    if (LOGIN.contains(n)) {
      return new OperationalError(Reason.LOGIN_FAILED, text, m, all, null);
    }
    if (n == 1205) {
      return new OperationalError(Reason.DEADLOCK, text, m, all, null);
    }
    if (n == 1222) {
      return new OperationalError(Reason.LOCK_TIMEOUT, text, m, all, null);
    }
    if (PROGRAMMING.contains(n) || n >= 50000 && m.severity() < 20) {
      return new ProgrammingError(text, m, all, null);
    }
    return bySeverity(text, m, all);
  }

  private static DatabaseError bySeverity(
      String text, SqlServerMessage m, List<SqlServerMessage> all) {
    int severity = m.severity();
    if (severity >= 20) {
      return new OperationalError(Reason.CONNECTION_BROKEN, text, m, all, null);
    }
    return switch (severity) {
      case 11, 15, 16 -> new ProgrammingError(text, m, all, null);
      case 12 -> new IntegrityError(text, m, all, null);
      case 13 -> new InternalError(text, m, all, null);
      case 17, 18, 19 -> new OperationalError(Reason.SERVER, text, m, all, null);
      default -> new DatabaseError(text, m, all, null);
    };
  }

  /** {@code text (SQL Server error N, severity S, state T[, procedure P], line L)}. */
  static String describe(SqlServerMessage m) {
    return m.text()
        + " (SQL Server error "
        + m.number()
        + ", severity "
        + m.severity()
        + ", state "
        + m.state()
        + (m.procedure().isEmpty() ? "" : ", procedure " + m.procedure())
        + ", line "
        + m.line()
        + ")";
  }

  /**
   * A failure of the connection after login: the I/O error, the end of the stream or a protocol
   * violation, while {@code doing} (e.g. "reading the response").
   */
  public static OperationalError broken(Throwable e, String doing) {
    if (e instanceof TdsProtocolException p) {
      return new OperationalError(
          Reason.PROTOCOL,
          "the server sent invalid TDS while jctds was "
              + doing
              + ": "
              + p.getMessage()
              + "; the connection is closed",
          p);
    }
    if (e instanceof java.nio.channels.ClosedByInterruptException) {
      return new OperationalError(
          Reason.CONNECTION_BROKEN,
          "the thread was interrupted while jctds was "
              + doing
              + ", which closes the connection (an interrupt during socket I/O closes the socket,"
              + " as for any java.nio channel); its interrupt status stays set. To stop a request"
              + " and keep the connection, use Cursor.cancel() or a query timeout",
          e);
    }
    if (e instanceof EOFException) {
      return new OperationalError(
          Reason.CONNECTION_BROKEN,
          "the server closed the connection while jctds was " + doing + ": " + e.getMessage(),
          e);
    }
    return new OperationalError(
        Reason.CONNECTION_BROKEN,
        "the connection broke while jctds was " + doing + ": " + e + "; the connection is closed",
        e);
  }

  /** A request took longer than the query timeout and was cancelled. */
  public static QueryTimeoutError queryTimeout(String timeout, String origin, Throwable cause) {
    return new QueryTimeoutError(
        "the request did not complete within the query timeout of "
            + timeout
            + " "
            + origin
            + "; it was cancelled and the connection is still usable. Raise the timeout"
            + " (ConnectOptions.timeout or 'timeout' in freetds.conf) if the request needs longer",
        cause);
  }

  /** Whether {@code e} is a read or connect timeout. */
  public static boolean isTimeout(Throwable e) {
    return e instanceof SocketTimeoutException;
  }

  /** Wraps anything unexpected; jctds exceptions pass through. */
  public static JctdsException unexpected(Throwable e, String doing) {
    if (e instanceof JctdsException j) {
      return j;
    }
    if (e instanceof IOException || e instanceof TdsProtocolException) {
      return broken(e, doing);
    }
    return new io.jctds.InterfaceError(
        "unexpected failure while jctds was " + doing + ": " + e, null, e);
  }
}
