package io.jctds.server.functions;

import io.jctds.server.sql.SqlException;
import io.jctds.server.types.SqlLike;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.Types;
import java.util.Locale;
import org.h2.tools.SimpleResultSet;

/**
 * String functions H2 lacks or does differently, with SQL Server's semantics ("String functions
 * (Transact-SQL)"). Registered in H2 as {@code "jctds"."name"}; a NULL argument gives NULL.
 */
public final class TextFunctions {
  private TextFunctions() {}

  /** The MAXRECURSION check of a recursive CTE's recursive member: 1, or error 530. */
  public static Integer recursion(Integer level, Integer max) {
    if (level != null && max != null && max > 0 && level > max) {
      throw new SqlException(
          530,
          16,
          1,
          "The statement terminated. The maximum recursion "
              + max
              + " has been exhausted before statement completion.",
          false);
    }
    return 1;
  }

  /** The longest string value the server builds (SQL Server allows 2 GB; a test server less). */
  public static final int MAX_STRING = 100_000_000;

  /**
   * REPLICATE(s, n) and SPACE(n): NULL for a negative count; cut at {@code limit} characters (8000,
   * or 4000 for Unicode) unless the input is a (max) type ({@code limit} -1), as SQL Server cuts; a
   * (max) result beyond {@link #MAX_STRING} characters is an error rather than exhausting the
   * server's memory.
   */
  public static String replicate(String s, Long n, Integer limit) {
    if (s == null || n == null || n < 0) {
      return null;
    }
    long total = n * (long) s.length();
    long cap = limit == null || limit < 0 ? MAX_STRING : limit;
    if (total > cap && (limit == null || limit < 0)) {
      throw new SqlException(
          40517,
          16,
          1,
          "Keyword or statement option 'a string of more than "
              + MAX_STRING
              + " characters' is not supported in this version of SQL Server (the jctds server"
              + " keeps values in memory).",
          false);
    }
    int length = (int) Math.min(total, cap);
    StringBuilder sb = new StringBuilder(length);
    while (sb.length() < length && !s.isEmpty()) {
      sb.append(s, 0, Math.min(s.length(), length - sb.length()));
    }
    return sb.toString();
  }

  /** LIKE with a non-constant pattern. */
  public static Boolean like(String value, String pattern, String escape, boolean ci) {
    if (value == null || pattern == null) {
      return null;
    }
    return SqlLike.matches(value, pattern, escape, ci);
  }

  /** REPLACE: case-insensitive under a CI collation. */
  public static String replace(String s, String from, String to, boolean ci) {
    if (s == null || from == null || to == null) {
      return null;
    }
    if (from.isEmpty()) {
      return s;
    }
    if (!ci) {
      return s.replace(from, to);
    }
    StringBuilder sb = new StringBuilder();
    String ls = s.toLowerCase(Locale.ROOT);
    String lf = from.toLowerCase(Locale.ROOT);
    int at = 0;
    int i;
    while ((i = ls.indexOf(lf, at)) >= 0) {
      sb.append(s, at, i).append(to);
      at = i + from.length();
    }
    return sb.append(s, at, s.length()).toString();
  }

  /**
   * SUBSTRING(s, start, length): characters start..start+length-1, where positions before 1 count
   * but return nothing; a negative length is error 537.
   */
  public static String substring(String s, long start, long length) {
    if (s == null) {
      return null;
    }
    if (length < 0) {
      throw new SqlException(
          537, 16, 3, "Invalid length parameter passed to the LEFT or SUBSTRING function.", false);
    }
    long from = Math.max(start, 1);
    long to = Math.min(start + length, (long) s.length() + 1);
    if (to <= from) {
      return "";
    }
    return s.substring((int) from - 1, (int) to - 1);
  }

  /** REVERSE. */
  public static String reverse(String s) {
    return s == null ? null : new StringBuilder(s).reverse().toString();
  }

  /** STUFF(s, start, length, with): NULL when start or length is out of range. */
  public static String stuff(String s, Integer start, Integer length, String with) {
    if (s == null || start == null || length == null) {
      return null;
    }
    if (start < 1 || start > s.length() || length < 0) {
      return null;
    }
    int end = Math.min(s.length(), start - 1 + length);
    return s.substring(0, start - 1) + (with == null ? "" : with) + s.substring(end);
  }

