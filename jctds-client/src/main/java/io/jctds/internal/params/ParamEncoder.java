package io.jctds.internal.params;

import io.jctds.DataError;
import io.jctds.InterfaceError;
import io.jctds.SqlValue;
import io.jctds.protocol.BufferWriter;
import io.jctds.protocol.rpc.PlpSource;
import io.jctds.protocol.rpc.RpcParameter;
import io.jctds.protocol.type.TdsType;
import io.jctds.protocol.type.TypeInfo;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.UUID;

/**
 * Encodes a Java value as an RPC parameter: its TYPE_INFO, value bytes and the declaration
 * sp_executesql's {@code @params} needs. The mapping (NOTES-params.md has the table): null as
 * nvarchar(4000) NULL (as mssql-jdbc sends an untyped null), Boolean bit, Byte and Short smallint,
 * Integer int, Long bigint, Float real, Double float, BigDecimal decimal(38, scale), BigInteger
 * decimal(38,0), String and char[] nvarchar(4000) or nvarchar(max), byte[] and ByteBuffer
 * varbinary(8000) or varbinary(max), LocalDate date, LocalTime time(7), LocalDateTime datetime2(7),
 * OffsetDateTime / ZonedDateTime / Instant datetimeoffset(7), UUID uniqueidentifier, InputStream
 * varbinary(max) and Reader nvarchar(max) streamed, and the {@link SqlValue} wrappers. Below TDS
 * 7.2 (no (max) types) long values are ntext / image and streams are read whole; below 7.3 the date
 * and time types are sent as nvarchar literals SQL Server converts.
 */
public final class ParamEncoder {
  private ParamEncoder() {}

  /** Longest nvarchar(n) in UTF-16 units. */
  static final int NVARCHAR_MAX_N = 4000;

  /** Longest varchar(n) and varbinary(n) in bytes. */
  static final int VARBYTE_MAX_N = 8000;

  /**
   * Encodes {@code v}.
   *
   * @throws DataError if the value does not fit its type (a decimal of more than 38 digits, a
   *     wrapper's value longer than its size, a character its code page cannot hold, NaN, a date
   *     out of range)
   * @throws InterfaceError if the Java type is not supported
   */
  public static Encoded encode(Object v, EncodeContext ctx) {
    try {
      if (v instanceof SqlValue<?> w) {
        return WrapperEncoder.encode(w, ctx);
      } else if (v instanceof TypedNull n) {
        return encodeNull(n.type(), ctx);
      }
      return encodePlain(v, ctx);
    } catch (IllegalArgumentException e) {
      throw new DataError(e.getMessage(), null, e);
    }
  }

  /**
   * A NULL of the SQL type {@link #encode} gives values of {@code type} (an OUTPUT parameter
   * declared by its Java type); a BigDecimal is decimal(38,10), a String nvarchar(4000), a byte[]
   * varbinary(8000) — use a wrapper's {@code nullOf} for another size.
   *
   * @throws InterfaceError if the type is not supported
   */
  public static Encoded encodeNull(Class<?> type, EncodeContext ctx) {
    TypeInfo t;
    if (type == Boolean.class) {
      t = TypeInfo.bitN();
    } else if (type == Byte.class || type == Short.class) {
      t = TypeInfo.intN(2);
    } else if (type == Integer.class) {
      t = TypeInfo.intN(4);
    } else if (type == Long.class) {
      t = TypeInfo.intN(8);
    } else if (type == Float.class) {
      t = TypeInfo.fltN(4);
    } else if (type == Double.class) {
      t = TypeInfo.fltN(8);
    } else if (type == BigDecimal.class || type == BigInteger.class) {
      t = TypeInfo.decimal(38, type == BigDecimal.class ? 10 : 0);
    } else if (type == UUID.class) {
      t = TypeInfo.guid();
    } else if (type == byte[].class || type == ByteBuffer.class) {
      t = TypeInfo.varbinary(VARBYTE_MAX_N);
    } else {
      return encodeNullOther(type, ctx);
    }
    return of(t, null);
  }

