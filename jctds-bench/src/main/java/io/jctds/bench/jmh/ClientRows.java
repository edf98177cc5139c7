package io.jctds.bench.jmh;

import io.jctds.protocol.token.ColMetadata;
import io.jctds.protocol.type.TypeInfo;
import java.lang.reflect.Constructor;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Wraps a protocol row in the client's {@link io.jctds.Row} as {@code Cursor.fetchOne} does (its
 * constructor and ResultColumns are package-private: reached once, by reflection, in setup), and
 * reads every column through the getter a user would call for its type.
 */
final class ClientRows {
  private static final int INT = 0;
  private static final int LONG = 1;
  private static final int STRING = 2;
  private static final int DATETIME = 3;
  private static final int DECIMAL = 4;
  private static final int DOUBLE = 5;
  private static final int BOOLEAN = 6;
  private static final int UUID = 7;
  private static final int BYTES = 8;

  private final Constructor<io.jctds.Row> rowConstructor;
  private final Object columns;
  private final int[] getters;

  ClientRows(ColMetadata md) {
    try {
      Class<?> rc = Class.forName("io.jctds.ResultColumns");
      Constructor<?> cc = rc.getDeclaredConstructor(ColMetadata.class);
      cc.setAccessible(true);
      columns = cc.newInstance(md);
      rowConstructor =
          io.jctds.Row.class.getDeclaredConstructor(io.jctds.protocol.token.Row.class, rc);
      rowConstructor.setAccessible(true);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("the client's Row constructor changed", e);
    }
    getters = new int[md.size()];
    for (int i = 0; i < getters.length; i++) {
      getters[i] = getter(md.column(i).typeInfo());
    }
  }

  private static int getter(TypeInfo t) {
    return switch (t.type()) {
      case INTN -> t.maxLength() == 8 ? LONG : INT;
      case NVARCHAR -> STRING;
      case DATETIME2N -> DATETIME;
      case DECIMALN -> DECIMAL;
      case FLTN -> DOUBLE;
      case BITN -> BOOLEAN;
      case GUID -> UUID;
      case BIGVARBINARY -> BYTES;
      default -> throw new IllegalArgumentException("no getter chosen for " + t);
    };
  }

  /** The client's row over {@code raw}. */
  io.jctds.Row wrap(io.jctds.protocol.token.Row raw) {
    try {
      return rowConstructor.newInstance(raw, columns);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Reads every column of {@code r} into its Java value. */
  void readAll(io.jctds.Row r, Blackhole bh) {
    for (int i = 0; i < getters.length; i++) {
      switch (getters[i]) {
        case INT -> bh.consume(r.getInt(i));
        case LONG -> bh.consume(r.getLong(i));
        case STRING -> bh.consume(r.getString(i));
        case DATETIME -> bh.consume(r.getDateTime(i));
        case DECIMAL -> bh.consume(r.getBigDecimal(i));
        case DOUBLE -> bh.consume(r.getDouble(i));
        case BOOLEAN -> bh.consume(r.getBoolean(i));
        case UUID -> bh.consume(r.getUuid(i));
        default -> bh.consume(r.getBytes(i));
      }
    }
  }
}
