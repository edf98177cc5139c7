package io.jctds.internal.values;

import io.jctds.protocol.token.Row;
import io.jctds.protocol.type.ConversionException;
import io.jctds.protocol.type.ValueStreams;
import java.io.InputStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.Set;
import java.util.UUID;

/**
 * The conversions behind {@code io.jctds.Row}'s typed getters that the protocol's {@code Values}
 * does not do itself: narrowing to short and byte, the target classes of {@code getObject(i,
 * Class)}, and the streams. Failures are {@link ConversionException}s (the row makes them {@code
 * DataError}s); a target class that no conversion reaches is an {@link IllegalArgumentException}
 * (the row makes it an {@code InterfaceError}).
 */
public final class Conversions {
  private Conversions() {}

  /** The target classes {@link #to} accepts, for error messages. */
  public static final String SUPPORTED =
      "Object, String, Boolean, Byte, Short, Integer, Long, Float, Double, BigDecimal, BigInteger,"
          + " byte[], UUID, LocalDate, LocalTime, LocalDateTime, OffsetDateTime, Instant,"
          + " InputStream, Reader (and the primitive classes)";

  private static final Set<Class<?>> TARGETS =
      Set.of(
          Object.class,
          String.class,
          Boolean.class,
          Byte.class,
          Short.class,
          Integer.class,
          Long.class,
          Float.class,
          Double.class,
          BigDecimal.class,
          BigInteger.class,
          byte[].class,
          UUID.class,
          LocalDate.class,
          LocalTime.class,
          LocalDateTime.class,
          OffsetDateTime.class,
          Instant.class,
          InputStream.class,
          Reader.class);

  /** Column {@code i} narrowed to a short; fails when it does not fit. */
  public static short toShort(Row r, int i) {
    long v = r.getLong(i);
    if (v < Short.MIN_VALUE || v > Short.MAX_VALUE) {
      throw new ConversionException(v + " does not fit a short", null);
    }
    return (short) v;
  }

  /** Column {@code i} narrowed to a (signed) byte; fails when it does not fit -128..127. */
  public static byte toByte(Row r, int i) {
    long v = r.getLong(i);
    if (v < Byte.MIN_VALUE || v > Byte.MAX_VALUE) {
      throw new ConversionException(v + " does not fit a byte (-128..127)", null);
    }
    return (byte) v;
  }

  /** Column {@code i} as a float (a float column narrowed to float precision). */
  public static float toFloat(Row r, int i) {
    return (float) r.getDouble(i);
  }

  /** Column {@code i}'s bytes as a stream (no copy), or null. */
  public static InputStream stream(Row r, int i) {
    return ValueStreams.bytes(type(r, i), r.buffer(), r.offset(i), r.length(i));
  }

  /** Column {@code i}'s characters as a reader (decoded as read), or null. */
  public static Reader reader(Row r, int i) {
    return ValueStreams.chars(type(r, i), r.buffer(), r.offset(i), r.length(i));
  }

  private static io.jctds.protocol.type.TypeInfo type(Row r, int i) {
    return r.metadata().column(i).typeInfo();
  }

  /**
   * Column {@code i} as an instance of {@code type} (a primitive class gives its wrapper), or null
   * for NULL.
   *
   * @throws IllegalArgumentException if no conversion leads to {@code type}
   */
  public static Object to(Row r, int i, Class<?> type) {
    Class<?> c = type.isPrimitive() ? wrapper(type) : type;
    if (!TARGETS.contains(c)) {
      throw unsupported(type);
    }
    if (r.isNull(i)) {
      return null;
    }
    Object n = number(r, i, c);
    if (n != null) {
      return n;
    }
    if (c == Object.class) {
      return r.getObject(i);
    } else if (c == String.class) {
      return r.getString(i);
    } else if (c == byte[].class) {
      return r.getBytes(i);
    } else if (c == UUID.class) {
      return r.getUuid(i);
    } else if (c == LocalDate.class) {
      return r.getDate(i);
    } else if (c == LocalTime.class) {
      return r.getTime(i);
    } else if (c == LocalDateTime.class) {
      return r.getDateTime(i);
    } else if (c == OffsetDateTime.class) {
      return r.getOffsetDateTime(i);
    } else if (c == Instant.class) {
      return r.getOffsetDateTime(i).toInstant();
    } else if (c == InputStream.class) {
      return stream(r, i);
    } else if (c == Reader.class) {
      return reader(r, i);
    }
    throw unsupported(type);
  }

  /** The numeric and boolean targets; null when {@code c} is none of them or the value is NULL. */
  private static Object number(Row r, int i, Class<?> c) {
    if (c == Integer.class) {
      return r.getInt(i);
    } else if (c == Long.class) {
      return r.getLong(i);
    } else if (c == Short.class) {
      return toShort(r, i);
    } else if (c == Byte.class) {
      return toByte(r, i);
    } else if (c == Boolean.class) {
      return r.getBoolean(i);
    } else if (c == Double.class) {
      return r.getDouble(i);
    } else if (c == Float.class) {
      return toFloat(r, i);
    } else if (c == BigDecimal.class) {
      return r.getBigDecimal(i);
    } else if (c == BigInteger.class) {
      return bigInteger(r.getBigDecimal(i));
    }
    return null;
  }

  private static BigInteger bigInteger(BigDecimal d) {
    try {
      return d.toBigIntegerExact();
    } catch (ArithmeticException e) {
      throw new ConversionException(d.toPlainString() + " is not an integer", e);
    }
  }

  private static IllegalArgumentException unsupported(Class<?> type) {
    return new IllegalArgumentException(
        "cannot convert a column to " + type.getName() + "; supported: " + SUPPORTED);
  }

  private static Class<?> wrapper(Class<?> p) {
    if (p == int.class) {
      return Integer.class;
    } else if (p == long.class) {
      return Long.class;
    } else if (p == short.class) {
      return Short.class;
    } else if (p == byte.class) {
      return Byte.class;
    } else if (p == boolean.class) {
      return Boolean.class;
    } else if (p == double.class) {
      return Double.class;
    } else if (p == float.class) {
      return Float.class;
    }
    return p; // void, char
  }
}
