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

  /** Scans column {@code i}'s value at the buffer's position and moves past it. */
  long scan(int i, ByteBuffer in) {
    return switch (kinds[i]) {
      case ValueScanner.KIND_FIXED -> ValueScanner.scanFixed(in, sizes[i], types[i]);
      case ValueScanner.KIND_BYTELEN -> ValueScanner.scanByteLen(in, lengths[i], types[i]);
      case ValueScanner.KIND_USHORTLEN -> ValueScanner.scanUShortLen(in, types[i]);
      default -> ValueScanner.scan(types[i], in);
    };
  }
}
