package io.jctds.server.tsql;

import io.jctds.protocol.token.Done;
import io.jctds.protocol.token.EnvChange;
import io.jctds.protocol.token.ServerMessage;
import io.jctds.server.sql.ResultSink;
import io.jctds.server.sql.SqlException;
import java.util.List;

/**
 * Runs a batch: parses it whole (a syntax error runs nothing), then runs its statements with
 * T-SQL's control flow (IF, WHILE, BEGIN ... END, TRY ... CATCH, BREAK, CONTINUE, RETURN) and error
 * rules: a failing statement reports ERROR and a DONE with the error bit; errors SQL Server treats
 * as batch-aborting (name resolution, conversion, THROW, deadlock, anything under XACT_ABORT ON)
 * stop the batch, others let it go on; inside TRY, errors of severity 11 to 19 go to the CATCH
 * block instead.
 */
final class Runner {
  final TsqlSession s;
  final ResultSink sink;
  private int tryDepth;

  /** Ends the batch (already reported). */
  static final class Abort extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Abort() {
      super(null, null, false, false);
    }
  }

  /** RETURN; {@code value} is its expression's value, null for a bare RETURN. */
  static final class Return extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final transient Param value;

    Return(Param value) {
      super(null, null, false, false);
      this.value = value;
    }
  }

  /** An error ended the running module only (it is reported); its caller goes on. */
  static final class ModuleEnd extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ModuleEnd() {
      super(null, null, false, false);
    }
  }

  /** BREAK (isBreak) or CONTINUE. */
  static final class Loop extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final boolean isBreak;

    Loop(boolean isBreak) {
      super(null, null, false, false);
      this.isBreak = isBreak;
    }
  }

  /** An error inside TRY, on its way to CATCH. */
  static final class Caught extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final SqlException error;
    final int line;
    final String procedure;

    Caught(SqlException error, int line, String procedure) {
      super(null, null, false, false);
      this.error = error;
      this.line = line;
      this.procedure = procedure;
    }
  }

  Runner(TsqlSession s, ResultSink sink) {
    this(s, sink, 0);
  }

  private Runner(TsqlSession s, ResultSink sink, int tryDepth) {
    this.s = s;
    this.sink = sink;
    this.tryDepth = tryDepth;
  }

  /**
   * A runner for a module or batch that this one's statement runs (a procedure, EXEC of a string,
   * sp_executesql): inside the same TRY blocks, so that their errors reach this one's CATCH.
   */
  Runner child(ResultSink to) {
    return new Runner(s, to, tryDepth);
  }

  /** Whether a TRY block of this runner or of a caller is running. */
  boolean inTry() {
    return tryDepth > 0;
  }

  void batch(String sql) {
    List<Stmt> statements;
    try {
      statements = BatchParser.parse(sql);
    } catch (SqlException e) {
      report(e, e.line() == 0 ? 1 : e.line());
      return;
    } catch (StackOverflowError e) {
      report(
          new SqlException(
              191,
              15,
              1,
              "Some part of your SQL statement is nested too deeply."
                  + " Rewrite the query or break it up into smaller queries.",
              true),
          1);
      return;
    }
    Stmt valued = Modules.returnWithValue(statements);
    if (valued != null) {
      report(
          new SqlException(
              178,
              15,
              1,
              "A RETURN statement with a return value cannot be used in this context.",
              true),
          valued.line());
      return;
    }
    try {
      block(statements);
    } catch (Abort | Return e) {
      // the batch ends here
    } catch (Loop e) {
      report(
          new SqlException(
              135,
              15,
              1,
              "Cannot use a BREAK statement outside the scope of a" + " WHILE statement.",
              true),
          1);
    }
  }

  void block(List<Stmt> list) {
    for (Stmt st : list) {
      statement(st);
    }
  }

  void statement(Stmt st) {
    stopIfCancelled();
    try {
      dispatch(st);
    } catch (SqlException e) {
      failed(e, st.line());
    } catch (StackOverflowError e) {
      failed(
          new SqlException(
              191,
              15,
              1,
              "Some part of your SQL statement is nested too deeply."
                  + " Rewrite the query or break it up into smaller queries.",
              true),
          st.line());
    } catch (RuntimeException e) {
      if (e instanceof Abort
          || e instanceof Return
          || e instanceof Loop
          || e instanceof Caught
          || e instanceof ModuleEnd) {
        throw e;
      }
      stopIfCancelled();
      s.engine()
          .logger()
          .log(
              System.Logger.Level.ERROR,
              "spid " + s.spid() + ": statement at line " + st.line() + " failed",
              e);
      failed(
          new SqlException(50000, 16, 1, "internal error in the jctds SQL engine: " + e, false),
          st.line());
    }
  }

  private void dispatch(Stmt st) {
    if (st instanceof Stmt.If when) {
      Stmt branch = new Evaluator(this).test(when.condition()) ? when.then() : when.otherwise();
      if (branch != null) {
        statement(branch);
      }
    } else if (st instanceof Stmt.While w) {
      loop(w);
    } else if (st instanceof Stmt.Block b) {
      block(b.body());
    } else if (st instanceof Stmt.TryCatch tc) {
      tryCatch(tc);
    } else if (st instanceof Stmt.Loop l) {
      throw new Loop(l.isBreak());
    } else if (st instanceof Stmt.Return ret) {
      Param value = ret.value() == null ? null : Modules.returnValue(this, ret);
      if (s.frame == null || !s.frame.function()) {
        // SQL Server 2025 completes RETURN too: CurCmd 219 bare, 193 with a value (count 1)
        done(value == null ? Modules.CMD_RETURN : Statements.CMD_SELECT, value == null ? -1 : 1);
      }
      throw new Return(value);
    } else {
      Statements.run(this, st);
    }
  }

  private void loop(Stmt.While w) {
    Evaluator eval = new Evaluator(this);
    while (!s.cancelled() && eval.test(w.condition())) {
      try {
        statement(w.body());
      } catch (Loop l) {
        if (l.isBreak) {
          return;
        }
      }
    }
  }

  private void tryCatch(Stmt.TryCatch tc) {
    Caught caught = null;
    tryDepth++;
    try {
      block(tc.body());
    } catch (Caught c) {
      caught = c;
    } finally {
      tryDepth--;
    }
    if (caught == null) {
      return;
    }
    if (s.options().on("XACT_ABORT") || caught.error.number() == 1205) {
      s.txn().doom();
    }
    SqlException previous = s.caught;
    int previousLine = s.caughtLine;
    String previousProcedure = s.caughtProcedure;
    s.caught = caught.error;
    s.caughtLine = caught.line;
    s.caughtProcedure = caught.procedure;
    try {
      block(tc.handler());
    } finally {
      s.caught = previous;
      s.caughtLine = previousLine;
      s.caughtProcedure = previousProcedure;
    }
  }

  /**
   * Ends the batch when the client cancelled the request (ATTENTION): without an error message
   * ("The sudden stop will not raise any Sql server errors"), not caught by TRY ... CATCH ("Errors
   * unaffected by a TRY...CATCH construct: attentions, such as client-interrupt requests", TRY...
   * CATCH (Transact-SQL)). The transaction stays open unless SET XACT_ABORT is ON, which rolls it
   * back (SET XACT_ABORT (Transact-SQL); a client timeout leaves it open otherwise).
   */
  void stopIfCancelled() {
    if (!s.cancelled()) {
      return;
    }
    if (s.options().on("XACT_ABORT") && s.txn().count() > 0) {
      rollbackAll();
    }
    throw new Abort();
  }

  /** Handles a failed statement as SQL Server does. */
  void failed(SqlException e, int line) {
    stopIfCancelled(); // the failure is the cancelled H2 statement's, or does not matter now
    Modules.Frame frame = s.frame;
    if (frame != null && frame.function()) {
      throw e; // a function's error is the error of the statement that called it
    }
    int at = e.line() != 0 ? e.line() : line;
    s.lastError = e.number();
    s.rowCount = 0;
    if (frame != null) {
      frame.raised(e.severity());
    }
    if (tryDepth > 0 && e.severity() >= 11 && e.severity() <= 19) {
      throw new Caught(e, at, frame == null ? null : frame.name());
    }
    report(e, at);
    boolean xactAbort = s.options().on("XACT_ABORT") && e.severity() >= 11;
    if ((e.number() == 1205 || xactAbort) && s.txn().count() > 0) {
      rollbackAll();
    }
    if (e.abortsBatch() || xactAbort || e.number() == 1205 || e.severity() >= 20) {
      if (frame != null && !xactAbort && e.number() != 1205 && Modules.endsModuleOnly(e)) {
        throw new ModuleEnd();
      }
      throw new Abort();
    }
  }

  /** Rolls back the whole transaction and reports it (ENVCHANGE 10). */
  void rollbackAll() {
    long d = s.txn().rollback();
    if (s.tds().tdsVersion().atLeast(io.jctds.protocol.TdsVersion.V7_2)) {
      sink.envChange(
          new EnvChange.Binary(EnvChange.ROLLBACK_TRAN, new byte[0], Statements.descriptor(d)));
    }
  }

  /** ERROR, then DONE with the error bit. */
  void report(SqlException e, int line) {
    for (SqlException m = e; m != null; m = m.next()) {
      message(m, line);
    }
    sink.done(Done.STATUS_ERROR, 0, 0);
  }

  /** The ERROR token of {@code e} at {@code line}, in the running module's name. */
  void message(SqlException e, int line) {
    message(e, line, null);
  }

  /** The ERROR token of {@code e} at {@code line}, in {@code procedure}'s name (null: running). */
  void message(SqlException e, int line, String procedure) {
    String text = e.getMessage().replace("%SPID%", String.valueOf(s.spid()));
    String proc = procedure != null ? procedure : procedure();
    sink.message(
        new ServerMessage(
            true, e.number(), e.state(), e.severity(), text, s.serverName(), proc, line));
  }

  /** The name of the running procedure for messages, "" outside procedures. */
  private String procedure() {
    Modules.Frame f = s.frame;
    return f == null || f.name() == null ? "" : f.name();
  }

  /** An INFO message (PRINT, RAISERROR with severity 10 or less, 5701, ...). */
  void info(int number, int state, int severity, String text, int line) {
    sink.message(
        new ServerMessage(false, number, state, severity, text, s.serverName(), procedure(), line));
  }

  /** The DONE of a statement without a row count (unless {@code count} >= 0). */
  void done(int curCmd, long count) {
    boolean counted = count >= 0 && !s.options().on("NOCOUNT");
    sink.done(counted ? Done.STATUS_COUNT : 0, curCmd, Math.max(count, 0));
  }
}
