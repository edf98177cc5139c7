package io.jctds.jdbc;

import io.jctds.internal.params.ParamText;
import java.sql.SQLException;
import java.sql.SQLSyntaxErrorException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code {fn name(args)}} scalar functions (JDBC 4.3 appendix D) as T-SQL. The functions whose
 * T-SQL differs are mapped here (UCASE is UPPER, CONCAT is +, TIMESTAMPADD is DATEADD, ...); a
 * function T-SQL has under the same name (ABS, SUBSTRING, SOUNDEX, ...) and any other name is sent
 * as written, so that the server judges it. The names are those mssql-jdbc's DatabaseMetaData lists
 * (getNumericFunctions, getStringFunctions, getSystemFunctions, getTimeDateFunctions), plus
 * CONVERT, EXTRACT and the CURRENT_ functions of appendix D.
 */
final class EscapeFunctions {
  private static final Pattern CALL =
      Pattern.compile("(?s)([A-Za-z_][A-Za-z0-9_]*)\\s*(?:\\((.*)\\))?");
  private static final Pattern EXTRACT =
      Pattern.compile("(?is)(YEAR|MONTH|DAY|HOUR|MINUTE|SECOND)\\s+FROM\\s+(.+)");

  private record Rule(int minArgs, int maxArgs, Function<List<String>, String> sql) {}

  private static final Map<String, Rule> RULES =
      Map.ofEntries(
          // numeric
          Map.entry("ATAN2", rule(2, a -> "ATN2(" + a.get(0) + ", " + a.get(1) + ")")),
          Map.entry("MOD", rule(2, a -> "(" + operand(a.get(0)) + " % " + operand(a.get(1)) + ")")),
          Map.entry("TRUNCATE", rule(2, a -> "ROUND(" + a.get(0) + ", " + a.get(1) + ", 1)")),
          // string
          Map.entry(
              "CONCAT", rule(2, a -> "(" + operand(a.get(0)) + " + " + operand(a.get(1)) + ")")),
          Map.entry("INSERT", rule(4, a -> "STUFF(" + String.join(", ", a) + ")")),
          Map.entry("LCASE", rule(1, a -> "LOWER(" + a.get(0) + ")")),
          Map.entry("UCASE", rule(1, a -> "UPPER(" + a.get(0) + ")")),
          Map.entry("LENGTH", rule(1, a -> "LEN(" + a.get(0) + ")")),
          Map.entry("LOCATE", new Rule(2, 3, a -> "CHARINDEX(" + String.join(", ", a) + ")")),
          Map.entry("REPEAT", rule(2, a -> "REPLICATE(" + a.get(0) + ", " + a.get(1) + ")")),
          // system
          Map.entry("DATABASE", rule(0, a -> "DB_NAME()")),
          Map.entry("IFNULL", rule(2, a -> "ISNULL(" + a.get(0) + ", " + a.get(1) + ")")),
          Map.entry("USER", rule(0, a -> "USER_NAME()")),
          // time and date
          Map.entry("CURDATE", rule(0, a -> "CONVERT(date, GETDATE())")),
          Map.entry("CURRENT_DATE", rule(0, a -> "CONVERT(date, GETDATE())")),
          Map.entry("CURTIME", rule(0, a -> "CONVERT(time, GETDATE())")),
          Map.entry("CURRENT_TIME", rule(0, a -> "CONVERT(time, GETDATE())")),
          Map.entry("NOW", rule(0, a -> "GETDATE()")),
          Map.entry("CURRENT_TIMESTAMP", rule(0, a -> "GETDATE()")),
          Map.entry("DAYNAME", rule(1, a -> "DATENAME(weekday, " + a.get(0) + ")")),
          Map.entry("MONTHNAME", rule(1, a -> "DATENAME(month, " + a.get(0) + ")")),
          Map.entry("DAYOFMONTH", datePart("day")),
          Map.entry("DAYOFWEEK", datePart("weekday")),
          Map.entry("DAYOFYEAR", datePart("dayofyear")),
          Map.entry("HOUR", datePart("hour")),
          Map.entry("MINUTE", datePart("minute")),
          Map.entry("MONTH", datePart("month")),
          Map.entry("QUARTER", datePart("quarter")),
          Map.entry("SECOND", datePart("second")),
          Map.entry("WEEK", datePart("week")),
          Map.entry("YEAR", datePart("year")));

