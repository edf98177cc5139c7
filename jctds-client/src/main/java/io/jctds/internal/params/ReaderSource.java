package io.jctds.internal.params;

import io.jctds.protocol.rpc.PlpSource;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;

/**
 * A {@link Reader} as the UTF-16LE bytes of an nvarchar(max) value, pulled chunk by chunk. A
 * surrogate pair split between two chunks stays valid: UTF-16 code units are encoded one by one.
 */
public final class ReaderSource implements PlpSource {
  private final Reader reader;
  private char[] chars = new char[0];

  /** A source of the UTF-16LE bytes of what {@code reader} produces. */
  public ReaderSource(Reader reader) {
    this.reader = reader;
  }

  @Override
  public int read(byte[] buf, int off, int len) throws IOException {
    int want = len / 2;
    if (chars.length < want) {
      chars = new char[want];
    }
    int n = reader.read(chars, 0, want);
    if (n < 0) {
      return -1;
    }
    for (int i = 0; i < n; i++) {
      char c = chars[i];
      buf[off + 2 * i] = (byte) c;
      buf[off + 2 * i + 1] = (byte) (c >>> 8);
    }
    return 2 * n;
  }

  static String readAll(Reader r) {
    StringBuilder sb = new StringBuilder();
    char[] buf = new char[8192];
    try {
      int n;
      while ((n = r.read(buf)) >= 0) {
        sb.append(buf, 0, n);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("reading a Reader parameter failed", e);
    }
    return sb.toString();
  }
}
