package io.jctds.protocol.token;

import io.jctds.protocol.TdsVersion;
import io.jctds.protocol.TdsWriter;
import io.jctds.protocol.login.FeatureExt;
import java.nio.ByteBuffer;
import java.util.List;

/**
 * FEATUREEXTACK ([MS-TDS] 2.2.7.11): the features the server accepted, each with its ack data,
 * ended by 0xFF.
 *
 * @param features acknowledged features
 */
public record FeatureExtAck(List<FeatureExt> features) implements Token {
  /** Copies the list. */
  public FeatureExtAck {
    features = List.copyOf(features);
  }

  @Override
  public int type() {
    return TokenType.FEATUREEXTACK;
  }

  /** The acknowledgement for feature {@code id}, or null. */
  public FeatureExt feature(int id) {
    for (FeatureExt f : features) {
      if (f.id() == id) {
        return f;
      }
    }
    return null;
  }

  static FeatureExtAck decode(ByteBuffer in) {
    return new FeatureExtAck(FeatureExt.decodeList(in));
  }

  @Override
  public void encode(TdsWriter out, TdsVersion v) {
    out.u8(TokenType.FEATUREEXTACK);
    FeatureExt.encodeList(out, features);
  }
}
