package io.jctds.server.tsql;

import io.jctds.protocol.TdsVersion;
import io.jctds.protocol.token.EnvChange;
import io.jctds.server.sql.SqlException;
import io.jctds.server.types.SqlType;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.sql.SQLException;
import java.util.Locale;

/**
 * The statements that are not queries, data changes or DDL: variables, SET, USE, PRINT, RAISERROR,
 * THROW, transactions, WAITFOR, KILL, EXEC of a string, CREATE / DROP DATABASE.
 */
final class Statements {
  /** DONE CurCmd of SELECT. */
  static final int CMD_SELECT = 0xC1;

  private Statements() {}

  static void run(Runner r, Stmt st) {
    if (st instanceof Stmt.Select sel && BenchSelect.run(r, sel)
        || st instanceof Stmt.Insert ins && SinkInsert.run(r, ins)) {
      return;
    }
    if (st instanceof Stmt.Select
        || st instanceof Stmt.Insert
        || st instanceof Stmt.Update
        || st instanceof Stmt.Delete
        || st instanceof Stmt.Merge) {
      implicitTransaction(r, st);
      new QueryRunner(r).run(st);
    } else if (st instanceof Stmt.CreateRoutine cr) {
      RoutineDdl.create(r, cr);
    } else if (st instanceof Stmt.Drop d
        && (d.kind().equals("PROCEDURE") || d.kind().equals("FUNCTION"))) {
      RoutineDdl.drop(r, d);
    } else if (st instanceof Stmt.CreateTable
        || st instanceof Stmt.AlterTable
        || st instanceof Stmt.Drop
        || st instanceof Stmt.CreateIndex
        || st instanceof Stmt.CreateView
        || st instanceof Stmt.CreateSchema
        || st instanceof Stmt.CreateSequence
        || st instanceof Stmt.Truncate) {
      implicitTransaction(r, st);
      new DdlRunner(r).run(st);
    } else if (st instanceof Stmt.Declare d) {
      Variables.declare(r, d);
    } else if (st instanceof Stmt.SetVar sv) {
      Variables.set(r, sv);
    } else if (st instanceof Stmt.SetOption so) {
      SetStatement.run(r, so);
    } else {
      other(r, st);
    }
  }

  private static void other(Runner r, Stmt st) {
    if (st instanceof Stmt.Use u) {
      use(r, u);
    } else if (st instanceof Stmt.Print p) {
      Param v = new Evaluator(r).value(p.message(), SqlType.nvarchar(SqlType.MAX));
      r.info(0, 1, 0, v.value() == null ? "" : v.value().toString(), p.line());
      r.s.rowCount = 0;
      r.done(0, -1);
    } else if (st instanceof Stmt.RaisError re) {
      Messages.raisError(r, re);
    } else if (st instanceof Stmt.Throw t) {
      Messages.throwError(r, t);
    } else if (st instanceof Stmt.Transaction tx) {
      transaction(r, tx);
    } else if (st instanceof Stmt.WaitFor w) {
      Messages.waitFor(r, w);
    } else if (st instanceof Stmt.Kill k) {
      kill(r, k);
    } else if (st instanceof Stmt.Exec e) {
      Exec.run(r, e);
    } else if (st instanceof Stmt.CreateDatabase cd) {
      Databases.create(r, cd);
    } else if (st instanceof Stmt.DropDatabase dd) {
      Databases.drop(r, dd);
    } else if (st instanceof Stmt.Unsupported u) {
      throw SqlException.unsupported(u.construct());
    } else if (!(st instanceof Stmt.Nothing)) {
      throw SqlException.unsupported(st.getClass().getSimpleName());
    }
  }

  /** IMPLICIT_TRANSACTIONS ON: these statements open a transaction when none is open. */
  static void implicitTransaction(Runner r, Stmt st) {
    if (!r.s.options().on("IMPLICIT_TRANSACTIONS") || r.s.txn().count() > 0) {
      return;
    }
    if (st instanceof Stmt.Select sel
        && sel.query().body() instanceof QueryExpr.Select b
        && b.from().isEmpty()
        && b.into() == null) {
      return; // a SELECT that reads no table does not start one
    }
    begin(r, null);
  }