  private static Encoded encodeNullOther(Class<?> type, EncodeContext ctx) {
    if (type == String.class || type == char[].class) {
      return nvarchar(null, ctx);
    }
    TypeInfo t = null;
    if (type == LocalDate.class) {
      t = TypeInfo.date();
    } else if (type == LocalTime.class) {
      t = TypeInfo.time(7);
    } else if (type == LocalDateTime.class) {
      t = TypeInfo.datetime2(7);
    } else if (type == OffsetDateTime.class
        || type == ZonedDateTime.class
        || type == Instant.class) {
      t = TypeInfo.datetimeOffset(7);
    }
    if (t == null) {
      throw new InterfaceError(
          "no SQL type for a NULL of "
              + type.getName()
              + "; use a typed null such as SqlInt.nullOf() or SqlVarChar.nullOf(10)");
    }
    return ctx.hasDateTypes() ? of(t, null) : nvarchar(null, ctx);
  }

  private static Encoded encodePlain(Object v, EncodeContext ctx) {
    if (v == null) {
      return of(TypeInfo.nvarchar(NVARCHAR_MAX_N, ctx.collation()), null);
    } else if (v instanceof Boolean) {
      return of(TypeInfo.bitN(), v);
    } else if (v instanceof Byte || v instanceof Short) {
      return of(TypeInfo.intN(2), v);
    } else if (v instanceof Integer) {
      return of(TypeInfo.intN(4), v);
    } else if (v instanceof Long) {
      return of(TypeInfo.intN(8), v);
    } else if (v instanceof Float f) {
      return of(TypeInfo.fltN(4), finite(f.doubleValue(), v));
    } else if (v instanceof Double d) {
      return of(TypeInfo.fltN(8), finite(d, v));
    } else if (v instanceof BigDecimal d) {
      return decimal(d);
    } else if (v instanceof BigInteger i) {
      return decimal(new BigDecimal(i));
    } else if (v instanceof String s) {
      return nvarchar(s, ctx);
    } else if (v instanceof char[] c) {
      return nvarchar(new String(c), ctx);
    } else if (v instanceof UUID) {
      return of(TypeInfo.guid(), v);
    }
    return encodeOther(v, ctx);
  }

  private static Encoded encodeOther(Object v, EncodeContext ctx) {
    if (v instanceof byte[] b) {
      return varbinary(b, ctx);
    } else if (v instanceof ByteBuffer b) {
      byte[] d = new byte[b.remaining()];
      b.duplicate().get(d);
      return varbinary(d, ctx);
    } else if (v instanceof InputStream in) {
      return ctx.hasMax()
          ? streamed(TypeInfo.varbinary(TypeInfo.MAX), in::read)
          : of(TypeInfo.longText(TdsType.IMAGE, 0x7FFFFFFF, null), readAll(in));
    } else if (v instanceof Reader r) {
      return ctx.hasMax()
          ? streamed(TypeInfo.nvarchar(TypeInfo.MAX, ctx.collation()), new ReaderSource(r))
          : nvarchar(ReaderSource.readAll(r), ctx);
    }
    Encoded t = Temporals.encode(v, ctx);
    if (t == null) {
      throw new InterfaceError(
          "a "
              + v.getClass().getName()
              + " cannot be sent as a parameter; see NOTES-params.md for the supported types, or"
              + " wrap the value in an io.jctds.Sql* type");
    }
    return t;
  }

  /** An Encoded of {@code v} written for {@code t}, declared as {@code t}'s SQL name. */
  static Encoded of(TypeInfo t, Object v) {
    return new Encoded(t, RpcParameter.valueBytes(t, v), null, t.sqlName());
  }

  private static Encoded streamed(TypeInfo t, PlpSource source) {
    return new Encoded(t, new byte[0], source, t.sqlName());
  }

  private static Object finite(double d, Object v) {
    if (Double.isNaN(d) || Double.isInfinite(d)) {
      throw new DataError(
          v + " cannot be sent: SQL Server's float and real have no NaN or infinity");
    }
    return v;
  }

