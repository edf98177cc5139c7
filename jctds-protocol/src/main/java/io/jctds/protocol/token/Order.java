package io.jctds.protocol.token;

import io.jctds.protocol.TdsProtocolException;
import io.jctds.protocol.TdsVersion;
import io.jctds.protocol.TdsWriter;
import io.jctds.protocol.Wire;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * ORDER ([MS-TDS] 2.2.7.17): the 1-based column numbers of the ORDER BY.
 *
 * @param columns column numbers
 */
public record Order(List<Integer> columns) implements Token {
  /** Copies the list. */
  public Order {
    columns = List.copyOf(columns);
  }

  @Override
  public int type() {
    return TokenType.ORDER;
  }

  static Order decode(ByteBuffer in) {
    int at = in.position();
    int len = Wire.u16(in, "ORDER length");
    if (len % 2 != 0) {
      throw new TdsProtocolException("ORDER length " + len + " is odd", at);
    }
    return Bounded.read(
        in,
        len,
        "ORDER",
        b -> {
          List<Integer> cols = new ArrayList<>(len / 2);
          while (b.hasRemaining()) {
            cols.add(Wire.u16(b, "ORDER column"));
          }
          return new Order(cols);
        });
  }

  @Override
  public void encode(TdsWriter out, TdsVersion v) {
    out.u8(TokenType.ORDER).u16(columns.size() * 2);
    for (int c : columns) {
      out.u16(c);
    }
  }
}
