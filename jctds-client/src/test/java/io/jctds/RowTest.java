package io.jctds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jctds.protocol.BufferWriter;
import io.jctds.protocol.TdsVersion;
import io.jctds.protocol.token.ColMetadata;
import io.jctds.protocol.token.Token;
import io.jctds.protocol.token.TokenDecoder;
import io.jctds.protocol.type.Collation;
import io.jctds.protocol.type.TdsType;
import io.jctds.protocol.type.TypeInfo;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link Row} over ROW tokens written byte by byte from [MS-TDS] 2.2.7.19 (ROW: TokenType 0xD1,
 * then each column's TYPE_VARBYTE) and the data type definitions of 2.2.5.5.1: integers and floats
 * little-endian of the type's fixed width, datetime as 4-byte days since 1900-01-01 and 4-byte
 * 1/300 s ticks, USHORTLEN types with a 2-byte length (0xFFFF = NULL), nvarchar as UTF-16LE.
 */
class RowTest {
  private static final Collation C = Collation.SQL_LATIN1_GENERAL_CP1_CI_AS;

  /**
   * The rows a COLMETADATA for {@code cols} followed by the ROW tokens in {@code rowsHex} gives.
   */
  private static List<Row> rows(List<ColMetadata.Column> cols, String... rowsHex) {
    ColMetadata md = new ColMetadata(cols);
    BufferWriter w = new BufferWriter();
    md.encode(w, TdsVersion.V7_4);
    for (String r : rowsHex) {
      w.bytes(HexFormat.of().parseHex(r.replace(" ", "")));
    }
    ByteBuffer b = ByteBuffer.wrap(w.toByteArray()).order(ByteOrder.LITTLE_ENDIAN);
    ResultColumns rc = new ResultColumns(md);
    List<Row> rows = new ArrayList<>();
    for (Token t : new TokenDecoder(TdsVersion.V7_4).decodeAll(b)) {
      if (t instanceof io.jctds.protocol.token.Row r) {
        rows.add(new Row(r.detach(), rc));
      }
    }
    return rows;
  }

  private static ColMetadata.Column col(String name, TypeInfo t) {
    return ColMetadata.Column.of(name, t, ColMetadata.FLAG_NULLABLE);
  }

  @Test
  void aColumnConvertsOnlyWhenRead() {
    // datetime ticks FFFFFFFF exceed a day (300 * 86400): an invalid value the row must carry
    // without looking at it until column 1 is read
    Row row =
        rows(
                List.of(
                    col("", TypeInfo.fixed(TdsType.INT4)),
                    col("at", TypeInfo.fixed(TdsType.DATETIME)),
                    col("s", TypeInfo.nvarchar(10, C))),
                "D1 2A000000 00000000 FFFFFFFF 0400 6800 6900")
            .get(0);
    assertThat(row.getInt(0)).isEqualTo(42);
    assertThat(row.get("S")).isEqualTo("hi");
    assertThat(row.isNull(1)).isFalse();
    assertThatThrownBy(() -> row.get("at"))
        .isInstanceOf(DataError.class)
        .hasMessageContaining("invalid value for column 1 (at)");
    assertThatThrownBy(row::toString).isInstanceOf(DataError.class);
  }

  @Test
  void readingFixedWidthColumnsAllocatesNothing() {
    List<ColMetadata.Column> cols = new ArrayList<>();
    StringBuilder hex = new StringBuilder("D1");
    for (int i = 0; i < 16; i++) {
      cols.add(col("c" + i, TypeInfo.fixed(TdsType.INT4)));
      hex.append(String.format("%02X000000", i));
    }
    cols.add(col("f", TypeInfo.fixed(TdsType.FLT8)));
    hex.append("000000000000F03F"); // 1.0 as an IEEE 754 double, little-endian
    Row row = rows(cols, hex.toString()).get(0);
    long sum = 0;
    long before = allocatedBytes();
    for (int n = 0; n < 100_000; n++) {
      for (int i = 0; i < 16; i++) {
        sum += row.isNull(i) ? 0 : row.getInt(i) + row.getLong(i);
      }
      sum += (long) row.getDouble(16);
    }
    long allocated = allocatedBytes() - before;
    assertThat(sum).isEqualTo(100_000L * (2 * 120 + 1));
    // 3.3 million getter calls: one object per call would be tens of megabytes; allow a few
    // kilobytes for the measurement itself
    assertThat(allocated).isLessThan(64 * 1024);
  }

  /**
   * The bytes this thread allocated so far (HotSpot's com.sun.management.ThreadMXBean, called
   * reflectively: the client's module does not read jdk.management).
   */
  private static long allocatedBytes() {
    try {
      Object mx =
          Class.forName("java.lang.management.ManagementFactory")
              .getMethod("getThreadMXBean")
              .invoke(null);
      return (long)
          Class.forName("com.sun.management.ThreadMXBean")
              .getMethod("getCurrentThreadAllocatedBytes")
              .invoke(mx);
    } catch (ReflectiveOperationException e) {
      throw new AssertionError("this JVM cannot count allocated bytes", e);
    }
  }

  @Test
  void typedGettersConvertOrFailAsDataError() {
    Row row =
        rows(
                List.of(
                    col("tiny", TypeInfo.fixed(TdsType.INT1)),
                    col("r", TypeInfo.fixed(TdsType.FLT4)),
                    col("big", TypeInfo.fixed(TdsType.INT8)),
                    col("n", TypeInfo.intN(4))),
                // tinyint 255; real 1.5 (0x3FC00000); bigint 2^40; INTN NULL (length 0)
                "D1 FF 0000C03F 0000000000010000 00")
            .get(0);
    assertThat(row.get(0)).isEqualTo((short) 255);
    assertThat(row.getShort("TINY")).isEqualTo((short) 255);
    assertThatThrownBy(() -> row.getByte(0))
        .isInstanceOf(DataError.class)
        .hasMessageContaining("255 does not fit a byte");
    assertThat(row.get("r")).isEqualTo(1.5f);
    assertThat(row.getFloat(1)).isEqualTo(1.5f);
    assertThat(row.getObject(2, BigInteger.class)).isEqualTo(BigInteger.ONE.shiftLeft(40));
    assertThat(row.getObject("big", long.class)).isEqualTo(1L << 40);
    assertThatThrownBy(() -> row.getInt(2))
        .isInstanceOf(DataError.class)
        .hasMessageContaining("does not fit an int");
    assertThatThrownBy(() -> row.getUuid(2)).isInstanceOf(DataError.class);
    assertThatThrownBy(() -> row.getObject(0, java.util.Date.class))
        .isInstanceOf(InterfaceError.class)
        .hasMessageContaining("java.util.Date");
    assertThat(row.getObject("n", Integer.class)).isNull();
    assertThat(row.getInt("n")).isZero();
    assertThatThrownBy(() -> row.get(4)).isInstanceOf(InterfaceError.class);
    assertThatThrownBy(() -> row.get("nope"))
        .isInstanceOf(InterfaceError.class)
        .hasMessageContaining("[tiny, r, big, n]");
  }

  @Test
  void toStringNamesColumnsAndShowsBinaryAsHex() {
    Row row =
        rows(
                List.of(
                    col("", TypeInfo.fixed(TdsType.INT4)),
                    col("greeting", TypeInfo.varchar(10, C)),
                    col("b", TypeInfo.varbinary(10)),
                    col("z", TypeInfo.varchar(10, C))),
                "D1 2A000000 0500 68656C6C6F 0200 CAFE FFFF")
            .get(0);
    assertThat(row).hasToString("Row[42, greeting=hello, b=0xCAFE, z=null]");
    assertThat(row.asMap().keySet()).containsExactly("0", "greeting", "b", "z");
    assertThat(row.asMap()).containsEntry("0", 42).containsEntry("z", null);
    assertThat(row.toList()).hasSize(4).startsWith(42, "hello");
  }

  @Test
  void rowListIsReadOnlyAndKnowsItsDescription() {
    List<ColMetadata.Column> cols = List.of(col("id", TypeInfo.fixed(TdsType.INT4)));
    List<Row> rows = rows(cols, "D1 01000000", "D1 02000000");
    List<Column> description = new ResultColumns(new ColMetadata(cols)).list();
    RowList list = new RowList(rows.toArray(new Row[4]), 2, description);
    assertThat(list).hasSize(2).extracting(r -> r.getInt("ID")).containsExactly(1, 2);
    assertThat(list.description()).extracting(Column::name).containsExactly("id");
    assertThatThrownBy(() -> list.get(2)).isInstanceOf(IndexOutOfBoundsException.class);
    assertThatThrownBy(() -> list.add(rows.get(0)))
        .isInstanceOf(UnsupportedOperationException.class);
  }
}
