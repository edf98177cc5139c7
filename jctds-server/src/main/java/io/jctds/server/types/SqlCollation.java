package io.jctds.server.types;

import io.jctds.protocol.type.Collation;
import io.jctds.server.sql.SqlException;
import java.nio.charset.Charset;
import java.util.Locale;
import java.util.Map;

/**
 * A named SQL Server collation: its TDS wire form ([MS-TDS] 2.2.5.1.2), whether comparisons ignore
 * case, and the code page of its char/varchar data. Windows collations are parsed from their name
 * ({@code <locale>[_<version>]_<CI|CS>_<AI|AS>[_KS][_WS][_SC][_UTF8]}, or {@code _BIN}/{@code
 * _BIN2}); SQL collations come from a table of the common ones with their sort ids (from
 * sys.fn_helpcollations and COLLATIONPROPERTY(name, 'CodePage') in Microsoft's "Collation and
 * Unicode support" documentation).
 *
 * @param name the name as SQL Server spells it
 * @param wire the 5-byte TDS collation
 * @param ignoreCase whether comparisons ignore case (CI)
 */
public record SqlCollation(String name, Collation wire, boolean ignoreCase) {

  /** SQL_Latin1_General_CP1_CI_AS: SQL Server's default, and the server's. */
  public static final SqlCollation DEFAULT =
      new SqlCollation(
          "SQL_Latin1_General_CP1_CI_AS", Collation.SQL_LATIN1_GENERAL_CP1_CI_AS, true);

  /** SQL collations by upper-case name: sort id, code page LCID, case-insensitive. */
  private static final Map<String, int[]> SQL_COLLATIONS =
      Map.ofEntries(
          Map.entry("SQL_LATIN1_GENERAL_CP1_CI_AS", new int[] {52, 0x0409, 1}),
          Map.entry("SQL_LATIN1_GENERAL_CP1_CS_AS", new int[] {51, 0x0409, 0}),
          Map.entry("SQL_LATIN1_GENERAL_CP1_CI_AI", new int[] {54, 0x0409, 1}),
          Map.entry("SQL_LATIN1_GENERAL_CP1_BIN", new int[] {30, 0x0409, 0}),
          Map.entry("SQL_LATIN1_GENERAL_CP850_BIN", new int[] {40, 0x0409, 0}),
          Map.entry("SQL_LATIN1_GENERAL_CP850_CI_AS", new int[] {42, 0x0409, 1}),
          Map.entry("SQL_LATIN1_GENERAL_CP1250_CI_AS", new int[] {82, 0x0405, 1}),
          Map.entry("SQL_LATIN1_GENERAL_CP1251_CI_AS", new int[] {106, 0x0419, 1}),
          Map.entry("SQL_LATIN1_GENERAL_CP1253_CI_AS", new int[] {114, 0x0408, 1}),
          Map.entry("SQL_LATIN1_GENERAL_CP1254_CI_AS", new int[] {130, 0x041F, 1}),
          Map.entry("SQL_LATIN1_GENERAL_CP1255_CI_AS", new int[] {138, 0x040D, 1}),
          Map.entry("SQL_LATIN1_GENERAL_CP1256_CI_AS", new int[] {146, 0x0401, 1}),
          Map.entry("SQL_LATIN1_GENERAL_CP1257_CI_AS", new int[] {154, 0x0425, 1}));

