package io.jctds.server.types;

import io.jctds.protocol.TdsWriter;
import io.jctds.server.sql.SqlException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;

/** Value checks and conversions shared by the column writers, variables and parameters. */
public final class Values {
  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd");

  /** money's range ("money and smallmoney (Transact-SQL)"). */
  private static final BigDecimal MONEY_MIN = new BigDecimal("-922337203685477.5808");

  private static final BigDecimal MONEY_MAX = new BigDecimal("922337203685477.5807");

  private static final BigDecimal SMALLMONEY_MIN = new BigDecimal("-214748.3648");

  private static final BigDecimal SMALLMONEY_MAX = new BigDecimal("214748.3647");

  private Values() {}

  private static boolean outside(BigDecimal v, BigDecimal min, BigDecimal max) {
    return v.compareTo(min) < 0 || v.compareTo(max) > 0;
  }

  /**
   * Error 8115, "Arithmetic overflow error converting expression to data type X." (severity 16), as
   * SQL Server reports a value that does not fit its target type.
   */
  public static SqlException overflow(SqlType target) {
    return new SqlException(
        8115,
        16,
        2,
        "Arithmetic overflow error converting expression to data type " + target.sqlName() + ".",
        false);
  }

  /** {@code v} if it fits the integer type {@code t}, else error 8115 (220 for tinyint). */
  public static long checkInteger(long v, SqlType t) {
    boolean fits =
        switch (t.base()) {
          case TINYINT -> v >= 0 && v <= 255;
          case SMALLINT -> v >= Short.MIN_VALUE && v <= Short.MAX_VALUE;
          case INT -> v >= Integer.MIN_VALUE && v <= Integer.MAX_VALUE;
          default -> true;
        };
    if (!fits) {
      if (t.base() == SqlBase.TINYINT) {
        throw new SqlException(
            220,
            16,
            2,
            "Arithmetic overflow error for data type tinyint, value = " + v + ".",
            false);
      }
      throw overflow(t);
    }
    return v;
  }

  /**
   * {@code v} rounded to the scale of the exact type {@code t} (half away from zero, as SQL Server
   * rounds), or error 8115 when it then has more integer digits than the precision allows.
   */
  public static BigDecimal fitDecimal(BigDecimal v, SqlType t) {
    BigDecimal r = v.setScale(t.scale(), RoundingMode.HALF_UP);
    if (r.precision() - r.scale() > t.precision() - t.scale() && r.signum() != 0) {
      throw overflow(t);
    }
    if (t.base() == SqlBase.MONEY && outside(r, MONEY_MIN, MONEY_MAX)
        || t.base() == SqlBase.SMALLMONEY && outside(r, SMALLMONEY_MIN, SMALLMONEY_MAX)) {
      throw overflow(t);
    }
    return r;
  }

  /**
   * A date/time value as the nvarchar string a down-level client (TDS 7.1/7.2) receives: {@code
   * 2024-05-01}, {@code 12:34:56.1234567}, {@code 2024-05-01 12:34:56.1234567}, {@code 2024-05-01
   * 12:34:56.1234567 +02:00}, with exactly the type's scale of fraction digits.
   */
  public static String downLevel(SqlType t, ResultSet rs, int i) throws SQLException {
    return switch (t.base()) {
      case DATE -> format(t, rs.getObject(i, LocalDate.class));
      case TIME -> format(t, rs.getObject(i, LocalTime.class));
      case DATETIMEOFFSET -> format(t, rs.getObject(i, OffsetDateTime.class));
      default -> format(t, rs.getObject(i, LocalDateTime.class));
    };
  }

  /** {@link #downLevel(SqlType, ResultSet, int)} of a Java value (null stays null). */
  public static String format(SqlType t, Object v) {
    if (v == null) {
      return null;
    }
    if (v instanceof LocalDate d) {
      return DATE.format(d);
    }
    if (v instanceof LocalTime time) {
      return time(time, t.scale());
    }
    if (v instanceof LocalDateTime dt) {
      return DATE.format(dt.toLocalDate()) + " " + time(dt.toLocalTime(), t.scale());
    }
    if (v instanceof OffsetDateTime o) {
      return format(t, o.toLocalDateTime()) + " " + offset(o);
    }
    return v.toString();
  }

