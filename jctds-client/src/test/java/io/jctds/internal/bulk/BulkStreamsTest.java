package io.jctds.internal.bulk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jctds.BulkOptions;
import io.jctds.DataError;
import io.jctds.protocol.BufferWriter;
import io.jctds.protocol.TdsWriter;
import io.jctds.protocol.token.ColMetadata;
import io.jctds.protocol.type.Collation;
import io.jctds.protocol.type.TypeInfo;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Reader and InputStream values in bulk rows. Expected bytes: the PLP layout of [MS-TDS] 2.2.5.2.3
 * (PLP_UNKNOWN_LEN = 0xFFFFFFFFFFFFFFFE, then chunks of a ULONG length and data, then
 * PLP_TERMINATOR 0x00000000), the ROW token 0xD1 ([MS-TDS] 2.2.7.19), INTN as a length byte and
 * little-endian value ([MS-TDS] 2.2.5.2.1), UTF-16LE for nvarchar and the Windows-1252 chart (é =
 * 0xE9) for a varchar of collation SQL_Latin1_General_CP1_CI_AS; chunk sizes from mssql-jdbc
 * 13.6.2's IOBuffer.java (TDSWriter.writeStream fills 4 × packet size = 32000 bytes per chunk).
 */
class BulkStreamsTest {
  private static final Collation CP1252 = Collation.SQL_LATIN1_GENERAL_CP1_CI_AS;
  private static final int NULLABLE = ColMetadata.FLAG_NULLABLE;

  /** a int, t nvarchar(max), b varbinary(max), c varchar(max), v varchar(10), z int. */
  private static final ColMetadata TABLE =
      new ColMetadata(
          List.of(
              ColMetadata.Column.of("a", TypeInfo.intN(4), NULLABLE),
              ColMetadata.Column.of("t", TypeInfo.nvarchar(TypeInfo.MAX, CP1252), NULLABLE),
              ColMetadata.Column.of("b", TypeInfo.varbinary(TypeInfo.MAX), NULLABLE),
              ColMetadata.Column.of("c", TypeInfo.varchar(TypeInfo.MAX, CP1252), NULLABLE),
              ColMetadata.Column.of("v", TypeInfo.varchar(10, CP1252), NULLABLE),
              ColMetadata.Column.of("z", TypeInfo.intN(4), NULLABLE)));

  private static final BulkOptions AUTO = BulkOptions.builder().autoEncode(true).build();

  /** A Reader over {@code s} that hands out at most {@code step} characters per read. */
  static final class Trickle extends Reader {
    private final String s;
    private final int step;
    private int at;
    long handedOut;
    boolean closed;

    Trickle(String s, int step) {
      this.s = s;
      this.step = step;
    }

    @Override
    public int read(char[] buf, int off, int len) {
      if (at >= s.length()) {
        return -1;
      }
      int n = Math.min(Math.min(step, len), s.length() - at);
      s.getChars(at, at + n, buf, off);
      at += n;
      handedOut += n;
      return n;
    }

    @Override
    public void close() {
      closed = true;
    }
  }

  /** An endless Reader of 'x' that counts what it handed out. */
  static final class Endless extends Reader {
    long handedOut;

    @Override
    public int read(char[] buf, int off, int len) {
      Arrays.fill(buf, off, off + len, 'x');
      handedOut += len;
      return len;
    }

    @Override
    public void close() {}
  }

  private static BufferWriter row(BulkOptions o, Object... values) {
    BufferWriter w = new BufferWriter();
    new BulkRowEncoder(BulkTable.of("t", TABLE, o)).writeRow(w, Arrays.asList(values), 1);
    return w;
  }

  @Test
  void streamedValuesAreUnknownLengthPlpChunksInColumnOrder() {
    Trickle t = new Trickle("hé", 1);
    Trickle c = new Trickle("café", 3);
    InputStream b = new ByteArrayInputStream(new byte[] {1, 2, 3});
    String hex = HexFormat.of().formatHex(row(AUTO, 1, t, b, c, "ok", 7).toByteArray());
    assertThat(hex)
        .isEqualTo(
            "d1"
                + "0401000000" // a: INTN 4, 1
                + "feffffffffffffff" // t: PLP_UNKNOWN_LEN
                + "04000000"
                + "6800e900" // "hé" UTF-16LE in one chunk though the Reader gave 1 char a read
                + "00000000" // PLP_TERMINATOR
                + "feffffffffffffff03000000010203" // b: one chunk of 3 bytes
                + "00000000"
                + "feffffffffffffff04000000636166e9" // c: "café" in code page 1252
                + "00000000"
                + "02006f6b" // v: USHORTLEN 2, "ok"
                + "0407000000"); // z: the column after the streams
    assertThat(t.closed).isTrue();
    assertThat(c.closed).isTrue();
  }

