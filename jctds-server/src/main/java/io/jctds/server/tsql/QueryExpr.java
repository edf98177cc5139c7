package io.jctds.server.tsql;

import java.util.List;

/**
 * A query expression: optional common table expressions, a body (SELECT or a set operation), ORDER
 * BY, OFFSET ... FETCH and OPTION hints.
 *
 * @param with the CTEs, empty when none
 * @param body the SELECT or set operation
 * @param orderBy ORDER BY entries, empty when none
 * @param offset OFFSET n ROWS, or null
 * @param fetch FETCH NEXT n ROWS ONLY, or null
 * @param maxRecursion OPTION (MAXRECURSION n), or -1
 */
public record QueryExpr(
    List<Cte> with,
    Body body,
    List<Expr.Order> orderBy,
    Expr offset,
    Expr fetch,
    int maxRecursion) {

  /** A common table expression. */
  public record Cte(String name, List<String> columns, QueryExpr query) {}

  /** What a query expression computes. */
  public sealed interface Body {}

  /** A SELECT. */
  public record Select(
      boolean distinct,
      Top top,
      List<Item> items,
      List<String> into,
      List<TableRef> from,
      Expr where,
      List<Expr> groupBy,
      Expr having)
      implements Body {}

  /** UNION [ALL], EXCEPT, INTERSECT. */
  public record SetOp(Body left, String op, Body right) implements Body {}

  /** A parenthesised query inside a set operation, with its own ORDER BY / TOP. */
  public record Nested(QueryExpr query) implements Body {}

  /** TOP (n) [PERCENT] [WITH TIES]. */
  public record Top(Expr count, boolean percent, boolean withTies) {}

  /** A select-list entry. */
  public sealed interface Item {}

  /** An expression with an optional alias. */
  public record ExprItem(Expr expr, String alias) implements Item {}

  /** {@code *} or {@code t.*}. */
  public record StarItem(List<String> qualifier) implements Item {}

  /** {@code @v = expr} (or {@code @v += expr}) in SELECT. */
  public record Assign(String variable, String op, Expr expr) implements Item {}

  /** A FROM source. */
  public sealed interface TableRef {}

  /** A table, view or temporary table by name, with alias and table hints. */
  public record Named(List<String> name, String alias) implements TableRef {}

  /** A table variable {@code @t}. */
  public record VarTable(String variable, String alias) implements TableRef {}

  /** A derived table {@code (SELECT ...) AS x (cols)}. */
  public record Derived(QueryExpr query, String alias, List<String> columns) implements TableRef {}

  /** {@code (VALUES (...), (...)) AS x (cols)}. */
  public record Values(List<List<Expr>> rows, String alias, List<String> columns)
      implements TableRef {}

  /** A table-valued function such as GENERATE_SERIES or STRING_SPLIT. */
  public record Function(Expr.Call call, String alias, List<String> columns) implements TableRef {}

  /** A join; {@code on} is null for CROSS JOIN. */
  public record Join(TableRef left, String type, TableRef right, Expr on) implements TableRef {}

  /** A plain SELECT query expression of {@code body}. */
  public static QueryExpr of(Body body) {
    return new QueryExpr(List.of(), body, List.of(), null, null, -1);
  }
}
