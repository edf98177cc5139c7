package io.jctds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.io.Reader;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * bulkInsert of Reader and InputStream values into the embedded server, read back through SQL. Each
 * 12 MB value is generated as it is read (never an array of its size in the test) and the expected
 * DATALENGTH and HASHBYTES('SHA2_256', ...) come from the generator itself: its length by
 * construction and its SHA-256 (FIPS 180-4, the JDK's MessageDigest) over the bytes SQL Server
 * stores (UTF-16LE for nvarchar, the Windows-1252 chart for a varchar of collation
 * SQL_Latin1_General_CP1_CI_AS: é = 0xE9, ñ = 0xF1). Each row goes in its own batch: the embedded
 * server holds a whole row of a BulkLoadBCP message before inserting it.
 */
class BulkStreamIT {
  private static final int MB12 = 12_000_000;
  @RegisterExtension static final PlainServer SERVER = new PlainServer();

  private static Connection table(String name, String columns) {
    Connection c = SERVER.connect();
    c.cursor().execute("CREATE TABLE " + name + " " + columns);
    return c;
  }

  /** {@code n} characters of {@code alphabet}, picked by a formula of the index. */
  static final class Chars extends Reader {
    private final long n;
    private final String alphabet;
    private long at;

    Chars(long n, String alphabet) {
      this.n = n;
      this.alphabet = alphabet;
    }

    static char at(long i, String alphabet) {
      return alphabet.charAt((int) ((i * 7919 + i / 1000) % alphabet.length()));
    }

    @Override
    public int read(char[] buf, int off, int len) {
      if (at >= n) {
        return -1;
      }
      int k = (int) Math.min(len, n - at);
      for (int j = 0; j < k; j++) {
        buf[off + j] = at(at++, alphabet);
      }
      return k;
    }

    @Override
    public void close() {}
  }

  /** {@code n} bytes picked by a formula of the index. */
  static final class Bytes extends InputStream {
    private final long n;
    private long at;

    Bytes(long n) {
      this.n = n;
    }

    static byte at(long i) {
      return (byte) ((i * 2654435761L) >>> 13);
    }

    @Override
    public int read() {
      return at < n ? at(at++) & 0xFF : -1;
    }

    @Override
    public int read(byte[] buf, int off, int len) {
      if (at >= n) {
        return -1;
      }
      int k = (int) Math.min(len, n - at);
      for (int j = 0; j < k; j++) {
        buf[off + j] = at(at++);
      }
      return k;
    }
  }

  private static final String UNICODE = "abcxyz é∑ñ€\u4e2d";
  private static final String LATIN = "abcxyz éñ";

  /** SHA-256 of {@code n} characters of {@link Chars} as UTF-16LE (unicode) or code page 1252. */
  private static String charsHash(long n, String alphabet, boolean unicode) throws Exception {
    MessageDigest md = MessageDigest.getInstance("SHA-256");
    byte[] buf = new byte[8192];
    int k = 0;
    for (long i = 0; i < n; i++) {
      char ch = Chars.at(i, alphabet);
      if (unicode) {
        buf[k++] = (byte) ch;
        buf[k++] = (byte) (ch >>> 8);
      } else {
        // Windows-1252 chart: é E9, ñ F1, ASCII as is
        buf[k++] = (byte) (ch == 'é' ? 0xE9 : ch == 'ñ' ? 0xF1 : ch);
      }
      if (k >= buf.length - 2) {
        md.update(buf, 0, k);
        k = 0;
      }
    }
    md.update(buf, 0, k);
    return HexFormat.of().formatHex(md.digest());
  }

  private static String bytesHash(long n) throws Exception {
    MessageDigest md = MessageDigest.getInstance("SHA-256");
    byte[] buf = new byte[8192];
    try (Bytes b = new Bytes(n)) {
      for (int k; (k = b.read(buf, 0, buf.length)) > 0; ) {
        md.update(buf, 0, k);
      }
    }
    return HexFormat.of().formatHex(md.digest());
  }

  /** DATALENGTH and the SHA-256 hex of {@code column} in row {@code id}. */
  private static List<Object> lengthAndHash(Connection c, String table, String column, int id) {
    Cursor cur = c.cursor();
    cur.execute(
        "SELECT DATALENGTH("
            + column
            + "), HASHBYTES('SHA2_256', "
            + column
            + ") FROM "
            + table
            + " WHERE id = "
            + id);
    Row r = cur.fetchOne();
    return List.of(r.getLong(0), HexFormat.of().formatHex((byte[]) r.get(1)));
  }

  @Test
  void twelveMegabyteStreamsOfEveryMaxTypeAreInsertedWhole() throws Exception {
    try (Connection c =
        table("big", "(id int, t nvarchar(max), b varbinary(max), c varchar(max), x xml)")) {
      List<Object> rows =
          List.of(
              Arrays.asList(1, new Chars(MB12 / 2, UNICODE), null, null, null),
              Arrays.asList(2, null, new Bytes(MB12), null, null),
              Arrays.asList(3, null, null, new Chars(MB12, LATIN), null),
              Arrays.asList(4, "short", new Bytes(3), new Chars(4, LATIN), null));
      BulkOptions o = BulkOptions.builder().autoEncode(true).batchSize(1).build();
      assertThat(c.bulkInsert("big", rows, o)).isEqualTo(4);
      assertThat(lengthAndHash(c, "big", "t", 1))
          .containsExactly((long) MB12, charsHash(MB12 / 2, UNICODE, true));
      assertThat(lengthAndHash(c, "big", "b", 2)).containsExactly((long) MB12, bytesHash(MB12));
      assertThat(lengthAndHash(c, "big", "c", 3))
          .containsExactly((long) MB12, charsHash(MB12, LATIN, false));
      Cursor cur = c.cursor();
      cur.execute("SELECT t, b, c FROM big WHERE id = 4");
      Row r = cur.fetchOne();
      assertThat(r.getString(0)).isEqualTo("short");
      assertThat((byte[]) r.get(1)).containsExactly(Bytes.at(0), Bytes.at(1), Bytes.at(2));
      assertThat(r.getString(2))
          .isEqualTo(
              ""
                  + Chars.at(0, LATIN)
                  + Chars.at(1, LATIN)
                  + Chars.at(2, LATIN)
                  + Chars.at(3, LATIN));
    }
  }

  @Test
  void readersIntoXmlTextNtextAndStreamsIntoImage() throws Exception {
    try (Connection c = table("legacy", "(id int, x xml, tx text, nt ntext, im image)")) {
      List<Object> rows =
          List.of(
              Arrays.asList(
                  1,
                  new java.io.StringReader("<a>é∑</a>"),
                  new java.io.StringReader("café"),
                  new java.io.StringReader("grüße ∑"),
                  new Bytes(100_000)));
      BulkOptions o = BulkOptions.builder().autoEncode(true).build();
      assertThat(c.bulkInsert("legacy", rows, o)).isEqualTo(1);
      Cursor cur = c.cursor();
      cur.execute("SELECT CAST(x AS nvarchar(max)), tx, nt FROM legacy");
      Row r = cur.fetchOne();
      assertThat(r.getString(0)).isEqualTo("<a>é∑</a>");
      assertThat(r.getString(1)).isEqualTo("café");
      assertThat(r.getString(2)).isEqualTo("grüße ∑");
      assertThat(lengthAndHash(c, "legacy", "im", 1)).containsExactly(100_000L, bytesHash(100_000));
    }
  }

  @Test
  void aStreamThatFailsMidValueDiscardsItsBatchOnlyAndTheConnectionGoesOn() {
    try (Connection c = table("fails", "(id int, c varchar(max), v varchar(10))")) {
      BulkOptions o = BulkOptions.builder().autoEncode(true).batchSize(2).build();
      // row 3's Reader has ł (not in code page 1252) after 100000 characters already sent
      Reader late = new java.io.StringReader("a".repeat(100_000) + "ł");
      List<Object> rows =
          List.of(
              Arrays.asList(1, new Chars(50_000, LATIN), "x"),
              Arrays.asList(2, null, "y"),
              Arrays.asList(3, late, "z"),
              Arrays.asList(4, null, "w"));
      assertThatThrownBy(() -> c.bulkInsert("fails", rows, o))
          .isInstanceOf(DataError.class)
          .hasMessageContaining("row 3, column [c]")
          .hasMessageContaining("U+0142");
      // a Reader for varchar(10) with 11 characters
      List<Object> tooLong = List.of(Arrays.asList(5, null, new Chars(11, LATIN)));
      assertThatThrownBy(() -> c.bulkInsert("fails", tooLong, o))
          .isInstanceOf(DataError.class)
          .hasMessageContaining("row 1, column [v]");
      Cursor cur = c.cursor();
      cur.execute("SELECT id, DATALENGTH(c) FROM fails ORDER BY id");
      List<Row> left = cur.fetchAll();
      assertThat(left).hasSize(2); // batch 1 only
      assertThat(left.get(0).getInt(0)).isEqualTo(1);
      assertThat(left.get(0).getLong(1)).isEqualTo(50_000);
      assertThat(left.get(1).getInt(0)).isEqualTo(2);
    }
  }
}
