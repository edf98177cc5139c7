package io.jctds.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jctds.SqlServerMessage;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class BatchPrinterTest {
  private static final String NL = System.lineSeparator();

  @Test
  void errorsRenderAsSqlcmdDoes() {
    SqlServerMessage m = new SqlServerMessage(208, 1, 16, "Invalid object name 't'.", "DB1", "", 1);
    assertThat(BatchPrinter.render(m))
        .isEqualTo(
            "Msg 208, Level 16, State 1, Server DB1, Line 1" + NL + "Invalid object name 't'.");
  }

  @Test
  void errorsInAProcedureNameIt() {
    SqlServerMessage m = new SqlServerMessage(50000, 2, 16, "boom", "DB1", "p_do", 7);
    assertThat(BatchPrinter.render(m))
        .isEqualTo(
            "Msg 50000, Level 16, State 2, Server DB1, Procedure p_do, Line 7" + NL + "boom");
  }

  @Test
  void informationalMessagesAreTheirTextAndNotesArePrefixed() {
    assertThat(BatchPrinter.render(new SqlServerMessage(0, 1, 0, "hello", "DB1", "", 1)))
        .isEqualTo("hello");
    assertThat(BatchPrinter.render(SqlServerMessage.clientNote("certificate not validated")))
        .isEqualTo("jctds: certificate not validated");
  }

  @Test
  void cellsRenderNullBinaryAndDecimals() {
    assertThat(BatchPrinter.cell(null)).isEqualTo("NULL");
    assertThat(BatchPrinter.cell(new byte[] {0x0a, (byte) 0xff})).isEqualTo("0x0AFF");
    assertThat(BatchPrinter.cell(new BigDecimal("1E+3"))).isEqualTo("1000");
    assertThat(BatchPrinter.cell(LocalDate.of(2024, 2, 29))).isEqualTo("2024-02-29");
    assertThat(BatchPrinter.cell("NULL ")).isEqualTo("NULL ");
  }

  @Test
  void cellsRenderAsSqlcmdUsersReadThem() {
    // ODBC's SQL_C_CHAR forms ("Converting Data from SQL to C Data Types": bit as 0/1, timestamp
    // as yyyy-mm-dd hh:mm:ss[.f...]), with the fraction the type has: datetime .fff,
    // smalldatetime none, datetime2(n)/time(n)/datetimeoffset(n) n digits ("datetime2
    // (Transact-SQL)" default format 'yyyy-MM-dd HH:mm:ss[.nnnnnnn]'); a uniqueidentifier as
    // CONVERT(char(36), ...) gives it, in upper case ("uniqueidentifier (Transact-SQL)" example
    // 6F9619FF-8B86-D011-B42D-00C04FC964FF)
    assertThat(Cells.cell(true, "bit")).isEqualTo("1");
    assertThat(Cells.cell(false, "bit")).isEqualTo("0");
    assertThat(
            Cells.cell(
                java.util.UUID.fromString("6f9619ff-8b86-d011-b42d-00c04fc964ff"),
                "uniqueidentifier"))
        .isEqualTo("6F9619FF-8B86-D011-B42D-00C04FC964FF");
    java.time.LocalDateTime t = java.time.LocalDateTime.of(2007, 5, 8, 12, 35, 29, 123_456_700);
    assertThat(Cells.cell(t, "datetime2(7)")).isEqualTo("2007-05-08 12:35:29.1234567");
    assertThat(Cells.cell(t, "datetime2(0)")).isEqualTo("2007-05-08 12:35:29");
    assertThat(Cells.cell(t.withNano(123_000_000), "datetime"))
        .isEqualTo("2007-05-08 12:35:29.123");
    assertThat(Cells.cell(t.withSecond(0).withNano(0), "smalldatetime"))
        .isEqualTo("2007-05-08 12:35:00");
    assertThat(Cells.cell(t.toLocalTime(), "time(3)")).isEqualTo("12:35:29.123");
    // "datetimeoffset (Transact-SQL)": 'yyyy-MM-dd HH:mm:ss[.nnnnnnn] [{+|-}hh:mm]'
    assertThat(
            Cells.cell(
                java.time.OffsetDateTime.of(t, java.time.ZoneOffset.ofHoursMinutes(12, 15)),
                "datetimeoffset(7)"))
        .isEqualTo("2007-05-08 12:35:29.1234567 +12:15");
    assertThat(Cells.cell(new BigDecimal("-0.00001"), "decimal(10,5)")).isEqualTo("-0.00001");
  }
}