  /** nvarchar(4000), nvarchar(max) when longer (ntext below TDS 7.2); null is a NULL. */
  static Encoded nvarchar(String s, EncodeContext ctx) {
    if (s == null || s.length() <= NVARCHAR_MAX_N) {
      return of(TypeInfo.nvarchar(NVARCHAR_MAX_N, ctx.collation()), s);
    }
    return ctx.hasMax()
        ? of(TypeInfo.nvarchar(TypeInfo.MAX, ctx.collation()), s)
        : of(TypeInfo.longText(TdsType.NTEXT, 0x3FFFFFFF, ctx.collation()), s);
  }

  /** varbinary(8000), varbinary(max) when longer (image below TDS 7.2). */
  static Encoded varbinary(byte[] b, EncodeContext ctx) {
    if (b.length <= VARBYTE_MAX_N) {
      return of(TypeInfo.varbinary(VARBYTE_MAX_N), b);
    }
    return ctx.hasMax()
        ? of(TypeInfo.varbinary(TypeInfo.MAX), b)
        : of(TypeInfo.longText(TdsType.IMAGE, 0x7FFFFFFF, null), b);
  }

  /**
   * decimal(38, scale) as mssql-jdbc declares a BigDecimal; a negative scale is normalised to 0.
   * The value carries as many magnitude bytes as its two's complement form needs (bitLength / 8 +
   * 1), as mssql-jdbc 13.6.2 and jTDS 1.3.1 send it (PeerParameterBytesTest,
   * MssqlJdbcParamBytesIT), rather than the 16 bytes precision 38 implies.
   */
  static Encoded decimal(BigDecimal d) {
    BigDecimal v = d.scale() < 0 ? d.setScale(0) : d;
    if (Math.max(v.precision(), v.scale()) > 38) {
      throw new DataError(
          d
              + " has more than 38 digits (precision "
              + v.precision()
              + ", scale "
              + v.scale()
              + ")");
    }
    TypeInfo t = TypeInfo.decimal(38, v.scale());
    return new Encoded(t, decimalBytes(v), null, t.sqlName());
  }

  /** Length byte, sign byte (1 = positive), the little-endian magnitude in bitLength/8+1 bytes. */
  static byte[] decimalBytes(BigDecimal v) {
    BigInteger abs = v.unscaledValue().abs();
    int mag = abs.bitLength() / 8 + 1;
    byte[] be = abs.toByteArray(); // big-endian, mag bytes (a leading 0 for the sign bit)
    BufferWriter w = new BufferWriter(mag + 2, mag + 2);
    w.u8(mag + 1).u8(v.signum() < 0 ? 0 : 1);
    for (int i = 0; i < mag; i++) {
      w.u8(be[be.length - 1 - i]);
    }
    return w.toByteArray();
  }

  private static byte[] readAll(InputStream in) {
    try {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("reading an InputStream parameter failed", e);
    }
  }

  /** The date and time types (nvarchar literals below TDS 7.3). */
  static final class Temporals {
    private Temporals() {}

    /** The encoded value, or null if {@code v} is not a date/time value. */
    static Encoded encode(Object v, EncodeContext ctx) {
      Object t = v instanceof Instant i ? i.atOffset(ZoneOffset.UTC) : v;
      if (t instanceof ZonedDateTime z) {
        t = z.toOffsetDateTime();
      }
      TypeInfo info;
      if (t instanceof LocalDate) {
        info = TypeInfo.date();
      } else if (t instanceof LocalTime) {
        info = TypeInfo.time(7);
      } else if (t instanceof LocalDateTime) {
        info = TypeInfo.datetime2(7);
      } else if (t instanceof OffsetDateTime) {
        info = TypeInfo.datetimeOffset(7);
      } else {
        return null;
      }
      if (!ctx.hasDateTypes()) {
        return nvarchar(Literals.of(t), ctx);
      }
      return of(info, t);
    }
  }
}
