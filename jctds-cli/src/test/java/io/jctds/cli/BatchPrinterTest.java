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
}
