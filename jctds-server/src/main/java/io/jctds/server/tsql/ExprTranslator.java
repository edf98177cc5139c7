package io.jctds.server.tsql;

import io.jctds.server.sql.SqlException;
import io.jctds.server.storage.Names;
import io.jctds.server.types.H2Types;
import io.jctds.server.types.SqlBase;
import io.jctds.server.types.SqlCollation;
import io.jctds.server.types.SqlType;
import io.jctds.server.types.TypeRules;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Translates expressions to H2 SQL and types them as SQL Server does. Values of variables and
 * {@code @@functions} become bound parameters, never text. Character comparisons follow SQL Server:
 * trailing spaces are ignored and a case-insensitive collation ignores case (H2 compares both), so
 * both sides go through {@code RTRIM} and, under a CI collation, VARCHAR_IGNORECASE.
 */
class ExprTranslator {
  final Context ctx;
  final List<Param> params = new ArrayList<>();
  Scope scope = new Scope(null);

  /** Grouping keys whose column references become ANY_VALUE(...) outside aggregates. */
  Set<String> groupedStrings = new HashSet<>();

  /** How deep inside aggregate arguments the translation is. */
  int aggregateDepth;

  /** How many aggregate calls were translated so far. */
  int aggregatesSeen;

  /**
   * Variables a SELECT assigns, kept in H2 session variables while it runs so that each row sees
   * the value the previous row assigned ({@code SELECT @s = @s + name FROM t}): T-SQL name to H2
   * name.
   */
  final java.util.Map<String, String> sessionVariables = new java.util.LinkedHashMap<>();

  /** The H2 session variable standing for {@code name} in an assigning SELECT. */
  String sessionVariable(String name) {
    return sessionVariables.computeIfAbsent(
        name.toLowerCase(java.util.Locale.ROOT), n -> "@jctds_v" + (sessionVariables.size() + 1));
  }

  ExprTranslator(Context ctx) {
    this.ctx = ctx;
  }

  /** Translates a query in {@code scope}; implemented by the query translator. */
  Translated query(QueryExpr q, Scope outer) {
    throw new UnsupportedOperationException();
  }

  /** Binds {@code value} of {@code type}; returns {@code CAST(? AS h2type)}. */
  Sql param(SqlType type, Object value) {
    params.add(new Param(type, value));
    String text = type == null ? "?" : "CAST(? AS " + H2Types.ddl(type) + ")";
    return new Sql(text, type, value == null, Sql.Kind.PARAMETER);
  }

  /** A condition (WHERE, ON, HAVING, IF, WHEN): must be a predicate (error 4145 otherwise). */
  Sql condition(Expr e) {
    Sql s = expr(e);
    if (s.kind() != Sql.Kind.PREDICATE) {
      throw new SqlException(
          4145,
          15,
          1,
          "An expression of non-boolean type specified in a context where a condition is"
              + " expected.",
          true);
    }
    return s;
  }

  /** A scalar value (a predicate here is error 4145's twin, 102 in SQL Server). */
  Sql value(Expr e) {
    Sql s = expr(e);
    if (s.kind() == Sql.Kind.PREDICATE) {
      throw new SqlException(
          102,
          15,
          1,
          "Incorrect syntax: a condition (a comparison, LIKE, IN,"
              + " BETWEEN, IS NULL or EXISTS) is used where a value is expected.",
          true);
    }
    return s;
  }

  Sql expr(Expr e) {
    if (e instanceof Expr.Literal l) {
      return Literals.translate(this, l);
    } else if (e instanceof Expr.Column c) {
      return column(c);
    } else if (e instanceof Expr.Var v) {
      return variable(v.name());
    } else if (e instanceof Expr.Global g) {
      return global(g.name());
    } else if (e instanceof Expr.Unary u) {
      return unary(u);
    } else if (e instanceof Expr.Binary b) {
      return binary(b);
    } else if (e instanceof Expr.Paren p) {
      return paren(p);
    } else if (e instanceof Expr.Call c) {
      return Functions.call(this, c);
    }
    return special(e);
  }

