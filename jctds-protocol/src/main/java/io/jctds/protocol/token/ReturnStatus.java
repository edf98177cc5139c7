package io.jctds.protocol.token;

import io.jctds.protocol.TdsVersion;
import io.jctds.protocol.TdsWriter;
import io.jctds.protocol.Wire;
import java.nio.ByteBuffer;

/**
 * RETURNSTATUS ([MS-TDS] 2.2.7.18): a stored procedure's return value.
 *
 * @param value the status
 */
public record ReturnStatus(int value) implements Token {
  @Override
  public int type() {
    return TokenType.RETURNSTATUS;
  }

  static ReturnStatus decode(ByteBuffer in) {
    return new ReturnStatus(Wire.i32(in, "RETURNSTATUS value"));
  }

  @Override
  public void encode(TdsWriter out, TdsVersion v) {
    out.u8(TokenType.RETURNSTATUS).i32(value);
  }
}
