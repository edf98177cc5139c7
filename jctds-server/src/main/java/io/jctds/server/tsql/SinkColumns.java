package io.jctds.server.tsql;

import io.jctds.protocol.type.TypeInfo;
import io.jctds.server.functions.TemporalFunctions;
import io.jctds.server.sql.SqlException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The checks the sink's fast paths ({@link SinkLoad}) apply to a value sent as TDS bytes for a
 * column of {@code master.dbo.jctds_bench_sink} ({@code id int, big bigint, name nvarchar(50),
 * created datetime2(7), amount decimal(18,4), ratio float, flag bit, guid uniqueidentifier}, all
 * nullable): only a wire type that converts to the column without rounding or parsing has a check;
 * any other pairing is {@code null}, and the statement goes through H2.
 *
 * <p>Errors are those a table with these columns gives (and H2's path gives for the sink): 2628
 * "String or binary data would be truncated in table '%.*ls', column '%.*ls'. Truncated value:
 * '%.*ls'." (SQL Server 2019+), 8115 "Arithmetic overflow error converting %ls to data type %ls."
 * (both from Microsoft's "Database engine events and errors" list).
 */
enum SinkColumns {
  /** Any value of the wire type fits the column: int from a 1-4 byte integer, bigint, etc. */
  ANY,
  /** {@code id int} from an 8-byte integer: it must fit 32 bits. */
  INT_FROM_BIGINT,
  /** {@code name nvarchar(50)} from nvarchar: at most 50 UTF-16 code units. */
  NAME,
  /** {@code amount decimal(18,4)} from a scale-4 decimal: at most 18 digits. */
  AMOUNT,
  /** {@code guid uniqueidentifier} from char/varchar text (mssql-jdbc's SQLServerBulkCopy). */
  GUID_TEXT,
  /** {@code created datetime2(7)} from char/varchar text (mssql-jdbc's batch sent as bulk copy). */
  DATETIME2_TEXT;

  /** The sink's nvarchar(50): 50 byte pairs. */
  private static final int NAME_BYTES = 100;

  /** decimal(18,4)'s unscaled values lie below 10^18. */
  private static final long AMOUNT_LIMIT = 1_000_000_000_000_000_000L;

  /** The sink's columns in table order. */
  static final String[] NAMES = {"id", "big", "name", "created", "amount", "ratio", "flag", "guid"};

  /** The sink column's index of {@code name} (any case), or -1. */
  static int column(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    for (int i = 0; i < NAMES.length; i++) {
      if (NAMES[i].equals(n)) {
        return i;
      }
    }
    return -1;
  }

  /**
   * The check for values of type {@code wire} going into sink column {@code column} (an index into
   * {@link #NAMES}), or null when that pairing is left to H2.
   */
  static SinkColumns of(int column, TypeInfo wire) {
    return switch (column) {
      case 0 ->
          switch (wire.type()) {
            case INT1, INT2, INT4 -> ANY;
            case INT8 -> INT_FROM_BIGINT;
            case INTN -> wire.maxLength() == 8 ? INT_FROM_BIGINT : ANY;
            default -> null;
          };
      case 1 ->
          switch (wire.type()) {
            case INT1, INT2, INT4, INT8, INTN -> ANY;
            default -> null;
          };
      case 2 ->
          switch (wire.type()) {
            case NVARCHAR -> wire.isPlp() ? null : NAME;
            default -> null;
          };
      case 3 ->
          switch (wire.type()) {
            case DATETIME2N -> ANY;
            case BIGCHAR, BIGVARCHAR -> wire.isPlp() ? null : DATETIME2_TEXT;
            default -> null;
          };
      case 4 ->
          switch (wire.type()) {
            case DECIMAL, NUMERIC, DECIMALN, NUMERICN -> wire.scale() == 4 ? AMOUNT : null;
            default -> null;
          };
      case 5 ->
          switch (wire.type()) {
            case FLT4, FLT8, FLTN -> ANY;
            default -> null;
          };
      case 6 ->
          switch (wire.type()) {
            case BIT, BITN -> ANY;
            default -> null;
          };
      case 7 ->
          switch (wire.type()) {
            case GUID -> ANY;
            case BIGCHAR, BIGVARCHAR -> wire.isPlp() ? null : GUID_TEXT;
            default -> null;
          };
      default -> null;
    };
  }

  /**
   * Checks the value at {@code off} ({@code len} bytes, negative for NULL: every sink column takes
   * NULL) against its column; the scanner that found it has checked its length against its type.
   */
  void check(ByteBuffer b, int off, int len) {
    if (len < 0 || this == ANY) {
      return;
    }
    switch (this) {
      case INT_FROM_BIGINT -> {
        if (len == 8) {
          long v = 0;
          for (int k = 7; k >= 0; k--) {
            v = (v << 8) | (b.get(off + k) & 0xFF);
          }
          if (v != (int) v) {
            throw overflow("int");
          }
        }
      }
      case NAME -> {
        if (len > NAME_BYTES) {
          throw truncated(b, off);
        }
      }
      case AMOUNT -> checkAmount(b, off, len);
      case GUID_TEXT -> checkGuidText(b, off, len);
      case DATETIME2_TEXT -> {
        if (!isoDateTime(b, off, len)) {
          // any other form goes through the server's T-SQL parser (241 when it is no date)
          byte[] text = new byte[len];
          b.get(off, text);
          TemporalFunctions.parseTemporal(
              new String(text, StandardCharsets.ISO_8859_1), "datetime2(7)", null);
        }
      }
      default -> {}
    }
  }

  /**
   * Whether the text is {@code yyyy-mm-dd hh:mm:ss[.f...]} (1-7 fraction digits; the form
   * mssql-jdbc writes) naming a real datetime2 value: year 1-9999, a day of its month, 23:59:59 at
   * most ("datetime2 (Transact-SQL)": its ranges and the ISO 8601 string literal format).
   */
  static boolean isoDateTime(ByteBuffer b, int off, int len) {
    if (len < 19 || len > 27 || len == 20) {
      return false;
    }
    for (int k = 0; k < len; k++) {
      int c = b.get(off + k);
      boolean ok =
          switch (k) {
            case 4, 7 -> c == '-';
            case 10 -> c == ' ';
            case 13, 16 -> c == ':';
            case 19 -> c == '.';
            default -> c >= '0' && c <= '9';
          };
      if (!ok) {
        return false;
      }
    }
    int year = digits(b, off, 4);
    int month = digits(b, off + 5, 2);
    int day = digits(b, off + 8, 2);
    return year >= 1
        && month >= 1
        && month <= 12
        && day >= 1
        && day <= daysIn(year, month)
        && digits(b, off + 11, 2) <= 23
        && digits(b, off + 14, 2) <= 59
        && digits(b, off + 17, 2) <= 59;
  }

  private static int daysIn(int year, int month) {
    boolean leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    return switch (month) {
      case 2 -> leap ? 29 : 28;
      case 4, 6, 9, 11 -> 30;
      default -> 31;
    };
  }

  private static int digits(ByteBuffer b, int off, int n) {
    int v = 0;
    for (int k = 0; k < n; k++) {
      v = v * 10 + b.get(off + k) - '0';
    }
    return v;
  }

  /** [MS-TDS] 2.2.5.5.1.6: a sign byte, then the unscaled magnitude little-endian. */
  private static void checkAmount(ByteBuffer b, int off, int len) {
    long low = 0;
    for (int k = Math.min(len - 1, 8); k >= 1; k--) {
      low = (low << 8) | (b.get(off + k) & 0xFF);
    }
    boolean high = false;
    for (int k = 9; k < len; k++) {
      high |= b.get(off + k) != 0;
    }
    if (high || Long.compareUnsigned(low, AMOUNT_LIMIT) >= 0) {
      throw overflow("numeric");
    }
  }

  /**
   * The forms of a uniqueidentifier string SQL Server converts ("uniqueidentifier (Transact-SQL)":
   * {@code xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx}; as a character type for conversion, characters
   * past the 36th are cut off: its example converts {@code ...E1C80E27ABA0wrong}); else error 8169.
   */
  private static void checkGuidText(ByteBuffer b, int off, int len) {
    if (len < 36) {
      throw badGuid();
    }
    for (int k = 0; k < 36; k++) {
      if (!guidChar(k, b.get(off + k))) {
        throw badGuid();
      }
    }
  }

  /** {@link #checkGuidText} of a string value. */
  static void checkGuidText(CharSequence v) {
    if (v.length() < 36) {
      throw badGuid();
    }
    for (int k = 0; k < 36; k++) {
      if (!guidChar(k, v.charAt(k))) {
        throw badGuid();
      }
    }
  }

  private static boolean guidChar(int k, int c) {
    return k == 8 || k == 13 || k == 18 || k == 23
        ? c == '-'
        : (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  }

  static SqlException badGuid() {
    return new SqlException(
        8169,
        16,
        2,
        "Conversion failed when converting from a character string to uniqueidentifier.",
        false);
  }

  static SqlException overflow(String type) {
    return new SqlException(
        8115,
        16,
        2,
        "Arithmetic overflow error converting expression to data type " + type + ".",
        false);
  }

  private static SqlException truncated(ByteBuffer b, int off) {
    char[] kept = new char[NAME_BYTES / 2];
    for (int k = 0; k < kept.length; k++) {
      kept[k] = (char) ((b.get(off + 2 * k) & 0xFF) | (b.get(off + 2 * k + 1) & 0xFF) << 8);
    }
    return truncated(new String(kept));
  }

  /** Error 2628 for a name whose first 50 characters are {@code kept}. */
  static SqlException truncated(String kept) {
    return new SqlException(
        2628,
        16,
        1,
        "String or binary data would be truncated in table 'master.dbo.jctds_bench_sink', column"
            + " 'name'. Truncated value: '"
            + kept
            + "'.",
        false);
  }
}
