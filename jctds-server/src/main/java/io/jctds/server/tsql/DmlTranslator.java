package io.jctds.server.tsql;

import io.jctds.server.catalog.Catalog;
import io.jctds.server.sql.SqlException;
import io.jctds.server.storage.Names;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * INSERT, UPDATE and DELETE as H2 statements. Values are converted to their column's type on
 * assignment; identity and computed columns follow SQL Server's rules (544, 271); T-SQL's
 * UPDATE/DELETE ... FROM become statements keyed on H2's {@code _ROWID_}; OUTPUT becomes a query
 * over H2's FINAL TABLE (inserted values) or OLD TABLE (deleted ones).
 */
class DmlTranslator extends QueryTranslator {
  /** Whether IDENTITY_INSERT is on for a table (given by the session). */
  interface IdentityInsert {
    boolean on(Catalog.Table table);
  }

  private final IdentityInsert identityInsert;

  DmlTranslator(Context ctx, IdentityInsert identityInsert) {
    super(ctx);
    this.identityInsert = identityInsert;
  }

  /**
   * The target of UPDATE/DELETE ... FROM: an alias of the FROM clause ({@code UPDATE u ... FROM t
   * u}) names that source's table.
   */
  Catalog.Table target(Stmt.Target target, List<QueryExpr.TableRef> from) {
    if (target.name() != null && target.name().size() == 1) {
      List<String> aliased = aliased(target.name().get(0), from);
      if (aliased != null) {
        return target(new Stmt.Target(aliased, null, target.name().get(0)));
      }
    }
    return target(target);
  }

  private static List<String> aliased(String alias, List<QueryExpr.TableRef> from) {
    for (QueryExpr.TableRef r : from) {
      if (r instanceof QueryExpr.Named n && alias.equalsIgnoreCase(n.alias())) {
        return n.name();
      }
      if (r instanceof QueryExpr.Join j) {
        List<String> found = aliased(alias, List.of(j.left(), j.right()));
        if (found != null) {
          return found;
        }
      }
    }
    return null;
  }

  /** The target table of a data change. */
  Catalog.Table target(Stmt.Target target) {
    Catalog.Table table;
    if (target.variable() != null) {
      Variable v = ctx.variable(target.variable());
      if (v == null || v.table() == null) {
        throw new SqlException(
            1087, 16, 1, "Must declare the table variable \"" + target.variable() + "\".", true);
      }
      table =
          FromClause.table(
              ctx, new ObjectName(Names.TEMPDB, Names.DBO, v.table(), target.variable()));
    } else {
      ObjectName on = ObjectName.resolve(ctx, target.name());
      table = FromClause.table(ctx, on);
      if (table == null) {
        throw SqlException.invalidObject(on.written());
      }
    }
    if (table.view()) {
      throw SqlException.unsupported("data changes through views");
    }
    return table;
  }

  Translated insert(Stmt.Insert s) {
    Catalog.Table table = target(s.target());
    List<Catalog.Column> cols = insertColumns(table, s.columns());
    List<String> names = new ArrayList<>();
    for (Catalog.Column c : cols) {
      names.add(Names.quote(c.name()));
    }
    StringBuilder sb = new StringBuilder("INSERT INTO ").append(table.h2Name());
    if (s.values() == null && s.query() == null) {
      sb.append(s.columns().isEmpty() ? " DEFAULT VALUES" : "");
      if (!s.columns().isEmpty()) {
        throw SqlException.syntax("DEFAULT");
      }
    } else {
      sb.append(" (").append(String.join(", ", names)).append(") ");
      sb.append(s.values() != null ? values(s.values(), cols) : select(s.query(), cols));
    }
    return output(s.output(), table, sb.toString(), true);
  }

  /** Whether inserts into {@code table} take explicit identity values (IDENTITY_INSERT ON). */
  boolean explicitIdentity(Catalog.Table table) {
    return identityInsert.on(table);
  }

