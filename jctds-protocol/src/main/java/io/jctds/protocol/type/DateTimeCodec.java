package io.jctds.protocol.type;

import io.jctds.protocol.TdsProtocolException;
import io.jctds.protocol.TdsWriter;
import io.jctds.protocol.Wire;
import java.nio.ByteBuffer;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * The date and time types ([MS-TDS] 2.2.5.5.1.7-8): datetime (days since 1900-01-01 and 1/300 s
 * ticks), smalldatetime (days and minutes), date (3-byte days since 0001-01-01), time(n)
 * (10^-n-second units since midnight in 3-5 bytes), datetime2(n) (time then date) and
 * datetimeoffset(n) (UTC time and date, then the offset in minutes).
 */
public final class DateTimeCodec {
  private DateTimeCodec() {}

  private static final long EPOCH_1900 = LocalDate.of(1900, 1, 1).toEpochDay();
  private static final long EPOCH_0001 = LocalDate.of(1, 1, 1).toEpochDay();
  private static final long NANOS_PER_DAY = 86_400_000_000_000L;
  private static final long TICKS_PER_DAY = 86_400L * 300;
  private static final long[] POW10 = {
    1L, 10L, 100L, 1_000L, 10_000L, 100_000L, 1_000_000L, 10_000_000L, 100_000_000L, 1_000_000_000L
  };

  /** Bytes of a time(scale) value: 3 for 0-2, 4 for 3-4, 5 for 5-7. */
  public static int timeLength(int scale) {
    return scale <= 2 ? 3 : scale <= 4 ? 4 : 5;
  }

  /** datetime: 8 bytes at {@code off}, milliseconds rounded as SQL Server shows them. */
  public static LocalDateTime decodeDateTime(ByteBuffer b, int off) {
    int days = Wire.i32At(b, off);
    long ticks = Wire.i32At(b, off + 4) & 0xFFFFFFFFL;
    if (ticks >= TICKS_PER_DAY) {
      throw new TdsProtocolException("datetime time part " + ticks + " exceeds one day", off + 4);
    }
    long millis = (ticks * 10 + 1) / 3;
    return LocalDateTime.of( // millis < 86,400,000: the ticks were checked
        LocalDate.ofEpochDay(EPOCH_1900 + days), LocalTime.ofNanoOfDay(millis * 1_000_000L));
  }

  /** smalldatetime: 4 bytes at {@code off}. */
  public static LocalDateTime decodeSmallDateTime(ByteBuffer b, int off) {
    int days = Wire.u16At(b, off);
    int minutes = Wire.u16At(b, off + 2);
    if (minutes >= 1440) {
      throw new TdsProtocolException("smalldatetime minutes " + minutes + " exceed a day", off);
    }
    return LocalDateTime.of(
        LocalDate.ofEpochDay(EPOCH_1900 + days), LocalTime.of(minutes / 60, minutes % 60));
  }

  /** Writes a datetime (8 bytes), rounding to the nearest 1/300 second. */
  public static void encodeDateTime(TdsWriter out, LocalDateTime v) {
    long days = v.toLocalDate().toEpochDay() - EPOCH_1900;
    long ticks = (v.toLocalTime().toNanoOfDay() * 3 + 5_000_000) / 10_000_000;
    if (ticks == TICKS_PER_DAY) {
      days++;
      ticks = 0;
    }
    if (days < -53690 || days > 2958463) {
      throw new IllegalArgumentException(v + " is outside the datetime range 1753..9999");
    }
    out.i32((int) days).i32((int) ticks);
  }

  /** Writes a smalldatetime (4 bytes), rounding to the nearest minute. */
  public static void encodeSmallDateTime(TdsWriter out, LocalDateTime v) {
    long days = v.toLocalDate().toEpochDay() - EPOCH_1900;
    long minutes = (v.toLocalTime().toNanoOfDay() + 30_000_000_000L) / 60_000_000_000L;
    if (minutes == 1440) {
      days++;
      minutes = 0;
    }
    if (days < 0 || days > 0xFFFF) {
      throw new IllegalArgumentException(v + " is outside the smalldatetime range 1900..2079");
    }
    out.u16((int) days).u16((int) minutes);
  }

