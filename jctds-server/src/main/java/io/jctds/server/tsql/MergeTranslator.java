package io.jctds.server.tsql;

import io.jctds.server.catalog.Catalog;
import io.jctds.server.sql.SqlException;
import io.jctds.server.storage.Names;
import java.util.ArrayList;
import java.util.List;

/**
 * MERGE as H2 statements. H2's MERGE has WHEN MATCHED and WHEN NOT MATCHED (BY TARGET) with AND
 * conditions; SQL Server's WHEN NOT MATCHED BY SOURCE runs first as its own UPDATE or DELETE of the
 * target rows no source row matches, which gives the same result because those rows are neither
 * matched nor inserted by the rest. OUTPUT (and $action) is not supported.
 */
final class MergeTranslator {
  /** One H2 statement with its parameters. */
  record Part(String sql, List<Param> params) {}

  private final TsqlSession session;
  private final DmlTranslator t;
  private Catalog.Table table;

  MergeTranslator(TsqlSession session, DmlTranslator t) {
    this.session = session;
    this.t = t;
  }

  /** Whether the target has an IDENTITY column (inserts set @@IDENTITY). */
  boolean identity() {
    return table != null && table.identity() != null;
  }

  H2Errors.Where where() {
    return table == null
        ? H2Errors.Where.NONE
        : new H2Errors.Where("MERGE", table.database(), table.display());
  }

  List<Part> translate(Stmt.Merge m) {
    if (m.output() != null) {
      throw SqlException.unsupported("MERGE ... OUTPUT");
    }
    table = t.target(m.target());
    String alias = m.target().alias() != null ? m.target().alias() : table.name();
    List<Part> parts = new ArrayList<>();
    for (Stmt.MergeWhen w : m.whens()) {
      if (w.kind().equals("NOT MATCHED BY SOURCE")) {
        parts.add(bySource(m, w, alias));
      }
    }
    parts.add(main(m, alias));
    return parts;
  }

  /** The target and source in a fresh scope; returns the source's SQL. */
  private String scope(Stmt.Merge m, String alias, DmlTranslator tr) {
    tr.scope = new Scope(null);
    String source = FromClause.source(tr, m.source());
    tr.scope.add(new Scope.Source(List.of(alias), alias, FromClause.columns(table)));
    return source;
  }

  private Part main(Stmt.Merge m, String alias) {
    DmlTranslator tr = fresh();
    String source = scope(m, alias, tr);
    StringBuilder sb =
        new StringBuilder("MERGE INTO ")
            .append(table.h2Name())
            .append(" AS ")
            .append(Names.quote(alias))
            .append(" USING ")
            .append(source)
            .append(" ON ")
            .append(tr.condition(m.on()).text());
    int clauses = 0;
    for (Stmt.MergeWhen w : m.whens()) {
      if (w.kind().equals("NOT MATCHED BY SOURCE")) {
        continue;
      }
      clauses++;
      sb.append(" WHEN ").append(w.kind());
      if (w.and() != null) {
        sb.append(" AND ").append(tr.condition(w.and()).text());
      }
      sb.append(" THEN ").append(action(tr, w));
    }
    if (clauses == 0) {
      return new Part("SELECT 0 WHERE FALSE", List.of());
    }
    return new Part(sb.toString(), tr.params);
  }

  private Part bySource(Stmt.Merge m, Stmt.MergeWhen w, String alias) {
    DmlTranslator tr = fresh();
    String source = scope(m, alias, tr);
    String on = tr.condition(m.on()).text();
    String and = w.and() == null ? "" : " AND " + tr.condition(w.and()).text();
    String notMatched = "NOT EXISTS (SELECT 1 FROM " + source + " WHERE " + on + ")";
    String sql;
    if (w.action().equals("DELETE")) {
      sql =
          "DELETE FROM "
              + table.h2Name()
              + " AS "
              + Names.quote(alias)
              + " WHERE "
              + notMatched
              + and;
    } else {
      sql =
          "UPDATE "
              + table.h2Name()
              + " AS "
              + Names.quote(alias)
              + " SET "
              + sets(tr, w.sets())
              + " WHERE "
              + notMatched
              + and;
    }
    return new Part(sql, tr.params);
  }

  private String action(DmlTranslator tr, Stmt.MergeWhen w) {
    switch (w.action()) {
      case "DELETE" -> {
        return "DELETE";
      }
      case "UPDATE" -> {
        return "UPDATE SET " + sets(tr, w.sets());
      }
      default -> {
        List<Catalog.Column> cols = new ArrayList<>();
        if (w.columns().isEmpty()) {
          for (Catalog.Column c : table.columns()) {
            if (!c.identity() && !c.computed()) {
              cols.add(c);
            }
          }
        } else {
          for (String n : w.columns()) {
            Catalog.Column c = table.column(n);
            if (c == null) {
              throw SqlException.invalidColumn(n);
            }
            cols.add(c);
          }
        }
        if (w.values().isEmpty()) {
          return "INSERT DEFAULT VALUES";
        }
        if (w.values().size() != cols.size()) {
          throw new SqlException(
              10711,
              15,
              1,
              "An action of type 'INSERT' is not allowed in the"
                  + " 'WHEN MATCHED' clause of a MERGE statement.",
              true);
        }
        List<String> names = new ArrayList<>();
        List<String> values = new ArrayList<>();
        for (int i = 0; i < cols.size(); i++) {
          names.add(Names.quote(cols.get(i).name()));
          values.add(
              Assignments.convert(tr, tr.value(w.values().get(i)), cols.get(i).type()).text());
        }
        return "INSERT ("
            + String.join(", ", names)
            + ") VALUES ("
            + String.join(", ", values)
            + ")";
      }
    }
  }

  private String sets(DmlTranslator tr, List<Stmt.SetColumn> sets) {
    List<String> parts = new ArrayList<>();
    for (Stmt.SetColumn set : sets) {
      String name = set.column().get(set.column().size() - 1);
      Catalog.Column c = table.column(name);
      if (c == null) {
        throw SqlException.invalidColumn(name);
      }
      Expr rhs = set.value();
      if (!set.op().equals("=")) {
        rhs = new Expr.Binary(set.op().substring(0, 1), new Expr.Column(set.column()), rhs);
      }
      parts.add(
          Names.quote(c.name()) + " = " + Assignments.convert(tr, tr.value(rhs), c.type()).text());
    }
    return String.join(", ", parts);
  }

  private DmlTranslator fresh() {
    return new DmlTranslator(session, tbl -> false);
  }
}
