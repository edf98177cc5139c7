package io.jctds.server.types;

import io.jctds.protocol.TdsWriter;
import io.jctds.protocol.type.PlpCodec;
import io.jctds.protocol.type.TdsType;
import io.jctds.protocol.type.TypeInfo;
import io.jctds.protocol.type.ValueWriter;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * One result column's conversion from H2 to the wire, in two steps so that a row is never half
 * written: {@link #read} takes the value from the current H2 row and converts and checks it for the
 * column's SQL Server type (this is where 8115 and the like arise); {@link #write} encodes a value
 * that {@code read} returned and cannot fail. (max) values are written as PLP chunks encoded
 * piecewise, so a large value is never copied whole a second time.
 */
public final class ColumnWriter {
  /** The characters of a PLP string chunk. */
  static final int CHUNK_CHARS = 4000;

  private final SqlType type;
  private final TypeInfo wire;
  private final boolean downLevel;

  /**
   * @param type the column's SQL Server type
   * @param wire how it goes on the wire for this session
   */
  public ColumnWriter(SqlType type, TypeInfo wire) {
    this.type = type;
    this.wire = wire;
    this.downLevel = wire.type() == TdsType.NVARCHAR && type.base().isTemporal();
  }

  /** The wire type. */
  public TypeInfo wire() {
    return wire;
  }

  /** Column {@code i} (1-based) of the current row, converted; null for NULL. */
  public Object read(ResultSet rs, int i) throws SQLException {
    if (downLevel) {
      return Values.downLevel(type, rs, i);
    }
    Object v =
        switch (type.base()) {
          case BIT -> rs.getBoolean(i);
          case TINYINT, SMALLINT, INT, BIGINT -> rs.getLong(i);
          case REAL, FLOAT -> rs.getDouble(i);
          case DECIMAL, NUMERIC, MONEY, SMALLMONEY -> rs.getBigDecimal(i);
          case DATETIME, SMALLDATETIME, DATETIME2 -> rs.getObject(i, LocalDateTime.class);
          case DATE -> rs.getObject(i, LocalDate.class);
          case TIME -> rs.getObject(i, LocalTime.class);
          case DATETIMEOFFSET -> rs.getObject(i, OffsetDateTime.class);
          case UNIQUEIDENTIFIER -> rs.getObject(i, UUID.class);
          case SQL_VARIANT, BINARY, VARBINARY, IMAGE -> rs.getBytes(i);
          default -> rs.getString(i);
        };
    if (rs.wasNull()) {
      return null;
    }
    return check(v);
  }

  /** Converts a Java value (from a variable or parameter) the way {@link #read} does. */
  public Object check(Object v) {
    if (v == null) {
      return null;
    }
    return switch (type.base()) {
      case TINYINT, SMALLINT, INT, BIGINT -> Values.checkInteger(((Number) v).longValue(), type);
      case DECIMAL, NUMERIC, MONEY, SMALLMONEY ->
          Values.fitDecimal(v instanceof BigDecimal d ? d : new BigDecimal(v.toString()), type);
      default -> Values.forWire(type, v);
    };
  }

  /** Writes a value {@link #read} or {@link #check} returned. */
  public void write(TdsWriter out, Object v) {
    if (v == null) {
      ValueWriter.writeNull(out, wire);
    } else if (type.base() == SqlBase.SQL_VARIANT && !downLevel) {
      Values.writeVariant(out, (byte[]) v);
    } else if (v instanceof String s && wire.isPlp()) {
      plpString(out, wire, s);
    } else if (v instanceof Long l) {
      ValueWriter.writeLong(out, wire, l);
    } else if (v instanceof Double d) {
      ValueWriter.writeDouble(out, wire, d);
    } else {
      ValueWriter.write(out, wire, v);
    }
  }

  /**
   * Writes {@code s} as PLP chunks of at most {@link #CHUNK_CHARS} characters each, encoded in the
   * wire type's charset (UTF-16LE for nvarchar and xml).
   */
  static void plpString(TdsWriter out, TypeInfo wire, String s) {
    boolean unicode = wire.type() == TdsType.NVARCHAR || wire.type() == TdsType.XML;
    if (unicode) {
      out.i64(2L * s.length());
      for (int at = 0; at < s.length(); at += CHUNK_CHARS) {
        int end = Math.min(s.length(), at + CHUNK_CHARS);
        out.i32(2 * (end - at));
        out.ucs2(s.subSequence(at, end));
      }
      PlpCodec.writeTerminator(out);
      return;
    }
    CharsetEncoder enc =
        (wire.collation().isUtf8() ? StandardCharsets.UTF_8 : wire.collation().charset())
            .newEncoder()
            .onMalformedInput(CodingErrorAction.REPLACE)
            .onUnmappableCharacter(CodingErrorAction.REPLACE);
    PlpCodec.writeUnknownLengthHeader(out);
    ByteBuffer chunk = ByteBuffer.allocate((int) (CHUNK_CHARS * enc.maxBytesPerChar()) + 8);
    CharBuffer in = CharBuffer.wrap(s);
    while (in.hasRemaining()) {
      chunk.clear();
      int n = Math.min(in.remaining(), CHUNK_CHARS);
      if (n < in.remaining() && Character.isHighSurrogate(in.get(in.position() + n - 1))) {
        n--;
      }
      CharBuffer part = in.slice();
      part.limit(n);
      enc.reset();
      enc.encode(part, chunk, true);
      enc.flush(chunk);
      in.position(in.position() + n);
      chunk.flip();
      out.i32(chunk.remaining());
      out.bytes(chunk);
    }
    PlpCodec.writeTerminator(out);
  }
}
