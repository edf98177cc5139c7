package io.jctds.server.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.jctds.protocol.BufferWriter;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The down-level form of jctds_bench_rows' created column: a TDS 7.1/7.2 client has no datetime2
 * and receives it as nvarchar in ODBC canonical form, {@code yyyy-mm-dd hh:mi:ss.fffffff} (CAST and
 * CONVERT, style 121, and "Backward compatibility for down-level clients" in Microsoft's datetime2
 * documentation); expected values come from the JDK's calendar and README's formula.
 */
class BenchRowsTest {
  private static final DateTimeFormatter ODBC =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSSS");

  /** Ids across day, month and year ends, and 2028-02-29 (x = 68,774,400: 796 days). */
  @ParameterizedTest
  @ValueSource(
      longs = {
        1,
        9,
        86_399,
        86_400,
        2_678_399,
        2_678_400,
        31_535_999,
        31_536_000,
        68_774_400,
        99_999_999,
        2_000_000_000L
      })
  void createdGoesToADownLevelClientAsOdbcCanonicalText(long x) {
    BufferWriter w = new BufferWriter();
    BenchRows.writeRow(w, x, true);
    ByteBuffer b = w.view().order(ByteOrder.LITTLE_ENDIAN);
    b.position(1 + 4 + 1 + 8); // INTN(4) id, INTN(8) big
    b.position(b.position() + 2 + (b.getShort(b.position()) & 0xFFFF)); // name
    int len = b.getShort() & 0xFFFF;
    byte[] text = new byte[len];
    b.get(text);
    String expected = BenchRows.BASE.plusSeconds(x).plusNanos(x * 100).format(ODBC);
    assertThat(new String(text, StandardCharsets.UTF_16LE)).isEqualTo(expected);
    assertThat(len).isEqualTo(27 * 2);
    assertThat(b.get()).as("amount's DECIMALN length follows").isEqualTo((byte) 9);
  }
}
