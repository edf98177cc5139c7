package io.jctds.protocol.bulk;

import io.jctds.protocol.TdsProtocolException;
import io.jctds.protocol.TdsVersion;
import io.jctds.protocol.Wire;
import io.jctds.protocol.token.ColMetadata;
import io.jctds.protocol.token.TokenType;
import io.jctds.protocol.type.TdsType;
import io.jctds.protocol.type.TypeInfo;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * The COLMETADATA token that opens a BulkLoadBCP message ([MS-TDS] 2.2.6.1). It differs from a
 * server's COLMETADATA in one place: the TableName of a text, ntext or image column is a single
 * US_VARCHAR in every TDS version, without the NumParts byte that TDS 7.2 added to responses. That
 * is what the bulk-copy clients send: FreeTDS 1.3 (src/tds/bulk.c, tds7_bcp_send_colmetadata: a
 * smallint length, then the UTF-16 name) and tedious 19 (src/bulk-load.ts, getColMetaData:
 * writeUsVarchar of the table name).
 */
public final class BulkColMetadata {
  private BulkColMetadata() {}

  /**
   * Decodes the token at the buffer's position, its type byte (0x81) included.
   *
   * @throws TdsProtocolException when the token is not COLMETADATA, is malformed or truncated
   */
  public static ColMetadata decode(ByteBuffer in, TdsVersion v) {
    int at = in.position();
    int type = Wire.u8(in, "token type");
    if (type != TokenType.COLMETADATA) {
      throw new TdsProtocolException(
          "a bulk load must start with COLMETADATA, not " + TokenType.name(type), at);
    }
    int count = Wire.u16(in, "COLMETADATA column count");
    if (count == 0xFFFF || count == 0) {
      throw new TdsProtocolException("a bulk load's COLMETADATA has no columns", at);
    }
    List<ColMetadata.Column> cols = new ArrayList<>(Math.min(count, 64));
    for (int i = 0; i < count; i++) {
      long userType =
          v.atLeast(TdsVersion.V7_2) ? Wire.u32(in, "column user type") : Wire.u16(in, "user type");
      int flags = Wire.u16(in, "column flags");
      TypeInfo t = TypeInfo.decode(in, v);
      List<String> table = List.of();
      if (t.type() == TdsType.TEXT || t.type() == TdsType.NTEXT || t.type() == TdsType.IMAGE) {
        table = List.of(Wire.usVarchar(in, "table name"));
      }
      cols.add(new ColMetadata.Column(userType, flags, t, table, Wire.bVarchar(in, "column name")));
    }
    return new ColMetadata(cols);
  }
}