  private Sql special(Expr e) {
    if (e instanceof Expr.IsNull n) {
      return Sql.predicate(
          "(" + value(n.operand()).text() + (n.not() ? " IS NOT NULL)" : " IS NULL)"));
    } else if (e instanceof Expr.Between b) {
      return between(b);
    } else if (e instanceof Expr.Like l) {
      return Predicates.like(this, l);
    } else if (e instanceof Expr.In in) {
      return Predicates.in(this, in);
    } else if (e instanceof Expr.Exists x) {
      return Sql.predicate("EXISTS (" + query(x.subquery(), scope).sql() + ")");
    } else if (e instanceof Expr.Quantified q) {
      return Predicates.quantified(this, q);
    } else if (e instanceof Expr.Case c) {
      return caseExpr(c);
    } else if (e instanceof Expr.Cast c) {
      return Conversions.cast(this, value(c.operand()), c.type(), c.tryCast(), -1);
    } else if (e instanceof Expr.Convert c) {
      return Conversions.cast(this, value(c.operand()), c.type(), c.tryConvert(), style(c));
    } else if (e instanceof Expr.Subquery s) {
      return subquery(s);
    } else if (e instanceof Expr.Collate c) {
      return collate(c);
    } else if (e instanceof Expr.NextValue n) {
      return nextValue(n);
    }
    throw new SqlException(102, 15, 1, "Incorrect syntax near '*'.", true);
  }

  /** A CONVERT style: a constant integer (error 281 for an unknown style is the function's). */
  private int style(Expr.Convert c) {
    if (c.style() == null) {
      return -1;
    }
    Expr st = c.style();
    if (st instanceof Expr.Literal l
        && l.kind() == Expr.Literal.Kind.NUMBER
        && l.text().matches("\\d{1,3}")) {
      return Integer.parseInt(l.text());
    }
    if (st instanceof Expr.Var v
        && ctx.variable(v.name()) != null
        && ctx.variable(v.name()).value() instanceof Number n) {
      return n.intValue();
    }
    throw SqlException.unsupported("a CONVERT style that is not an integer constant");
  }

  private Sql paren(Expr.Paren p) {
    Sql inner = expr(p.inner());
    return new Sql(
        "(" + inner.text() + ")",
        inner.type(),
        inner.nullable(),
        inner.kind() == Sql.Kind.PREDICATE ? Sql.Kind.PREDICATE : inner.kind());
  }

  private Sql column(Expr.Column c) {
    if (c.parts().size() == 1 && c.name().startsWith("$")) {
      throw SqlException.unsupported(c.name());
    }
    Scope.Resolved r = scope.resolve(c.parts());
    String alias = r.source().sqlAlias();
    String text =
        (alias.isEmpty() ? "" : Names.quote(alias) + ".") + Names.quote(r.column().name());
    SqlType t = r.column().type();
    if (aggregateDepth == 0
        && r.depth() == 0
        && groupedStrings.contains(groupKey(r.source().sqlAlias(), r.column().name()))) {
      text = "ANY_VALUE(" + text + ")";
    }
    return new Sql(text, t, r.column().nullable(), Sql.Kind.COLUMN);
  }

  static String groupKey(String alias, String column) {
    return Names.key(alias + "\u0000" + column);
  }

  Sql variable(String name) {
    Variable v = ctx.variable(name);
    if (v == null) {
      throw SqlException.undeclaredVariable(name);
    }
    if (v.table() != null) {
      throw new SqlException(
          137, 16, 1, "Must declare the scalar variable \"" + name + "\".", true);
    }
    String h2 = sessionVariables.get(name.toLowerCase(java.util.Locale.ROOT));
    if (h2 != null) {
      return Sql.of("CAST(" + h2 + " AS " + H2Types.ddl(v.type()) + ")", v.type(), true);
    }
    return param(v.type(), v.value());
  }

  private Sql global(String name) {
    Param p = ctx.global(name.toUpperCase(java.util.Locale.ROOT));
    if (p == null) {
      throw new SqlException(
          137, 15, 2, "Must declare the scalar variable \"" + name + "\".", true);
    }
    Sql s = param(p.type(), p.value());
    return new Sql(s.text(), p.type(), p.value() == null, Sql.Kind.PARAMETER);
  }

  private Sql unary(Expr.Unary u) {
    if (u.op().equals("NOT")) {
      return Sql.predicate("(NOT " + condition(u.operand()).text() + ")");
    }
    Sql x = value(u.operand());
    SqlType t = x.type();
    if (u.op().equals("~")) {
      return Sql.of("BITNOT(" + x.text() + ")", t, x.nullable());
    }
    if (t != null && t.base().isString()) {
      t = SqlType.INT; // SQL Server converts the string operand of unary minus to int
      x = Conversions.implicit(this, x, t);
    }
    return Sql.of("(" + u.op() + x.text() + ")", t, x.nullable());
  }

  private Sql binary(Expr.Binary b) {
    String op = b.op();
    if (op.equals("AND") || op.equals("OR")) {
      return Sql.predicate(
          "(" + condition(b.left()).text() + " " + op + " " + condition(b.right()).text() + ")");
    }
    Sql l = value(b.left());
    Sql r = value(b.right());
    return switch (op) {
      case "=", "<>", "!=", "<", ">", "<=", ">=", "!<", "!>" -> Predicates.compare(this, op, l, r);
      case "+" -> plus(l, r);
      case "&", "|", "^" -> bitwise(op, l, r);
      default -> Arithmetic.apply(this, op.charAt(0), l, r);
    };
  }

