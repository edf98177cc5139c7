package io.jctds.protocol.type;

import io.jctds.protocol.TdsProtocolException;
import io.jctds.protocol.TdsVersion;
import io.jctds.protocol.TdsWriter;
import io.jctds.protocol.Wire;
import java.nio.ByteBuffer;

/** Reads and writes {@link TypeInfo} ([MS-TDS] 2.2.5.6). */
final class TypeInfoCodec {
  private TypeInfoCodec() {}

  static TypeInfo decode(ByteBuffer in, TdsVersion v) {
    int at = in.position();
    int b = Wire.u8(in, "TYPE_INFO data type");
    TdsType t = TdsType.fromByte(b);
    if (t == null) {
      throw new TdsProtocolException(
          String.format("unknown TDS data type 0x%02X in TYPE_INFO", b), at);
    }
    return switch (t.kind()) {
      case FIXED -> TypeInfo.fixed(t);
      case BYTELEN -> byteLen(in, t, at);
      case USHORTLEN -> {
        int max = Wire.u16(in, t.name() + " maximum length");
        if (max > 8000 && max != TypeInfo.MAX) {
          throw new TdsProtocolException(t + " maximum length " + max + " exceeds 8000", at + 1);
        }
        yield new TypeInfo(t, max, 0, 0, collation(in, t, v), null);
      }
      case LONGLEN -> {
        int max = Wire.i32(in, t.name() + " maximum length");
        yield new TypeInfo(t, max, 0, 0, collation(in, t, v), null);
      }
      case PLP -> t == TdsType.XML ? xml(in) : udt(in);
    };
  }

  private static Collation collation(ByteBuffer in, TdsType t, TdsVersion v) {
    return t.hasCollation() && v.atLeast(TdsVersion.V7_1) ? Collation.decode(in) : null;
  }

  private static TypeInfo byteLen(ByteBuffer in, TdsType t, int at) {
    switch (t) {
      case DATEN:
        return TypeInfo.date();
      case TIMEN:
      case DATETIME2N:
      case DATETIMEOFFSETN:
        int scale = Wire.u8(in, t.name() + " scale");
        if (scale > 7) {
          throw new TdsProtocolException(t + " scale " + scale + " exceeds 7", at + 1);
        }
        return TypeInfo.scaled(t, scale);
      case DECIMAL:
      case NUMERIC:
      case DECIMALN:
      case NUMERICN:
        int len = Wire.u8(in, t.name() + " length");
        int precision = Wire.u8(in, t.name() + " precision");
        int s = Wire.u8(in, t.name() + " scale");
        if (precision < 1 || precision > 38 || s > precision || len < 5 || len > 17) {
          throw new TdsProtocolException(
              t + " length/precision/scale " + len + "/" + precision + "/" + s + " is invalid",
              at + 1);
        }
        return new TypeInfo(t, len, precision, s, null, null);
      default:
        int max = Wire.u8(in, t.name() + " length");
        if (!validByteLen(t, max)) {
          throw new TdsProtocolException(t + " cannot have length " + max, at + 1);
        }
        return new TypeInfo(t, max, 0, 0, null, null);
    }
  }

  private static boolean validByteLen(TdsType t, int len) {
    return switch (t) {
      case INTN -> len == 1 || len == 2 || len == 4 || len == 8;
      case FLTN, MONEYN, DATETIMN -> len == 4 || len == 8;
      case BITN -> len == 1;
      case GUID -> len == 16;
      default -> true;
    };
  }

  private static TypeInfo xml(ByteBuffer in) {
    int present = Wire.u8(in, "XML_INFO SCHEMA_PRESENT");
    if (present == 0) {
      return TypeInfo.xml();
    }
    TypeInfo.XmlSchema s =
        new TypeInfo.XmlSchema(
            Wire.bVarchar(in, "XML schema database"),
            Wire.bVarchar(in, "XML owning schema"),
            Wire.usVarchar(in, "XML schema collection"));
    return new TypeInfo(TdsType.XML, -1, 0, 0, null, s);
  }

  private static TypeInfo udt(ByteBuffer in) {
    int max = Wire.u16(in, "UDT maximum length");
    TypeInfo.UdtInfo u =
        new TypeInfo.UdtInfo(
            Wire.bVarchar(in, "UDT database"),
            Wire.bVarchar(in, "UDT schema"),
            Wire.bVarchar(in, "UDT type name"),
            Wire.usVarchar(in, "UDT assembly-qualified name"));
    return new TypeInfo(TdsType.UDT, max, 0, 0, null, u);
  }

  static void encode(TypeInfo ti, TdsWriter out, TdsVersion v) {
    TdsType t = ti.type();
    out.u8(t.id());
    switch (t.kind()) {
      case FIXED -> {}
      case BYTELEN -> encodeByteLen(ti, out);
      case USHORTLEN -> {
        out.u16(ti.maxLength());
        writeCollation(ti, out, v);
      }
      case LONGLEN -> {
        out.i32(ti.maxLength());
        writeCollation(ti, out, v);
      }
      case PLP -> encodePlpInfo(ti, out);
    }
  }

  private static void encodeByteLen(TypeInfo ti, TdsWriter out) {
    switch (ti.type()) {
      case DATEN -> {}
      case TIMEN, DATETIME2N, DATETIMEOFFSETN -> out.u8(ti.scale());
      case DECIMAL, NUMERIC, DECIMALN, NUMERICN ->
          out.u8(ti.maxLength()).u8(ti.precision()).u8(ti.scale());
      default -> out.u8(ti.maxLength());
    }
  }

  private static void writeCollation(TypeInfo ti, TdsWriter out, TdsVersion v) {
    if (ti.type().hasCollation() && v.atLeast(TdsVersion.V7_1)) {
      Collation c =
          ti.collation() == null ? Collation.SQL_LATIN1_GENERAL_CP1_CI_AS : ti.collation();
      c.encode(out);
    }
  }

  private static void encodePlpInfo(TypeInfo ti, TdsWriter out) {
    if (ti.type() == TdsType.XML) {
      if (ti.extra() instanceof TypeInfo.XmlSchema s) {
        out.u8(1).bVarchar(s.database()).bVarchar(s.owningSchema()).usVarchar(s.collection());
      } else {
        out.u8(0);
      }
      return;
    }
    TypeInfo.UdtInfo u =
        ti.extra() instanceof TypeInfo.UdtInfo x ? x : new TypeInfo.UdtInfo("", "", "", "");
    out.u16(ti.maxLength() < 0 ? TypeInfo.MAX : ti.maxLength())
        .bVarchar(u.database())
        .bVarchar(u.schema())
        .bVarchar(u.typeName())
        .usVarchar(u.assemblyQualifiedName());
  }
}
