package io.jctds.protocol.type;

import io.jctds.protocol.TdsWriter;
import io.jctds.protocol.Wire;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The 5-byte COLLATION of [MS-TDS] 2.2.5.1.2: a little-endian DWORD holding the LCID (bits 0-19),
 * the comparison flags (bits 20-27) and a version (bits 28-31), then a SQL sort id byte. A non-zero
 * sort id names a SQL collation (e.g. 52 = SQL_Latin1_General_CP1_CI_AS) whose code page decides
 * the charset of char/varchar/text; with sort id 0 the LCID decides; the UTF-8 flag means UTF-8.
 *
 * @param lcid Windows locale id, 20 bits
 * @param flags comparison flags, see the constants
 * @param version collation version, 4 bits
 * @param sortId SQL sort order id, 0 for Windows collations
 */
public record Collation(int lcid, int flags, int version, int sortId) {
  /** fIgnoreCase. */
  public static final int IGNORE_CASE = 0x01;

  /** fIgnoreAccent. */
  public static final int IGNORE_ACCENT = 0x02;

  /** fIgnoreKana. */
  public static final int IGNORE_KANA = 0x04;

  /** fIgnoreWidth. */
  public static final int IGNORE_WIDTH = 0x08;

  /** fBinary. */
  public static final int BINARY = 0x10;

  /** fBinary2. */
  public static final int BINARY2 = 0x20;

  /** fUTF8: char/varchar hold UTF-8. */
  public static final int UTF8 = 0x40;

  /** Encoded size. */
  public static final int SIZE = 5;

  /** SQL_Latin1_General_CP1_CI_AS, SQL Server's default: {@code 09 04 D0 00 34}. */
  public static final Collation SQL_LATIN1_GENERAL_CP1_CI_AS =
      new Collation(0x0409, IGNORE_CASE | IGNORE_KANA | IGNORE_WIDTH, 0, 52);

  /** Latin1_General_CI_AS (Windows collation, LCID 1033): {@code 09 04 D0 00 00}. */
  public static final Collation LATIN1_GENERAL_CI_AS =
      new Collation(0x0409, IGNORE_CASE | IGNORE_KANA | IGNORE_WIDTH, 0, 0);

  /** Latin1_General_100_CI_AS_SC_UTF8. */
  public static final Collation LATIN1_GENERAL_100_CI_AS_SC_UTF8 =
      new Collation(0x0409, IGNORE_CASE | IGNORE_KANA | IGNORE_WIDTH | UTF8, 2, 0);

  private static final ConcurrentHashMap<Integer, Charset> CHARSETS = new ConcurrentHashMap<>();

  /** Validates the bit ranges. */
  public Collation {
    if (lcid >>> 20 != 0 || flags >>> 8 != 0 || version >>> 4 != 0 || sortId >>> 8 != 0) {
      throw new IllegalArgumentException(
          "collation field out of range: lcid=" + lcid + " flags=" + flags + " version=" + version);
    }
  }

  /** Builds from the wire DWORD and sort id. */
  public static Collation of(int info, int sortId) {
    return new Collation(info & 0xFFFFF, info >>> 20 & 0xFF, info >>> 28, sortId & 0xFF);
  }

  /** The wire DWORD: LCID, flags and version. */
  public int info() {
    return lcid | flags << 20 | version << 28;
  }

  /** Reads 5 bytes. */
  public static Collation decode(ByteBuffer in) {
    int info = Wire.i32(in, "collation (5 bytes)");
    return of(info, Wire.u8(in, "collation sort id"));
  }

  /** Writes 5 bytes. */
  public void encode(TdsWriter out) {
    out.i32(info()).u8(sortId);
  }

  /** The 5 wire bytes. */
  public byte[] toBytes() {
    int i = info();
    return new byte[] {
      (byte) i, (byte) (i >>> 8), (byte) (i >>> 16), (byte) (i >>> 24), (byte) sortId
    };
  }

  /** Parses 5 wire bytes (e.g. from an ENVCHANGE). */
  public static Collation fromBytes(byte[] b) {
    if (b.length != SIZE) {
      throw new IllegalArgumentException("a collation is 5 bytes, got " + b.length);
    }
    return decode(ByteBuffer.wrap(b));
  }

  /** Whether char/varchar data is UTF-8. */
  public boolean isUtf8() {
    return (flags & UTF8) != 0;
  }

  /**
   * The Windows code page of char/varchar data: 65001 for UTF-8 collations, else from the sort id,
   * else from the LCID; 0 for Unicode-only locales (which have no code page).
   */
  public int codePage() {
    if (isUtf8()) {
      return 65001;
    }
    return sortId != 0 ? CodePages.forSortId(sortId) : CodePages.forLcid(lcid & 0xFFFF);
  }

  /**
   * The Java charset for char/varchar/text values. Unicode-only locales (code page 0) fall back to
   * windows-1252, as their varchar data can only hold ASCII.
   *
   * @throws UnsupportedCharsetException if this JVM lacks the code page (a jlink image without
   *     jdk.charsets)
   */
  public Charset charset() {
    int cp = codePage();
    if (cp == 65001) {
      return StandardCharsets.UTF_8;
    }
    return CHARSETS.computeIfAbsent(cp == 0 ? 1252 : cp, Collation::lookup);
  }

  private static Charset lookup(int codePage) {
    String name =
        switch (codePage) {
          case 437 -> "IBM437";
          case 850 -> "IBM850";
          case 874 -> "x-windows-874";
          case 932 -> "windows-31j";
          case 936 -> "GBK";
          case 949 -> "x-windows-949";
          case 950 -> "x-windows-950";
          default -> "windows-" + codePage;
        };
    try {
      return Charset.forName(name);
    } catch (UnsupportedCharsetException e) {
      throw new UnsupportedCharsetException(
          name + " (code page " + codePage + ") is not available; run on a JDK with jdk.charsets");
    }
  }

  @Override
  public String toString() {
    return String.format(
        "Collation[lcid=0x%04X flags=0x%02X version=%d sortId=%d codePage=%d]",
        lcid, flags, version, sortId, codePage());
  }
}
