package io.jctds.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.jctds.DataError;
import io.jctds.DatabaseError;
import io.jctds.IntegrityError;
import io.jctds.OperationalError;
import io.jctds.OperationalError.Reason;
import io.jctds.ProgrammingError;
import io.jctds.SqlServerMessage;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The DB-API family of each SQL Server error as issue 9 lists it. Numbers and their severities are
 * SQL Server's as Microsoft documents them in "Database engine events and errors" (e.g. 2627 has
 * severity 14, 1205 severity 13, 1222 severity 16, 8134 severity 16, 208 severity 16).
 */
class ErrorsMappingTest {
  @ParameterizedTest(name = "{0} (severity {1}) -> {2}")
  @CsvSource({
    "2627, 14, IntegrityError",
    "2601, 14, IntegrityError",
    "547, 16, IntegrityError",
    "515, 16, IntegrityError",
    "102, 15, ProgrammingError",
    "156, 15, ProgrammingError",
    "207, 16, ProgrammingError",
    "208, 16, ProgrammingError",
    "245, 16, DataError",
    "8114, 16, DataError",
    "8115, 16, DataError",
    "8134, 16, DataError",
    "1205, 13, OperationalError",
    "1222, 16, OperationalError",
    "9999, 20, OperationalError",
    "9999, 21, OperationalError"
  })
  void familyByNumberAndSeverity(int number, int severity, String family) {
    SqlServerMessage m = new SqlServerMessage(number, 1, severity, "x", "srv", "proc", 7);
    SqlServerMessage info = new SqlServerMessage(0, 1, 0, "printed", "srv", "", 1);
    DatabaseError e = Errors.server(m, List.of(info, m));
    assertThat(e.getClass().getSimpleName()).isEqualTo(family);
    assertThat(e.number()).isEqualTo(number);
    assertThat(e.state()).isEqualTo(1);
    assertThat(e.severity()).isEqualTo(severity);
    assertThat(e.server()).isEqualTo("srv");
    assertThat(e.procedure()).isEqualTo("proc");
    assertThat(e.line()).isEqualTo(7);
    assertThat(e.messages()).containsExactly(info, m);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({"1205, DEADLOCK", "1222, LOCK_TIMEOUT"})
  void operationalReasonsDoNotBreakTheConnection(int number, Reason reason) {
    OperationalError e =
        (OperationalError)
            Errors.server(new SqlServerMessage(number, 1, 13, "x", "", "", 1), List.of());
    assertThat(e.reason()).isEqualTo(reason);
    assertThat(e.isConnectionBroken()).isFalse();
  }

  @org.junit.jupiter.api.Test
  void severityTwentyBreaksTheConnection() {
    DatabaseError e = Errors.server(new SqlServerMessage(50000, 1, 20, "x", "", "", 1), null);
    assertThat(e).isInstanceOf(OperationalError.class);
    assertThat(((OperationalError) e).isConnectionBroken()).isTrue();
    assertThat(e).isNotInstanceOfAny(IntegrityError.class, DataError.class, ProgrammingError.class);
  }
}
