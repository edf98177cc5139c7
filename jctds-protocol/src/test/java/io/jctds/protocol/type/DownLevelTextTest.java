package io.jctds.protocol.type;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

/**
 * The date and time getters read the nvarchar text a TDS 7.1/7.2 client receives for date, time,
 * datetime2 and datetimeoffset columns. The forms are those of "Backward compatibility for
 * down-level clients" on Microsoft's date and time type pages (YYYY-MM-DD, hh:mm:ss[.nnnnnnn],
 * YYYY-MM-DD hh:mm:ss[.nnnnnnn], YYYY-MM-DD hh:mm:ss[.nnnnnnn] [+|-]hh:mm), with the values of
 * those pages (datetimeoffset's example, the types' ranges).
 */
class DownLevelTextTest {
  private static final TypeInfo NVARCHAR =
      TypeInfo.nvarchar(34, Collation.SQL_LATIN1_GENERAL_CP1_CI_AS);

  private static ByteBuffer utf16(String s) {
    return ByteBuffer.wrap(s.getBytes(StandardCharsets.UTF_16LE)).order(ByteOrder.LITTLE_ENDIAN);
  }

  private static int len(String s) {
    return 2 * s.length();
  }

  @Test
  void eachTextFormReadsAsItsValue() {
    String dto = "2007-05-08 12:35:29.1234567 +12:15";
    assertThat(Values.getOffsetDateTime(NVARCHAR, utf16(dto), 0, len(dto)))
        .isEqualTo(OffsetDateTime.parse("2007-05-08T12:35:29.1234567+12:15"));
    assertThat(Values.getDateTime(NVARCHAR, utf16(dto), 0, len(dto)))
        .isEqualTo(LocalDateTime.of(2007, 5, 8, 12, 35, 29, 123_456_700));
    String min = "0001-01-01 00:00:00.0000000 -14:00";
    assertThat(Values.getOffsetDateTime(NVARCHAR, utf16(min), 0, len(min)))
        .isEqualTo(OffsetDateTime.parse("0001-01-01T00:00-14:00"));
    String date = "9999-12-31";
    assertThat(Values.getDate(NVARCHAR, utf16(date), 0, len(date)))
        .isEqualTo(LocalDate.of(9999, 12, 31));
    assertThat(Values.getDateTime(NVARCHAR, utf16(date), 0, len(date)))
        .isEqualTo(LocalDateTime.of(9999, 12, 31, 0, 0));
    String time = "23:59:59.9999999";
    assertThat(Values.getTime(NVARCHAR, utf16(time), 0, len(time)))
        .isEqualTo(LocalTime.of(23, 59, 59, 999_999_900));
    String dt2 = "9999-12-31 23:59:59.9999999";
    assertThat(Values.getDateTime(NVARCHAR, utf16(dt2), 0, len(dt2)))
        .isEqualTo(LocalDateTime.of(9999, 12, 31, 23, 59, 59, 999_999_900));
    assertThat(Values.getDate(NVARCHAR, utf16(dt2), 0, len(dt2)))
        .isEqualTo(LocalDate.of(9999, 12, 31));
    assertThat(Values.getTime(NVARCHAR, utf16(dt2), 0, len(dt2)))
        .isEqualTo(LocalTime.of(23, 59, 59, 999_999_900));
    // the natural value of an nvarchar column stays its text
    assertThat(Values.getObject(NVARCHAR, utf16(dt2), 0, len(dt2))).isEqualTo(dt2);
  }

  @Test
  void textThatIsNoDateIsAConversionError() {
    String s = "tomorrow";
    assertThatThrownBy(() -> Values.getDate(NVARCHAR, utf16(s), 0, len(s)))
        .isInstanceOf(ConversionException.class)
        .hasMessageContaining("\"tomorrow\" to LocalDate");
    String noOffset = "2007-05-08 12:35:29";
    assertThatThrownBy(() -> Values.getOffsetDateTime(NVARCHAR, utf16(noOffset), 0, len(noOffset)))
        .isInstanceOf(ConversionException.class)
        .hasMessageContaining("OffsetDateTime");
  }
}
