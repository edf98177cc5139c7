package io.jctds.server.tsql;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns fuzz bytes into T-SQL that the parser accepts, over the schema of {@link
 * TranslatorFuzzTest}: queries, DML, variables and the expressions, functions, conversions and
 * literals of every SQL Server type, so that libFuzzer's mutations land in the binder and the
 * translator rather than in the parser's error paths. Each byte picks one choice; past the end of
 * the data every choice is the first (the shortest statement), so any input gives a statement.
 */
final class StatementGenerator {
  /** Columns of {@code all_types}: name and SQL Server type, one per type. */
  static final String[][] COLUMNS = {
    {"c_bit", "bit"},
    {"c_tinyint", "tinyint"},
    {"c_smallint", "smallint"},
    {"c_int", "int"},
    {"c_bigint", "bigint"},
    {"c_decimal", "decimal(18,4)"},
    {"c_numeric", "numeric(38,0)"},
    {"c_money", "money"},
    {"c_smallmoney", "smallmoney"},
    {"c_float", "float"},
    {"c_real", "real"},
    {"c_date", "date"},
    {"c_time", "time(7)"},
    {"c_datetime", "datetime"},
    {"c_datetime2", "datetime2(3)"},
    {"c_smalldatetime", "smalldatetime"},
    {"c_dto", "datetimeoffset(7)"},
    {"c_char", "char(10)"},
    {"c_varchar", "varchar(50)"},
    {"c_varcharmax", "varchar(max)"},
    {"c_nchar", "nchar(10)"},
    {"c_nvarchar", "nvarchar(50)"},
    {"c_nvarcharmax", "nvarchar(max)"},
    {"c_binary", "binary(8)"},
    {"c_varbinary", "varbinary(50)"},
    {"c_varbinarymax", "varbinary(max)"},
    {"c_guid", "uniqueidentifier"},
    {"c_text", "text"},
    {"c_ntext", "ntext"},
    {"c_image", "image"},
    {"c_variant", "sql_variant"},
  };

  private static final String[] ORDER_COLUMNS = {"id", "all_id", "qty", "note", "placed"};

  private static final String[] TYPES = {
    "bit",
    "tinyint",
    "smallint",
    "int",
    "bigint",
    "decimal(10,2)",
    "numeric(38,10)",
    "money",
    "smallmoney",
    "float",
    "real",
    "date",
    "time(3)",
    "datetime",
    "datetime2(7)",
    "smalldatetime",
    "datetimeoffset(2)",
    "char(5)",
    "varchar(20)",
    "varchar(max)",
    "nchar(5)",
    "nvarchar(30)",
    "nvarchar(max)",
    "binary(4)",
    "varbinary(16)",
    "varbinary(max)",
    "uniqueidentifier",
    "sql_variant",
    "decimal(38,38)",
    "varchar(1)"
  };

  private static final String[] LITERALS = {
    "0",
    "1",
    "-1",
    "255",
    "256",
    "32767",
    "-32768",
    "2147483647",
    "2147483648",
    "-9223372036854775808",
    "9223372036854775807",
    "1.5",
    "-0.001",
    "123456789012345678901234567890.12345678",
    "1e308",
    "1.5E-7",
    "'abc'",
    "'  padded  '",
    "N'\u00fcn\u00ef \u4e2d'",
    "''",
    "'2024-02-29'",
    "'2024-02-30'",
    "'23:59:59.9999999'",
    "'2020-01-02T03:04:05.1234567+05:30'",
    "'1753-01-01'",
    "'9999-12-31 23:59:59.997'",
    "'6F9619FF-8B86-D011-B42D-00C04FC964FF'",
    "'not a number'",
    "'12.5'",
    "0x",
    "0x00FF",
    "0xDEADBEEF",
    "NULL",
    "$12.34",
    "-$0.0001",
    "CAST(NULL AS int)",
    "'%a_'",
    "N'[a-c]%'"
  };

