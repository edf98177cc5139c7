package io.jctds.server.types;

import io.jctds.protocol.BufferWriter;
import io.jctds.protocol.TdsVersion;
import io.jctds.protocol.type.TdsType;
import io.jctds.protocol.type.TypeInfo;
import io.jctds.protocol.type.ValueWriter;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * sql_variant values as the server stores them: the body of [MS-TDS] 2.2.5.5.4 (base type byte,
 * property byte count, properties, value without a length prefix), so a stored value goes to the
 * client byte for byte and keeps its base type.
 */
public final class Variants {
  private Variants() {}

  /**
   * The variant body of {@code value} (an H2-friendly Java value) as {@code base}.
   *
   * @throws IllegalArgumentException for xml, (max) types and sql_variant itself, which a
   *     sql_variant cannot hold
   */
  public static byte[] encode(SqlType base, Object value) {
    if (base.isMax() || base.base() == SqlBase.SQL_VARIANT) {
      throw new IllegalArgumentException(base.sqlName() + " cannot be stored in a sql_variant");
    }
    TypeInfo ti = WireTypes.typeInfo(base, false, TdsVersion.V7_4, true);
    BufferWriter out = new BufferWriter(32, 8100);
    out.u8(ti.type().id());
    switch (ti.type().kind()) {
      case FIXED -> out.u8(0);
      default -> properties(out, ti);
    }
    BufferWriter data = new BufferWriter(32, 8100);
    ValueWriter.write(data, ti, Values.forWire(base, value));
    ByteBuffer v = data.view();
    int prefix =
        switch (ti.type().kind()) {
          case FIXED -> 0;
          case USHORTLEN -> 2;
          default -> 1;
        };
    v.position(v.position() + prefix);
    out.bytes(v);
    return out.toByteArray();
  }

  private static void properties(BufferWriter out, TypeInfo ti) {
    TdsType t = ti.type();
    switch (t) {
      case GUID, DATEN -> out.u8(0);
      case TIMEN, DATETIME2N, DATETIMEOFFSETN -> out.u8(1).u8(ti.scale());
      case DECIMALN, NUMERICN -> out.u8(2).u8(ti.precision()).u8(ti.scale());
      case BIGVARBINARY, BIGBINARY -> out.u8(2).u16(ti.maxLength());
      default -> {
        out.u8(7);
        ti.collation().encode(out);
        out.u16(ti.maxLength());
      }
    }
  }

  /** The base type byte of a stored body, for SQL_VARIANT_PROPERTY. */
  public static int baseType(byte[] body) {
    return body[0] & 0xFF;
  }

  /** A copy of the property bytes of a stored body. */
  public static byte[] properties(byte[] body) {
    int n = body[1] & 0xFF;
    return Arrays.copyOfRange(body, 2, 2 + n);
  }
}
