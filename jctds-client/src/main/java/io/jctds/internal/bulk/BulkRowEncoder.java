package io.jctds.internal.bulk;

import io.jctds.DataError;
import io.jctds.SqlValue;
import io.jctds.protocol.BufferWriter;
import io.jctds.protocol.TdsVersion;
import io.jctds.protocol.TdsWriter;
import io.jctds.protocol.token.ColMetadata;
import io.jctds.protocol.token.TokenType;
import io.jctds.protocol.type.DecimalCodec;
import io.jctds.protocol.type.PlpCodec;
import io.jctds.protocol.type.TypeInfo;
import io.jctds.protocol.type.ValueWriter;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Encodes caller rows ({@code List}, {@code Object[]} or {@code Map<String, ?>}) as ROW tokens of a
 * BulkLoadBCP message. Each row is encoded into a reused buffer first, so a value that does not fit
 * is a {@link DataError} naming the row (1-based) and column before any byte of that row is sent.
 */
public final class BulkRowEncoder {
  /** How a column's non-null values are written: decided once per column, not per value. */
  private static final byte PLAIN = 0;

  private static final byte DECIMAL = 1;
  private static final byte CHUNKED = 2;

  private final BulkTable table;
  private final List<ColMetadata.Column> columns;
  private final Object[] values;
  private final Map<String, Integer> byName = new HashMap<>();
  private final CharsetEncoder[] encoders;
  private final BufferWriter scratch = new BufferWriter();
  private final BufferWriter plp = new BufferWriter();
  private final BulkStreams streams = new BulkStreams();
  private final int[] streamColumn;
  private final int[] streamAt;
  private final byte[] route;
  private final TypeInfo[] types;
  private boolean hasStreams;

  /** An encoder for the sent columns of {@code table}. */
  public BulkRowEncoder(BulkTable table) {
    this.table = table;
    this.columns = table.metadata().columns();
    this.values = new Object[columns.size()];
    this.encoders = new CharsetEncoder[columns.size()];
    this.streamColumn = new int[columns.size()];
    this.streamAt = new int[columns.size()];
    this.route = new byte[columns.size()];
    this.types = new TypeInfo[columns.size()];
    for (int i = 0; i < columns.size(); i++) {
      byName.put(columns.get(i).name(), i);
      TypeInfo t = columns.get(i).typeInfo();
      types[i] = t;
      route[i] = t.family() == TypeInfo.Family.DECIMAL ? DECIMAL : t.isPlp() ? CHUNKED : PLAIN;
      if (t.family() == TypeInfo.Family.CHAR) {
        encoders[i] =
            t.collation()
                .charset()
                .newEncoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
      }
    }
  }

  /** The COLMETADATA token that opens each BulkLoadBCP message. */
  public void writeMetadata(TdsWriter out, TdsVersion v) {
    table.metadata().encode(out, v);
  }

  /**
   * Writes one ROW token for {@code row}. Reader and InputStream values of (max) columns are
   * streamed after the rest of the row has been encoded; any other value that does not fit fails
   * before a byte of the row is written. A streamed value that fails (too long, a character the
   * code page lacks, an IOException) fails after part of the row was written: the caller then ends
   * the message with the IGNORE bit. Every Reader and InputStream of the row is closed.
   *
   * @param rowNumber the row's 1-based number among all rows of the bulk insert
   * @throws DataError if the row has the wrong shape or a value does not fit its column
   */
  public void writeRow(TdsWriter out, Object row, long rowNumber) {
    hasStreams = false;
    boolean done = false;
    try {
      fill(row, rowNumber);
      int streams = encode(rowNumber);
      int from = 0;
      for (int k = 0; k < streams; k++) {
        scratch.writeTo(out, from, streamAt[k]);
        from = streamAt[k];
        stream(out, streamColumn[k], rowNumber);
      }
      scratch.writeTo(out, from, scratch.size());
      done = true;
    } finally {
      if (hasStreams || !done) {
        for (Object v : values) {
          BulkStreams.close(v instanceof SqlValue<?> w ? w.value() : v);
        }
      }
    }
  }

