package io.jctds.protocol;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * Checked reads from a {@link ByteBuffer} window, independent of the buffer's byte order. Every
 * read first checks that the bytes are present and otherwise throws {@link TdsTruncatedException}
 * naming the field and its offset (the buffer position), so no decoder ever sees an
 * IndexOutOfBounds or BufferUnderflow, and no allocation is larger than the bytes present.
 *
 * <p>The {@code what} argument names the field for the error message; pass a constant.
 */
public final class Wire {
  private Wire() {}

  /** Throws {@link TdsTruncatedException} unless {@code n} bytes remain. */
  public static void need(ByteBuffer in, int n, String what) {
    int left = in.remaining();
    if (left < n) {
      throw new TdsTruncatedException(what, in.position(), n - left);
    }
  }

  /** Reads an unsigned byte. */
  public static int u8(ByteBuffer in, String what) {
    need(in, 1, what);
    return in.get() & 0xFF;
  }

  /** Reads an unsigned little-endian 16-bit value. */
  public static int u16(ByteBuffer in, String what) {
    need(in, 2, what);
    short v = in.getShort();
    return (in.order() == ByteOrder.LITTLE_ENDIAN ? v : Short.reverseBytes(v)) & 0xFFFF;
  }

  /** Reads an unsigned big-endian 16-bit value. */
  public static int u16be(ByteBuffer in, String what) {
    need(in, 2, what);
    short v = in.getShort();
    return (in.order() == ByteOrder.BIG_ENDIAN ? v : Short.reverseBytes(v)) & 0xFFFF;
  }

  /** Reads a little-endian 32-bit value. */
  public static int i32(ByteBuffer in, String what) {
    need(in, 4, what);
    int v = in.getInt();
    return in.order() == ByteOrder.LITTLE_ENDIAN ? v : Integer.reverseBytes(v);
  }

  /** Reads a big-endian 32-bit value. */
  public static int i32be(ByteBuffer in, String what) {
    need(in, 4, what);
    int v = in.getInt();
    return in.order() == ByteOrder.BIG_ENDIAN ? v : Integer.reverseBytes(v);
  }

  /** Reads an unsigned little-endian 32-bit value. */
  public static long u32(ByteBuffer in, String what) {
    return i32(in, what) & 0xFFFFFFFFL;
  }

  /** Reads a little-endian 64-bit value. */
  public static long i64(ByteBuffer in, String what) {
    need(in, 8, what);
    long v = in.getLong();
    return in.order() == ByteOrder.LITTLE_ENDIAN ? v : Long.reverseBytes(v);
  }

  /** Skips {@code n} bytes. */
  public static void skip(ByteBuffer in, int n, String what) {
    need(in, n, what);
    in.position(in.position() + n);
  }

  /** Reads {@code n} bytes into a new array (checked before allocating). */
  public static byte[] bytes(ByteBuffer in, int n, String what) {
    if (n < 0) {
      throw new TdsProtocolException("negative length " + n + " for " + what, in.position());
    }
    need(in, n, what);
    byte[] b = new byte[n];
    in.get(b);
    return b;
  }

  /** Reads {@code nbytes} bytes and decodes them with {@code charset}. */
  public static String string(ByteBuffer in, int nbytes, Charset charset, String what) {
    need(in, nbytes, what);
    String s = decode(in, in.position(), nbytes, charset);
    in.position(in.position() + nbytes);
    return s;
  }

  /**
   * Reads {@code chars} UTF-16LE code units as a string, each unit as it is: UCS-2 text may hold
   * unpaired surrogates (SQL Server keeps them in names and nvarchar values), which a UTF-16
   * decoder would replace, changing the length and the bytes written back.
   */
  public static String ucs2(ByteBuffer in, int chars, String what) {
    if (chars < 0) {
      throw new TdsProtocolException("negative length " + chars + " for " + what, in.position());
    }
    need(in, 2 * chars, what);
    char[] units = new char[chars];
    for (int i = 0; i < chars; i++) {
      units[i] = (char) ((in.get() & 0xFF) | (in.get() & 0xFF) << 8);
    }
    return new String(units);
  }

  /** Reads all remaining bytes. */
  public static byte[] rest(ByteBuffer in) {
    return bytes(in, in.remaining(), "remaining bytes");
  }