  private static final String[] UNARY = {
    "LEN",
    "DATALENGTH",
    "UPPER",
    "LOWER",
    "LTRIM",
    "RTRIM",
    "TRIM",
    "REVERSE",
    "ABS",
    "SIGN",
    "FLOOR",
    "CEILING",
    "ISNUMERIC",
    "YEAR",
    "MONTH",
    "DAY",
    "EOMONTH",
    "QUOTENAME",
    "UNICODE",
    "ASCII",
    "CHAR",
    "NCHAR",
    "SPACE",
    "SQRT",
    "EXP",
    "LOG10",
    "SOUNDEX",
    "ISDATE"
  };

  private static final String[] BINARY = {
    "ISNULL",
    "NULLIF",
    "CONCAT",
    "LEFT",
    "RIGHT",
    "REPLICATE",
    "CHARINDEX",
    "ROUND",
    "POWER",
    "PATINDEX",
    "DIFFERENCE",
    "ATN2",
    "STRING_ESCAPE"
  };

  private static final String[] DATE_PARTS = {
    "year",
    "quarter",
    "month",
    "dayofyear",
    "day",
    "week",
    "weekday",
    "hour",
    "minute",
    "second",
    "millisecond",
    "microsecond",
    "nanosecond",
    "iso_week",
    "tzoffset"
  };

  private static final String[] OPERATORS = {"+", "-", "*", "/", "%", "&", "|", "^"};
  private static final String[] COMPARISONS = {"=", "<>", "<", ">", "<=", ">=", "!="};
  private static final String[] AGGREGATES = {"COUNT", "SUM", "AVG", "MIN", "MAX", "COUNT_BIG"};

  private final byte[] data;
  private int pos;
  private List<String> scope = List.of();

  StatementGenerator(byte[] data) {
    this.data = data;
  }

  private int next(int bound) {
    if (bound <= 1 || pos >= data.length) {
      pos++;
      return 0;
    }
    return (data[pos++] & 0xff) % bound;
  }

  private <T> T pick(T[] choices) {
    return choices[next(choices.length)];
  }

  private boolean exhausted() {
    return pos >= data.length;
  }

  /** One to three statements, one per line. */
  String batch() {
    List<String> out = new ArrayList<>();
    int n = 1 + next(3);
    for (int i = 0; i < n; i++) {
      out.add(statement());
    }
    return String.join("\n", out);
  }

  private String statement() {
    return switch (next(7)) {
      case 0 -> select(2);
      case 1 -> insert();
      case 2 -> update();
      case 3 -> delete();
      case 4 -> variable();
      case 5 -> tableVariable();
      default -> "IF " + predicate(1) + " " + select(1) + " ELSE PRINT " + expr(1);
    };
  }

  private static List<String> allTypes(String alias) {
    List<String> cols = new ArrayList<>();
    cols.add(alias + "id");
    for (String[] c : COLUMNS) {
      cols.add(alias + c[0]);
    }
    return cols;
  }

  private static List<String> orders(String alias) {
    List<String> cols = new ArrayList<>();
    for (String c : ORDER_COLUMNS) {
      cols.add(alias + c);
    }
    return cols;
  }

  /** A FROM clause; sets the columns expressions may use. */
  private String from(int depth) {
    switch (depth > 0 ? next(6) : 0) {
      case 1 -> {
        scope = orders("");
        return " FROM orders";
      }
      case 2, 3 -> {
        List<String> both = new ArrayList<>(allTypes("a."));
        both.addAll(orders("o."));
        scope = both;
        String join = pick(new String[] {"JOIN", "LEFT JOIN", "RIGHT JOIN", "FULL JOIN"});
        return " FROM all_types a " + join + " orders o ON o.all_id = a.id";
      }
      case 4 -> {
        String inner = select(depth - 1);
        scope = List.of("d.v");
        return " FROM (SELECT " + expr(0) + " AS v) AS d WHERE EXISTS (" + inner + ")";
      }
      case 5 -> {
        scope = List.of("vt.v");
        return " FROM (VALUES (" + literal() + "), (" + literal() + ")) AS vt(v)";
      }
      default -> {
        scope = allTypes("");
        return " FROM all_types";
      }
    }
  }