  static void begin(Runner r, String isolation) {
    long d = r.s.txn().begin(isolation);
    if (d != 0 && reportsTransactions(r)) {
      r.sink.envChange(new EnvChange.Binary(EnvChange.BEGIN_TRAN, descriptor(d), new byte[0]));
    }
  }

  static boolean reportsTransactions(Runner r) {
    return r.s.tds().tdsVersion().atLeast(TdsVersion.V7_2);
  }

  /** The 8-byte little-endian transaction descriptor. */
  static byte[] descriptor(long d) {
    return ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(d).array();
  }

  private static void transaction(Runner r, Stmt.Transaction tx) {
    TxnState t = r.s.txn();
    switch (tx.kind()) {
      case "BEGIN" -> {
        // "When IMPLICIT_TRANSACTIONS = ON an explicit BEGIN TRANSACTION will start two nested
        // transactions" (SET IMPLICIT_TRANSACTIONS); mssql-jdbc's setSavepoint counts on it
        implicitTransaction(r, tx);
        begin(r, r.s.options().get("TRANSACTION ISOLATION LEVEL"));
      }
      case "COMMIT" -> {
        long d = t.commit();
        if (d != 0 && reportsTransactions(r)) {
          r.sink.envChange(new EnvChange.Binary(EnvChange.COMMIT_TRAN, new byte[0], descriptor(d)));
        }
      }
      case "ROLLBACK" -> {
        if (tx.name() != null && t.count() > 0 && t.hasSavepoint(tx.name())) {
          t.rollbackTo(tx.name());
        } else {
          // no savepoint of that name: the outermost transaction's name (not kept) or none
          if (t.count() == 0) {
            throw new SqlException(
                3903,
                16,
                1,
                "The ROLLBACK TRANSACTION request has no" + " corresponding BEGIN TRANSACTION.",
                false);
          }
          r.rollbackAll();
        }
      }
      default -> t.save(tx.name());
    }
    r.s.rowCount = 0;
    r.done(0, -1);
  }

  private static void use(Runner r, Stmt.Use u) {
    String db = r.s.engine().database(u.database());
    if (db == null) {
      throw new SqlException(
          911,
          16,
          1,
          "Database '"
              + u.database()
              + "' does not exist. Make"
              + " sure that the name is entered correctly.",
          true);
    }
    String from = r.s.database();
    r.s.database(db);
    r.sink.envChange(new EnvChange.Text(EnvChange.DATABASE, db, from));
    r.info(5701, 1, 0, "Changed database context to '" + db + "'.", u.line());
    r.s.rowCount = 0;
    r.done(0, -1);
  }

  private static void kill(Runner r, Stmt.Kill k) {
    Param v = new Evaluator(r).value(k.spid(), null);
    if (!(v.value() instanceof Number n)) {
      throw new SqlException(
          6112,
          16,
          2,
          "Process ID "
              + v.value()
              + " is not a valid process"
              + " ID. Choose a number between 1 and 2048.",
          false);
    }
    int spid = n.intValue();
    if (spid == r.s.spid()) {
      throw new SqlException(6104, 16, 1, "Cannot use KILL to kill your own process.", false);
    }
    if (spid > 0 && spid <= 50) {
      // "System processes ... cannot be terminated" (KILL (Transact-SQL)): SQL Server keeps SPIDs
      // 1-50 for them, user sessions start at 51
      throw new SqlException(6107, 14, 1, "Only user processes can be killed.", false);
    }
    if (!r.s.tds().kill(spid)) {
      throw new SqlException(
          6106, 16, 2, "Process ID " + spid + " is not an active process ID.", false);
    }
    r.done(0, -1);
  }

  /** Wraps an H2 failure outside a data statement. */
  static SqlException h2(SQLException e) {
    return H2Errors.translate(e);
  }

  static String upper(String s) {
    return s.toUpperCase(Locale.ROOT);
  }
}
