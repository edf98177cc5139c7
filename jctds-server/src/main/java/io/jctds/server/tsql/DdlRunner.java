package io.jctds.server.tsql;

import io.jctds.server.sql.SqlException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Runs DDL so that SQL Server's transactional DDL holds although H2 commits the open transaction of
 * the session that runs DDL: outside a transaction DDL runs on the session's H2 session; inside
 * one, CREATE runs on the store's separate DDL session (temporary tables on the session's own, as
 * TRANSACTIONAL) and leaves an undo step for ROLLBACK; so does CREATE INDEX on a table that existed
 * before the transaction (undone by DROP INDEX), and a change to an object created in the same
 * transaction runs there too; any other change (DROP or ALTER of an object that existed before the
 * transaction) is refused with error 226, because it could not be undone.
 */
final class DdlRunner {
  private final Runner r;

  DdlRunner(Runner r) {
    this.r = r;
  }

  void run(Stmt st) {
    DmlTranslator t = new DmlTranslator(r.s, tbl -> false);
    DdlObjects objects = new DdlObjects(t);
    DdlPlan plan;
    if (st instanceof Stmt.CreateTable ct) {
      checkDatabase(ObjectName.resolve(r.s, ct.name()));
      plan = new DdlTranslator(t).createTable(ct);
    } else if (st instanceof Stmt.CreateIndex ci) {
      plan = objects.createIndex(ci);
    } else if (st instanceof Stmt.CreateView cv) {
      plan = objects.createView(cv);
    } else if (st instanceof Stmt.CreateSchema cs) {
      plan = objects.createSchema(cs);
    } else if (st instanceof Stmt.CreateSequence cq) {
      plan = objects.createSequence(cq);
    } else if (st instanceof Stmt.Drop d) {
      plan = objects.drop(d);
    } else if (st instanceof Stmt.AlterTable a) {
      plan = objects.alter(a);
    } else {
      Stmt.Truncate tr = (Stmt.Truncate) st;
      if (r.s.txn().count() > 0 && !formatOnly()) {
        truncateInTransaction(tr, t);
        return;
      }
      plan = objects.truncate(tr);
    }
    if (!t.params.isEmpty()) {
      throw SqlException.unsupported("variables in DDL");
    }
    if (!formatOnly()) {
      execute(plan);
    }
    r.s.rowCount = 0;
    r.done(0, -1);
  }

  /**
   * SET FMTONLY ON: the statement is checked but not run ("No rows are processed ... when SET
   * FMTONLY is turned ON", "without actually running the query"); a table it would create does not
   * exist afterwards, as SQL Server's well-known FMTONLY failures on temporary tables show.
   */
  private boolean formatOnly() {
    return r.s.options().on("FMTONLY");
  }

  private void checkDatabase(ObjectName on) {
    if (r.s.engine().database(on.database()) == null) {
      throw new SqlException(
          2702, 16, 2, "Database '" + on.database() + "' does not exist.", false);
    }
  }

  /** TRUNCATE inside a transaction deletes the rows (undone by ROLLBACK); identity is kept. */
  private void truncateInTransaction(Stmt.Truncate tr, DmlTranslator t) {
    io.jctds.server.catalog.Catalog.Table table =
        FromClause.table(r.s, ObjectName.resolve(r.s, tr.name()));
    if (table == null) {
      throw SqlException.invalidObject(String.join(".", tr.name()));
    }
    new QueryRunner(r)
        .update(
            "DELETE FROM " + table.h2Name(),
            List.of(),
            new H2Errors.Where("DELETE", table.database(), table.display()));
    r.s.rowCount = 0;
    r.done(0, -1);
  }

  private void execute(DdlPlan plan) {
    if (plan.statements().isEmpty()) {
      return;
    }
    TxnState txn = r.s.txn();
    try {
      if (txn.count() == 0) {
        run(r.s.connection(), plan.statements());
        if (plan.temporary() && plan.creates() != null) {
          r.s.temporaryCreated(plan.creates());
        }
      } else if (plan.temporary() && plan.creates() != null) {
        run(r.s.connection(), plan.statements());
        txn.recordDdl(plan.undo(), true, plan.creates());
        r.s.temporaryCreated(plan.creates());
      } else if (plan.deferrable() && plan.changes().stream().allMatch(txn::createdHere)) {
        txn.afterCommit(plan.statements());
      } else if (!plan.temporary()
          && (plan.creates() != null
              || plan.undo() != null
              || plan.changes().stream().allMatch(txn::createdHere))) {
        onDdlSession(plan);
      } else {
        throw notInTransaction(plan, "H2 commits DDL on existing and temporary objects");
      }
    } catch (SQLException e) {
      throw H2Errors.translate(e);
    } finally {
      r.s.store().schemaChanged();
      r.s.catalog().invalidate();
    }
  }

  private void onDdlSession(DdlPlan plan) throws SQLException {
    try {
      r.s.store().withDdl(c -> run(c, plan.statements()));
    } catch (SQLException e) {
      if (e.getErrorCode() == 50200) {
        throw notInTransaction(
            plan,
            "it would wait for this transaction's own row locks, as"
                + " rows were already written to the object in it; run the DDL before writing rows");
      }
      throw e;
    }
    if (plan.undo() != null) {
      r.s.txn().recordDdl(plan.undo(), false, plan.creates());
    }
  }

  /** Error 226 with the reason the server cannot run the DDL inside the transaction. */
  private static SqlException notInTransaction(DdlPlan plan, String why) {
    return new SqlException(
        226,
        16,
        6,
        plan.what()
            + " statement not allowed within multi-statement transaction. (The jctds server"
            + " cannot run it inside the transaction: "
            + why
            + ". Run it outside the transaction.)",
        false);
  }

  private static void run(Connection c, List<String> statements) throws SQLException {
    try (Statement s = c.createStatement()) {
      for (String sql : statements) {
        s.execute(sql);
      }
    }
  }
}
