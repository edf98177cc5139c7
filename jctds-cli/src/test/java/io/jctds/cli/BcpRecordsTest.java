package io.jctds.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.time.LocalDateTime;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;

/**
 * The character-format reader and the text-to-value conversion. Inputs are in the forms freebcp
 * 1.3.17 writes (jctds-server's FreeBcpIT: NUL for an empty string, nothing for NULL, hex without
 * 0x, yyyy-mm-dd hh:mm:ss.fff).
 */
class BcpRecordsTest {
  @Test
  void multiCharacterTerminatorsAndALastRecordWithoutOne() throws Exception {
    BcpRecords r = new BcpRecords(new StringReader("a||b~~\n||\0~~\nlast||x"), "||", "~~\n");
    assertThat(r.next()).containsExactly("a", "b");
    assertThat(r.next()).containsExactly("", "\0");
    assertThat(r.number()).isEqualTo(2);
    assertThat(r.next()).containsExactly("last", "x");
    assertThat(r.number()).isEqualTo(3);
    assertThat(r.next()).isNull();
  }

  @Test
  void valuesByColumnType() {
    assertThat(BcpValues.parse("", "int")).isNull();
    assertThat(BcpValues.parse("\0", "varchar(10)")).isEqualTo("");
    assertThat(BcpValues.parse("\0", "varbinary(10)")).isEqualTo(new byte[0]);
    assertThat(BcpValues.parse("cafe", "varbinary(10)"))
        .isEqualTo(new byte[] {(byte) 0xCA, (byte) 0xFE});
    assertThat(BcpValues.parse("-9223372036854775808", "bigint")).isEqualTo(Long.MIN_VALUE);
    assertThat(BcpValues.parse("1900-01-01 23:59:59.999", "time(7)"))
        .isEqualTo(LocalTime.of(23, 59, 59, 999_000_000));
    assertThat(BcpValues.parse("2007-05-08 12:35:29.123", "datetime2(7)"))
        .isEqualTo(LocalDateTime.of(2007, 5, 8, 12, 35, 29, 123_000_000));
    assertThatThrownBy(() -> BcpValues.parse("four", "int"))
        .hasMessage("'four' is not a valid int value");
  }
}
