package io.jctds.server.tsql;

import io.jctds.server.sql.SqlException;
import io.jctds.server.storage.Names;
import io.jctds.server.types.SqlType;
import java.sql.PreparedStatement;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * SELECT ... INTO table: creates the table with the query's column names and types (nullable),
 * under the DDL rules of {@link DdlRunner}, then inserts the query's rows.
 */
final class SelectInto {
  private SelectInto() {}

  static void run(Runner r, Stmt.Select sel, QueryExpr.Select body) {
    QueryExpr q = sel.query();
    QueryExpr.Select plain =
        new QueryExpr.Select(
            body.distinct(),
            body.top(),
            body.items(),
            null,
            body.from(),
            body.where(),
            body.groupBy(),
            body.having());
    QueryExpr query =
        new QueryExpr(q.with(), plain, q.orderBy(), q.offset(), q.fetch(), q.maxRecursion());
    DmlTranslator t = new DmlTranslator(r.s, tbl -> false);
    Translated tr = t.query(query, null);
    List<SqlType> types = types(r, tr, t.params);
    List<Stmt.ColumnDef> cols = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < types.size(); i++) {
      String name = tr.columns().get(i).name();
      if (name.isEmpty()) {
        throw new SqlException(
            1038,
            15,
            5,
            "An object or column name is missing or empty. For"
                + " SELECT INTO statements, verify each column has a name. For other statements, look"
                + " for empty alias names. Aliases defined as \"\" or [] are not allowed. Change the"
                + " alias to a valid name.",
            true);
      }
      if (!seen.add(Names.key(name))) {
        throw new SqlException(
            2705,
            16,
            3,
            "Column names in each table must be unique. Column"
                + " name '"
                + name
                + "' in table '"
                + String.join(".", body.into())
                + "' is"
                + " specified more than once.",
            false);
      }
      cols.add(
          new Stmt.ColumnDef(name, types.get(i), true, null, null, null, null, false, List.of()));
    }
    ObjectName on = ObjectName.resolve(r.s, body.into());
    if (FromClause.table(r.s, on) != null) {
      throw new SqlException(
          2714,
          16,
          6,
          "There is already an object named '" + on.name() + "' in the database.",
          false);
    }
    if (r.s.options().on("FMTONLY")) {
      r.done(Statements.CMD_SELECT, 0); // checked as SQL Server compiles it; nothing created
      return;
    }
    new DdlRunnerAccess(r).create(new Stmt.CreateTable(body.into(), cols, List.of(), sel.line()));
    List<String> names = new ArrayList<>();
    for (Stmt.ColumnDef c : cols) {
      names.add(Names.quote(c.name()));
    }
    long n =
        new QueryRunner(r)
            .update(
                "INSERT INTO " + on.h2() + " (" + String.join(", ", names) + ") " + tr.sql(),
                t.params,
                new H2Errors.Where("INSERT", on.database(), on.name()));
    r.s.rowCount = n;
    r.done(Statements.CMD_SELECT, n);
  }

  private static List<SqlType> types(Runner r, Translated tr, List<Param> params) {
    List<SqlType> out = new ArrayList<>();
    try (PreparedStatement ps = r.s.connection().prepareStatement(tr.sql())) {
      Jdbc.bind(ps, params);
      ResultSetMetaData md = ps.getMetaData();
      for (int i = 0; i < tr.columns().size(); i++) {
        out.add(Jdbc.type(tr.columns().get(i), md, i + 1));
      }
    } catch (SQLException e) {
      throw H2Errors.translate(e);
    }
    return out;
  }

  /** Runs CREATE TABLE without its DONE token. */
  private static final class DdlRunnerAccess {
    private final Runner r;

    DdlRunnerAccess(Runner r) {
      this.r = r;
    }

    void create(Stmt.CreateTable ct) {
      Runner quiet =
          new Runner(
              r.s,
              new io.jctds.server.sql.ResultSink() {
                @Override
                public void columns(io.jctds.protocol.token.ColMetadata metadata) {}

                @Override
                public void row(RowWriter values) {}

                @Override
                public void message(io.jctds.protocol.token.ServerMessage message) {
                  r.sink.message(message);
                }

                @Override
                public void envChange(io.jctds.protocol.token.EnvChange change) {
                  r.sink.envChange(change);
                }

                @Override
                public void done(int status, int curCmd, long rowCount) {}
              });
      new DdlRunner(quiet).run(ct);
    }
  }
}
