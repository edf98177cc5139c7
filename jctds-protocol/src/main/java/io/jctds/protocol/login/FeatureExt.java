package io.jctds.protocol.login;

import io.jctds.protocol.TdsProtocolException;
import io.jctds.protocol.TdsWriter;
import io.jctds.protocol.Wire;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One feature extension ([MS-TDS] 2.2.6.4 FeatureExt, 2.2.7.11 FEATUREEXTACK): a feature id, a
 * DWORD length and opaque data. A list of them ends with the byte 0xFF.
 *
 * @param id the feature id, see the constants
 * @param data the feature data (copied)
 */
public record FeatureExt(int id, byte[] data) {
  /** Session recovery (connection resiliency). */
  public static final int SESSIONRECOVERY = 0x01;

  /** Federated authentication. */
  public static final int FEDAUTH = 0x02;

  /** Always Encrypted (column encryption). */
  public static final int COLUMNENCRYPTION = 0x04;

  /** Global transactions. */
  public static final int GLOBALTRANSACTIONS = 0x05;

  /** Azure SQL support (read-only routing etc.). */
  public static final int AZURESQLSUPPORT = 0x08;

  /** Data classification. */
  public static final int DATACLASSIFICATION = 0x09;

  /** UTF-8 collations. FreeTDS sends it with the single data byte 0x01. */
  public static final int UTF8_SUPPORT = 0x0A;

  /** Azure SQL DNS caching. */
  public static final int AZURESQLDNSCACHING = 0x0B;

  /** The json data type (mssql-jdbc 12.10+). */
  public static final int JSONSUPPORT = 0x0D;

  /** The vector data type (mssql-jdbc 12.10+). */
  public static final int VECTORSUPPORT = 0x0E;

  /** Enhanced routing (mssql-jdbc 13). */
  public static final int ENHANCEDROUTING = 0x0F;

  /** User agent (mssql-jdbc 13). */
  public static final int USERAGENT = 0x10;

  /** The list terminator. */
  public static final int TERMINATOR = 0xFF;

  /** Validates and copies. */
  public FeatureExt {
    if (id < 0 || id >= TERMINATOR) {
      throw new IllegalArgumentException("feature id " + id + " is outside 0..254");
    }
    data = data.clone();
  }

  @Override
  public byte[] data() {
    return data.clone();
  }

  /** Encoded size: id, DWORD length, data. */
  public int encodedLength() {
    return 5 + data.length;
  }

  /** Writes id, length and data. */
  public void encode(TdsWriter out) {
    out.u8(id).i32(data.length).bytes(data);
  }

  /** Writes each feature and the 0xFF terminator. */
  public static void encodeList(TdsWriter out, List<FeatureExt> features) {
    for (FeatureExt f : features) {
      f.encode(out);
    }
    out.u8(TERMINATOR);
  }

  /**
   * Reads features up to and including the 0xFF terminator.
   *
   * @throws TdsProtocolException if a length reaches past the buffer or the terminator is missing
   */
  public static List<FeatureExt> decodeList(ByteBuffer in) {
    List<FeatureExt> list = new ArrayList<>();
    while (true) {
      int id = Wire.u8(in, "FeatureExt id or 0xFF terminator");
      if (id == TERMINATOR) {
        return List.copyOf(list);
      }
      int at = in.position();
      long len = Wire.u32(in, "FeatureExt data length");
      if (len > in.remaining()) {
        throw new TdsProtocolException(
            String.format(
                "FeatureExt 0x%02X claims %d data bytes but only %d remain",
                id, len, in.remaining()),
            at);
      }
      list.add(new FeatureExt(id, Wire.bytes(in, (int) len, "FeatureExt data")));
    }
  }

  /** A short name for the id. */
  public static String name(int id) {
    return switch (id) {
      case SESSIONRECOVERY -> "SESSIONRECOVERY";
      case FEDAUTH -> "FEDAUTH";
      case COLUMNENCRYPTION -> "COLUMNENCRYPTION";
      case GLOBALTRANSACTIONS -> "GLOBALTRANSACTIONS";
      case AZURESQLSUPPORT -> "AZURESQLSUPPORT";
      case DATACLASSIFICATION -> "DATACLASSIFICATION";
      case UTF8_SUPPORT -> "UTF8_SUPPORT";
      case AZURESQLDNSCACHING -> "AZURESQLDNSCACHING";
      case JSONSUPPORT -> "JSONSUPPORT";
      case VECTORSUPPORT -> "VECTORSUPPORT";
      case ENHANCEDROUTING -> "ENHANCEDROUTING";
      case USERAGENT -> "USERAGENT";
      default -> String.format("0x%02X", id);
    };
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof FeatureExt f && f.id == id && Arrays.equals(f.data, data);
  }

  @Override
  public int hashCode() {
    return id * 31 + Arrays.hashCode(data);
  }

  @Override
  public String toString() {
    // FEDAUTH data can carry a token: show lengths only.
    return name(id) + "(" + data.length + " bytes)";
  }
}
