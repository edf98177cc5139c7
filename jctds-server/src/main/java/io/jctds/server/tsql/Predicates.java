package io.jctds.server.tsql;

import io.jctds.server.sql.SqlException;
import io.jctds.server.types.SqlBase;
import io.jctds.server.types.SqlCollation;
import io.jctds.server.types.SqlType;
import io.jctds.server.types.TypeRules;
import java.util.ArrayList;
import java.util.List;

/**
 * Comparisons, LIKE and IN with SQL Server's semantics where H2's differ: character comparisons
 * ignore trailing spaces ("How SQL Server compares strings with trailing spaces", KB 316626 and the
 * ANSI/ISO SQL-92 padding rule) and case under a case-insensitive collation; uniqueidentifier
 * orders by SQL Server's byte groups; LIKE knows [ranges] and has no default escape character.
 */
final class Predicates {
  private Predicates() {}

  static Sql compare(ExprTranslator t, String op, Sql l, Sql r) {
    String o =
        switch (op) {
          case "!=" -> "<>";
          case "!<" -> ">=";
          case "!>" -> "<=";
          default -> op;
        };
    if (isString(l) && isString(r) && (l.type() != null || r.type() != null)) {
      boolean ci = ignoreCase(l, r);
      return Sql.predicate("(" + normal(l, ci) + " " + o + " " + normal(r, ci) + ")");
    }
    SqlType target = TypeRules.higher(l.type(), r.type());
    Sql a = Conversions.implicit(t, l, target);
    Sql b = Conversions.implicit(t, r, target);
    if (target != null
        && target.base() == SqlBase.UNIQUEIDENTIFIER
        && !o.equals("=")
        && !o.equals("<>")) {
      return Sql.predicate("(" + guidKey(a.text()) + " " + o + " " + guidKey(b.text()) + ")");
    }
    return Sql.predicate("(" + a.text() + " " + o + " " + b.text() + ")");
  }

  /** The sort key of a uniqueidentifier in SQL Server's order. */
  static String guidKey(String text) {
    return "\"jctds\".\"guid_order\"(" + text + ")";
  }

  private static boolean isString(Sql s) {
    return s.type() == null
        ? s.kind() == Sql.Kind.LITERAL || s.kind() == Sql.Kind.PARAMETER
        : s.type().base().isString();
  }

  /**
   * Whether a comparison of {@code l} and {@code r} ignores case: by "Collation precedence", an
   * explicit COLLATE wins over a column's collation, which wins over the default of literals and
   * variables.
   */
  static boolean ignoreCase(Sql l, Sql r) {
    SqlCollation c = null;
    for (Sql.Kind k : new Sql.Kind[] {Sql.Kind.COLLATED, Sql.Kind.COLUMN}) {
      if (c == null && l.kind() == k) {
        c = collation(l);
      }
      if (c == null && r.kind() == k) {
        c = collation(r);
      }
    }
    if (c == null) {
      c = collation(l) != null ? collation(l) : collation(r);
    }
    return c == null || c.ignoreCase();
  }

  private static SqlCollation collation(Sql s) {
    return s.type() == null ? null : s.type().collation();
  }

  /**
   * A character operand ready for comparison: trailing spaces removed (folded into a literal), and
   * VARCHAR_IGNORECASE under a case-insensitive collation.
   */
  static String normal(Sql s, boolean ci) {
    String v = Literals.stringValue(s);
    String text = v != null ? Literals.quote(rtrimSpaces(v)) : "RTRIM(" + s.text() + ")";
    return ci ? "CAST(" + text + " AS VARCHAR_IGNORECASE)" : "CAST(" + text + " AS VARCHAR)";
  }

  /** {@code s} without trailing spaces (only U+0020, as SQL Server pads with spaces). */
  static String rtrimSpaces(String s) {
    int end = s.length();
    while (end > 0 && s.charAt(end - 1) == ' ') {
      end--;
    }
    return s.substring(0, end);
  }

