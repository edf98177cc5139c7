package io.jctds.protocol.token;

import io.jctds.protocol.BufferWriter;
import io.jctds.protocol.TdsVersion;
import io.jctds.protocol.TdsWriter;
import io.jctds.protocol.Wire;
import io.jctds.protocol.type.TypeInfo;
import io.jctds.protocol.type.ValueScanner;
import io.jctds.protocol.type.ValueWriter;
import io.jctds.protocol.type.Values;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * RETURNVALUE ([MS-TDS] 2.2.7.18): an output parameter or a user-defined function's result. The
 * value is copied out of the stream (it is small and outlives the buffer).
 *
 * @param ordinal the parameter's position
 * @param name the parameter name, e.g. "@out"
 * @param status 0x01 output parameter, 0x02 UDF return value
 * @param userType user type id
 * @param flags column-style flags
 * @param typeInfo the value's type
 * @param value the value as written on the wire (TYPE_VARBYTE, length prefix included)
 */
public record ReturnValue(
    int ordinal, String name, int status, long userType, int flags, TypeInfo typeInfo, byte[] value)
    implements Token {

  /** Status: output parameter. */
  public static final int STATUS_OUTPUT = 0x01;

  /** Status: user-defined function return value. */
  public static final int STATUS_UDF = 0x02;

  /** Copies the value. */
  public ReturnValue {
    value = value.clone();
  }

  /** A return value holding {@code v} (a natural Java value or null). */
  public static ReturnValue of(int ordinal, String name, TypeInfo t, Object v) {
    BufferWriter w = new BufferWriter();
    ValueWriter.write(w, t, v);
    return new ReturnValue(
        ordinal, name, STATUS_OUTPUT, 0, ColMetadata.FLAG_NULLABLE, t, w.toByteArray());
  }

  @Override
  public byte[] value() {
    return value.clone();
  }

  @Override
  public int type() {
    return TokenType.RETURNVALUE;
  }

  private long cell(ByteBuffer b) {
    return ValueScanner.scan(typeInfo, b);
  }

  /** The value as its natural Java type (see {@link Values#getObject}). */
  public Object getObject() {
    ByteBuffer b = ByteBuffer.wrap(value).order(ByteOrder.LITTLE_ENDIAN);
    long c = cell(b);
    return Values.getObject(typeInfo, b, ValueScanner.offset(c), ValueScanner.length(c));
  }

  /** Whether the value is NULL. */
  public boolean isNull() {
    return ValueScanner.length(cell(ByteBuffer.wrap(value).order(ByteOrder.LITTLE_ENDIAN))) < 0;
  }

  static ReturnValue decode(ByteBuffer in, TdsVersion v) {
    int ordinal = Wire.u16(in, "RETURNVALUE ordinal");
    String name = Wire.bVarchar(in, "RETURNVALUE name");
    int status = Wire.u8(in, "RETURNVALUE status");
    long userType =
        v.atLeast(TdsVersion.V7_2)
            ? Wire.u32(in, "RETURNVALUE user type")
            : Wire.u16(in, "user type");
    int flags = Wire.u16(in, "RETURNVALUE flags");
    TypeInfo t = TypeInfo.decode(in, v);
    int start = in.position();
    ValueScanner.scan(t, in);
    byte[] raw = Wire.copy(in, start, in.position() - start);
    return new ReturnValue(ordinal, name, status, userType, flags, t, raw);
  }

  @Override
  public void encode(TdsWriter out, TdsVersion v) {
    out.u8(TokenType.RETURNVALUE).u16(ordinal).bVarchar(name).u8(status);
    if (v.atLeast(TdsVersion.V7_2)) {
      out.i32((int) userType);
    } else {
      out.u16((int) userType);
    }
    out.u16(flags);
    typeInfo.encode(out, v);
    out.bytes(value);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ReturnValue r
        && r.ordinal == ordinal
        && r.name.equals(name)
        && r.status == status
        && r.userType == userType
        && r.flags == flags
        && r.typeInfo.equals(typeInfo)
        && Arrays.equals(r.value, value);
  }

  @Override
  public int hashCode() {
    return ordinal * 31 + name.hashCode() + Arrays.hashCode(value);
  }

  @Override
  public String toString() {
    return "ReturnValue["
        + ordinal
        + " "
        + name
        + " "
        + typeInfo.sqlName()
        + " = "
        + getObject()
        + "]";
  }
}
