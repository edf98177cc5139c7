package io.jctds.protocol.type;

import io.jctds.protocol.Wire;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * Streams over one raw column value without joining or copying it: a PLP value ((max) types, xml)
 * is read chunk by chunk, any other value as its byte range. Takes the same {@code (TypeInfo,
 * buffer, offset, length)} as {@link Values}; length -1 (NULL) gives null.
 */
public final class ValueStreams {
  private ValueStreams() {}

  /**
   * The value's bytes: binary data as stored, text in its wire encoding (the collation's charset
   * for char types, UTF-16LE for nchar types and xml). Accepts binary, char, nchar, xml and UDT.
   */
  public static InputStream bytes(TypeInfo t, ByteBuffer b, int off, int len) {
    if (len < 0) {
      return null;
    }
    return switch (t.family()) {
      case BINARY, CHAR, NCHAR, XML, UDT ->
          t.isPlp() ? new PlpInputStream(b, off, len) : new SliceInputStream(b, off, len);
      default -> throw ConversionException.of(t, "InputStream");
    };
  }

  /** The value's characters, decoded as they are read. Accepts char, nchar and xml. */
  public static Reader chars(TypeInfo t, ByteBuffer b, int off, int len) {
    if (len < 0) {
      return null;
    }
    Charset cs =
        switch (t.family()) {
          case CHAR ->
              t.collation() == null
                  ? Collation.SQL_LATIN1_GENERAL_CP1_CI_AS.charset()
                  : t.collation().charset();
          case NCHAR, XML -> StandardCharsets.UTF_16LE;
          default -> throw ConversionException.of(t, "Reader");
        };
    return new InputStreamReader(bytes(t, b, off, len), cs);
  }

  /** A byte range of a buffer. */
  private static final class SliceInputStream extends InputStream {
    private final ByteBuffer b;
    private int at;
    private final int end;

    SliceInputStream(ByteBuffer b, int off, int len) {
      this.b = b;
      this.at = off;
      this.end = off + len;
    }

    @Override
    public int read() {
      return at < end ? b.get(at++) & 0xFF : -1;
    }

    @Override
    public int read(byte[] dst, int off, int len) {
      if (len == 0) {
        return 0;
      }
      if (at >= end) {
        return -1;
      }
      int n = Math.min(len, end - at);
      b.get(at, dst, off, n);
      at += n;
      return n;
    }

    @Override
    public int available() {
      return end - at;
    }
  }

  /** The data of PLP chunks (4-byte length, data; a zero length ends them). */
  private static final class PlpInputStream extends InputStream {
    private final ByteBuffer b;
    private final int end;
    private int at;
    private int left;
    private boolean done;

    PlpInputStream(ByteBuffer b, int off, int len) {
      this.b = b;
      this.at = off;
      this.end = off + len;
    }

    /** Moves to the next chunk with data; false at the terminator. */
    private boolean fill() {
      while (left == 0 && !done) {
        if (at + 4 > end) {
          throw new io.jctds.protocol.TdsProtocolException("PLP chunks are not terminated", at);
        }
        int chunk = Wire.i32At(b, at);
        at += 4;
        if (chunk == 0) {
          done = true;
        } else if (chunk < 0 || chunk > end - at) {
          throw new io.jctds.protocol.TdsProtocolException(
              "PLP chunk of " + chunk + " bytes overruns the value", at - 4);
        } else {
          left = chunk;
        }
      }
      return left > 0;
    }

    @Override
    public int read() {
      if (!fill()) {
        return -1;
      }
      left--;
      return b.get(at++) & 0xFF;
    }

    @Override
    public int read(byte[] dst, int off, int len) {
      if (len == 0) {
        return 0;
      }
      if (!fill()) {
        return -1;
      }
      int n = Math.min(len, left);
      b.get(at, dst, off, n);
      at += n;
      left -= n;
      return n;
    }

    @Override
    public int available() {
      return left;
    }
  }
}
