package io.jctds.server.tsql;

import io.jctds.protocol.token.Done;
import io.jctds.server.sql.SqlException;
import io.jctds.server.storage.Names;
import io.jctds.server.types.SqlType;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Modules: what runs one nesting level down from its caller, a stored procedure, a scalar function,
 * EXEC of a string, sp_executesql's statement. A module has its own variables (it sees the caller's
 * temporary tables, not its variables), its SET options end with it ("SET statements"), the local
 * temporary tables it creates are dropped when it ends ("CREATE TABLE", temporary tables), and it
 * counts in @@NESTLEVEL, at most 32 deep (error 217).
 *
 * <p>An EXEC statement completes as SQL Server 2025 does (captured token streams, see {@link
 * #exec}): the module's statements end with DONEINPROC; at the top level of a batch the EXEC ends
 * with RETURNSTATUS and DONEPROC (CurCmd 0xE0), inside a module with DONEINPROC 0xE0 alone.
 */
final class Modules {
  /** SQL Server's limit of nested modules ("Nesting stored procedures"). */
  static final int MAX_NESTING = 32;

  /** The CurCmd of the DONEPROC / DONEINPROC that ends an EXEC. */
  static final int CMD_EXECUTE = 0xE0;

  /** The CurCmd of a bare RETURN's DONE (captured: mirek/bitsql docs, completion model). */
  static final int CMD_RETURN = 219;

  private Modules() {}

  /** A running module. */
  static final class Frame {
    private final String name;
    private final int objectId;
    private final SqlType returns;
    private final boolean function;
    private final String database;
    private int maxSeverity;
    private final List<String> temporaryTables = new ArrayList<>();

    private Frame(String name, int objectId, SqlType returns, boolean function, String database) {
      this.name = name;
      this.objectId = objectId;
      this.returns = returns;
      this.function = function;
      this.database = database;
    }

    /** A stored procedure's frame: it runs in its own database. */
    static Frame procedure(String name, int objectId, String database) {
      return new Frame(name, objectId, null, false, database);
    }

    /** A scalar function's frame: RETURN gives a value of {@code returns}. */
    static Frame function(String name, int objectId, SqlType returns, String database) {
      return new Frame(name, objectId, returns, true, database);
    }

    /** The frame of EXEC of a string or sp_executesql's statement. */
    static Frame batch() {
      return new Frame(null, 0, null, false, null);
    }

    /** The procedure's or function's name (messages, ERROR_PROCEDURE()), null for a batch. */
    String name() {
      return name;
    }

    /**
     * @@PROCID.
     */
    int objectId() {
      return objectId;
    }

    /** A function's return type, else null. */
    SqlType returns() {
      return returns;
    }

    boolean function() {
      return function;
    }

    /** One of its statements raised an error of {@code severity} (caught or not). */
    void raised(int severity) {
      maxSeverity = Math.max(maxSeverity, severity);
    }

    /**
     * The return status without RETURN n: 0, or 10 minus the highest severity above 10 of the
     * errors its own statements raised (SQL Server 2025: -6 after a severity 16 error, -1 after 11;
     * captured in mirek/bitsql harness/corpus/proc/return-status.expected.json).
     */
    int status() {
      return maxSeverity > 10 ? 10 - maxSeverity : 0;
    }

    /** A local temporary table it created (H2 key "tempdb.dbo.#t"). */
    void created(String key) {
      temporaryTables.add(key);
    }
  }

  /** Enters one nesting level: error 217 beyond {@link #MAX_NESTING}. */
  static void enter(TsqlSession s) {
    if (s.nestLevel >= MAX_NESTING) {
      throw new SqlException(
          217,
          16,
          1,
          "Maximum stored procedure, function, trigger, or view nesting level exceeded (limit 32).",
          true);
    }
    s.nestLevel++;
  }

  /** Leaves a nesting level. */
  static void leave(TsqlSession s) {
    s.nestLevel--;
  }

  /**
   * Runs {@code body} as module {@code frame} with {@code variables} as its only variables.
   *
   * @return RETURN's value, null when the body ended without RETURN or with a bare RETURN
   * @throws Runner.Abort, Runner.Caught, Runner.ModuleEnd as its statements' errors decide
   */
  static Param run(Runner caller, Frame frame, Map<String, Variable> variables, List<Stmt> body) {
    return within(caller, frame, variables, r -> r.block(body));
  }

  /**
   * Runs {@code sql} as a batch in module {@code frame} (EXEC of a string, sp_executesql): a syntax
   * error, or RETURN with a value (178), ends the module only.
   */
  static void runText(Runner caller, Frame frame, Map<String, Variable> variables, String sql) {
    within(
        caller,
        frame,
        variables,
        r -> {
          List<Stmt> statements;
          try {
            statements = SinkInsert.parse(sql); // BatchParser's, cached for the sink's INSERT
          } catch (SqlException e) {
            r.report(e, e.line() == 0 ? 1 : e.line());
            throw new Runner.ModuleEnd();
          }
          Stmt valued = returnWithValue(statements);
          if (valued != null) {
            r.report(returnNotAllowed(), valued.line());
            throw new Runner.ModuleEnd();
          }
          r.block(statements);
        });
  }

  /** What runs inside a module. */
  @FunctionalInterface
  private interface Body {
    void run(Runner r);
  }

  private static Param within(
      Runner caller, Frame frame, Map<String, Variable> variables, Body body) {
    TsqlSession s = caller.s;
    Map<String, Variable> callerVariables = new HashMap<>(s.variables);
    Map<String, String> options = s.options().save();
    Frame outer = s.frame;
    String database = s.database();
    s.variables.clear();
    s.variables.putAll(variables);
    s.frame = frame;
    if (frame.database != null && !Names.TEMPDB.equalsIgnoreCase(frame.database)) {
      // a module runs in the database that holds it (procedures of master, "sp_" ones too)
      s.moduleDatabase(frame.database);
    }
    try {
      body.run(caller.child(caller.sink));
      return null;
    } catch (Runner.Return ret) {
      return ret.value;
    } catch (Runner.Loop l) {
      // BREAK or CONTINUE outside WHILE in an EXEC string: it ends the string, not a caller's loop
      caller.report(
          new SqlException(
              135,
              15,
              1,
              "Cannot use a BREAK statement outside the scope of a WHILE statement.",
              true),
          1);
      throw new Runner.ModuleEnd();
    } finally {
      s.frame = outer;
      s.moduleDatabase(database);
      s.variables.clear();
      s.variables.putAll(callerVariables);
      restoreOptions(caller, options);
      dropTemporaryTables(s, frame);
    }
  }

  private static void restoreOptions(Runner r, Map<String, String> saved) {
    Options o = r.s.options();
    String isolation = o.get("TRANSACTION ISOLATION LEVEL");
    String lockTimeout = o.get("LOCK_TIMEOUT");
    o.restore(saved);
    if (!o.get("TRANSACTION ISOLATION LEVEL").equals(isolation)) {
      r.s.txn().isolation(o.get("TRANSACTION ISOLATION LEVEL"));
    }
    if (!o.get("LOCK_TIMEOUT").equals(lockTimeout)) {
      SetStatement.lockTimeout(r, o.number("LOCK_TIMEOUT"));
    }
  }

  /**
   * Drops the local temporary tables the module created; inside a transaction (where H2 would
   * commit to drop them) once it commits, while ROLLBACK drops them anyway.
   */
  private static void dropTemporaryTables(TsqlSession s, Frame frame) {
    if (frame.temporaryTables.isEmpty()) {
      return;
    }
    List<String> drops = new ArrayList<>();
    for (String key : frame.temporaryTables) {
      String name = key.substring(key.lastIndexOf('.') + 1);
      drops.add("DROP TABLE IF EXISTS " + Names.qualified(Names.TEMPDB, Names.DBO, name));
    }
    if (s.txn().count() > 0) {
      s.txn().afterCommit(drops);
      return;
    }
    try (Statement st = s.connection().createStatement()) {
      for (String sql : drops) {
        st.execute(sql);
      }
    } catch (SQLException e) {
      s.engine().logger().log(System.Logger.Level.DEBUG, "dropping a module's table: " + e);
    }
    s.store().schemaChanged();
    s.catalog().invalidate();
  }

  /** RETURN's value: a function's return type, a procedure's int (NULL: message 282 and 0). */
  static Param returnValue(Runner r, Stmt.Return ret) {
    Frame f = r.s.frame;
    SqlType type = f != null && f.returns() != null ? f.returns() : SqlType.INT;
    Param p = new Evaluator(r).value(ret.value(), type);
    if (p.value() == null && f != null && !f.function() && f.name() != null) {
      // "RETURN (Transact-SQL)": a procedure cannot return NULL; a warning, and 0
      r.info(
          282,
          1,
          0,
          "The '"
              + f.name()
              + "' procedure attempted to return a status of NULL, which is not allowed. A status"
              + " of 0 will be returned instead.",
          ret.line());
      return new Param(SqlType.INT, 0L);
    }
    return p;
  }

  /** The first RETURN with a value among {@code statements} and the blocks they hold, or null. */
  static Stmt returnWithValue(List<Stmt> statements) {
    for (Stmt st : statements) {
      Stmt found = returnWithValue(st);
      if (found != null) {
        return found;
      }
    }
    return null;
  }

  private static Stmt returnWithValue(Stmt st) {
    if (st instanceof Stmt.Return ret) {
      return ret.value() == null ? null : ret;
    } else if (st instanceof Stmt.If i) {
      Stmt found = i.then() == null ? null : returnWithValue(i.then());
      return found != null || i.otherwise() == null ? found : returnWithValue(i.otherwise());
    } else if (st instanceof Stmt.While w) {
      return returnWithValue(w.body());
    } else if (st instanceof Stmt.Block b) {
      return returnWithValue(b.body());
    } else if (st instanceof Stmt.TryCatch tc) {
      Stmt found = returnWithValue(tc.body());
      return found != null ? found : returnWithValue(tc.handler());
    }
    return null;
  }

  /** Error 178: RETURN with a value outside a procedure or function. */
  static SqlException returnNotAllowed() {
    return new SqlException(
        178, 15, 1, "A RETURN statement with a return value cannot be used in this context.", true);
  }

  /**
   * Whether {@code e}, raised inside a module, ends that module only: the errors SQL Server finds
   * when it compiles a statement of a module at its first run (an unknown table or column), where
   * in a batch they stop the whole batch.
   */
  static boolean endsModuleOnly(SqlException e) {
    return switch (e.number()) {
      case 207, 208, 4104 -> true;
      default -> false;
    };
  }

  /**
   * Runs what an EXEC statement at {@code line} calls and completes it as SQL Server 2025 does
   * (captured in mirek/bitsql harness/corpus/proc/nested-exec-tokens and exec-errors): its
   * statements end with DONEINPROC; then, at the top level of a batch, RETURNSTATUS and DONEPROC
   * 0xE0, inside a module DONEINPROC 0xE0. An error of the EXEC itself (2812, arguments) is ERROR
   * and that completion with the error bit; an error that ended the module only adds the error bit
   * and no RETURNSTATUS; an error on its way to a caller's CATCH completes the module without the
   * error bit; a batch-ending error leaves it without completion.
   *
   * @return the call's result, or null when it failed
   */
  static Call.Result exec(Runner r, int line, Supplier<Call.Result> call) {
    boolean top = r.s.nestLevel == 0;
    r.sink.enterModule();
    boolean open = true;
    try {
      Call.Result result = call.get();
      r.sink.exitModule();
      open = false;
      complete(r, top, 0, result.status());
      return result;
    } catch (Procedures.CallError e) {
      r.sink.exitModule();
      open = false;
      execError(r, top, e.error(), e.line(), e.procedure());
      return null;
    } catch (SqlException e) {
      r.sink.exitModule();
      open = false;
      execError(r, top, e, e.line() != 0 ? e.line() : line, null);
      return null;
    } catch (Runner.ModuleEnd e) {
      r.sink.exitModule();
      open = false;
      complete(r, top, Done.STATUS_ERROR, null);
      return null;
    } catch (Runner.Caught e) {
      r.sink.exitModule();
      open = false;
      complete(r, top, 0, null);
      throw e;
    } finally {
      if (open) {
        r.sink.exitModule(); // a batch-ending error: the batch ends with its DONE
      }
    }
  }

  private static void complete(Runner r, boolean top, int status, Integer returnStatus) {
    if (top) {
      if (returnStatus != null) {
        r.sink.returnStatus(returnStatus);
      }
      r.sink.doneProc(status, CMD_EXECUTE);
    } else {
      r.sink.done(status, CMD_EXECUTE, 0);
    }
  }

  /** An error of the EXEC itself: not found, arguments, nesting. */
  private static void execError(Runner r, boolean top, SqlException e, int line, String procedure) {
    r.s.lastError = e.number();
    if (e.abortsBatch()) {
      r.report(e, line);
      throw new Runner.Abort();
    }
    if (r.inTry() && e.severity() >= 11 && e.severity() <= 19) {
      complete(r, top, 0, null);
      throw new Runner.Caught(e, line, procedure);
    }
    r.message(e, line, procedure);
    complete(r, top, Done.STATUS_ERROR, null);
  }
}