  private EscapeFunctions() {}

  private static Rule rule(int args, Function<List<String>, String> sql) {
    return new Rule(args, args, sql);
  }

  private static Rule datePart(String part) {
    return rule(1, a -> "DATEPART(" + part + ", " + a.get(0) + ")");
  }

  /** The T-SQL for {@code {fn text}}, the escape at {@code offset}. */
  static String translate(String text, int offset) throws SQLException {
    Matcher m = CALL.matcher(text);
    if (!m.matches()) {
      throw error("is not of the form {fn name(arguments)}: {fn " + text + "}", offset);
    }
    String name = m.group(1);
    String upper = name.toUpperCase(Locale.ROOT);
    List<String> args = m.group(2) == null ? List.of() : JdbcEscapes.splitArguments(m.group(2));
    return switch (upper) {
      case "TIMESTAMPADD" -> timestamp("DATEADD", name, args, offset);
      case "TIMESTAMPDIFF" -> timestamp("DATEDIFF", name, args, offset);
      case "CONVERT" -> convert(args, offset);
      case "EXTRACT" -> extract(args, offset);
      default -> byRule(name, upper, args, offset);
    };
  }

  private static String byRule(String name, String upper, List<String> args, int offset)
      throws SQLException {
    Rule r = RULES.get(upper);
    if (r == null) {
      return name + "(" + String.join(", ", args) + ")";
    }
    checkArity(name, args, r.minArgs(), r.maxArgs(), offset);
    return r.sql().apply(args);
  }

  private static void checkArity(String name, List<String> args, int min, int max, int offset)
      throws SQLException {
    if (args.size() < min || args.size() > max) {
      String expected = min == max ? String.valueOf(min) : min + " to " + max;
      throw error(
          "calls "
              + name
              + " with "
              + args.size()
              + " argument(s); JDBC's "
              + name
              + " takes "
              + expected,
          offset);
    }
  }

  /** TIMESTAMPADD / TIMESTAMPDIFF(SQL_TSI_interval, a, b) as DATEADD / DATEDIFF(part, a, b). */
  private static String timestamp(String function, String name, List<String> args, int offset)
      throws SQLException {
    checkArity(name, args, 3, 3, offset);
    String interval = args.get(0).toUpperCase(Locale.ROOT);
    if (interval.startsWith("SQL_TSI_")) {
      interval = interval.substring("SQL_TSI_".length());
    }
    String part =
        switch (interval) {
          case "FRAC_SECOND" -> "nanosecond"; // ODBC: billionths of a second
          case "SECOND" -> "second";
          case "MINUTE" -> "minute";
          case "HOUR" -> "hour";
          case "DAY" -> "day";
          case "WEEK" -> "week";
          case "MONTH" -> "month";
          case "QUARTER" -> "quarter";
          case "YEAR" -> "year";
          default ->
              throw error(
                  "names the interval "
                      + args.get(0)
                      + " in "
                      + name
                      + "; JDBC's intervals are SQL_TSI_FRAC_SECOND, SQL_TSI_SECOND,"
                      + " SQL_TSI_MINUTE, SQL_TSI_HOUR, SQL_TSI_DAY, SQL_TSI_WEEK, SQL_TSI_MONTH,"
                      + " SQL_TSI_QUARTER and SQL_TSI_YEAR",
                  offset);
        };
    return function + "(" + part + ", " + args.get(1) + ", " + args.get(2) + ")";
  }

