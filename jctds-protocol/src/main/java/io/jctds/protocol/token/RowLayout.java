package io.jctds.protocol.token;

import io.jctds.protocol.type.TypeInfo;
import io.jctds.protocol.type.ValueScanner;
import java.nio.ByteBuffer;

/**
 * What a row scan needs to know about each column of one result set, in arrays: the type, how its
 * length is written ({@link ValueScanner#kind}), the size of a fixed-size value and the valid
 * lengths of a one-byte-length value. Built once per COLMETADATA, so that scanning a value is an
 * array load and an int switch rather than a list lookup and switches on the type's enums (the
 * fetch profile in BENCHMARKS.md). Immutable.
 */
final class RowLayout {
  final ColMetadata metadata;
  final TypeInfo[] types;
  private final int[] kinds;
  private final int[] sizes;
  private final long[] lengths;

  RowLayout(ColMetadata metadata) {
    this.metadata = metadata;
    int n = metadata.size();
    types = new TypeInfo[n];
    kinds = new int[n];
    sizes = new int[n];
    lengths = new long[n];
    for (int i = 0; i < n; i++) {
      TypeInfo t = metadata.column(i).typeInfo();
      types[i] = t;
      kinds[i] = ValueScanner.kind(t);
      sizes[i] = kinds[i] == ValueScanner.KIND_FIXED ? t.type().size() : -1;
      lengths[i] = kinds[i] == ValueScanner.KIND_BYTELEN ? ValueScanner.validLengths(t) : 0;
    }
  }

  int size() {
    return types.length;
  }

  /**
   * Scans the values of one row at the buffer's position into {@code cells} (see {@link
   * ValueScanner#pack}) and moves past them. For NBCROW, {@code bitmap} is the offset of the null
   * bitmap (whose bytes the caller checked), else -1. Over a heap buffer the common kinds are read
   * straight from its array; any value that is truncated or malformed there, and every value of
   * another kind, goes through {@link ValueScanner#scan}, which reports it.
   */
  void scanRow(ByteBuffer in, long[] cells, int bitmap) {
    if (!in.hasArray()) {
      scanEach(in, cells, bitmap);
      return;
    }
    byte[] a = in.array();
    int base = in.arrayOffset();
    int lim = in.limit();
    int p = in.position();
    for (int i = 0; i < types.length; i++) {
      if (bitmap >= 0 && isNull(a, base + bitmap, i)) {
        cells[i] = ValueScanner.pack(p, -1);
        continue;
      }
      int len;
      int data;
      switch (kinds[i]) {
        case ValueScanner.KIND_FIXED -> {
          data = p;
          len = sizes[i];
        }
        case ValueScanner.KIND_BYTELEN -> {
          data = p + 1;
          len = data <= lim ? byteLen(i, a[base + p] & 0xFF) : -2;
        }
        case ValueScanner.KIND_USHORTLEN -> {
          data = p + 2;
          len = data <= lim ? u16(a, base + p) : -2;
          if (len == 0xFFFF) {
            len = -1;
          }
        }
        default -> {
          data = p;
          len = -2;
        }
      }
      if (len == -1) {
        cells[i] = ValueScanner.pack(data, -1);
        p = data;
      } else if (len >= 0 && len <= lim - data) {
        cells[i] = ValueScanner.pack(data, len);
        p = data + len;
      } else {
        p = scanSlow(in, p, i, cells);
      }
    }
    in.position(p);
  }

  // Small helpers keep scanRow under C2's FreqInlineSize (325 bytecodes): above it, it was a call
  // per row, which cost a one-column row ~10 ns (measured with -XX:FreqInlineSize=600).

  private static boolean isNull(byte[] a, int bitmapAt, int i) {
    return (a[bitmapAt + (i >>> 3)] & 1 << (i & 7)) != 0;
  }

  /** A one-byte length as read: -1 for NULL (0), -2 when column {@code i} cannot have it. */
  private int byteLen(int i, int len) {
    if (len == 0) {
      return -1;
    }
    return (len < 64 ? lengths[i] >>> len : lengths[i]) << 63 != 0 ? len : -2;
  }

  private static int u16(byte[] a, int at) {
    return a[at] & 0xFF | (a[at + 1] & 0xFF) << 8;
  }

  /** The generic scan of column {@code i} at {@code p}; returns the position after it. */
  private int scanSlow(ByteBuffer in, int p, int i, long[] cells) {
    in.position(p);
    cells[i] = ValueScanner.scan(types[i], in);
    return in.position();
  }

  private void scanEach(ByteBuffer in, long[] cells, int bitmap) {
    for (int i = 0; i < types.length; i++) {
      boolean isNull = bitmap >= 0 && (in.get(bitmap + (i >>> 3)) & 1 << (i & 7)) != 0;
      cells[i] = isNull ? ValueScanner.pack(in.position(), -1) : ValueScanner.scan(types[i], in);
    }
  }
}
