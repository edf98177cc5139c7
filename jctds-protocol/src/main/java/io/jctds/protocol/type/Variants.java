package io.jctds.protocol.type;

import io.jctds.protocol.TdsProtocolException;
import io.jctds.protocol.Wire;
import java.nio.ByteBuffer;

/**
 * sql_variant values ([MS-TDS] 2.2.5.5.4): a base type byte, a property byte count, the properties
 * (scale; precision and scale; max length; collation and max length) and the data.
 */
final class Variants {
  private Variants() {}

  static Values.Slot unwrap(ByteBuffer b, int off, int len) {
    if (len < 2) {
      throw new TdsProtocolException("sql_variant of " + len + " bytes lacks its header", off);
    }
    int base = b.get(off) & 0xFF;
    int props = b.get(off + 1) & 0xFF;
    int dataOff = off + 2 + props;
    int dataLen = len - 2 - props;
    TdsType t = TdsType.fromByte(base);
    if (t == null || dataLen < 0) {
      throw new TdsProtocolException(
          String.format(
              "sql_variant base type 0x%02X with %d property bytes is invalid", base, props),
          off);
    }
    ByteBuffer p = b.duplicate().position(off + 2).limit(dataOff);
    TypeInfo ti = baseType(t, p, dataLen, off);
    if (ti.type().isFixed() && ti.type().size() != dataLen || !fits(ti, dataLen)) {
      throw new TdsProtocolException(
          "sql_variant " + ti.sqlName() + " value of " + dataLen + " bytes is invalid", off);
    }
    return new Values.Slot(ti, b, dataOff, dataLen);
  }

  private static TypeInfo baseType(TdsType t, ByteBuffer p, int dataLen, int off) {
    return switch (t) {
      case INT1, INT2, INT4, INT8, BIT, FLT4, FLT8, MONEY, MONEY4, DATETIME, DATETIM4 ->
          TypeInfo.fixed(t);
      case GUID -> TypeInfo.guid();
      case DATEN -> TypeInfo.date();
      case TIMEN, DATETIME2N, DATETIMEOFFSETN -> {
        int scale = Wire.u8(p, "sql_variant scale");
        if (scale > 7) {
          throw new TdsProtocolException("sql_variant scale " + scale + " exceeds 7", off);
        }
        yield TypeInfo.scaled(t, scale);
      }
      case DECIMALN, NUMERICN -> {
        int precision = Wire.u8(p, "sql_variant precision");
        int scale = Wire.u8(p, "sql_variant scale");
        if (precision < 1 || precision > 38 || scale > precision) {
          throw new TdsProtocolException("sql_variant decimal precision/scale is invalid", off);
        }
        yield new TypeInfo(t, dataLen, precision, scale, null, null);
      }
      case BIGVARBINARY, BIGBINARY ->
          new TypeInfo(t, Math.min(Wire.u16(p, "sql_variant max length"), 8000), 0, 0, null, null);
      case BIGVARCHAR, BIGCHAR, NVARCHAR, NCHAR -> {
        Collation c = Collation.decode(p);
        int max = Math.min(Wire.u16(p, "sql_variant max length"), 8000);
        yield new TypeInfo(t, max, 0, 0, c, null);
      }
      default -> throw new TdsProtocolException("sql_variant cannot hold a " + t + " value", off);
    };
  }

  private static boolean fits(TypeInfo t, int len) {
    return switch (t.type()) {
      case GUID -> len == 16;
      case DATEN, TIMEN, DATETIME2N, DATETIMEOFFSETN -> len == t.maxLength();
      case DECIMALN, NUMERICN -> len >= 2 && len <= 17;
      default -> true;
    };
  }
}
