package io.jctds.internal.bulk;

import io.jctds.protocol.rpc.PlpSource;
import java.io.IOException;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CoderResult;

/**
 * A {@link Reader} as the bytes of a code page (a varchar(max) column's collation with autoEncode),
 * encoded as it is read: at most one buffer of characters is held. A character the code page cannot
 * hold is an {@link IllegalArgumentException} naming it and its index in the value, never a '?'. A
 * surrogate pair split between two reads is encoded whole (the encoder keeps the high surrogate
 * until the next read).
 */
final class CodePageSource implements PlpSource {
  private final Reader reader;
  private final CharsetEncoder encoder;
  private final int codePage;
  private final CharBuffer in = CharBuffer.allocate(4096).flip();
  private long charsRead;
  private boolean endOfInput;
  private boolean done;

  /**
   * @param encoder an encoder that REPORTs unmappable and malformed input; it is reset here
   * @param codePage the code page named in an error
   */
  CodePageSource(Reader reader, CharsetEncoder encoder, int codePage) {
    this.reader = reader;
    this.encoder = encoder.reset();
    this.codePage = codePage;
  }

  @Override
  public int read(byte[] buf, int off, int len) throws IOException {
    if (done) {
      return -1;
    }
    ByteBuffer out = ByteBuffer.wrap(buf, off, len);
    while (out.hasRemaining() && !done) {
      CoderResult r = encoder.encode(in, out, endOfInput);
      if (r.isError()) {
        throw unencodable();
      }
      if (r.isOverflow()) {
        break;
      }
      if (endOfInput) {
        if (encoder.flush(out).isOverflow()) {
          break;
        }
        done = true;
      } else {
        fill();
      }
    }
    int n = out.position() - off;
    return n == 0 && done ? -1 : n;
  }

  private void fill() throws IOException {
    in.compact();
    int n;
    try {
      n = reader.read(in);
    } finally {
      in.flip();
    }
    if (n < 0) {
      endOfInput = true;
    } else {
      charsRead += n;
    }
  }

  private IllegalArgumentException unencodable() {
    long at = charsRead - in.remaining();
    int cp = Character.codePointAt(in, 0);
    return new IllegalArgumentException(
        String.format(
            "the character '%s' (U+%04X) at index %d cannot be encoded in code page %d of the"
                + " column's collation",
            new String(Character.toChars(cp)), cp, at, codePage));
  }
}