  private List<Catalog.Column> insertColumns(Catalog.Table table, List<String> names) {
    List<Catalog.Column> cols = new ArrayList<>();
    boolean explicitIdentity = identityInsert.on(table);
    if (names.isEmpty()) {
      for (Catalog.Column c : table.columns()) {
        if (!c.computed() && (!c.identity() || explicitIdentity)) {
          cols.add(c);
        }
      }
      return cols;
    }
    for (String n : names) {
      Catalog.Column c = table.column(n);
      if (c == null) {
        throw SqlException.invalidColumn(n);
      }
      if (c.computed()) {
        throw new SqlException(
            271,
            16,
            1,
            "The column \""
                + c.name()
                + "\" cannot be modified because it is either a computed"
                + " column or is the result of a UNION operator.",
            false);
      }
      if (c.identity() && !explicitIdentity) {
        throw new SqlException(
            544,
            16,
            1,
            "Cannot insert explicit value for identity column in table '"
                + table.name()
                + "' when IDENTITY_INSERT is set to OFF.",
            false);
      }
      cols.add(c);
    }
    if (explicitIdentity && table.identity() != null && !cols.contains(table.identity())) {
      throw new SqlException(
          545,
          16,
          1,
          "Explicit value must be specified for identity column in table '"
              + table.name()
              + "' either when IDENTITY_INSERT is set to ON or when a replication user is"
              + " inserting into a NOT FOR REPLICATION identity column.",
          false);
    }
    return cols;
  }

  private String values(List<List<Expr>> rows, List<Catalog.Column> cols) {
    List<String> out = new ArrayList<>();
    for (List<Expr> row : rows) {
      if (row.size() != cols.size()) {
        throw new SqlException(
            row.size() > cols.size() ? 110 : 109,
            15,
            1,
            row.size() > cols.size()
                ? "There are fewer columns in the INSERT statement than values specified in the"
                    + " VALUES clause. The number of values in the VALUES clause must match the"
                    + " number of columns specified in the INSERT statement."
                : "There are more columns in the INSERT statement than values specified in the"
                    + " VALUES clause. The number of values in the VALUES clause must match the"
                    + " number of columns specified in the INSERT statement.",
            true);
      }
      List<String> texts = new ArrayList<>();
      for (int i = 0; i < row.size(); i++) {
        texts.add(Assignments.convert(this, value(row.get(i)), cols.get(i).type()).text());
      }
      out.add("(" + String.join(", ", texts) + ")");
    }
    return "VALUES " + String.join(", ", out);
  }

  private String select(QueryExpr q, List<Catalog.Column> cols) {
    Translated t = query(q, null);
    if (t.columns().size() != cols.size()) {
      throw new SqlException(
          t.columns().size() < cols.size() ? 120 : 121,
          15,
          1,
          "The select list for the INSERT statement contains "
              + (t.columns().size() < cols.size() ? "fewer" : "more")
              + " items than the insert list. The number of"
              + " SELECT values must match the number of INSERT columns.",
          true);
    }
    List<String> names = new ArrayList<>();
    List<String> conv = new ArrayList<>();
    for (int i = 0; i < cols.size(); i++) {
      String n = "c" + (i + 1);
      names.add(Names.quote(n));
      Translated.Column c = t.columns().get(i);
      Sql ref = new Sql("\"$src\"." + Names.quote(n), c.type(), c.nullable(), Sql.Kind.COLUMN);
      conv.add(Assignments.convert(this, ref, cols.get(i).type()).text());
    }
    return "SELECT "
        + String.join(", ", conv)
        + " FROM ("
        + t.sql()
        + ") AS \"$src\"("
        + String.join(", ", names)
        + ")";
  }

  /** Wraps a data change in a query over its delta table when it has OUTPUT. */
  private Translated output(Stmt.Output out, Catalog.Table table, String change, boolean inserted) {
    if (out == null) {
      return new Translated(change, List.of());
    }
    if (out.into() != null) {
      throw SqlException.unsupported("OUTPUT ... INTO");
    }
    Scope saved = scope;
    scope = new Scope(null);
    String alias = inserted ? "inserted" : "deleted";
    scope.add(new Scope.Source(List.of(alias), alias, FromClause.columns(table)));
    try {
      List<String> items = new ArrayList<>();
      List<Translated.Column> cols = new ArrayList<>();
      for (QueryExpr.Item item : out.items()) {
        outputItem(item, alias, table, items, cols);
      }
      String delta = inserted ? "FINAL TABLE" : "OLD TABLE";
      return new Translated(
          "SELECT "
              + String.join(", ", items)
              + " FROM "
              + delta
              + " ("
              + change
              + ") AS "
              + Names.quote(alias),
          cols);
    } finally {
      scope = saved;
    }
  }