  private Sql plus(Sql l, Sql r) {
    SqlType lt = l.type();
    SqlType rt = r.type();
    boolean strings =
        (lt == null || lt.base().isString())
            && (rt == null || rt.base().isString())
            && (lt != null || rt != null);
    boolean binaries = lt != null && rt != null && lt.base().isBinary() && rt.base().isBinary();
    if (strings || binaries) {
      SqlType t = lt == null ? rt : rt == null ? lt : TypeRules.concat(lt, rt);
      return Sql.of("(" + l.text() + " || " + r.text() + ")", t, l.nullable() || r.nullable());
    }
    return Arithmetic.apply(this, '+', l, r);
  }

  private Sql bitwise(String op, Sql l, Sql r) {
    String fn =
        switch (op) {
          case "&" -> "BITAND";
          case "|" -> "BITOR";
          default -> "BITXOR";
        };
    SqlType t = TypeRules.higher(l.type(), r.type());
    if (t != null && t.base() == SqlBase.BIT) {
      return Sql.of(
          "CAST("
              + fn
              + "(CAST("
              + l.text()
              + " AS INTEGER), CAST("
              + r.text()
              + " AS INTEGER)) AS BOOLEAN)",
          t,
          l.nullable() || r.nullable());
    }
    return Sql.of(fn + "(" + l.text() + ", " + r.text() + ")", t, l.nullable() || r.nullable());
  }

  private Sql between(Expr.Between b) {
    Sql x = value(b.operand());
    Sql lo = value(b.low());
    Sql hi = value(b.high());
    Sql ge = Predicates.compare(this, ">=", x, lo);
    Sql le = Predicates.compare(this, "<=", x, hi);
    String both = "(" + ge.text() + " AND " + le.text() + ")";
    return Sql.predicate(b.not() ? "(NOT " + both + ")" : both);
  }

  private Sql caseExpr(Expr.Case c) {
    Sql operand = c.operand() == null ? null : value(c.operand());
    List<Sql> conds = new ArrayList<>();
    List<Sql> results = new ArrayList<>();
    SqlType type = null;
    boolean nullable = c.otherwise() == null;
    for (Expr.When w : c.whens()) {
      conds.add(
          operand == null
              ? condition(w.condition())
              : Predicates.compare(this, "=", operand, value(w.condition())));
      Sql r = value(w.result());
      results.add(r);
      type = TypeRules.union(type, r.type());
      nullable |= r.nullable();
    }
    Sql otherwise = c.otherwise() == null ? null : value(c.otherwise());
    if (otherwise != null) {
      type = TypeRules.union(type, otherwise.type());
      nullable |= otherwise.nullable();
    }
    StringBuilder sb = new StringBuilder("CASE");
    for (int i = 0; i < conds.size(); i++) {
      sb.append(" WHEN ")
          .append(conds.get(i).text())
          .append(" THEN ")
          .append(Conversions.implicit(this, results.get(i), type).text());
    }
    if (otherwise != null) {
      sb.append(" ELSE ").append(Conversions.implicit(this, otherwise, type).text());
    }
    return Sql.of(sb.append(" END").toString(), type, nullable);
  }

  private Sql subquery(Expr.Subquery s) {
    Translated t = query(s.query(), scope);
    if (t.columns().size() != 1) {
      throw new SqlException(
          116,
          16,
          1,
          "Only one expression can be specified in the select list when the subquery is not"
              + " introduced with EXISTS.",
          true);
    }
    return Sql.of("(" + t.sql() + ")", t.columns().get(0).type(), true);
  }

  private Sql collate(Expr.Collate c) {
    Sql x = value(c.operand());
    SqlCollation coll = SqlCollation.named(c.collation());
    if (x.type() == null || !x.type().base().isString()) {
      throw new SqlException(
          447,
          16,
          1,
          "Expression type "
              + (x.type() == null ? "unknown" : x.type().sqlName())
              + " is invalid for COLLATE clause.",
          true);
    }
    SqlType t = x.type().withCollation(coll);
    String h2 = coll.ignoreCase() ? "VARCHAR_IGNORECASE" : "VARCHAR";
    return new Sql("CAST(" + x.text() + " AS " + h2 + ")", t, x.nullable(), Sql.Kind.COLLATED);
  }

  private Sql nextValue(Expr.NextValue n) {
    ObjectName name = ObjectName.resolve(ctx, n.sequence());
    return Sql.of("NEXT VALUE FOR " + name.h2(), SqlType.BIGINT, false);
  }

  /** A decimal literal's value, for folding constants. */
  static BigDecimal decimal(String text) {
    return new BigDecimal(text);
  }
}