  static Sql like(ExprTranslator t, Expr.Like l) {
    Sql x = Conversions.implicit(t, t.value(l.operand()), SqlType.nvarchar(SqlType.MAX));
    Sql p = t.value(l.pattern());
    Sql esc = l.escape() == null ? null : t.value(l.escape());
    boolean ci =
        x.type() == null || x.type().collation() == null || x.type().collation().ignoreCase();
    String operand = "RTRIM(" + x.text() + ")";
    String pattern = Literals.stringValue(p);
    String escape = esc == null ? null : Literals.stringValue(esc);
    String test;
    if (pattern != null && (esc == null || escape != null)) {
      test = LikePattern.translate(operand, pattern, escape, ci);
    } else {
      test =
          "\"jctds\".\"like_match\"("
              + operand
              + ", "
              + p.text()
              + ", "
              + (esc == null ? "NULL" : esc.text())
              + ", "
              + ci
              + ")";
    }
    return Sql.predicate(l.not() ? "(NOT " + test + ")" : test);
  }

  static Sql in(ExprTranslator t, Expr.In in) {
    Sql x = t.value(in.operand());
    String not = in.not() ? " NOT IN " : " IN ";
    if (in.subquery() != null) {
      Translated sub = t.query(in.subquery(), t.scope);
      if (sub.columns().size() != 1) {
        throw new SqlException(
            116,
            16,
            1,
            "Only one expression can be specified in the select list when the subquery is not"
                + " introduced with EXISTS.",
            true);
      }
      Translated.Column c = sub.columns().get(0);
      if (isString(x) && c.type() != null && c.type().base().isString()) {
        boolean ci = ignoreCase(x, Sql.of("", c.type(), true));
        return Sql.predicate(
            "("
                + normal(x, ci)
                + not
                + "(SELECT "
                + normal(Sql.of("\"in_q\".\"v\"", c.type(), true), ci)
                + " FROM ("
                + sub.sql()
                + ") AS \"in_q\"(\"v\")))");
      }
      return Sql.predicate("(" + x.text() + not + "(" + sub.sql() + "))");
    }
    List<Sql> items = new ArrayList<>();
    SqlType target = x.type();
    for (Expr e : in.list()) {
      Sql s = t.value(e);
      items.add(s);
      target = TypeRules.higher(target, s.type());
    }
    boolean strings = isString(x) && items.stream().allMatch(Predicates::isString);
    boolean ci = strings && ignoreCase(x, items.get(0));
    List<String> texts = new ArrayList<>();
    for (Sql s : items) {
      texts.add(strings ? normal(s, ci) : Conversions.implicit(t, s, target).text());
    }
    String left = strings ? normal(x, ci) : Conversions.implicit(t, x, target).text();
    return Sql.predicate("(" + left + not + "(" + String.join(", ", texts) + "))");
  }

  static Sql quantified(ExprTranslator t, Expr.Quantified q) {
    Sql x = t.value(q.operand());
    Translated sub = t.query(q.subquery(), t.scope);
    String op =
        switch (q.op()) {
          case "!=" -> "<>";
          case "!<" -> ">=";
          case "!>" -> "<=";
          default -> q.op();
        };
    String left = isString(x) ? normal(x, ignoreCase(x, x)) : x.text();
    String sql = sub.sql();
    if (isString(x)
        && sub.columns().size() == 1
        && sub.columns().get(0).type() != null
        && sub.columns().get(0).type().base().isString()) {
      sql =
          "SELECT "
              + normal(Sql.of("\"q_q\".\"v\"", sub.columns().get(0).type(), true), ignoreCase(x, x))
              + " FROM ("
              + sql
              + ") AS \"q_q\"(\"v\")";
    }
    return Sql.predicate("(" + left + " " + op + (q.all() ? " ALL (" : " ANY (") + sql + "))");
  }
}