  private void outputItem(
      QueryExpr.Item item,
      String alias,
      Catalog.Table table,
      List<String> items,
      List<Translated.Column> cols) {
    if (item instanceof QueryExpr.StarItem star) {
      if (star.qualifier().size() != 1 || !star.qualifier().get(0).equalsIgnoreCase(alias)) {
        throw SqlException.unsupported(
            "OUTPUT "
                + String.join(".", star.qualifier())
                + ".* here (this statement has only "
                + alias.toUpperCase()
                + ")");
      }
      for (Catalog.Column c : table.columns()) {
        items.add(
            Names.quote(alias) + "." + Names.quote(c.name()) + " AS " + Names.quote(c.name()));
        cols.add(new Translated.Column(c.name(), c.type(), c.nullable()));
      }
      return;
    }
    if (!(item instanceof QueryExpr.ExprItem e)) {
      throw SqlException.syntax("=");
    }
    Sql v = value(e.expr());
    String name = e.alias() != null ? e.alias() : e.expr() instanceof Expr.Column c ? c.name() : "";
    items.add(v.text() + (name.isEmpty() ? "" : " AS " + Names.quote(name)));
    cols.add(new Translated.Column(name, v.type(), v.nullable()));
  }

  Translated update(Stmt.Update s) {
    if (!s.with().isEmpty()) {
      throw SqlException.unsupported("WITH ... UPDATE");
    }
    Catalog.Table table = target(s.target(), s.from());
    String alias =
        s.target().alias() != null
            ? s.target().alias()
            : s.target().variable() != null ? s.target().variable() : table.name();
    if (!s.from().isEmpty()) {
      return updateFrom(s, table);
    }
    scope = new Scope(null);
    scope.add(new Scope.Source(names(table, alias), alias, FromClause.columns(table)));
    String sets = sets(s.sets(), table);
    String where = s.where() == null ? "" : " WHERE " + condition(s.where()).text();
    String sql =
        "UPDATE "
            + table.h2Name()
            + " AS "
            + Names.quote(alias)
            + " SET "
            + sets
            + where
            + top(s.top());
    return output(s.output(), table, sql, !mentionsDeleted(s.output()));
  }

  /** Whether UPDATE's OUTPUT reads DELETED (old values); both sides is not supported. */
  private static boolean mentionsDeleted(Stmt.Output out) {
    if (out == null) {
      return false;
    }
    String text = out.items().toString().toLowerCase(java.util.Locale.ROOT);
    boolean deleted = text.contains("deleted");
    if (deleted && text.contains("inserted")) {
      throw SqlException.unsupported("OUTPUT of both INSERTED and DELETED in UPDATE");
    }
    return deleted;
  }

  private static List<String> names(Catalog.Table table, String alias) {
    List<String> n = new ArrayList<>(List.of(alias));
    if (!alias.equalsIgnoreCase(table.name())) {
      n.add(table.name());
    }
    n.add(table.schema() + "." + table.name());
    return n;
  }

  private String sets(List<Stmt.SetColumn> sets, Catalog.Table table) {
    List<String> parts = new ArrayList<>();
    for (Stmt.SetColumn set : sets) {
      if (set.variable() != null) {
        throw SqlException.unsupported("SET @variable = ... in UPDATE");
      }
      String colName = set.column().get(set.column().size() - 1);
      Catalog.Column c = table.column(colName);
      if (c == null) {
        throw SqlException.invalidColumn(colName);
      }
      if (c.identity() || c.computed()) {
        throw new SqlException(
            c.identity() ? 8102 : 271,
            16,
            1,
            c.identity()
                ? "Cannot update identity column '" + c.name() + "'."
                : "The column \""
                    + c.name()
                    + "\" cannot be modified because it is either a"
                    + " computed column or is the result of a UNION operator.",
            false);
      }
      Expr rhs = set.value();
      if (!set.op().equals("=")) {
        rhs = new Expr.Binary(set.op().substring(0, 1), new Expr.Column(set.column()), rhs);
      }
      Sql v = Assignments.convert(this, value(rhs), c.type());
      parts.add(Names.quote(c.name()) + " = " + v.text());
    }
    return String.join(", ", parts);
  }