  /**
   * Encodes the row into the scratch buffer but for its streamed values, whose columns and offsets
   * go to {@link #streamColumn} and {@link #streamAt}; returns how many there are.
   */
  private int encode(long rowNumber) {
    scratch.clear();
    scratch.u8(TokenType.ROW);
    int streams = 0;
    for (int i = 0; i < values.length; i++) {
      TypeInfo t = types[i];
      try {
        Object v = values[i] instanceof SqlValue<?> s ? s.value() : values[i];
        if (BulkStreams.isStream(v)) {
          hasStreams = true;
          if (t.isPlp()) {
            streamColumn[streams] = i;
            streamAt[streams++] = scratch.size();
            continue;
          }
          v = BulkStreams.bounded(t, v);
        }
        writeValue(i, t, v == null ? null : prepare(i, t, v));
      } catch (DataError e) {
        throw e;
      } catch (IOException e) {
        throw bad(rowNumber, i, "reading the value failed: " + e, e);
      } catch (RuntimeException e) {
        throw bad(rowNumber, i, e.getMessage(), e);
      }
    }
    return streams;
  }

  private void writeValue(int i, TypeInfo t, Object v) {
    if (v == null || route[i] == PLAIN) {
      ValueWriter.write(scratch, t, v);
    } else if (route[i] == DECIMAL) {
      writeDecimal(t, v);
    } else {
      writeChunked(t, v);
    }
  }

  /**
   * A (max) value held in memory as PLP_UNKNOWN_LEN ([MS-TDS] 2.2.5.2.3) and chunks of the sizes a
   * streamed value has ({@link BulkStreams}), as mssql-jdbc 13.6.2 sends a String or byte[] value:
   * through a StringReader or ByteArrayInputStream.
   */
  private void writeChunked(TypeInfo t, Object v) {
    plp.clear();
    ValueWriter.write(plp, t, v); // total length, one chunk, terminator
    ByteBuffer b = plp.view();
    int len = b.getInt(8);
    int chunk =
        t.family() == TypeInfo.Family.CHAR ? BulkStreams.CODE_PAGE_CHUNK : BulkStreams.CHUNK;
    PlpCodec.writeUnknownLengthHeader(scratch);
    for (int off = 0; off < len; off += chunk) {
      int n = Math.min(chunk, len - off);
      scratch.i32(n);
      b.limit(12 + off + n).position(12 + off);
      scratch.bytes(b);
    }
    PlpCodec.writeTerminator(scratch);
  }

  private void stream(TdsWriter out, int i, long rowNumber) {
    TypeInfo t = columns.get(i).typeInfo();
    Object v = values[i] instanceof SqlValue<?> s ? s.value() : values[i];
    try {
      int codePage = encoders[i] == null ? 0 : t.collation().codePage();
      streams.write(out, t, v, encoders[i], codePage);
    } catch (IOException e) {
      throw bad(rowNumber, i, "reading the value failed: " + e, e);
    } catch (DataError e) {
      throw e;
    } catch (IllegalArgumentException e) {
      throw bad(rowNumber, i, e.getMessage(), e);
    }
  }

  /**
   * A decimal in 17 bytes (length, sign, 16 magnitude bytes) as the column's TYPE_INFO announces
   * ({@link BulkTable#DECIMAL_LENGTH}), rounded half-up to the column's scale.
   */
  private void writeDecimal(TypeInfo t, Object v) {
    BigDecimal d = decimal(v).setScale(t.scale(), RoundingMode.HALF_UP);
    if (d.signum() != 0 && d.precision() > t.precision()) { // digits of the unscaled value
      throw new IllegalArgumentException(d.toPlainString() + " does not fit " + t.sqlName());
    }
    scratch.u8(BulkTable.DECIMAL_LENGTH);
    DecimalCodec.encode(scratch, d, 38, t.scale());
  }

