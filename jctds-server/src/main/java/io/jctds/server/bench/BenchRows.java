package io.jctds.server.bench;

import io.jctds.protocol.TdsWriter;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.UUID;

/**
 * The values of {@code jctds_bench_rows(N)} and {@code jctds_bench_blobs(N, SIZE)}, each a function
 * of the row's id {@code x} (1..N), as README documents them:
 *
 * <ul>
 *   <li>{@code id int} = x
 *   <li>{@code big bigint} = x × 1,000,003
 *   <li>{@code name nvarchar(50)} = {@code 'name '} followed by x in decimal
 *   <li>{@code created datetime2(7)} = 2026-01-01T00:00:00 + x seconds + x × 100 ns
 *   <li>{@code amount decimal(18,4)} = x × 1.2345
 *   <li>{@code ratio float} = x / 7.0 (IEEE double division)
 *   <li>{@code flag bit} = 1 when x is odd
 *   <li>{@code guid uniqueidentifier} = the UUID whose 64 most significant bits are x and least
 *       significant bits are NOT x ({@code new UUID(x, ~x)})
 *   <li>blobs: {@code data varbinary(SIZE)}: byte k (from 0) = (x + k) mod 256
 * </ul>
 *
 * <p>The writers here encode a row straight into the response ([MS-TDS] 2.2.5.5 data types, in
 * their nullable forms: INTN, NVARCHAR, DATETIME2N, DECIMALN, FLTN, BITN, GUID, BIGVARBINARY) with
 * no allocation per row; the same values through H2 ({@link #created}, {@link #guid}, {@link
 * #blob}) serve any other query over the functions.
 */
public final class BenchRows {
  /** The first row's created value minus one id's step. */
  public static final LocalDateTime BASE = LocalDateTime.of(2026, 1, 1, 0, 0);

  /** Largest SIZE of jctds_bench_blobs: varbinary(SIZE) holds at most 8,000 bytes. */
  public static final int MAX_BLOB = 8000;

  private static final long TICKS_PER_ID = 10_000_001L; // 1 s + 100 ns, in 100 ns ticks
  private static final long TICKS_PER_DAY = 864_000_000_000L;
  private static final int BASE_DAYS =
      (int) (BASE.toLocalDate().toEpochDay() - LocalDate.of(1, 1, 1).toEpochDay());

  /** 0, 1, ..., 255, 0, 1, ...: the blob of id x is the SIZE bytes from index x mod 256. */
  private static final byte[] PATTERN = new byte[256 + MAX_BLOB];

  static {
    for (int i = 0; i < PATTERN.length; i++) {
      PATTERN[i] = (byte) i;
    }
  }

  private BenchRows() {}

  /** The created value of id x. */
  public static LocalDateTime created(long x) {
    return BASE.plusNanos(x * TICKS_PER_ID * 100);
  }

  /** The guid value of id x. */
  public static UUID guid(long x) {
    return new UUID(x, ~x);
  }

  /** The amount value of id x. */
  public static BigDecimal amount(long x) {
    return BigDecimal.valueOf(x * 12_345L, 4);
  }

  /** The data value of id x in jctds_bench_blobs(N, size). */
  public static byte[] blob(long x, int size) {
    byte[] b = new byte[size];
    System.arraycopy(PATTERN, (int) (x & 0xFF), b, 0, size);
    return b;
  }

  /** Writes the eight columns of jctds_bench_rows for id x (after the ROW token byte). */
  public static void writeRow(TdsWriter out, long x) {
    writeRow(out, x, false);
  }

  /**
   * Writes the eight columns of jctds_bench_rows for id x (after the ROW token byte); {@code
   * downLevel}: for a TDS 7.1/7.2 client, which has no datetime2 and receives it as nvarchar(27) in
   * ODBC canonical form ({@code 2026-01-01 00:00:01.0000001}, as SQL Server does).
   */
  public static void writeRow(TdsWriter out, long x, boolean downLevel) {
    out.u8(4).i32((int) x); // INTN(4)
    out.u8(8).i64(x * 1_000_003L); // INTN(8)
    writeName(out, x);
    long ticks = x * TICKS_PER_ID;
    if (downLevel) {
      writeCreatedText(out, ticks);
    } else {
      out.u8(8).uint(ticks % TICKS_PER_DAY, 5).uint(BASE_DAYS + ticks / TICKS_PER_DAY, 3);
    }
    out.u8(9).u8(1).i64(x * 12_345L); // DECIMALN(18,4): positive sign, 8-byte magnitude
    out.u8(8).i64(Double.doubleToRawLongBits(x / 7.0)); // FLTN(8)
    out.u8(1).u8((int) (x & 1)); // BITN
    // GUID: Data1 (4 bytes), Data2, Data3 little-endian, Data4 as is ([MS-DTYP] 2.3.4.2)
    long lsb = ~x;
    out.u8(16).i32((int) (x >>> 32)).u16((int) (x >>> 16)).u16((int) x);
    for (int i = 7; i >= 0; i--) {
      out.u8((int) (lsb >>> (8 * i)));
    }
  }

  /**
   * created as NVARCHAR text {@code yyyy-MM-dd HH:mm:ss.fffffff} (27 UTF-16 units), computed from
   * the ticks since BASE without a date object per row.
   */
  private static void writeCreatedText(TdsWriter out, long ticks) {
    long epochDay = BASE.toLocalDate().toEpochDay() + ticks / TICKS_PER_DAY;
    long inDay = ticks % TICKS_PER_DAY;
    // civil date from days since 1970-01-01 (proleptic Gregorian, era arithmetic)
    long z = epochDay + 719_468;
    long era = Math.floorDiv(z, 146_097);
    long doe = z - era * 146_097;
    long yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    long day = doy - (153 * mp + 2) / 5 + 1;
    long month = mp < 10 ? mp + 3 : mp - 9;
    long year = yoe + era * 400 + (month <= 2 ? 1 : 0);
    out.u16(27 * 2);
    digits(out, year, 4).u16('-');
    digits(out, month, 2).u16('-');
    digits(out, day, 2).u16(' ');
    long seconds = inDay / 10_000_000L;
    digits(out, seconds / 3600, 2).u16(':');
    digits(out, seconds / 60 % 60, 2).u16(':');
    digits(out, seconds % 60, 2).u16('.');
    digits(out, inDay % 10_000_000L, 7);
  }

  /** The last {@code width} decimal digits of v, zero-padded, as UTF-16LE. */
  private static TdsWriter digits(TdsWriter out, long v, int width) {
    long div = 1;
    for (int i = 1; i < width; i++) {
      div *= 10;
    }
    for (; div > 0; div /= 10) {
      out.u16('0' + (int) (v / div % 10));
    }
    return out;
  }

  /** NVARCHAR: byte length, then "name " and the digits of x (at least 1) as UTF-16LE. */
  private static void writeName(TdsWriter out, long x) {
    int digits = digits(x);
    out.u16((5 + digits) * 2).ucs2("name ");
    digits(out, x, digits);
  }

  private static int digits(long x) {
    int n = 1;
    while (x >= 10) {
      x /= 10;
      n++;
    }
    return n;
  }

  /** Writes the two columns of jctds_bench_blobs for id x (after the ROW token byte). */
  public static void writeBlobRow(TdsWriter out, long x, int size) {
    out.u8(4).i32((int) x);
    out.u16(size).bytes(PATTERN, (int) (x & 0xFF), size);
  }
}