  private String select(int depth) {
    int form = next(8);
    if (form == 0 || depth <= 0) {
      scope = List.of();
      return "SELECT " + expr(1) + (exhausted() ? "" : ", " + expr(1));
    }
    String from = from(depth);
    StringBuilder s = new StringBuilder("SELECT ");
    if (form == 1) {
      s.append("DISTINCT ");
    } else if (form == 2) {
      s.append("TOP (").append(next(4)).append(") ");
    }
    String key = column();
    if (form == 3) {
      s.append(key)
          .append(", ")
          .append(pick(AGGREGATES))
          .append('(')
          .append(next(2) == 0 ? "*" : key)
          .append(')');
      s.append(from).append(" GROUP BY ").append(key);
      return s.append(" HAVING COUNT(*) > ").append(next(3)).toString();
    }
    s.append(expr(2)).append(" AS x, ").append(window(key));
    s.append(from);
    if (next(2) == 1) {
      s.append(" WHERE ").append(predicate(2));
    }
    if (form == 4) {
      s.append(" ORDER BY ").append(key).append(" OFFSET ").append(next(3));
      s.append(" ROWS FETCH NEXT ").append(1 + next(3)).append(" ROWS ONLY");
    } else if (form == 5) {
      scope = List.of();
      s.append(pick(new String[] {" UNION ", " UNION ALL ", " EXCEPT ", " INTERSECT "}));
      s.append("SELECT ").append(expr(1)).append(", ").append(expr(0));
    } else if (form == 6) {
      return "WITH c AS (" + s + ") SELECT TOP (3) * FROM c";
    }
    return s.toString();
  }

  private String window(String key) {
    return switch (next(4)) {
      case 0 -> "ROW_NUMBER() OVER (ORDER BY " + key + ")";
      case 1 -> "RANK() OVER (PARTITION BY " + column() + " ORDER BY " + key + " DESC)";
      case 2 -> "SUM(" + column() + ") OVER ()";
      default -> "LAG(" + key + ") OVER (ORDER BY " + key + ")";
    };
  }

  private String column() {
    return scope.isEmpty() ? literal() : scope.get(next(scope.size()));
  }

  private String literal() {
    return pick(LITERALS);
  }

  String expr(int depth) {
    if (depth <= 0) {
      return next(2) == 0 ? column() : literal();
    }
    int d = depth - 1;
    return switch (next(16)) {
      case 0, 1 -> column();
      case 2 -> literal();
      case 3 -> expr(d) + " " + pick(OPERATORS) + " " + expr(d);
      case 4 -> pick(UNARY) + "(" + expr(d) + ")";
      case 5 -> pick(BINARY) + "(" + expr(d) + ", " + expr(d) + ")";
      case 6 -> "CAST(" + expr(d) + " AS " + pick(TYPES) + ")";
      case 7 -> "CONVERT(" + pick(TYPES) + ", " + expr(d) + ", " + next(127) + ")";
      case 8 -> "TRY_CONVERT(" + pick(TYPES) + ", " + expr(d) + ")";
      case 9 -> "CASE WHEN " + predicate(d) + " THEN " + expr(d) + " ELSE " + expr(d) + " END";
      case 10 -> "COALESCE(" + expr(d) + ", " + expr(d) + ", " + literal() + ")";
      case 11 -> dateFunction(d);
      case 12 -> "SUBSTRING(" + expr(d) + ", " + next(4) + ", " + next(6) + ")";
      case 13 -> "IIF(" + predicate(d) + ", " + expr(d) + ", " + expr(d) + ")";
      case 14 -> "-" + expr(d);
      default -> "REPLACE(" + expr(d) + ", " + literal() + ", " + expr(d) + ")";
    };
  }