  /** CONVERT(value, SQLtype) as CONVERT(T-SQL type, value). */
  private static String convert(List<String> args, int offset) throws SQLException {
    checkArity("CONVERT", args, 2, 2, offset);
    String type = args.get(1).toUpperCase(Locale.ROOT);
    if (type.startsWith("SQL_")) {
      type = type.substring(4);
    }
    String target = convertTarget(type);
    if (target == null) {
      throw error(
          "converts to "
              + args.get(1)
              + ", which is not one of JDBC's CONVERT types (BIGINT, BINARY, BIT, BLOB, CHAR,"
              + " CLOB, DATE, DECIMAL, DOUBLE, FLOAT, INTEGER, LONGVARBINARY, LONGVARCHAR,"
              + " NCHAR, NVARCHAR, NUMERIC, REAL, SMALLINT, TIME, TIMESTAMP, TINYINT,"
              + " VARBINARY, VARCHAR)",
          offset);
    }
    return "CONVERT(" + target + ", " + args.get(0) + ")";
  }

  /**
   * The T-SQL type for a JDBC CONVERT type (java.sql.Types names, with ODBC's SQL_ prefix
   * optional). Variable-length targets are (max): CONVERT(varchar, x) would cut at 30 characters;
   * decimal and numeric keep SQL Server's default precision and scale (18, 0).
   */
  static String convertTarget(String type) {
    return switch (type) {
      case "BIGINT" -> "bigint";
      case "BINARY" -> "binary";
      case "BIT", "BOOLEAN" -> "bit";
      case "CHAR" -> "char";
      case "NCHAR", "WCHAR" -> "nchar";
      case "DATE", "TYPE_DATE" -> "date";
      case "DECIMAL" -> "decimal";
      case "NUMERIC" -> "numeric";
      case "DOUBLE", "FLOAT" -> "float";
      case "REAL" -> "real";
      case "INTEGER" -> "int";
      case "SMALLINT" -> "smallint";
      case "TINYINT" -> "tinyint";
      case "TIME", "TYPE_TIME" -> "time";
      case "TIMESTAMP", "TYPE_TIMESTAMP" -> "datetime2";
      case "VARBINARY", "LONGVARBINARY", "BLOB" -> "varbinary(max)";
      case "VARCHAR", "LONGVARCHAR", "CLOB" -> "varchar(max)";
      case "NVARCHAR", "LONGNVARCHAR", "WVARCHAR", "WLONGVARCHAR", "NCLOB" -> "nvarchar(max)";
      case "GUID" -> "uniqueidentifier";
      default -> null;
    };
  }

  /** EXTRACT(field FROM source) as DATEPART(field, source). */
  private static String extract(List<String> args, int offset) throws SQLException {
    Matcher m = args.size() == 1 ? EXTRACT.matcher(args.get(0)) : null;
    if (m == null || !m.matches()) {
      throw error(
          "is not of the form EXTRACT(YEAR | MONTH | DAY | HOUR | MINUTE | SECOND FROM source)",
          offset);
    }
    return "DATEPART(" + m.group(1).toLowerCase(Locale.ROOT) + ", " + m.group(2).strip() + ")";
  }

  /**
   * {@code arg} as an operand of a T-SQL operator: as it is when it is one term (a name, literal,
   * marker, function call or parenthesised expression), else in parentheses.
   */
  static String operand(String arg) {
    int depth = 0;
    int i = 0;
    while (i < arg.length()) {
      char c = arg.charAt(i);
      int j = ParamText.skipQuoted(arg, i, c);
      if (j > i) {
        i = j;
        continue;
      }
      if (c == '(') {
        depth++;
      } else if (c == ')') {
        depth--;
      } else if (depth == 0 && (Character.isWhitespace(c) || "+-*/%&|^<>=!~".indexOf(c) >= 0)) {
        return "(" + arg + ")";
      }
      i++;
    }
    return arg;
  }

  private static SQLException error(String what, int offset) {
    return new SQLSyntaxErrorException(
        "JDBC {fn ...} escape at offset " + offset + " " + what, "42000");
  }
}
