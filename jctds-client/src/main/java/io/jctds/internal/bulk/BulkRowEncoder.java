package io.jctds.internal.bulk;

import io.jctds.DataError;
import io.jctds.SqlValue;
import io.jctds.protocol.BufferWriter;
import io.jctds.protocol.TdsVersion;
import io.jctds.protocol.TdsWriter;
import io.jctds.protocol.token.ColMetadata;
import io.jctds.protocol.token.TokenType;
import io.jctds.protocol.type.DecimalCodec;
import io.jctds.protocol.type.TypeInfo;
import io.jctds.protocol.type.ValueWriter;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Encodes caller rows ({@code List}, {@code Object[]} or {@code Map<String, ?>}) as ROW tokens of a
 * BulkLoadBCP message. Each row is encoded into a reused buffer first, so a value that does not fit
 * is a {@link DataError} naming the row (1-based) and column before any byte of that row is sent.
 */
public final class BulkRowEncoder {
  private final BulkTable table;
  private final List<ColMetadata.Column> columns;
  private final Object[] values;
  private final Map<String, Integer> byName = new HashMap<>();
  private final CharsetEncoder[] encoders;
  private final BufferWriter scratch = new BufferWriter();

  /** An encoder for the sent columns of {@code table}. */
  public BulkRowEncoder(BulkTable table) {
    this.table = table;
    this.columns = table.metadata().columns();
    this.values = new Object[columns.size()];
    this.encoders = new CharsetEncoder[columns.size()];
    for (int i = 0; i < columns.size(); i++) {
      byName.put(columns.get(i).name(), i);
      TypeInfo t = columns.get(i).typeInfo();
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
   * Writes one ROW token for {@code row}.
   *
   * @param rowNumber the row's 1-based number among all rows of the bulk insert
   * @throws DataError if the row has the wrong shape or a value does not fit its column
   */
  public void writeRow(TdsWriter out, Object row, long rowNumber) {
    fill(row, rowNumber);
    scratch.clear();
    scratch.u8(TokenType.ROW);
    for (int i = 0; i < values.length; i++) {
      TypeInfo t = columns.get(i).typeInfo();
      try {
        Object v = prepare(i, t, values[i]);
        if (v != null && t.family() == TypeInfo.Family.DECIMAL) {
          writeDecimal(t, v);
        } else if (v != null && t.isPlp()) {
          int at = scratch.size();
          ValueWriter.write(scratch, t, v);
          // PLP_UNKNOWN_LEN ([MS-TDS] 2.2.5.2.3) instead of the total, as mssql-jdbc 13.6.2 sends
          scratch.setI32(at, 0xFFFFFFFE);
          scratch.setI32(at + 4, 0xFFFFFFFF);
        } else {
          ValueWriter.write(scratch, t, v);
        }
      } catch (DataError e) {
        throw e;
      } catch (RuntimeException e) {
        throw bad(rowNumber, i, e.getMessage(), e);
      }
    }
    ByteBuffer b = scratch.view();
    out.bytes(b);
  }

  /**
   * A decimal in 17 bytes (length, sign, 16 magnitude bytes) as the column's TYPE_INFO announces
   * ({@link BulkTable#DECIMAL_LENGTH}), rounded half-up to the column's scale.
   */
  private void writeDecimal(TypeInfo t, Object v) {
    BigDecimal d = decimal(v).setScale(t.scale(), RoundingMode.HALF_UP);
    if (d.unscaledValue().abs().toString().length() > t.precision() && d.signum() != 0) {
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

  private Object prepare(int i, TypeInfo t, Object v) {
    Object x = v instanceof SqlValue<?> s ? s.value() : v;
    if (encoders[i] != null && x != null && !(x instanceof byte[])) {
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