  private String dateFunction(int d) {
    String part = pick(DATE_PARTS);
    return switch (next(6)) {
      case 0 -> "DATEADD(" + part + ", " + expr(d) + ", " + expr(d) + ")";
      case 1 -> "DATEDIFF(" + part + ", " + expr(d) + ", " + expr(d) + ")";
      case 2 -> "DATEPART(" + part + ", " + expr(d) + ")";
      case 3 -> "DATENAME(" + part + ", " + expr(d) + ")";
      case 4 ->
          "FORMAT(" + expr(d) + ", " + pick(new String[] {"'N2'", "'yyyy-MM-dd'", "'C'"}) + ")";
      default -> "STR(" + expr(d) + ", " + next(12) + ", " + next(5) + ")";
    };
  }

  private String predicate(int depth) {
    int d = Math.max(depth - 1, 0);
    return switch (depth <= 0 ? 0 : next(8)) {
      case 1 -> expr(d) + " IS " + (next(2) == 0 ? "" : "NOT ") + "NULL";
      case 2 -> expr(d) + " IN (" + literal() + ", " + literal() + ")";
      case 3 -> expr(d) + " BETWEEN " + expr(d) + " AND " + expr(d);
      case 4 -> expr(d) + (next(2) == 0 ? " LIKE " : " NOT LIKE ") + expr(d);
      case 5 -> "NOT (" + predicate(d) + ")";
      case 6 -> predicate(d) + (next(2) == 0 ? " AND " : " OR ") + predicate(d);
      case 7 ->
          "EXISTS (SELECT 1 FROM orders WHERE qty " + pick(COMPARISONS) + " " + literal() + ")";
      default -> expr(d) + " " + pick(COMPARISONS) + " " + expr(d);
    };
  }

  private String insert() {
    scope = List.of();
    int n = 1 + next(3);
    List<String> cols = new ArrayList<>();
    List<String> values = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      cols.add(pick(COLUMNS)[0]);
      values.add(expr(1));
    }
    String head = "INSERT INTO all_types (" + String.join(", ", cols) + ")";
    String output = next(2) == 0 ? "" : " OUTPUT inserted." + cols.get(0);
    if (next(3) == 0) {
      scope = allTypes("");
      return head + output + " SELECT TOP (2) " + String.join(", ", cols) + " FROM all_types";
    }
    return head + output + " VALUES (" + String.join(", ", values) + ")";
  }

  private String update() {
    scope = allTypes("");
    String col = pick(COLUMNS)[0];
    String set = col + " = " + expr(2);
    if (next(2) == 1) {
      set += ", " + pick(COLUMNS)[0] + " = " + expr(1);
    }
    String output = next(2) == 0 ? "" : " OUTPUT deleted." + col + ", inserted." + col;
    return "UPDATE all_types SET " + set + output + " WHERE " + predicate(2);
  }

  private String delete() {
    scope = orders("");
    String top = next(2) == 0 ? "" : "TOP (1) ";
    return "DELETE " + top + "FROM orders WHERE " + predicate(2);
  }

  private String variable() {
    String type = pick(TYPES);
    scope = List.of();
    String init = expr(2);
    return "DECLARE @v "
        + type
        + " = "
        + init
        + "; SET @v = "
        + pick(new String[] {"@v", "NULL", init})
        + "; SELECT @v, "
        + pick(UNARY)
        + "(@v), SQL_VARIANT_PROPERTY(@v, 'BaseType')";
  }

  private String tableVariable() {
    String type = pick(TYPES);
    scope = List.of();
    String value = expr(2);
    return "DECLARE @t TABLE (k int IDENTITY, v "
        + type
        + "); INSERT INTO @t (v) VALUES ("
        + value
        + "); SELECT k, v, CAST(v AS nvarchar(max)) FROM @t";
  }
}