  /** QUOTENAME(s, q): NULL for input over 128 characters or an unknown quote character. */
  public static String quotename(String s, String q) {
    if (s == null || q == null || s.length() > 128) {
      return null;
    }
    return switch (q) {
      case "[", "]" -> "[" + s.replace("]", "]]") + "]";
      case "\"" -> "\"" + s.replace("\"", "\"\"") + "\"";
      case "'" -> "'" + s.replace("'", "''") + "'";
      case "(", ")" -> "(" + s + ")";
      case "<", ">" -> "<" + s + ">";
      case "{", "}" -> "{" + s + "}";
      case "`" -> "`" + s + "`";
      default -> null;
    };
  }

  /** UNICODE(s): the code point of the first character. */
  public static Integer unicode(String s) {
    if (s == null || s.isEmpty()) {
      return null;
    }
    return s.codePointAt(0);
  }

  /** PATINDEX(pattern, s): 1-based start of the first match of a LIKE pattern, 0 when none. */
  public static Long patindex(String pattern, String s, boolean ci) {
    if (pattern == null || s == null) {
      return null;
    }
    String p = pattern;
    boolean anchoredStart = !p.startsWith("%");
    String core = p.startsWith("%") ? p.substring(1) : p;
    String regex = SqlLike.toRegex(core, null);
    regex = regex.substring(1, regex.length() - 1); // unanchor
    int flags =
        java.util.regex.Pattern.DOTALL
            | (ci
                ? java.util.regex.Pattern.CASE_INSENSITIVE | java.util.regex.Pattern.UNICODE_CASE
                : 0);
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile((anchoredStart ? "^" : "") + "(" + regex + ")", flags)
            .matcher(s);
    return m.find() ? (long) m.start() + 1 : 0L;
  }

  /** STR(f, length, decimals): right-aligned, or asterisks when it does not fit. */
  public static String str(Double f, Integer length, Integer decimals) {
    if (f == null || length == null || decimals == null) {
      return null;
    }
    if (length <= 0 || length > 8000) {
      return null;
    }
    int d = Math.max(0, Math.min(decimals, 16));
    String s =
        new java.math.BigDecimal(f).setScale(d, java.math.RoundingMode.HALF_UP).toPlainString();
    while (s.length() > length && d > 0) {
      d--;
      s = new java.math.BigDecimal(f).setScale(d, java.math.RoundingMode.HALF_UP).toPlainString();
    }
    if (s.length() > length) {
      return "*".repeat(length);
    }
    return " ".repeat(length - s.length()) + s;
  }

  /** A Unicode string stored in a code page: characters it lacks become '?'. */
  public static String codepage(String s, String charset) {
    if (s == null) {
      return null;
    }
    Charset cs = Charset.forName(charset);
    CharsetEncoder enc =
        cs.newEncoder()
            .onUnmappableCharacter(CodingErrorAction.REPLACE)
            .onMalformedInput(CodingErrorAction.REPLACE)
            .replaceWith(new byte[] {'?'});
    try {
      return cs.decode(enc.encode(java.nio.CharBuffer.wrap(s))).toString();
    } catch (java.nio.charset.CharacterCodingException e) {
      return s;
    }
  }

  /** ISNUMERIC: 1 when the string converts to a number (int, money, decimal or float). */
  public static Integer isnumeric(String s) {
    if (s == null) {
      return 0;
    }
    String t = s.trim();
    if (t.isEmpty() || t.equals("+") || t.equals("-") || t.equals(".")) {
      return t.isEmpty() ? 0 : 1;
    }
    String n = t.startsWith("$") ? t.substring(1) : t;
    n = n.replace(",", "");
    return n.matches("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eEdD][+-]?\\d+)?") ? 1 : 0;
  }

  /** HASHBYTES over binary data. */
  public static byte[] hashbytes(String algorithm, byte[] value) {
    if (algorithm == null || value == null) {
      return null;
    }
    return hash(algorithm, value);
  }

  private static byte[] hash(String algorithm, byte[] data) {
    String java =
        switch (algorithm.toUpperCase(Locale.ROOT)) {
          case "MD5" -> "MD5";
          case "SHA", "SHA1" -> "SHA-1";
          case "SHA2_256" -> "SHA-256";
          case "SHA2_512" -> "SHA-512";
          default -> null;
        };
    if (java == null) {
      return null;
    }
    try {
      return MessageDigest.getInstance(java).digest(data);
    } catch (NoSuchAlgorithmException e) {
      return null;
    }
  }