  /** T-SQL's UPDATE ... FROM: a MERGE keyed on the target's _ROWID_. */
  private Translated updateFrom(Stmt.Update s, Catalog.Table table) {
    if (s.output() != null) {
      throw SqlException.unsupported("OUTPUT in UPDATE ... FROM");
    }
    scope = new Scope(null);
    int clausesStart = params.size();
    String from = FromClause.translate(this, s.from());
    Scope.Source target = targetSource(s.target(), table);
    String where = s.where() == null ? "" : " WHERE " + condition(s.where()).text();
    int valuesStart = params.size();
    List<String> values = new ArrayList<>();
    List<String> assigns = new ArrayList<>();
    int i = 0;
    for (Stmt.SetColumn set : s.sets()) {
      String colName = set.column().get(set.column().size() - 1);
      Catalog.Column c = table.column(colName);
      if (c == null) {
        throw SqlException.invalidColumn(colName);
      }
      Expr rhs = set.value();
      if (!set.op().equals("=")) {
        rhs =
            new Expr.Binary(
                set.op().substring(0, 1),
                new Expr.Column(List.of(target.sqlAlias(), c.name())),
                rhs);
      }
      Sql v = Assignments.convert(this, value(rhs), c.type());
      values.add(v.text() + " AS \"$v" + i + "\"");
      assigns.add(Names.quote(c.name()) + " = \"$src\".\"$v" + i + "\"");
      i++;
    }
    // the values precede FROM and WHERE in the SQL text: so must their parameters
    Collections.rotate(params.subList(clausesStart, params.size()), params.size() - valuesStart);
    String source =
        "SELECT "
            + Names.quote(target.sqlAlias())
            + "._ROWID_ AS \"$rowid\", "
            + String.join(", ", values)
            + " FROM "
            + from
            + where;
    String sql =
        "MERGE INTO "
            + table.h2Name()
            + " AS \"$tgt\" USING ("
            + source
            + ") AS \"$src\" ON \"$tgt\"._ROWID_ = \"$src\".\"$rowid\" WHEN MATCHED THEN UPDATE SET "
            + String.join(", ", assigns);
    return new Translated(sql, List.of());
  }

  private Scope.Source targetSource(Stmt.Target target, Catalog.Table table) {
    List<String> name = target.variable() != null ? List.of(target.variable()) : target.name();
    Scope.Source src = scope.source(List.of(name.get(name.size() - 1)));
    if (src == null) {
      src = scope.source(name);
    }
    if (src == null) {
      throw SqlException.unsupported(
          "UPDATE/DELETE ... FROM whose target "
              + String.join(".", name)
              + " is not one of the FROM sources");
    }
    return src;
  }

  Translated delete(Stmt.Delete s) {
    if (!s.with().isEmpty()) {
      throw SqlException.unsupported("WITH ... DELETE");
    }
    Catalog.Table table = target(s.target(), s.from());
    String alias =
        s.target().alias() != null
            ? s.target().alias()
            : s.target().variable() != null ? s.target().variable() : table.name();
    if (!s.from().isEmpty()) {
      if (s.output() != null) {
        throw SqlException.unsupported("OUTPUT in DELETE ... FROM");
      }
      scope = new Scope(null);
      String from = FromClause.translate(this, s.from());
      Scope.Source target = targetSource(s.target(), table);
      String where = s.where() == null ? "" : " WHERE " + condition(s.where()).text();
      return new Translated(
          "DELETE FROM "
              + table.h2Name()
              + " WHERE _ROWID_ IN (SELECT "
              + Names.quote(target.sqlAlias())
              + "._ROWID_ FROM "
              + from
              + where
              + ")",
          List.of());
    }
    scope = new Scope(null);
    scope.add(new Scope.Source(names(table, alias), alias, FromClause.columns(table)));
    String where = s.where() == null ? "" : " WHERE " + condition(s.where()).text();
    String sql =
        "DELETE FROM " + table.h2Name() + " AS " + Names.quote(alias) + where + top(s.top());
    return output(s.output(), table, sql, false);
  }

  /** TOP (n) of UPDATE and DELETE as H2's FETCH FIRST (PERCENT is not supported there). */
  private String top(QueryExpr.Top top) {
    if (top == null) {
      return "";
    }
    if (top.percent()) {
      throw SqlException.unsupported("TOP ... PERCENT in UPDATE and DELETE");
    }
    return " FETCH FIRST (" + value(top.count()).text() + ") ROWS ONLY";
  }
}