  private static String offset(OffsetDateTime o) {
    int secs = o.getOffset().getTotalSeconds();
    int abs = Math.abs(secs) / 60;
    return String.format("%s%02d:%02d", secs < 0 ? "-" : "+", abs / 60, abs % 60);
  }

  /** hh:mm:ss plus {@code scale} fraction digits (rounded down, as the value is already scaled). */
  static String time(LocalTime t, int scale) {
    StringBuilder sb =
        new StringBuilder(
            String.format("%02d:%02d:%02d", t.getHour(), t.getMinute(), t.getSecond()));
    if (scale > 0) {
      String nanos = String.format("%09d", t.getNano());
      sb.append('.').append(nanos, 0, scale);
    }
    return sb.toString();
  }

  /**
   * {@code v} (a JDBC or H2-friendly Java value) as the value the protocol's ValueWriter takes for
   * {@code t}, checked against the type's range.
   */
  public static Object forWire(SqlType t, Object v) {
    if (v == null) {
      return null;
    }
    if (v instanceof java.sql.Timestamp ts) {
      return ts.toLocalDateTime();
    }
    if (v instanceof java.sql.Date d) {
      return d.toLocalDate();
    }
    if (v instanceof java.sql.Time time) {
      return time.toLocalTime();
    }
    if (t.base().family() == SqlBase.Family.INTEGER
        && t.base() != SqlBase.BIT
        && v instanceof Number n
        && !(v instanceof BigDecimal)) {
      return checkInteger(n.longValue(), t);
    }
    if (t.base().family() == SqlBase.Family.EXACT && v instanceof BigDecimal d) {
      return fitDecimal(d, t);
    }
    return v;
  }

  /**
   * A variable's value (see {@code Jdbc.read}) as a TYPE_VARBYTE of {@code wire} (the TYPE_INFO
   * {@link WireTypes#typeInfo} gave {@code t}): an output parameter's RETURNVALUE. A sql_variant
   * goes out as its stored body; date and time types sent as nvarchar to a down-level client as
   * their strings.
   */
  public static byte[] wireValue(SqlType t, io.jctds.protocol.type.TypeInfo wire, Object v) {
    io.jctds.protocol.BufferWriter w = new io.jctds.protocol.BufferWriter();
    if (t.base() == SqlBase.SQL_VARIANT
        && wire.type() == io.jctds.protocol.type.TdsType.SSVARIANT) {
      writeVariant(w, (byte[]) v);
    } else if (t.base().isTemporal()
        && wire.family() == io.jctds.protocol.type.TypeInfo.Family.NCHAR) {
      io.jctds.protocol.type.ValueWriter.write(w, wire, format(t, v));
    } else {
      io.jctds.protocol.type.ValueWriter.write(w, wire, forWire(t, v));
    }
    return w.toByteArray();
  }

  /**
   * A value the protocol decoded (see the protocol's {@code Values.getObject}) as a variable of
   * {@code t} holds it: integers as Long, bit as Boolean, real and float as Double, the others as
   * decoded (BigDecimal, java.time values, UUID, String, byte[]).
   */
  public static Object fromWire(SqlType t, Object v) {
    if (v == null) {
      return null;
    }
    return switch (t.base()) {
      case BIT -> v instanceof Boolean b ? b : ((Number) v).longValue() != 0;
      case TINYINT, SMALLINT, INT, BIGINT ->
          v instanceof Boolean b ? (Object) (b ? 1L : 0L) : (Object) ((Number) v).longValue();
      case REAL, FLOAT -> ((Number) v).doubleValue();
      case DECIMAL, NUMERIC, MONEY, SMALLMONEY ->
          v instanceof BigDecimal d ? d : new BigDecimal(v.toString());
      default -> v;
    };
  }

  /** Writes a stored sql_variant body (base type, properties, value) or NULL. */
  static void writeVariant(TdsWriter out, byte[] body) {
    if (body == null) {
      out.i32(0);
    } else {
      out.i32(body.length).bytes(body);
    }
  }
}
