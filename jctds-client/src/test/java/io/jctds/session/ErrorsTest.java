package io.jctds.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.jctds.DatabaseError;
import io.jctds.OperationalError;
import io.jctds.SqlServerMessage;
import io.jctds.protocol.TdsProtocolException;
import java.io.EOFException;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The one exception factory: SQL Server number and severity → DB-API class. */
class ErrorsTest {

  private static SqlServerMessage msg(int number, int severity) {
    return new SqlServerMessage(number, 1, severity, "text " + number, "srv", "proc", 7);
  }

  @ParameterizedTest(name = "{0} severity {1} → {2}")
  @CsvSource({
    "2627, 14, IntegrityError, ",
    "2601, 14, IntegrityError, ",
    "547, 16, IntegrityError, ",
    "515, 16, IntegrityError, ",
    "1205, 13, OperationalError, DEADLOCK",
    "18456, 14, OperationalError, LOGIN_FAILED",
    "4060, 11, OperationalError, LOGIN_FAILED",
    "102, 15, ProgrammingError, ",
    "208, 16, ProgrammingError, ",
    "207, 16, ProgrammingError, ",
    "8134, 16, DataError, ",
    "245, 16, DataError, ",
    "50000, 16, ProgrammingError, ",
    "60001, 10, ProgrammingError, ",
    "9999, 20, OperationalError, CONNECTION_BROKEN",
    "9999, 24, OperationalError, CONNECTION_BROKEN",
    "9999, 17, OperationalError, SERVER",
    "9999, 16, ProgrammingError, ",
    "9999, 13, InternalError, ",
    "9999, 12, IntegrityError, ",
    "9999, 14, DatabaseError, "
  })
  void serverMessages(int number, int severity, String type, OperationalError.Reason reason) {
    DatabaseError e = Errors.server(msg(number, severity));
    assertThat(e.getClass().getSimpleName()).isEqualTo(type);
    if (reason != null) {
      assertThat(((OperationalError) e).reason()).isEqualTo(reason);
    }
    assertThat(e.number()).isEqualTo(number);
    assertThat(e.severity()).isEqualTo(severity);
    assertThat(e.state()).isEqualTo(1);
    assertThat(e.server()).isEqualTo("srv");
    assertThat(e.procedure()).isEqualTo("proc");
    assertThat(e.line()).isEqualTo(7);
    assertThat(e.getMessage())
        .startsWith("text " + number)
        .contains("SQL Server error " + number + ", severity " + severity);
  }

  @Test
  void worstIsTheMostSevereFirst() {
    assertThat(Errors.worst(List.of(msg(1, 11), msg(2, 16), msg(3, 16), msg(4, 14))).number())
        .isEqualTo(2);
    assertThat(Errors.worst(List.of())).isNull();
  }

  @Test
  void transportFailuresBreakTheConnection() {
    OperationalError eof = Errors.broken(new EOFException("gone"), "reading the response");
    assertThat(eof.reason()).isEqualTo(OperationalError.Reason.CONNECTION_BROKEN);
    assertThat(eof.isConnectionBroken()).isTrue();
    assertThat(eof).hasMessageContaining("closed the connection while jctds was reading");
    OperationalError proto = Errors.broken(new TdsProtocolException("bad", 3), "reading");
    assertThat(proto.reason()).isEqualTo(OperationalError.Reason.PROTOCOL);
    OperationalError io = Errors.broken(new IOException("reset"), "writing");
    assertThat(io.reason()).isEqualTo(OperationalError.Reason.CONNECTION_BROKEN);
    assertThat(Errors.queryTimeout("2 s", "(x)", null).isConnectionBroken()).isFalse();
  }
}