  @Test
  void aLongStreamIsCutIntoChunksOf32000Bytes() {
    byte[] data = new byte[70_000];
    for (int i = 0; i < data.length; i++) {
      data[i] = (byte) (i * 31);
    }
    ByteBuffer r = row(AUTO, null, null, new ByteArrayInputStream(data), null, null, null).view();
    r.order(ByteOrder.LITTLE_ENDIAN);
    int at = 1 + 1 + 8 + 8; // ROW, a NULL, t PLP NULL, b's PLP_UNKNOWN_LEN
    assertThat(r.getLong(at - 8)).isEqualTo(-2L);
    byte[] back = new byte[data.length];
    int filled = 0;
    for (int want : new int[] {32_000, 32_000, 6_000}) {
      assertThat(r.getInt(at)).isEqualTo(want);
      r.get(at + 4, back, filled, want);
      filled += want;
      at += 4 + want;
    }
    assertThat(r.getInt(at)).isZero();
    assertThat(back).isEqualTo(data);
  }

  @Test
  void aReaderTooLongForASizedColumnIsDataErrorAfterReadingOneCharacterMore() {
    Endless e = new Endless();
    assertThatThrownBy(() -> row(AUTO, 1, null, null, null, e, 2))
        .isInstanceOf(DataError.class)
        .hasMessageContaining("row 1, column [v]")
        .hasMessageContaining("11 bytes");
    assertThat(e.handedOut).isEqualTo(11); // varchar(10): ten characters at most, and one more
  }

  @Test
  void aCharacterTheCodePageLacksIsDataErrorNamingRowColumnAndIndex() {
    // index 40000: past the first 8000-byte chunk and the Reader's 4096-character buffer
    String s = "a".repeat(40_000) + "ł" + "b";
    assertThatThrownBy(() -> row(AUTO, 1, null, null, new Trickle(s, 777), null, 2))
        .isInstanceOf(DataError.class)
        .hasMessageContaining("row 1, column [c]")
        .hasMessageContaining("U+0142")
        .hasMessageContaining("index 40000")
        .hasMessageContaining("1252");
    // a surrogate pair split between two reads is reported as one character (U+1F600)
    assertThatThrownBy(() -> row(AUTO, 1, null, null, new Trickle("ab\uD83D\uDE00", 1), null, 2))
        .isInstanceOf(DataError.class)
        .hasMessageContaining("U+1F600")
        .hasMessageContaining("index 2");
  }

  @Test
  void aSurrogatePairSplitBetweenReadsIsOneCharacter() {
    // without autoEncode varchar(max) is nvarchar(max); U+1F600 is D83D DE00 in UTF-16
    String hex =
        HexFormat.of()
            .formatHex(
                row(
                        BulkOptions.DEFAULTS,
                        null,
                        new Trickle("\uD83D\uDE00", 1),
                        null,
                        null,
                        null,
                        null)
                    .toByteArray());
    assertThat(hex).contains("feffffffffffffff040000003dd800de00000000");
  }

  @Test
  void aFailingReaderIsDataErrorAndClosed() {
    boolean[] closed = {false};
    Reader bad =
        new Reader() {
          @Override
          public int read(char[] b, int o, int l) throws IOException {
            throw new IOException("disk gone");
          }

          @Override
          public void close() {
            closed[0] = true;
          }
        };
    assertThatThrownBy(() -> row(AUTO, 1, bad, null, null, null, 2))
        .isInstanceOf(DataError.class)
        .hasMessageContaining("row 1, column [t]")
        .hasMessageContaining("disk gone")
        .hasCauseInstanceOf(IOException.class);
    assertThat(closed[0]).isTrue();
    // an UncheckedIOException of the caller's Reader is the same DataError (the packet channel
    // would take it for a broken connection)
    Reader unchecked =
        new Reader() {
          @Override
          public int read(char[] b, int o, int l) {
            throw new java.io.UncheckedIOException(new IOException("share gone"));
          }

          @Override
          public void close() {}
        };
    assertThatThrownBy(() -> row(AUTO, 1, unchecked, null, null, null, 2))
        .isInstanceOf(DataError.class)
        .hasMessageContaining("row 1, column [t]")
        .hasMessageContaining("share gone")
        .hasCauseInstanceOf(IOException.class);
  }

