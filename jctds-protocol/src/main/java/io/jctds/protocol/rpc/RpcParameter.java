package io.jctds.protocol.rpc;

import io.jctds.protocol.BufferWriter;
import io.jctds.protocol.TdsVersion;
import io.jctds.protocol.TdsWriter;
import io.jctds.protocol.Wire;
import io.jctds.protocol.type.TdsType;
import io.jctds.protocol.type.TypeInfo;
import io.jctds.protocol.type.ValueScanner;
import io.jctds.protocol.type.ValueWriter;
import io.jctds.protocol.type.Values;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * One RPC parameter ([MS-TDS] 2.2.6.6 ParameterData): a name (may be empty), status flags, a
 * TYPE_INFO and the value as TYPE_VARBYTE. {@link #write} streams a parameter without building this
 * record (the client's hot path); the record is what a decoder returns. A text, ntext or image
 * value travels as a 4-byte length (-1 for NULL) and its bytes, without the text pointer and
 * timestamp of a ROW (what tedious and FreeTDS's tds_generic_put send for TDS 7+).
 *
 * @param name the parameter name with its '@', or empty for positional parameters
 * @param status see {@link #BY_REF} and {@link #DEFAULT}
 * @param typeInfo the declared type
 * @param value the value as written on the wire (length prefix included); empty when streamed
 * @param stream the source of a streamed (max) value (see {@link #streamed}), else null
 */
public record RpcParameter(
    String name, int status, TypeInfo typeInfo, byte[] value, PlpSource stream) {
  /** fByRefValue: an output parameter. */
  public static final int BY_REF = 0x01;

  /** fDefaultValue: use the parameter's default. */
  public static final int DEFAULT = 0x02;

  /** The size of the chunks a streamed value is sent in. */
  public static final int STREAM_CHUNK = 8000;

  /** Copies the value; a streamed parameter must have a PLP type and no value bytes. */
  public RpcParameter {
    value = value.clone();
    if (stream != null && (!typeInfo.isPlp() || value.length != 0)) {
      throw new IllegalArgumentException(
          "only a (max) parameter without value bytes can be streamed, not " + typeInfo.sqlName());
    }
  }

  /** A parameter whose value is given as bytes (length prefix included). */
  public RpcParameter(String name, int status, TypeInfo typeInfo, byte[] value) {
    this(name, status, typeInfo, value, null);
  }

  /**
   * A parameter of a (max) type whose value is pulled from {@code source} while the request is
   * written: an unknown-length PLP value in chunks of at most {@link #STREAM_CHUNK} bytes. The
   * source is read once; encoding the parameter a second time writes what is left of it.
   */
  public static RpcParameter streamed(String name, int status, TypeInfo t, PlpSource source) {
    if (source == null) {
      throw new IllegalArgumentException("source is required");
    }
    return new RpcParameter(name, status, t, new byte[0], source);
  }

  /** An input parameter holding {@code v} (a natural Java value or null). */
  public static RpcParameter of(String name, TypeInfo t, Object v) {
    return withStatus(name, 0, t, v);
  }

  /** An output parameter with initial value {@code v}. */
  public static RpcParameter output(String name, TypeInfo t, Object v) {
    return withStatus(name, BY_REF, t, v);
  }

  private static RpcParameter withStatus(String name, int status, TypeInfo t, Object v) {
    return new RpcParameter(name, status, t, valueBytes(t, v));
  }

  /**
   * The bytes of {@code v} (a natural Java value or null) as the value of an RPC parameter of type
   * {@code t}: TYPE_VARBYTE with its length prefix; text, ntext and image without a text pointer.
   */
  public static byte[] valueBytes(TypeInfo t, Object v) {
    BufferWriter w = new BufferWriter();
    writeValue(w, t, v);
    return w.toByteArray();
  }

  /** Streams a parameter: name, status, TYPE_INFO, value. */
  public static void write(
      TdsWriter out, TdsVersion v, String name, int status, TypeInfo t, Object value) {
    out.bVarchar(name).u8(status);
    t.encode(out, v);
    writeValue(out, t, value);
  }

  /** Whether {@code t} is text, ntext or image (a length-prefixed value without text pointer). */
  private static boolean isLongText(TypeInfo t) {
    return t.type().kind() == TdsType.LengthKind.LONGLEN && t.type() != TdsType.SSVARIANT;
  }

  private static void writeValue(TdsWriter out, TypeInfo t, Object v) {
    if (!isLongText(t)) {
      ValueWriter.write(out, t, v);
    } else if (v == null) {
      out.i32(-1);
    } else {
      BufferWriter row = new BufferWriter(); // the ROW form: pointer length, pointer, timestamp
      ValueWriter.write(row, t, v);
      ByteBuffer b = row.view();
      out.bytes(Wire.copy(b, TEXT_POINTER, b.remaining() - TEXT_POINTER));
    }
  }

  /** The text pointer length byte, a 16-byte pointer and an 8-byte timestamp. */
  private static final int TEXT_POINTER = 1 + 16 + 8;

  @Override
  public byte[] value() {
    return value.clone();
  }

  /** The number of value bytes (without copying them); 0 when streamed. */
  public int valueLength() {
    return value.length;
  }

  /** Whether this is an output parameter. */
  public boolean isOutput() {
    return (status & BY_REF) != 0;
  }

  /**
   * The value as its natural Java type (see {@link Values#getObject}).
   *
   * @throws IllegalStateException for a streamed parameter
   */
  public Object getObject() {
    if (stream != null) {
      throw new IllegalStateException("the value of " + name + " is streamed");
    }
    ByteBuffer b = ByteBuffer.wrap(value).order(ByteOrder.LITTLE_ENDIAN);
    if (isLongText(typeInfo)) {
      int len = b.getInt(0);
      return Values.getObject(typeInfo, b, 4, len < 0 ? -1 : len);
    }
    long c = ValueScanner.scan(typeInfo, b);
    return Values.getObject(typeInfo, b, ValueScanner.offset(c), ValueScanner.length(c));
  }

  void encode(TdsWriter out, TdsVersion v) {
    out.bVarchar(name).u8(status);
    typeInfo.encode(out, v);
    if (stream == null) {
      out.bytes(value);
    } else {
      writeStream(out, stream);
    }
  }

  /** An unknown-length PLP value: the marker, one chunk per read, the terminator. */
  private static void writeStream(TdsWriter out, PlpSource source) {
    try {
      PlpSource.writeUnknownLength(out, source, new byte[STREAM_CHUNK]);
    } catch (IOException e) {
      throw new UncheckedIOException("reading a streamed parameter value failed", e);
    }
  }

  static RpcParameter decode(ByteBuffer in, TdsVersion v) {
    String name = Wire.bVarchar(in, "RPC parameter name");
    int status = Wire.u8(in, "RPC parameter status");
    TypeInfo t = TypeInfo.decode(in, v);
    int start = in.position();
    if (isLongText(t)) {
      int len = Wire.i32(in, t.sqlName() + " parameter length");
      if (len < -1) {
        throw new io.jctds.protocol.TdsProtocolException(
            "negative " + t.sqlName() + " parameter length " + len, start);
      }
      Wire.skip(in, Math.max(len, 0), t.sqlName() + " parameter of " + len + " bytes");
    } else {
      ValueScanner.scan(t, in);
    }
    return new RpcParameter(name, status, t, Wire.copy(in, start, in.position() - start));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RpcParameter p
        && p.name.equals(name)
        && p.status == status
        && p.typeInfo.equals(typeInfo)
        && Arrays.equals(p.value, value)
        && p.stream == stream;
  }

  @Override
  public int hashCode() {
    return name.hashCode() * 31 + Arrays.hashCode(value);
  }

  @Override
  public String toString() {
    Object v = stream != null ? "<streamed>" : getObject();
    return (name.isEmpty() ? "?" : name)
        + " "
        + typeInfo.sqlName()
        + (isOutput() ? " OUTPUT" : "")
        + " = "
        + (v instanceof byte[] b ? "<" + b.length + " bytes>" : v);
  }
}