  /**
   * FORMAT(value, format[, culture]) for the common .NET formats: standard numeric formats (N, F,
   * D, C, P, X with a precision), custom numeric patterns (#,##0.00) and custom date and time
   * patterns (yyyy-MM-dd HH:mm:ss.fff tt). The culture is en-US whatever is given.
   */
  public static String format(String value, String kind, String format, String culture) {
    if (value == null || format == null) {
      return null;
    }
    io.jctds.server.types.SqlType t = io.jctds.server.types.SqlType.parse(kind);
    try {
      if (t.base().isTemporal()) {
        java.time.OffsetDateTime v = TemporalFunctions.fromH2(value);
        String pattern =
            format
                .replace("fff", "SSS")
                .replace("ff", "SS")
                .replace("tt", "a")
                .replace("dddd", "EEEE")
                .replace("ddd", "EEE");
        if (format.length() == 1) {
          pattern =
              switch (format) {
                case "d" -> "M/d/yyyy";
                case "D" -> "EEEE, MMMM d, yyyy";
                case "t" -> "h:mm a";
                case "T" -> "h:mm:ss a";
                case "g" -> "M/d/yyyy h:mm a";
                case "G" -> "M/d/yyyy h:mm:ss a";
                default -> "M/d/yyyy h:mm:ss a";
              };
        }
        return java.time.format.DateTimeFormatter.ofPattern(pattern, Locale.US)
            .format(
                t.base() == io.jctds.server.types.SqlBase.DATETIMEOFFSET ? v : v.toLocalDateTime());
      }
      return number(new java.math.BigDecimal(value.trim()), format);
    } catch (IllegalArgumentException | java.time.DateTimeException e) {
      return null;
    }
  }

  private static String number(java.math.BigDecimal v, String format) {
    char kind = Character.toUpperCase(format.charAt(0));
    String digits = format.substring(1);
    boolean standard = "NFDCPXE".indexOf(kind) >= 0 && digits.matches("\\d{0,2}");
    if (!standard) {
      return new java.text.DecimalFormat(
              format, java.text.DecimalFormatSymbols.getInstance(Locale.US))
          .format(v);
    }
    int n = digits.isEmpty() ? (kind == 'D' || kind == 'X' ? 0 : 2) : Integer.parseInt(digits);
    return switch (kind) {
      case 'N' -> String.format(Locale.US, "%,." + n + "f", v);
      case 'F' -> String.format(Locale.US, "%." + n + "f", v);
      case 'D' -> String.format(Locale.US, "%0" + Math.max(n, 1) + "d", v.toBigInteger());
      case 'C' ->
          (v.signum() < 0 ? "-$" : "$") + String.format(Locale.US, "%,." + n + "f", v.abs());
      case 'P' -> String.format(Locale.US, "%,." + n + "f", v.movePointRight(2)) + "%";
      case 'X' ->
          String.format(
              "%0" + Math.max(n, 1) + (format.charAt(0) == 'x' ? "x" : "X"), v.toBigInteger());
      default -> String.format(Locale.US, "%." + n + "E", v);
    };
  }

  /** STRING_SPLIT(s, separator): a table of (value, ordinal). */
  public static ResultSet stringSplit(String s, String separator) {
    SimpleResultSet rs = new SimpleResultSet();
    rs.addColumn("value", Types.VARCHAR, Integer.MAX_VALUE, 0);
    rs.addColumn("ordinal", Types.BIGINT, 19, 0);
    if (s == null || separator == null) {
      return rs;
    }
    if (separator.length() != 1) {
      throw new SqlException(
          214,
          16,
          11,
          "Procedure expects parameter 'separator' of type 'nchar(1)/nvarchar(1)'.",
          false);
    }
    long ordinal = 1;
    int at = 0;
    while (true) {
      int i = s.indexOf(separator.charAt(0), at);
      rs.addRow(i < 0 ? s.substring(at) : s.substring(at, i), ordinal++);
      if (i < 0) {
        return rs;
      }
      at = i + 1;
    }
  }
}