  /** Reads a B_VARCHAR: a 1-byte character count and that many UTF-16LE code units. */
  public static String bVarchar(ByteBuffer in, String what) {
    int chars = u8(in, what);
    return ucs2(in, chars, what);
  }

  /** Reads a US_VARCHAR: a 2-byte character count and that many UTF-16LE code units. */
  public static String usVarchar(ByteBuffer in, String what) {
    int chars = u16(in, what);
    return ucs2(in, chars, what);
  }

  /** Reads a B_VARBYTE: a 1-byte length and that many bytes. */
  public static byte[] bVarbyte(ByteBuffer in, String what) {
    return bytes(in, u8(in, what), what);
  }

  /**
   * Decodes {@code len} bytes at absolute index {@code at} without moving the position; the caller
   * has checked the range.
   */
  public static String decode(ByteBuffer buf, int at, int len, Charset charset) {
    if (len == 0) {
      return "";
    }
    if (buf.hasArray()) {
      return new String(buf.array(), buf.arrayOffset() + at, len, charset);
    }
    byte[] tmp = new byte[len];
    buf.get(at, tmp);
    return new String(tmp, charset);
  }

  /**
   * Decodes {@code len} bytes of UTF-16LE at absolute index {@code at} exactly as {@code new
   * String(bytes, UTF_16LE)} does, without a CharsetDecoder when the text holds no surrogate (the
   * decoder was the top item decoding nvarchar, see NOTES-perf.md); text with a surrogate or an odd
   * byte count goes through the decoder, which pairs surrogates and replaces malformed input.
   */
  public static String utf16le(ByteBuffer buf, int at, int len) {
    if ((len & 1) != 0) {
      return decode(buf, at, len, StandardCharsets.UTF_16LE);
    }
    int n = len >> 1;
    char[] units = new char[n];
    boolean swap = buf.order() != ByteOrder.LITTLE_ENDIAN;
    for (int i = 0; i < n; i++) {
      char c = buf.getChar(at + 2 * i);
      c = swap ? Character.reverseBytes(c) : c;
      if (Character.isSurrogate(c)) {
        return decode(buf, at, len, StandardCharsets.UTF_16LE);
      }
      units[i] = c;
    }
    return new String(units);
  }

  /** Copies {@code len} bytes at absolute index {@code at}; the caller has checked the range. */
  public static byte[] copy(ByteBuffer buf, int at, int len) {
    byte[] b = new byte[len];
    buf.get(at, b);
    return b;
  }

  /** Little-endian unsigned 16-bit value at an absolute index (range checked by the caller). */
  public static int u16At(ByteBuffer buf, int at) {
    return (buf.get(at) & 0xFF) | (buf.get(at + 1) & 0xFF) << 8;
  }

  /** Little-endian 32-bit value at an absolute index (range checked by the caller). */
  public static int i32At(ByteBuffer buf, int at) {
    int v = buf.getInt(at);
    return buf.order() == ByteOrder.LITTLE_ENDIAN ? v : Integer.reverseBytes(v);
  }

  /** Little-endian 64-bit value at an absolute index (range checked by the caller). */
  public static long i64At(ByteBuffer buf, int at) {
    long v = buf.getLong(at);
    return buf.order() == ByteOrder.LITTLE_ENDIAN ? v : Long.reverseBytes(v);
  }

  /** Little-endian unsigned integer of 1..8 bytes at an absolute index. */
  public static long uintAt(ByteBuffer buf, int at, int len) {
    long v = 0;
    for (int i = len - 1; i >= 0; i--) {
      v = v << 8 | (buf.get(at + i) & 0xFF);
    }
    return v;
  }

  /** Hex dump of a buffer's remaining bytes, for tests and TRACE logging (never with passwords). */
  public static String hex(ByteBuffer buf) {
    StringBuilder sb = new StringBuilder(buf.remaining() * 3);
    for (int i = buf.position(); i < buf.limit(); i++) {
      if (sb.length() > 0) {
        sb.append(' ');
      }
      sb.append(Character.forDigit(buf.get(i) >> 4 & 0xF, 16))
          .append(Character.forDigit(buf.get(i) & 0xF, 16));
    }
    return sb.toString().toUpperCase(java.util.Locale.ROOT);
  }
}
