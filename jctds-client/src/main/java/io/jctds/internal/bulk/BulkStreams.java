package io.jctds.internal.bulk;

import io.jctds.internal.params.ReaderSource;
import io.jctds.protocol.TdsWriter;
import io.jctds.protocol.rpc.PlpSource;
import io.jctds.protocol.type.TypeInfo;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharsetEncoder;

/**
 * Reader and InputStream values of a bulk row. Into a (max) column (varchar(max), nvarchar(max),
 * varbinary(max), and xml, text, ntext, image as {@link BulkTable} sends them) a value is streamed
 * as an unknown-length PLP value whose chunks are written as they are read; into a sized column at
 * most the column's size plus one unit is read, so that a value too long is detected without
 * reading it all.
 *
 * <p>Chunk sizes are mssql-jdbc 13.6.2's for a stream in SQLServerBulkCopy at its default packet
 * size of 8000 (IOBuffer.java TDSWriter: writeStream and writeReader fill a buffer of 4 × packet
 * size bytes, writeNonUnicodeReader one of packet-size characters): each chunk is filled before it
 * is written, whatever sizes the caller's reads return.
 */
final class BulkStreams {
  /** Chunk of a varbinary(max) or nvarchar(max) value: 4 × 8000 bytes. */
  static final int CHUNK = 32_000;

  /** Chunk of a varchar(max) value: 8000 bytes (8000 characters of a single-byte code page). */
  static final int CODE_PAGE_CHUNK = 8_000;

  /** The most bytes a (max) value holds: 2^31 - 1 (varchar(max), nvarchar(max), varbinary(max)). */
  static final long MAX_BYTES = Integer.MAX_VALUE;

  private final byte[] chunk = new byte[CHUNK];
  private final byte[] codePageChunk = new byte[CODE_PAGE_CHUNK];
  private final long maxBytes;

  BulkStreams() {
    this(MAX_BYTES);
  }

  /** With another limit for a (max) value (tests). */
  BulkStreams(long maxBytes) {
    this.maxBytes = maxBytes;
  }

  /** Whether {@code v} is a value this class sends. */
  static boolean isStream(Object v) {
    return v instanceof Reader || v instanceof InputStream;
  }

  /**
   * Writes {@code v} (a Reader or InputStream) as an unknown-length PLP value of the (max) column
   * type {@code t}.
   *
   * @param encoder the code page encoder of a varchar(max) column (autoEncode), else null
   * @param codePage the code page named in an error
   * @throws IllegalArgumentException if the value cannot go into the column or is too long
   * @throws IOException if reading the value fails
   */
  void write(TdsWriter out, TypeInfo t, Object v, CharsetEncoder encoder, int codePage)
      throws IOException {
    PlpSource source;
    byte[] buf = chunk;
    if (v instanceof Reader r) {
      if (t.family() == TypeInfo.Family.NCHAR) {
        source = new ReaderSource(r);
      } else if (t.family() == TypeInfo.Family.CHAR) {
        source = new CodePageSource(r, encoder, codePage);
        buf = codePageChunk;
      } else {
        throw wrongColumn("a Reader", t);
      }
    } else {
      if (t.family() != TypeInfo.Family.BINARY && t.family() != TypeInfo.Family.CHAR) {
        throw wrongColumn("an InputStream", t);
      }
      source = ((InputStream) v)::read;
    }
    PlpSource.writeUnknownLength(out, limited(PlpSource.filling(source), t), buf);
  }

  /**
   * {@code source} that fails once it has produced more than {@link #maxBytes}, and turns the
   * caller's UncheckedIOException back into its IOException.
   */
  private PlpSource limited(PlpSource source, TypeInfo t) {
    long[] total = {0};
    return (buf, off, len) -> {
      int n;
      try {
        n = source.read(buf, off, len);
      } catch (UncheckedIOException e) {
        throw e.getCause(); // the caller's, not the transport's (which the channel takes it for)
      }
      total[0] += Math.max(n, 0);
      if (total[0] > maxBytes) {
        throw new IllegalArgumentException(
            "the value is longer than the " + maxBytes + " bytes " + t.sqlName() + " holds");
      }
      return n;
    };
  }

  /**
   * The start of {@code v} (a Reader or InputStream) for a column of the sized type {@code t}: a
   * String of at most the column's length plus one character, or a byte[] of at most its length
   * plus one byte; the column's usual length check then rejects a value too long.
   */
  static Object bounded(TypeInfo t, Object v) throws IOException {
    int n = t.maxLength();
    if (v instanceof Reader r) {
      if (t.family() != TypeInfo.Family.CHAR && t.family() != TypeInfo.Family.NCHAR) {
        throw wrongColumn("a Reader", t);
      }
      int chars = t.family() == TypeInfo.Family.NCHAR ? n / 2 : n;
      char[] c = new char[chars + 1];
      int got = 0;
      for (int k; got < c.length && (k = r.read(c, got, c.length - got)) >= 0; ) {
        got += k;
      }
      return new String(c, 0, got);
    }
    if (t.family() != TypeInfo.Family.BINARY && t.family() != TypeInfo.Family.CHAR) {
      throw wrongColumn("an InputStream", t);
    }
    return ((InputStream) v).readNBytes(n + 1);
  }

  private static IllegalArgumentException wrongColumn(String what, TypeInfo t) {
    return new IllegalArgumentException(
        what
            + " cannot be sent as "
            + t.sqlName()
            + " (a Reader fills char, varchar, nchar, nvarchar, text, ntext and xml columns, an"
            + " InputStream binary, varbinary and image columns, or varchar ones with autoEncode"
            + " as code page bytes)");
  }

  /** Closes {@code v} if it is a stream; a failure to close is ignored. */
  static void close(Object v) {
    if (isStream(v)) {
      try {
        ((Closeable) v).close();
      } catch (IOException ignored) {
        // the value was sent (or the row failed for another reason); nothing to report
      }
    }
  }
}