  /** date: 3 bytes at {@code off}. */
  public static LocalDate decodeDate(ByteBuffer b, int off) {
    return LocalDate.ofEpochDay(EPOCH_0001 + Wire.uintAt(b, off, 3));
  }

  /** Writes a date (3 bytes). */
  public static void encodeDate(TdsWriter out, LocalDate v) {
    long days = v.toEpochDay() - EPOCH_0001;
    if (days < 0 || days > 3652058) {
      throw new IllegalArgumentException(v + " is outside the date range 0001..9999");
    }
    out.uint(days, 3);
  }

  /** time(scale) at {@code off} ({@link #timeLength} bytes). */
  public static LocalTime decodeTime(ByteBuffer b, int off, int scale) {
    return LocalTime.ofNanoOfDay(timeNanos(b, off, scale));
  }

  private static long timeNanos(ByteBuffer b, int off, int scale) {
    long units = Wire.uintAt(b, off, timeLength(scale));
    long nanos = units * POW10[9 - scale];
    if (nanos >= NANOS_PER_DAY || nanos < 0) {
      throw new TdsProtocolException("time value " + units + " exceeds one day", off);
    }
    return nanos;
  }

  /**
   * Writes time(scale), rounding half-up; a value that rounds to 24:00 is written as 23:59:59.9…
   */
  public static void encodeTime(TdsWriter out, LocalTime v, int scale) {
    long units = roundUnits(v.toNanoOfDay(), scale);
    long max = 86_400L * POW10[scale] - 1;
    out.uint(Math.min(units, max), timeLength(scale));
  }

  private static long roundUnits(long nanoOfDay, int scale) {
    long div = POW10[9 - scale];
    return (nanoOfDay + div / 2) / div;
  }

  /**
   * datetime2(scale) at {@code off}: time then date. Built from its date and time directly (three
   * objects): {@code atStartOfDay().plusNanos()} made two more and divided per value.
   */
  public static LocalDateTime decodeDateTime2(ByteBuffer b, int off, int scale) {
    long nanos = timeNanos(b, off, scale);
    return LocalDateTime.of(decodeDate(b, off + timeLength(scale)), LocalTime.ofNanoOfDay(nanos));
  }

  /** Writes datetime2(scale): time then date, rounding half-up (carrying into the next day). */
  public static void encodeDateTime2(TdsWriter out, LocalDateTime v, int scale) {
    long units = roundUnits(v.toLocalTime().toNanoOfDay(), scale);
    LocalDate d = v.toLocalDate();
    if (units == 86_400L * POW10[scale]) {
      units = 0;
      d = d.plusDays(1);
    }
    out.uint(units, timeLength(scale));
    encodeDate(out, d);
  }

  /** datetimeoffset(scale) at {@code off}: UTC time, UTC date, offset minutes. */
  public static OffsetDateTime decodeDateTimeOffset(ByteBuffer b, int off, int scale) {
    LocalDateTime utc = decodeDateTime2(b, off, scale);
    int at = off + timeLength(scale) + 3;
    short minutes = (short) Wire.u16At(b, at);
    try {
      return utc.atOffset(ZoneOffset.UTC)
          .withOffsetSameInstant(ZoneOffset.ofTotalSeconds(minutes * 60));
    } catch (DateTimeException e) {
      throw new TdsProtocolException("datetimeoffset offset " + minutes + " min is invalid", at);
    }
  }

  /** Writes datetimeoffset(scale): the instant in UTC, then the offset in minutes. */
  public static void encodeDateTimeOffset(TdsWriter out, OffsetDateTime v, int scale) {
    int seconds = v.getOffset().getTotalSeconds();
    if (seconds % 60 != 0 || Math.abs(seconds) > 14 * 3600) {
      throw new IllegalArgumentException(
          "offset " + v.getOffset() + " is not whole minutes within ±14:00");
    }
    encodeDateTime2(out, v.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime(), scale);
    out.u16(seconds / 60);
  }
}