  @Test
  void aStreamIntoTheWrongKindOfColumnIsDataError() {
    assertThatThrownBy(
            () -> row(AUTO, 1, new ByteArrayInputStream(new byte[1]), null, null, null, 2))
        .isInstanceOf(DataError.class)
        .hasMessageContaining("column [t]")
        .hasMessageContaining("InputStream");
    assertThatThrownBy(() -> row(AUTO, 1, null, new Trickle("x", 1), null, null, 2))
        .isInstanceOf(DataError.class)
        .hasMessageContaining("column [b]");
    assertThatThrownBy(() -> row(AUTO, new Trickle("1", 1), null, null, null, null, 2))
        .isInstanceOf(DataError.class)
        .hasMessageContaining("column [a]");
  }

  @Test
  void aValueLongerThanAMaxTypeHoldsIsRefused() throws IOException {
    BulkStreams s = new BulkStreams(10);
    BufferWriter w = new BufferWriter();
    s.write(w, TypeInfo.varbinary(TypeInfo.MAX), new ByteArrayInputStream(new byte[10]), null, 0);
    assertThatThrownBy(
            () ->
                s.write(
                    w,
                    TypeInfo.varbinary(TypeInfo.MAX),
                    new ByteArrayInputStream(new byte[11]),
                    null,
                    0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("longer than the 10 bytes");
  }

  @Test
  void charArraysInstantsAndBytesIntoUnicodeColumns() {
    // char[] is a String (as Cursor.execute takes it): "hé" in UTF-16LE, one chunk
    String hex =
        HexFormat.of()
            .formatHex(row(AUTO, null, "hé".toCharArray(), null, null, null, null).toByteArray());
    assertThat(hex).contains("04000000" + "6800e900");
    assertThatThrownBy(() -> row(AUTO, null, new byte[] {1}, null, null, null, null))
        .isInstanceOf(DataError.class)
        .hasMessageContaining("column [t]");
    ColMetadata dto =
        new ColMetadata(List.of(ColMetadata.Column.of("d", TypeInfo.datetimeOffset(0), NULLABLE)));
    BufferWriter w = new BufferWriter();
    new BulkRowEncoder(BulkTable.of("t", dto, AUTO))
        .writeRow(w, List.of(Instant.parse("2024-02-29T12:34:56Z")), 1);
    // [MS-TDS] 2.2.5.5.1.8 DATETIMEOFFSETN: length 8, time(0) 3 bytes (45296 s), date 3 bytes
    // (738944 days since 0001-01-01), offset 2 bytes (0)
    assertThat(HexFormat.of().formatHex(w.toByteArray()))
        .isEqualTo("d108" + "f0b000" + "80460b" + "0000");
  }

  /** A writer that forgets what it is given, 4096 bytes at a time, and counts it. */
  static final class Sink extends TdsWriter {
    long passed;

    Sink() {
      super(ByteBuffer.allocate(4096));
    }

    @Override
    protected void overflow(int wanted) {
      passed += buf.position();
      buf.clear();
    }

    long total() {
      return passed + buf.position();
    }
  }

  @Test
  void aStreamedValueIsPassedOnWhileItIsReadNotHeld() {
    Sink out = new Sink();
    long n = 5_000_000;
    long[] worst = {0};
    Reader r =
        new Reader() {
          long at;

          @Override
          public int read(char[] buf, int off, int len) {
            if (at >= n) {
              return -1;
            }
            // UTF-16LE bytes read so far that the writer has not been given yet
            worst[0] = Math.max(worst[0], 2 * at - out.total());
            int k = (int) Math.min(len, n - at);
            Arrays.fill(buf, off, off + k, 'q');
            at += k;
            return k;
          }

          @Override
          public void close() {}
        };
    new BulkRowEncoder(BulkTable.of("t", TABLE, AUTO))
        .writeRow(out, Arrays.asList(1, r, null, null, null, 2), 1);
    // ROW, a (INTN 4), PLP_UNKNOWN_LEN, 10_000_000 bytes in 313 chunks of at most 32000 with their
    // lengths, the terminator, the PLP NULLs of b and c (8 each), v's USHORTLEN NULL, z (INTN 4)
    assertThat(out.total()).isEqualTo(1 + 5 + 8 + 10_000_000 + 313 * 4 + 4 + 8 + 8 + 2 + 5);
    // at most one chunk is ever held back
    assertThat(worst[0]).isLessThanOrEqualTo(BulkStreams.CHUNK);
  }
}
