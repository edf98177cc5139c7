package io.jctds.bench.jmh;

import io.jctds.protocol.BufferWriter;
import io.jctds.protocol.TdsVersion;
import io.jctds.protocol.token.ColMetadata;
import io.jctds.protocol.token.Row;
import io.jctds.protocol.token.TokenType;
import io.jctds.protocol.type.Collation;
import io.jctds.protocol.type.TypeInfo;
import io.jctds.server.bench.BenchRows;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.LongFunction;

/**
 * The result sets the row benchmarks decode: one column of each type a fetch reads most, the five
 * fixed-width columns of the allocation target, and the eight columns of {@code jctds_bench_rows}
 * exactly as the embedded server writes them ({@link BenchRows#writeRow}). The columns use the
 * nullable wire types a server sends for nullable columns (INTN, FLTN, BITN, DATETIME2N, DECIMALN),
 * encoded once by the protocol module's writers.
 */
final class RowShapes {
  private RowShapes() {}

  /** The shape names, as the benchmarks' {@code shape} parameter takes them. */
  static final String ALL =
      "int,bigint,nvarchar50,datetime2,decimal,float,bit,guid,varbinary2000,fixed5,benchRows";

  /** COLMETADATA of {@code shape}. */
  static ColMetadata metadata(String shape) {
    Collation c = Collation.SQL_LATIN1_GENERAL_CP1_CI_AS;
    List<TypeInfo> types =
        switch (shape) {
          case "int" -> List.of(TypeInfo.intN(4));
          case "bigint" -> List.of(TypeInfo.intN(8));
          case "nvarchar50" -> List.of(TypeInfo.nvarchar(50, c));
          case "datetime2" -> List.of(TypeInfo.datetime2(7));
          case "decimal" -> List.of(TypeInfo.decimal(18, 4));
          case "float" -> List.of(TypeInfo.fltN(8));
          case "bit" -> List.of(TypeInfo.bitN());
          case "guid" -> List.of(TypeInfo.guid());
          case "varbinary2000" -> List.of(TypeInfo.varbinary(2000));
          case "fixed5" ->
              List.of(
                  TypeInfo.intN(4),
                  TypeInfo.intN(8),
                  TypeInfo.fltN(8),
                  TypeInfo.bitN(),
                  TypeInfo.datetime2(7));
          case "benchRows" ->
              List.of(
                  TypeInfo.intN(4),
                  TypeInfo.intN(8),
                  TypeInfo.nvarchar(50, c),
                  TypeInfo.datetime2(7),
                  TypeInfo.decimal(18, 4),
                  TypeInfo.fltN(8),
                  TypeInfo.bitN(),
                  TypeInfo.guid());
          default -> throw new IllegalArgumentException("unknown shape " + shape);
        };
    List<ColMetadata.Column> cols = new ArrayList<>();
    for (int i = 0; i < types.size(); i++) {
      cols.add(ColMetadata.Column.of("c" + i, types.get(i), ColMetadata.FLAG_NULLABLE));
    }
    return new ColMetadata(cols);
  }

  /** The values of row {@code x} (from 1) of {@code shape}. */
  private static LongFunction<Object[]> values(String shape) {
    byte[] blob = new byte[2000];
    for (int i = 0; i < blob.length; i++) {
      blob[i] = (byte) i;
    }
    return switch (shape) {
      case "int" -> x -> new Object[] {(int) x};
      case "bigint" -> x -> new Object[] {x * 1_000_003L};
      case "nvarchar50" -> x -> new Object[] {"name " + x};
      case "datetime2" -> x -> new Object[] {BenchRows.created(x)};
      case "decimal" -> x -> new Object[] {BigDecimal.valueOf(x * 12_345L, 4)};
      case "float" -> x -> new Object[] {x / 7.0};
      case "bit" -> x -> new Object[] {(x & 1) == 1};
      case "guid" -> x -> new Object[] {new UUID(x, ~x)};
      case "varbinary2000" -> x -> new Object[] {blob};
      case "fixed5" ->
          x ->
              new Object[] {
                (int) x, x * 1_000_003L, x / 7.0, (x & 1) == 1, LocalDateTime.of(2026, 1, 1, 0, 0)
              };
      default -> throw new IllegalArgumentException("unknown shape " + shape);
    };
  }

  /**
   * A TabularResult payload: COLMETADATA, then {@code rows} ROW tokens. The returned buffer is
   * little-endian, positioned at the first ROW token.
   */
  static ByteBuffer message(String shape, ColMetadata md, int rows) {
    BufferWriter w = new BufferWriter();
    md.encode(w, TdsVersion.V7_4);
    int firstRow = w.size();
    if (shape.equals("benchRows")) {
      for (long x = 1; x <= rows; x++) {
        w.u8(TokenType.ROW);
        BenchRows.writeRow(w, x);
      }
    } else {
      LongFunction<Object[]> v = values(shape);
      for (long x = 1; x <= rows; x++) {
        Row.write(w, md, v.apply(x));
      }
    }
    ByteBuffer b = ByteBuffer.wrap(w.toByteArray()).order(ByteOrder.LITTLE_ENDIAN);
    b.position(firstRow);
    return b;
  }
}
