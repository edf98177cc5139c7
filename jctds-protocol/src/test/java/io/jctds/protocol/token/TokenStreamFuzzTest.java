package io.jctds.protocol.token;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.jctds.protocol.TdsProtocolException;
import io.jctds.protocol.TdsVersion;
import io.jctds.protocol.type.ConversionException;
import java.nio.ByteBuffer;

/**
 * Arbitrary bytes through the token decoder (the first byte picks the TDS version): every token
 * either decodes, asks for more bytes, or is a TdsProtocolException; rows convert every column.
 */
class TokenStreamFuzzTest {
  private static final TdsVersion[] VERSIONS = TdsVersion.values();

  @FuzzTest(maxDuration = "60s")
  void decode(byte[] data) {
    if (data.length == 0) {
      return;
    }
    TdsVersion v = VERSIONS[(data[0] & 0xFF) % VERSIONS.length];
    ByteBuffer in = ByteBuffer.wrap(data, 1, data.length - 1).slice();
    TokenDecoder d = new TokenDecoder(v);
    try {
      Token t;
      while ((t = d.next(in)) != null) {
        if (t instanceof Row row) {
          for (int i = 0; i < row.size(); i++) {
            try {
              row.getObject(i);
              row.getString(i);
            } catch (ConversionException ignored) {
              // a value that does not convert is reported, not crashed on
            }
          }
        } else if (t instanceof ReturnValue rv) {
          rv.getObject();
        }
        t.toString();
      }
    } catch (TdsProtocolException expected) {
      // malformed input
    }
  }
}
