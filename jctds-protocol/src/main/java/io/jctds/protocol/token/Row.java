package io.jctds.protocol.token;

import io.jctds.protocol.BufferWriter;
import io.jctds.protocol.TdsTruncatedException;
import io.jctds.protocol.TdsVersion;
import io.jctds.protocol.TdsWriter;
import io.jctds.protocol.Wire;
import io.jctds.protocol.type.TypeInfo;
import io.jctds.protocol.type.ValueScanner;
import io.jctds.protocol.type.ValueWriter;
import io.jctds.protocol.type.Values;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * ROW and NBCROW ([MS-TDS] 2.2.7.19-20), kept raw: the row remembers where each column's bytes lie
 * in the buffer it was decoded from and converts a column only when a getter asks. A row is valid
 * as long as that buffer's bytes are not overwritten (for example by {@link
 * io.jctds.protocol.framing.MessageAssembler#compact()}); {@link #detach()} copies it out.
 *
 * <p>Getters take 0-based column indexes and follow {@link Values}: primitives return 0/false for
 * NULL (check {@link #isNull} first), objects return null.
 */
public final class Row implements Token {
  // Not final: a TokenDecoder that reuses rows (TokenDecoder#reuseRows) overwrites them per ROW.
  private RowLayout layout;
  private ByteBuffer buf;
  private int start;
  private int end;
  private long[] cells;
  private boolean nbc;

  private Row(RowLayout layout, ByteBuffer buf, int start, int end, long[] cells, boolean nbc) {
    set(layout, buf, start, end, cells, nbc);
  }

  private void set(
      RowLayout layout, ByteBuffer buf, int start, int end, long[] cells, boolean nbc) {
    this.layout = layout;
    this.buf = buf;
    this.start = start;
    this.end = end;
    this.cells = cells;
    this.nbc = nbc;
  }

  @Override
  public int type() {
    return nbc ? TokenType.NBCROW : TokenType.ROW;
  }

  /** The metadata that describes this row. */
  public ColMetadata metadata() {
    return layout.metadata;
  }

  /** Number of columns. */
  public int size() {
    return cells.length;
  }

  /** The buffer the offsets refer to. */
  public ByteBuffer buffer() {
    return buf;
  }

  /** Offset of column {@code i}'s data in {@link #buffer()}. */
  public int offset(int i) {
    return ValueScanner.offset(cells[i]);
  }

  /** Length of column {@code i}'s data, -1 for NULL (for PLP: the chunk area). */
  public int length(int i) {
    return ValueScanner.length(cells[i]);
  }

  /** Whether column {@code i} is NULL. */
  public boolean isNull(int i) {
    return length(i) < 0;
  }

  private TypeInfo type(int i) {
    return layout.types[i];
  }

  /** See {@link Values#getLong}. */
  public long getLong(int i) {
    return Values.getLong(type(i), buf, offset(i), length(i));
  }

  /** See {@link Values#getInt}. */
  public int getInt(int i) {
    return Values.getInt(type(i), buf, offset(i), length(i));
  }

  /** See {@link Values#getDouble}. */
  public double getDouble(int i) {
    return Values.getDouble(type(i), buf, offset(i), length(i));
  }

  /** See {@link Values#getBoolean}. */
  public boolean getBoolean(int i) {
    return Values.getBoolean(type(i), buf, offset(i), length(i));
  }

  /** See {@link Values#getBigDecimal}. */
  public BigDecimal getBigDecimal(int i) {
    return Values.getBigDecimal(type(i), buf, offset(i), length(i));
  }

  /** See {@link Values#getString}. */
  public String getString(int i) {
    return Values.getString(type(i), buf, offset(i), length(i));
  }

  /** See {@link Values#getBytes}. */
  public byte[] getBytes(int i) {
    return Values.getBytes(type(i), buf, offset(i), length(i));
  }

  /** See {@link Values#getUuid}. */
  public UUID getUuid(int i) {
    return Values.getUuid(type(i), buf, offset(i), length(i));
  }

  /** See {@link Values#getDate}. */
  public LocalDate getDate(int i) {
    return Values.getDate(type(i), buf, offset(i), length(i));
  }

  /** See {@link Values#getTime}. */
  public LocalTime getTime(int i) {
    return Values.getTime(type(i), buf, offset(i), length(i));
  }

  /** See {@link Values#getDateTime}. */
  public LocalDateTime getDateTime(int i) {
    return Values.getDateTime(type(i), buf, offset(i), length(i));
  }

  /** See {@link Values#getOffsetDateTime}. */
  public OffsetDateTime getOffsetDateTime(int i) {
    return Values.getOffsetDateTime(type(i), buf, offset(i), length(i));
  }

  /** See {@link Values#getObject}. */
  public Object getObject(int i) {
    return Values.getObject(type(i), buf, offset(i), length(i));
  }

  /** All columns as their natural Java values. */
  public Object[] toArray() {
    Object[] a = new Object[cells.length];
    for (int i = 0; i < a.length; i++) {
      a[i] = getObject(i);
    }
    return a;
  }

  /** A copy that owns its bytes (survives the source buffer being reused). */
  public Row detach() {
    byte[] copy = Wire.copy(buf, start, end - start);
    long[] moved = new long[cells.length];
    for (int i = 0; i < moved.length; i++) {
      moved[i] = ValueScanner.pack(offset(i) - start, length(i));
    }
    return new Row(
        layout, ByteBuffer.wrap(copy).order(ByteOrder.LITTLE_ENDIAN), 0, copy.length, moved, nbc);
  }

  /** Re-emits the token exactly as it was received. */
  @Override
  public void encode(TdsWriter out, TdsVersion v) {
    out.u8(type());
    out.bytes(buf.duplicate().limit(end).position(start));
  }

  /**
   * Decodes a ROW or NBCROW (after its token byte) with {@code layout}'s columns, into {@code
   * reuse} when it is not null (its cell array too, when the column count matches), else into a new
   * row.
   */
  static Row decode(ByteBuffer in, RowLayout layout, boolean nbc, Row reuse) {
    int n = layout.size();
    int start = in.position();
    long[] cells = reuse != null && reuse.cells.length == n ? reuse.cells : new long[n];
    int bitmap = -1;
    if (nbc) {
      int bytes = (n + 7) >>> 3;
      if (in.remaining() < bytes) {
        throw new TdsTruncatedException(
            "NBCROW null bitmap of " + bytes + " bytes", start, bytes - in.remaining());
      }
      bitmap = start;
      in.position(start + bytes);
    }
    layout.scanRow(in, cells, bitmap);
    if (reuse == null) {
      return new Row(layout, in, start, in.position(), cells, nbc);
    }
    reuse.set(layout, in, start, in.position(), cells, nbc);
    return reuse;
  }

  /**
   * Writes a ROW token for {@code values} (natural Java values or null) as {@link ValueWriter}
   * converts them.
   */
  public static void write(TdsWriter out, ColMetadata md, Object... values) {
    checkArity(md, values);
    out.u8(TokenType.ROW);
    for (int i = 0; i < values.length; i++) {
      ValueWriter.write(out, md.column(i).typeInfo(), values[i]);
    }
  }

  /** Writes an NBCROW token (TDS 7.3+): a null bitmap, then the non-null values. */
  public static void writeNbc(TdsWriter out, ColMetadata md, Object... values) {
    checkArity(md, values);
    out.u8(TokenType.NBCROW);
    byte[] bitmap = new byte[(values.length + 7) >>> 3];
    for (int i = 0; i < values.length; i++) {
      if (values[i] == null) {
        bitmap[i >>> 3] |= (byte) (1 << (i & 7));
      }
    }
    out.bytes(bitmap);
    for (int i = 0; i < values.length; i++) {
      if (values[i] != null) {
        ValueWriter.write(out, md.column(i).typeInfo(), values[i]);
      }
    }
  }

  private static void checkArity(ColMetadata md, Object[] values) {
    if (values.length != md.size()) {
      throw new IllegalArgumentException(values.length + " values for " + md.size() + " columns");
    }
  }

  /** Builds a detached row from values, e.g. for tests and the server's row cache. */
  public static Row of(ColMetadata md, Object... values) {
    BufferWriter w = new BufferWriter();
    write(w, md, values);
    ByteBuffer b = w.view();
    b = ByteBuffer.wrap(Wire.copy(b, 0, b.remaining())).order(ByteOrder.LITTLE_ENDIAN);
    b.position(1);
    return decode(b, new RowLayout(md), false, null);
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof Row r) || r.nbc != nbc || r.end - r.start != end - start) {
      return false;
    }
    return r.buf
        .duplicate()
        .limit(r.end)
        .position(r.start)
        .equals(buf.duplicate().limit(end).position(start));
  }

  @Override
  public int hashCode() {
    return buf.duplicate().limit(end).position(start).hashCode();
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder(nbc ? "NbcRow[" : "Row[");
    for (int i = 0; i < cells.length; i++) {
      if (i > 0) {
        sb.append(", ");
      }
      Object v = getObject(i);
      sb.append(v instanceof byte[] b ? "<" + b.length + " bytes>" : String.valueOf(v));
    }
    return sb.append(']').toString();
  }
}
