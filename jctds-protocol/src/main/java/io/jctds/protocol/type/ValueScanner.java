package io.jctds.protocol.type;

import io.jctds.protocol.TdsProtocolException;
import io.jctds.protocol.TdsTruncatedException;
import io.jctds.protocol.Wire;
import java.nio.ByteBuffer;

/**
 * Finds where a value of a given TYPE_INFO lies in a row ([MS-TDS] 2.2.5.2 TYPE_VARBYTE) without
 * converting it: reads its length prefix, checks the length against the type, and skips the data.
 * The result packs the data offset and length into one long (no allocation per column): see {@link
 * #offset(long)} and {@link #length(long)}; a length of -1 is NULL. For PLP values the offset is
 * the first chunk header and the length covers every chunk and the terminator.
 */
public final class ValueScanner {
  private ValueScanner() {}

  /** Packs an offset and a length (-1 = NULL). */
  public static long pack(int offset, int length) {
    return (long) offset << 32 | length & 0xFFFFFFFFL;
  }

  /** The data offset of a packed value. */
  public static int offset(long packed) {
    return (int) (packed >>> 32);
  }

  /** The data length of a packed value, -1 for NULL. */
  public static int length(long packed) {
    return (int) packed;
  }

  /**
   * Scans one value at the buffer's position and moves past it.
   *
   * @throws TdsTruncatedException if the value's bytes are not all present
   * @throws TdsProtocolException if the length does not suit the type
   */
  public static long scan(TypeInfo t, ByteBuffer in) {
    TdsType type = t.type();
    return switch (type.kind()) {
      case FIXED -> type == TdsType.NULL ? pack(in.position(), -1) : take(in, type.size(), type);
      case BYTELEN -> byteLen(t, in);
      case USHORTLEN -> t.isPlp() ? plp(in) : ushortLen(t, in);
      case PLP -> plp(in);
      case LONGLEN -> type == TdsType.SSVARIANT ? variant(in) : text(in);
    };
  }

  /** {@link #kind}: a fixed-size value ({@link TdsType#size()} bytes, no length prefix). */
  public static final int KIND_FIXED = 0;

  /** {@link #kind}: a one-byte length, then that many bytes (0 = NULL). */
  public static final int KIND_BYTELEN = 1;

  /** {@link #kind}: a two-byte length, then that many bytes (0xFFFF = NULL); not PLP. */
  public static final int KIND_USHORTLEN = 2;

  /** {@link #kind}: anything else (NULL type, PLP, text/image, sql_variant): see {@link #scan}. */
  public static final int KIND_OTHER = 3;

  /**
   * How a value of {@code t} is length-prefixed, one of the {@code KIND_} constants: computed once
   * per result set column, so that a row scan switches on an int instead of the type's enums.
   */
  public static int kind(TypeInfo t) {
    TdsType type = t.type();
    return switch (type.kind()) {
      case FIXED -> type == TdsType.NULL ? KIND_OTHER : KIND_FIXED;
      case BYTELEN -> KIND_BYTELEN;
      case USHORTLEN -> t.isPlp() ? KIND_OTHER : KIND_USHORTLEN;
      case PLP, LONGLEN -> KIND_OTHER;
    };
  }

  /**
   * The lengths a one-byte-length value of {@code t} may have (the checks {@link #scan} makes): bit
   * {@code n} (1..63) is set when {@code n} bytes are valid, bit 0 when lengths from 64 up are.
   */
  public static long validLengths(TypeInfo t) {
    long mask = validLength(t, 255) ? 1 : 0;
    for (int n = 1; n < 64; n++) {
      if (validLength(t, n)) {
        mask |= 1L << n;
      }
    }
    return mask;
  }

  // The checks below are inline, not Wire.skip/u8/u16 with a description: building that text for
  // every value was a string concatenation per column per row (JFR, NOTES-perf.md). The text is
  // built only when the value is truncated.

  private static long take(ByteBuffer in, int n, TdsType type) {
    int at = in.position();
    if (in.remaining() < n) {
      throw new TdsTruncatedException(
          type.name() + " value of " + n + " bytes", at, n - in.remaining());
    }
    in.position(at + n);
    return pack(at, n);
  }

  private static long byteLen(TypeInfo t, ByteBuffer in) {
    int at = in.position();
    if (!in.hasRemaining()) {
      throw new TdsTruncatedException(t.type().name() + " value length", at, 1);
    }
    int len = in.get() & 0xFF;
    if (len == 0) {
      return pack(in.position(), -1);
    }
    if (!validLength(t, len)) {
      throw new TdsProtocolException(
          "a " + t.sqlName() + " value cannot be " + len + " bytes long", at);
    }
    return take(in, len, t.type());
  }

  private static boolean validLength(TypeInfo t, int len) {
    return switch (t.type()) {
      case INTN -> (len == 1 || len == 2 || len == 4 || len == 8) && len <= t.maxLength();
      case FLTN, MONEYN, DATETIMN -> len == 4 || len == 8;
      case BITN -> len == 1;
      case GUID -> len == 16;
      case DECIMAL, NUMERIC, DECIMALN, NUMERICN -> len >= 2 && len <= 17;
      case DATEN, TIMEN, DATETIME2N, DATETIMEOFFSETN -> len == t.maxLength();
      default -> true;
    };
  }

  private static long ushortLen(TypeInfo t, ByteBuffer in) {
    int at = in.position();
    if (in.remaining() < 2) {
      throw new TdsTruncatedException(t.type().name() + " value length", at, 2 - in.remaining());
    }
    int len = Wire.u16At(in, at);
    in.position(at + 2);
    if (len == 0xFFFF) {
      return pack(in.position(), -1);
    }
    return take(in, len, t.type());
  }

  private static long plp(ByteBuffer in) {
    long total = Wire.i64(in, "PLP total length");
    int start = in.position();
    if (total == PlpCodec.PLP_NULL) {
      return pack(start, -1);
    }
    long sum = 0;
    while (true) {
      long chunk = Wire.u32(in, "PLP chunk length");
      if (chunk == 0) {
        break;
      }
      if (chunk > in.remaining()) {
        throw new TdsTruncatedException(
            "PLP chunk of " + chunk + " bytes",
            in.position(),
            (int) Math.min(Integer.MAX_VALUE, chunk - in.remaining()));
      }
      in.position(in.position() + (int) chunk);
      sum += chunk;
    }
    if (total != PlpCodec.UNKNOWN_LENGTH && total != sum) {
      throw new TdsProtocolException(
          "PLP value declares " + total + " bytes but its chunks hold " + sum, start - 8);
    }
    return pack(start, in.position() - start);
  }

  private static long text(ByteBuffer in) {
    int ptrLen = Wire.u8(in, "text pointer length");
    if (ptrLen == 0) {
      return pack(in.position(), -1);
    }
    Wire.skip(in, ptrLen + 8, "text pointer and timestamp");
    return counted(in, "text/ntext/image");
  }

  private static long variant(ByteBuffer in) {
    int at = in.position();
    long packed = counted(in, "sql_variant");
    int len = length(packed);
    if (len == 0) {
      return pack(offset(packed), -1);
    }
    if (len < 2) {
      throw new TdsProtocolException("sql_variant of " + len + " bytes lacks its header", at);
    }
    return packed;
  }

  private static long counted(ByteBuffer in, String what) {
    int at = in.position();
    int len = Wire.i32(in, what + " length");
    if (len < 0) {
      throw new TdsProtocolException(what + " length " + len + " is negative", at);
    }
    Wire.skip(in, len, what + " data of " + len + " bytes");
    return pack(at + 4, len);
  }
}