  private static BigDecimal decimal(Object v) {
    if (v instanceof BigDecimal b) {
      return b;
    }
    if (v instanceof BigInteger b) {
      return new BigDecimal(b);
    }
    if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
      return BigDecimal.valueOf(((Number) v).longValue());
    }
    if (v instanceof Double || v instanceof Float) {
      double x = ((Number) v).doubleValue();
      if (!Double.isFinite(x)) {
        throw new IllegalArgumentException(x + " is not a decimal");
      }
      return BigDecimal.valueOf(x);
    }
    if (v instanceof String s) {
      return new BigDecimal(s.trim());
    }
    throw new IllegalArgumentException(
        "a " + v.getClass().getName() + " cannot be sent as a decimal");
  }

  /**
   * The value as {@link ValueWriter} takes it for column {@code i}: code page bytes for a character
   * column with autoEncode, and the Java types parameters accept but ValueWriter does not (char[],
   * Instant) converted. Bytes into a Unicode column are refused rather than sent as their
   * toString().
   */
  private Object prepare(int i, TypeInfo t, Object v) {
    Object x = v instanceof char[] c ? new String(c) : v;
    if (x instanceof Instant n) {
      x = n.atOffset(ZoneOffset.UTC);
    }
    if ((x instanceof byte[] || x instanceof ByteBuffer)
        && (t.family() == TypeInfo.Family.NCHAR || t.family() == TypeInfo.Family.XML)) {
      throw new IllegalArgumentException(
          "bytes cannot be sent as "
              + t.sqlName()
              + "; pass a String (or bytes with autoEncode for a varchar column)");
    }
    if (encoders[i] != null && x != null && !(x instanceof byte[])) {
      if (x instanceof ByteBuffer b) {
        byte[] a = new byte[b.remaining()];
        b.duplicate().get(a);
        return a;
      }
      try {
        ByteBuffer b = encoders[i].encode(CharBuffer.wrap(x.toString()));
        byte[] a = new byte[b.remaining()];
        b.get(a);
        return a;
      } catch (CharacterCodingException e) {
        throw new IllegalArgumentException(
            "the value has a character code page "
                + t.collation().codePage()
                + " of the column's collation cannot hold",
            e);
      }
    }
    return x;
  }

  private void fill(Object row, long rowNumber) {
    if (row instanceof Map<?, ?> m) {
      int found = 0;
      for (int i = 0; i < values.length; i++) {
        String name = columns.get(i).name();
        values[i] = m.get(name);
        if (values[i] != null || m.containsKey(name)) {
          found++;
        }
      }
      if (found < m.size()) {
        for (Object k : m.keySet()) {
          if (!(k instanceof String s) || !byName.containsKey(s)) {
            throw new DataError(
                "row " + rowNumber + ": " + k + " is not a column the bulk load fills");
          }
        }
      }
      return;
    }
    if (row instanceof Object[] a) {
      checkArity(a.length, rowNumber);
      fillPositional(a, null);
    } else if (row instanceof List<?> l) {
      checkArity(l.size(), rowNumber);
      fillPositional(null, l);
    } else {
      throw new DataError(
          "row "
              + rowNumber
              + " is a "
              + (row == null ? "null" : row.getClass().getName())
              + ", not a List, Object[] or Map");
    }
  }

  private void fillPositional(Object[] a, List<?> l) {
    int[] pos = table.positional();
    for (int p = 0; p < pos.length; p++) {
      if (pos[p] >= 0) {
        values[pos[p]] = a != null ? a[p] : l.get(p);
      }
    }
  }

  private void checkArity(int n, long rowNumber) {
    if (n != table.arity()) {
      throw new DataError(
          "row "
              + rowNumber
              + " has "
              + n
              + " values but the table has "
              + table.arity()
              + " columns a bulk load can fill");
    }
  }

  private DataError bad(long rowNumber, int column, String why, Throwable cause) {
    return new DataError(
        "row " + rowNumber + ", column " + BulkTable.quote(columns.get(column).name()) + ": " + why,
        null,
        cause);
  }
}
