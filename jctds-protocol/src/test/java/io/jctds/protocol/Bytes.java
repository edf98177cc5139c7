package io.jctds.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.function.Consumer;
import java.util.function.Function;

/** Test helpers: hex fixtures, encoding to bytes, truncation checks. */
public final class Bytes {
  private Bytes() {}

  /** Parses hex with any whitespace. */
  public static byte[] hex(String hex) {
    String s = hex.replaceAll("\\s+", "");
    if (s.length() % 2 != 0) {
      throw new IllegalArgumentException("odd hex length");
    }
    byte[] b = new byte[s.length() / 2];
    for (int i = 0; i < b.length; i++) {
      b[i] = (byte) Integer.parseInt(s.substring(2 * i, 2 * i + 2), 16);
    }
    return b;
  }

  /** A little-endian heap buffer over {@code b}. */
  public static ByteBuffer buf(byte[] b) {
    return ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
  }

  /** A little-endian heap buffer over parsed hex. */
  public static ByteBuffer buf(String hex) {
    return buf(hex(hex));
  }

  /** Formats bytes as spaced upper-case hex. */
  public static String toHex(byte[] b) {
    return Wire.hex(ByteBuffer.wrap(b));
  }

  /** Runs an encoder into a fresh BufferWriter and returns the bytes. */
  public static byte[] encode(Consumer<TdsWriter> encoder) {
    BufferWriter w = new BufferWriter(16, Integer.MAX_VALUE - 16);
    encoder.accept(w);
    return w.toByteArray();
  }

  /**
   * Asserts that decoding every strict prefix of {@code full} throws TdsProtocolException (and
   * nothing else), in both byte orders and for a direct buffer.
   */
  public static void assertEveryPrefixFails(byte[] full, Function<ByteBuffer, ?> decoder) {
    for (int n = 0; n < full.length; n++) {
      byte[] prefix = Arrays.copyOf(full, n);
      for (ByteBuffer b : variants(prefix)) {
        int len = n;
        assertThatThrownBy(() -> decoder.apply(b))
            .as("prefix of %d bytes", len)
            .isInstanceOf(TdsProtocolException.class);
      }
    }
  }

  /** Heap little-endian, heap big-endian, direct, and an offset slice. */
  public static ByteBuffer[] variants(byte[] b) {
    ByteBuffer direct = ByteBuffer.allocateDirect(b.length).put(b).flip();
    byte[] padded = new byte[b.length + 3];
    System.arraycopy(b, 0, padded, 3, b.length);
    ByteBuffer sliced = ByteBuffer.wrap(padded).position(3).slice();
    return new ByteBuffer[] {
      buf(b), ByteBuffer.wrap(b).order(ByteOrder.BIG_ENDIAN), direct, sliced
    };
  }

  /** Decodes with {@code decoder}: must return normally or throw TdsProtocolException. */
  public static void decodeOrProtocolError(ByteBuffer b, Function<ByteBuffer, ?> decoder) {
    try {
      Object r = decoder.apply(b);
      assertThat(r).isNotNull();
    } catch (TdsProtocolException expected) {
      // a malformed input: fine
    } catch (RuntimeException e) {
      fail("decoder threw " + e + " instead of TdsProtocolException", e);
    }
  }
}
