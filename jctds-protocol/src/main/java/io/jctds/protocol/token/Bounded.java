package io.jctds.protocol.token;

import io.jctds.protocol.BufferWriter;
import io.jctds.protocol.TdsProtocolException;
import io.jctds.protocol.TdsTruncatedException;
import io.jctds.protocol.TdsWriter;
import io.jctds.protocol.Wire;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Tokens whose body has a declared length: the whole body must be present (else "need more"), is
 * decoded inside a window of exactly that length, and a read past it is malformation, not
 * truncation.
 */
final class Bounded {
  private Bounded() {}

  static <T> T read(ByteBuffer in, int len, String token, Function<ByteBuffer, T> body) {
    Wire.need(in, len, token + " body of " + len + " bytes");
    int start = in.position();
    ByteBuffer window = in.slice().order(ByteOrder.LITTLE_ENDIAN);
    window.limit(len);
    T result;
    try {
      result = body.apply(window);
    } catch (TdsTruncatedException e) {
      throw new TdsProtocolException(
          token
              + " body overruns its declared length of "
              + len
              + " bytes (at body offset "
              + e.offset()
              + ")",
          start);
    }
    in.position(start + len);
    return result;
  }

  /** Writes type byte, USHORT length and the body produced by {@code body}. */
  static void writeUshort(TdsWriter out, int type, Consumer<TdsWriter> body) {
    BufferWriter b = new BufferWriter(64, 0xFFFF);
    body.accept(b);
    out.u8(type).u16(b.size()).bytes(b.view());
  }
}