  /** Windows collation locales by upper-case name prefix: LCID. */
  private static final Map<String, Integer> LOCALES =
      Map.ofEntries(
          Map.entry("LATIN1_GENERAL", 0x0409),
          Map.entry("FRENCH", 0x040C),
          Map.entry("GERMAN_PHONEBOOK", 0x10407),
          Map.entry("MODERN_SPANISH", 0x0C0A),
          Map.entry("TRADITIONAL_SPANISH", 0x040A),
          Map.entry("DANISH_NORWEGIAN", 0x0406),
          Map.entry("FINNISH_SWEDISH", 0x040B),
          Map.entry("POLISH", 0x0415),
          Map.entry("CZECH", 0x0405),
          Map.entry("HUNGARIAN", 0x040E),
          Map.entry("CYRILLIC_GENERAL", 0x0419),
          Map.entry("UKRAINIAN", 0x0422),
          Map.entry("GREEK", 0x0408),
          Map.entry("TURKISH", 0x041F),
          Map.entry("HEBREW", 0x040D),
          Map.entry("ARABIC", 0x0401),
          Map.entry("ESTONIAN", 0x0425),
          Map.entry("LITHUANIAN", 0x0427),
          Map.entry("THAI", 0x041E),
          Map.entry("JAPANESE", 0x0411),
          Map.entry("JAPANESE_XJIS", 0x0411),
          Map.entry("KOREAN", 0x0412),
          Map.entry("KOREAN_WANSUNG", 0x0412),
          Map.entry("CHINESE_PRC", 0x0804),
          Map.entry("CHINESE_SIMPLIFIED_PINYIN", 0x0804),
          Map.entry("CHINESE_TAIWAN_STROKE", 0x0404),
          Map.entry("CHINESE_TRADITIONAL_STROKE_COUNT", 0x0404),
          Map.entry("VIETNAMESE", 0x042A));

  /** Whether char/varchar data is UTF-8. */
  public boolean utf8() {
    return wire.isUtf8();
  }

  /** The Java charset of char/varchar data. */
  public Charset charset() {
    return wire.charset();
  }

  /**
   * The collation named {@code name}.
   *
   * @throws SqlException 448 "Invalid collation" when SQL Server would not know it either, or the
   *     server does not
   */
  public static SqlCollation named(String name) {
    String u = name.toUpperCase(Locale.ROOT);
    if (u.equals("DATABASE_DEFAULT")) {
      return DEFAULT;
    }
    int[] sql = SQL_COLLATIONS.get(u);
    if (sql != null) {
      int flags = sql[2] == 1 ? Collation.IGNORE_CASE : 0;
      if (u.endsWith("_AI")) {
        flags |= Collation.IGNORE_ACCENT;
      }
      if (!u.endsWith("_BIN")) {
        flags |= Collation.IGNORE_KANA | Collation.IGNORE_WIDTH;
      }
      return new SqlCollation(name, new Collation(sql[1], flags, 0, sql[0]), sql[2] == 1);
    }
    SqlCollation windows = windows(name, u);
    if (windows == null) {
      throw new SqlException(448, 16, 2, "Invalid collation '" + name + "'.", false);
    }
    return windows;
  }

  private static SqlCollation windows(String name, String u) {
    String[] parts = u.split("_");
    int i = parts.length;
    int flags = Collation.IGNORE_KANA | Collation.IGNORE_WIDTH;
    boolean ci = false;
    boolean bin = false;
    while (i > 0 && isFlag(parts[i - 1])) {
      String f = parts[--i];
      switch (f) {
        case "CI" -> ci = true;
        case "AI" -> flags |= Collation.IGNORE_ACCENT;
        case "KS" -> flags &= ~Collation.IGNORE_KANA;
        case "WS" -> flags &= ~Collation.IGNORE_WIDTH;
        case "UTF8" -> flags |= Collation.UTF8;
        case "BIN" -> bin = true;
        case "BIN2" -> {
          bin = true;
          flags |= Collation.BINARY2;
        }
        default -> {} // CS, AS, SC, VSS: defaults with no wire flag
      }
    }
    int version = 0;
    if (i > 0 && parts[i - 1].matches("\\d+")) {
      version =
          switch (parts[--i]) {
            case "90" -> 1;
            case "100" -> 2;
            case "140" -> 3;
            default -> -1;
          };
    }
    Integer lcid = LOCALES.get(String.join("_", java.util.Arrays.copyOf(parts, i)));
    if (lcid == null || version < 0 || i == parts.length) {
      return null;
    }
    if (bin) {
      flags = (flags & (Collation.UTF8 | Collation.BINARY2)) | Collation.BINARY;
      flags = (flags & Collation.BINARY2) != 0 ? flags & ~Collation.BINARY : flags;
      ci = false;
    }
    if (ci) {
      flags |= Collation.IGNORE_CASE;
    }
    return new SqlCollation(name, new Collation(lcid, flags, version, 0), ci);
  }

  private static boolean isFlag(String p) {
    return switch (p) {
      case "CI", "CS", "AI", "AS", "KS", "WS", "SC", "UTF8", "BIN", "BIN2", "VSS" -> true;
      default -> false;
    };
  }
}
