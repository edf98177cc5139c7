package io.jctds.server.tsql;

import io.jctds.server.types.SqlType;
import java.util.List;

/** A T-SQL scalar expression as parsed, before names are resolved. */
public sealed interface Expr {

  /** A literal as written. */
  record Literal(Kind kind, String text) implements Expr {
    /** Literal kinds. */
    public enum Kind {
      /** An integer or decimal number. */
      NUMBER,
      /** A number with an exponent: float. */
      FLOAT,
      /** $12.50: money. */
      MONEY,
      /** 'text': varchar. */
      STRING,
      /** N'text': nvarchar. */
      NSTRING,
      /** 0x0102: varbinary (text holds the hex digits). */
      BINARY,
      /** NULL. */
      NULL,
      /** DEFAULT in VALUES and SET. */
      DEFAULT
    }
  }

  /** A column reference: {@code c}, {@code t.c}, {@code s.t.c}, {@code d.s.t.c}. */
  record Column(List<String> parts) implements Expr {
    /** The column name (the last part). */
    public String name() {
      return parts.get(parts.size() - 1);
    }

    /** The qualifier parts (all but the last). */
    public List<String> qualifier() {
      return parts.subList(0, parts.size() - 1);
    }
  }

  /** {@code *} or {@code t.*} (select lists, COUNT(*)). */
  record Star(List<String> qualifier) implements Expr {}

  /** A local variable {@code @x}. */
  record Var(String name) implements Expr {}

  /** A {@code @@function} such as {@code @@SPID}. */
  record Global(String name) implements Expr {}

  /** A unary operator: {@code -}, {@code +}, {@code ~}, {@code NOT}. */
  record Unary(String op, Expr operand) implements Expr {}

  /**
   * A binary operator: arithmetic {@code + - * / %}, bitwise {@code & | ^}, comparisons {@code = <>
   * != < > <= >= !< !>}, logical {@code AND OR}.
   */
  record Binary(String op, Expr left, Expr right) implements Expr {}

  /** {@code e IS [NOT] NULL}. */
  record IsNull(Expr operand, boolean not) implements Expr {}

  /** {@code e [NOT] BETWEEN lo AND hi}. */
  record Between(Expr operand, Expr low, Expr high, boolean not) implements Expr {}

  /** {@code e [NOT] LIKE pattern [ESCAPE c]}. */
  record Like(Expr operand, Expr pattern, Expr escape, boolean not) implements Expr {}

  /** {@code e [NOT] IN (list)} or {@code e [NOT] IN (subquery)}. */
  record In(Expr operand, List<Expr> list, QueryExpr subquery, boolean not) implements Expr {}

  /** {@code EXISTS (subquery)}. */
  record Exists(QueryExpr subquery) implements Expr {}

  /** {@code e op ANY|SOME|ALL (subquery)}. */
  record Quantified(Expr operand, String op, boolean all, QueryExpr subquery) implements Expr {}

  /** CASE; {@code operand} is null for a searched CASE. */
  record Case(Expr operand, List<When> whens, Expr otherwise) implements Expr {}

  /** One WHEN of a CASE. */
  record When(Expr condition, Expr result) {}

  /**
   * A function call. {@code star} for COUNT(*); {@code over} for window functions; {@code
   * withinGroup} for STRING_AGG ... WITHIN GROUP (ORDER BY ...).
   */
  record Call(
      List<String> name,
      List<Expr> args,
      boolean distinct,
      boolean star,
      Window over,
      List<Order> withinGroup)
      implements Expr {
    /** The unqualified function name. */
    public String simpleName() {
      return name.get(name.size() - 1);
    }

    /** The schema (and database) parts of the name. */
    public List<String> qualifier() {
      return name.subList(0, name.size() - 1);
    }
  }

  /** OVER (PARTITION BY ... ORDER BY ... [ROWS|RANGE frame]). */
  record Window(List<Expr> partitionBy, List<Order> orderBy, String frame) {}

  /** An ORDER BY entry. */
  record Order(Expr expr, boolean descending) {}

  /** CAST(e AS type) or TRY_CAST. */
  record Cast(Expr operand, SqlType type, boolean tryCast) implements Expr {}

  /** CONVERT(type, e[, style]) or TRY_CONVERT. */
  record Convert(SqlType type, Expr operand, Expr style, boolean tryConvert) implements Expr {}

  /** A scalar subquery. */
  record Subquery(QueryExpr query) implements Expr {}

  /** {@code e COLLATE name}. */
  record Collate(Expr operand, String collation) implements Expr {}

  /** {@code NEXT VALUE FOR sequence}. */
  record NextValue(List<String> sequence) implements Expr {}

  /** A parenthesised expression (kept so that generated SQL keeps the user's grouping). */
  record Paren(Expr inner) implements Expr {}
}
