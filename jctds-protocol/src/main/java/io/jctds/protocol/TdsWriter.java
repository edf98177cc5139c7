package io.jctds.protocol;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.Charset;

/**
 * The one sink every encoder writes to: little-endian by default, with big-endian variants for the
 * few big-endian TDS fields. Two implementations exist: {@link BufferWriter} collects a payload in
 * a growable buffer, and {@link io.jctds.protocol.framing.PacketWriter} writes straight into
 * packets of the negotiated size, sending each full packet as it goes — so a value may be split
 * across packets exactly as TDS allows.
 *
 * <p>Subclasses own {@link #buf} (little-endian order) and make room in {@link #overflow}.
 */
public abstract class TdsWriter {
  /** The current output buffer, in write mode, little-endian. */
  protected ByteBuffer buf;

  /**
   * @param initial the first output buffer
   */
  protected TdsWriter(ByteBuffer initial) {
    this.buf = initial.order(ByteOrder.LITTLE_ENDIAN);
  }

  /**
   * Makes room after {@link #buf} is full: sends the packet or grows the buffer. On return {@code
   * buf} has at least one free byte.
   *
   * @param wanted how many bytes the caller would like to write (a hint)
   */
  protected abstract void overflow(int wanted);

  /** Writes one byte. */
  public TdsWriter u8(int v) {
    if (!buf.hasRemaining()) {
      overflow(1);
    }
    buf.put((byte) v);
    return this;
  }

  /** Writes a little-endian 16-bit value. */
  public TdsWriter u16(int v) {
    if (buf.remaining() >= 2) {
      buf.putShort((short) v);
      return this;
    }
    return u8(v).u8(v >>> 8);
  }

  /** Writes a big-endian 16-bit value. */
  public TdsWriter u16be(int v) {
    return u8(v >>> 8).u8(v);
  }

  /** Writes a little-endian 32-bit value. */
  public TdsWriter i32(int v) {
    if (buf.remaining() >= 4) {
      buf.putInt(v);
      return this;
    }
    return u16(v).u16(v >>> 16);
  }

  /** Writes a big-endian 32-bit value. */
  public TdsWriter i32be(int v) {
    return u16be(v >>> 16).u16be(v);
  }

  /** Writes a little-endian 64-bit value. */
  public TdsWriter i64(long v) {
    if (buf.remaining() >= 8) {
      buf.putLong(v);
      return this;
    }
    return i32((int) v).i32((int) (v >>> 32));
  }

  /**
   * Writes the low {@code len} bytes of {@code v}, little-endian ({@code len} 0 to 8). With 8 bytes
   * of room it stores all 8 and advances by {@code len}: the bytes past the position are not part
   * of the output and the next write overwrites them.
   */
  public TdsWriter uint(long v, int len) {
    if (len <= 8 && buf.remaining() >= 8) {
      int p = buf.position();
      buf.putLong(p, v);
      buf.position(p + len);
      return this;
    }
    for (int i = 0; i < len; i++) {
      u8((int) (v >>> (8 * i)));
    }
    return this;
  }

  /** Writes {@code n} zero bytes. */
  public TdsWriter zeros(int n) {
    int left = n;
    while (left >= 8 && buf.remaining() >= 8) {
      buf.putLong(0L);
      left -= 8;
    }
    for (int i = 0; i < left; i++) {
      u8(0);
    }
    return this;
  }

  /** Writes all of {@code b}. */
  public TdsWriter bytes(byte[] b) {
    return bytes(b, 0, b.length);
  }

  /** Writes {@code len} bytes of {@code b} from {@code off}. */
  public TdsWriter bytes(byte[] b, int off, int len) {
    while (len > 0) {
      if (!buf.hasRemaining()) {
        overflow(len);
      }
      int n = Math.min(len, buf.remaining());
      buf.put(b, off, n);
      off += n;
      len -= n;
    }
    return this;
  }

  /** Writes the remaining bytes of {@code src}, advancing its position. */
  public TdsWriter bytes(ByteBuffer src) {
    while (src.hasRemaining()) {
      if (!buf.hasRemaining()) {
        overflow(src.remaining());
      }
      int n = Math.min(src.remaining(), buf.remaining());
      int lim = src.limit();
      src.limit(src.position() + n);
      buf.put(src);
      src.limit(lim);
    }
    return this;
  }

  /** Writes {@code s} as UTF-16LE code units (no length prefix). */
  public TdsWriter ucs2(CharSequence s) {
    int n = s.length();
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (buf.remaining() >= 2) {
        buf.putChar(c);
      } else {
        u8(c).u8(c >>> 8);
      }
    }
    return this;
  }

  /** Writes {@code s} encoded with {@code charset} (no length prefix). */
  public TdsWriter string(String s, Charset charset) {
    return bytes(s.getBytes(charset));
  }

  /**
   * Writes a B_VARCHAR: a 1-byte character count and UTF-16LE text.
   *
   * @throws IllegalArgumentException if {@code s} is longer than 255 characters
   */
  public TdsWriter bVarchar(String s) {
    String v = s == null ? "" : s;
    if (v.length() > 0xFF) {
      throw new IllegalArgumentException(
          "B_VARCHAR holds at most 255 characters, got " + v.length());
    }
    return u8(v.length()).ucs2(v);
  }

  /**
   * Writes a US_VARCHAR: a 2-byte character count and UTF-16LE text.
   *
   * @throws IllegalArgumentException if {@code s} is longer than 65535 characters
   */
  public TdsWriter usVarchar(String s) {
    String v = s == null ? "" : s;
    if (v.length() > 0xFFFF) {
      throw new IllegalArgumentException(
          "US_VARCHAR holds at most 65535 characters, got " + v.length());
    }
    return u16(v.length()).ucs2(v);
  }

  /**
   * Writes a B_VARBYTE: a 1-byte length and the bytes.
   *
   * @throws IllegalArgumentException if {@code b} is longer than 255 bytes
   */
  public TdsWriter bVarbyte(byte[] b) {
    byte[] v = b == null ? new byte[0] : b;
    if (v.length > 0xFF) {
      throw new IllegalArgumentException("B_VARBYTE holds at most 255 bytes, got " + v.length);
    }
    return u8(v.length).bytes(v);
  }
}
