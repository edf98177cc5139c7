package io.jctds.server.tsql;

import io.jctds.protocol.rpc.RpcRequest;
import io.jctds.server.SessionInfo;
import io.jctds.server.catalog.Catalog;
import io.jctds.server.catalog.ObjectIds;
import io.jctds.server.catalog.Routines;
import io.jctds.server.functions.FunctionContext;
import io.jctds.server.sql.EngineSession;
import io.jctds.server.sql.ResultSink;
import io.jctds.server.sql.SqlException;
import io.jctds.server.sql.SqlSession;
import io.jctds.server.sql.TransactionControl;
import io.jctds.server.storage.DatabaseInfo;
import io.jctds.server.storage.H2Store;
import io.jctds.server.storage.Names;
import io.jctds.server.types.SqlType;
import io.jctds.server.types.SystemTypes;
import io.jctds.server.types.Variants;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;

/**
 * The engine side of one TDS session: its H2 session, current database, SET options, variables of
 * the running batch, transaction, and what the error functions report in a CATCH block.
 */
final class TsqlSession implements EngineSession, Context, FunctionContext {
  private final TsqlEngine engine;
  private final SqlSession tds;
  private final Connection connection;
  private final Catalog catalog;
  private final Options options = new Options();
  private final TxnState txn;
  final Map<String, Variable> variables = new HashMap<>();
  final List<String> tableVariables = new ArrayList<>();
  private String database;
  private volatile boolean cancelled;
  private volatile Statement running;
  private final Object sleeper = new Object();
  private final SessionLocal h2;
  long rowCount;
  int lastError;
  BigDecimal lastIdentity;
  SqlException caught;
  int caughtLine;
  String caughtProcedure;
  String identityInsert;

  /** The load an INSERT BULK announced, until its BulkLoadBCP message arrives. */
  private BulkLoad pendingBulk;

  /**
   * master.dbo.jctds_bench_sink's counter once a fast INSERT looked for it; see {@link #benchSink}.
   */
  private io.jctds.server.sink.Sink benchSink;

  /**
   * @@NESTLEVEL: how many modules (procedures, EXEC strings, ...) are running.
   */
  int nestLevel;

  /** The running module, null at the level of the batch or RPC. */
  Modules.Frame frame;

  /** The session's temporary procedures (#name), by lower-case name. */
  final Map<String, io.jctds.server.catalog.Routines.Routine> temporaryRoutines = new HashMap<>();

  private int tableVariableSeq;
  private final ExecuteSql.Prepared prepared = new ExecuteSql.Prepared();

  TsqlSession(TsqlEngine engine, SqlSession tds) {
    this.engine = engine;
    this.tds = tds;
    this.database = tds.loginDatabase();
    try {
      this.connection = engine.store().connect();
      try (Statement st = connection.createStatement()) {
        st.execute("SET LOCK_TIMEOUT " + Integer.MAX_VALUE); // SQL Server waits (LOCK_TIMEOUT -1)
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot open an H2 session: " + e.getMessage(), e);
    }
    this.h2 =
        connection instanceof JdbcConnection j && j.getSession() instanceof SessionLocal l
            ? l
            : null;
    this.catalog = new Catalog(engine.store(), connection);
    this.txn = new TxnState(connection, engine.store());
    txn.onEnd(() -> engine.appLocks().releaseAll(new AppLockManager.Owner(tds.spid(), true)));
  }

  int spid() {
    return tds.spid();
  }

  SqlSession tds() {
    return tds;
  }

  TsqlEngine engine() {
    return engine;
  }

  H2Store store() {
    return engine.store();
  }

  Connection connection() {
    return connection;
  }

  /** The counter of master.dbo.jctds_bench_sink behind this session's connection, or null. */
  io.jctds.server.sink.Sink benchSink() {
    if (benchSink == null) {
      benchSink = io.jctds.server.sink.Sink.master(connection);
    }
    return benchSink;
  }

  TxnState txn() {
    return txn;
  }

  @Override
  public void execute(String batch, ResultSink sink) {
    FunctionContext.set(this);
    pendingBulk = null;
    try {
      if (BulkStatement.matches(batch)) {
        insertBulk(batch, sink);
        return;
      }
      new Runner(this, sink).batch(batch);
    } finally {
      nestLevel = 0;
      frame = null;
      FunctionContext.set(null);
      endBatch();
    }
  }

  @Override
  public void call(RpcRequest call, ResultSink sink) {
    FunctionContext.set(this);
    pendingBulk = null; // as after a batch: the bulk data must follow its INSERT BULK
    Runner r = new Runner(this, sink);
    try {
      RpcCalls.call(r, call);
    } catch (Procedures.CallError e) {
      r.message(e.error(), e.line(), e.procedure());
    } catch (Runner.ModuleEnd e) {
      // the procedure ended on an error, already reported; DONEPROC says so
    } finally {
      nestLevel = 0;
      frame = null;
      FunctionContext.set(null);
      endBatch();
    }
  }

  /** INSERT BULK: resolves the target and expects the BulkLoadBCP message next. */
  private void insertBulk(String batch, ResultSink sink) {
    try {
      pendingBulk = BulkLoad.prepare(this, batch);
      sink.done(0, 0, 0);
    } catch (SqlException e) {
      new Runner(this, sink).report(e, 1);
    }
  }

  @Override
  public boolean bulkLoadExpected() {
    return pendingBulk != null;
  }

  @Override
  public void bulkLoad(
      io.jctds.server.sql.StreamedPayload payload,
      io.jctds.protocol.TdsVersion version,
      ResultSink sink) {
    BulkLoad load = pendingBulk;
    pendingBulk = null;
    if (load == null) {
      throw new IllegalStateException("no INSERT BULK precedes this bulk load");
    }
    try {
      long n = load.load(payload, version);
      if (n < 0) { // the client abandoned the message: nothing was kept
        sink.done(io.jctds.protocol.token.Done.STATUS_ERROR, 0, 0);
        return;
      }
      rowCount = n;
      sink.done(io.jctds.protocol.token.Done.STATUS_COUNT, 0, n);
    } catch (SqlException e) {
      lastError = e.number();
      new Runner(this, sink).report(e, 1);
    } finally {
      endBatch();
    }
  }

  /** The session's prepared statements (sp_prepare, sp_prepexec). */
  ExecuteSql.Prepared prepared() {
    return prepared;
  }

  /** Batch-scoped state ends: variables and table variables. */
  private void endBatch() {
    clearH2Cancel(); // a cancel that ended the request must not stop the clean-up
    variables.clear();
    if (tableVariables.isEmpty()) {
      return; // nothing dropped: the schema (and every session's catalog cache) stays valid
    }
    for (String tv : tableVariables) {
      try (Statement s = connection.createStatement()) {
        if (txn.count() == 0) {
          s.execute("DROP TABLE IF EXISTS " + Names.qualified(Names.TEMPDB, Names.DBO, tv));
        } else {
          txn.recordDdl(
              List.of("DROP TABLE IF EXISTS " + Names.qualified(Names.TEMPDB, Names.DBO, tv)),
              true,
              null);
        }
      } catch (SQLException e) {
        engine.logger().log(System.Logger.Level.DEBUG, "dropping table variable: " + e);
      }
    }
    tableVariables.clear();
    engine.store().schemaChanged();
  }

  /** DDL created local temporary table {@code key}: the running module drops it when it ends. */
  void temporaryCreated(String key) {
    String name = key.substring(key.lastIndexOf('.') + 1);
    if (frame != null && name.startsWith("#") && !name.startsWith("##")) {
      frame.created(key);
    }
  }

  /** A fresh H2 name for a table variable. */
  String newTableVariable(String name) {
    String h2 = name + "#" + (++tableVariableSeq);
    tableVariables.add(h2);
    return h2;
  }

  /**
   * The transactions as transaction-manager requests drive them: an isolation level a TM_BEGIN_XACT
   * names becomes the session's, as SET TRANSACTION ISOLATION LEVEL would make it.
   */
  @Override
  public TransactionControl transactions() {
    return new TransactionControl() {
      @Override
      public int count() {
        return txn.count();
      }

      @Override
      public long descriptor() {
        return txn.descriptor();
      }

      @Override
      public long begin(String isolation) {
        if (isolation != null) {
          options.set(List.of("TRANSACTION ISOLATION LEVEL"), isolation);
        }
        return txn.begin(isolation);
      }

      @Override
      public long commit() {
        return txn.commit();
      }

      @Override
      public long rollback() {
        return txn.rollback();
      }

      @Override
      public long rollback(String name) {
        return txn.rollback(name);
      }

      @Override
      public void save(String name) {
        txn.save(name);
      }
    };
  }

  /**
   * RESETCONNECTION ([MS-TDS] 2.2.3.1.2; what sp_reset_connection resets): the open transaction is
   * rolled back unless {@code keepTransaction} (RESETCONNECTIONSKIPTRAN); temporary tables and
   * procedures, prepared handles and the session's application locks go; the SET options return to
   * the login's except the isolation level ("Distributed transactions and isolation levels are not
   * reset"); the database returns to the login's; @@ROWCOUNT, @@ERROR, @@IDENTITY and
   * IDENTITY_INSERT are cleared. A pending INSERT BULK is forgotten.
   */
  @Override
  public long reset(boolean keepTransaction) {
    long rolledBack = 0;
    if (!keepTransaction && txn.count() > 0) {
      rolledBack = txn.rollback();
    }
    dropTemporaryTables();
    temporaryRoutines.clear();
    engine.dropGlobalRoutines(spid());
    prepared.clear();
    engine.appLocks().releaseAll(new AppLockManager.Owner(spid(), false));
    database = tds.loginDatabase();
    tds.database(database);
    resetOptions();
    identityInsert = null;
    rowCount = 0;
    lastError = 0;
    lastIdentity = null;
    caught = null;
    pendingBulk = null;
    return rolledBack;
  }

  /** The login's SET options, the isolation level kept; H2's lock timeout follows. */
  private void resetOptions() {
    String isolation = options.get("TRANSACTION ISOLATION LEVEL");
    int lockTimeout = options.number("LOCK_TIMEOUT");
    options.reset();
    options.set(List.of("TRANSACTION ISOLATION LEVEL"), isolation);
    if (options.number("LOCK_TIMEOUT") != lockTimeout) {
      try (Statement st = connection.createStatement()) {
        st.execute("SET LOCK_TIMEOUT " + Integer.MAX_VALUE); // the login's -1: wait
      } catch (SQLException e) {
        engine.logger().log(System.Logger.Level.DEBUG, "resetting LOCK_TIMEOUT: " + e);
      }
    }
  }

  private void dropTemporaryTables() {
    List<String> temps = new ArrayList<>();
    try (Statement s = connection.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES WHERE"
                    + " TABLE_TYPE = 'LOCAL TEMPORARY'")) {
      while (rs.next()) {
        temps.add(rs.getString(1));
      }
      for (String t : temps) {
        String drop = "DROP TABLE IF EXISTS " + Names.qualified(Names.TEMPDB, Names.DBO, t);
        if (txn.count() > 0) {
          txn.afterEnd(drop); // dropping now would commit the H2 transaction the reset keeps
        } else {
          s.execute(drop);
        }
      }
    } catch (SQLException e) {
      engine.logger().log(System.Logger.Level.DEBUG, "dropping temporary tables: " + e);
    }
    engine.store().schemaChanged();
  }

  /**
   * Stops the running request: the flag the runner, loops and streaming check, H2's session cancel
   * (it holds until H2 next checks it, so a statement about to start is cancelled too, which the
   * running statement's own cancel would miss), the running statement, and a sleeping WAITFOR.
   */
  @Override
  public void cancel() {
    cancelled = true;
    if (h2 != null) {
      h2.cancel();
    }
    cancelStatement(running);
    synchronized (sleeper) {
      sleeper.notifyAll();
    }
  }

  @Override
  public void clearCancel() {
    cancelled = false;
    clearH2Cancel();
  }

  /** Forgets a cancel H2 has not acted on (SessionLocal.setQueryTimeout resets it). */
  private void clearH2Cancel() {
    if (h2 != null) {
      h2.setQueryTimeout(h2.getQueryTimeout());
    }
  }

  /** The H2 session behind {@link #connection()}, or null when it is not an embedded one. */
  SessionLocal h2() {
    return h2;
  }

  private static void cancelStatement(Statement s) {
    if (s != null) {
      try {
        s.cancel();
      } catch (SQLException e) {
        // the statement ended meanwhile
      }
    }
  }

  boolean cancelled() {
    return cancelled;
  }

  /** The H2 statement now running (null when it ended), so that {@link #cancel} can stop it. */
  void running(Statement s) {
    running = s;
  }

  /** The H2 statement running now (for cancel), or null. */
  Statement running() {
    return running;
  }

  @Override
  public org.h2.value.Value callFunction(
      String database, String schema, String name, org.h2.value.Value[] args) {
    return ScalarFunctions.invoke(this, database, schema, name, args);
  }

  /**
   * Waits {@code nanos} (WAITFOR), or less when the request is cancelled.
   *
   * @return false when the wait ended because of a cancel
   */
  boolean sleep(long nanos) {
    long end = System.nanoTime() + nanos;
    synchronized (sleeper) {
      while (!cancelled) {
        long left = end - System.nanoTime();
        if (left <= 0) {
          return true;
        }
        try {
          java.util.concurrent.TimeUnit.NANOSECONDS.timedWait(sleeper, left);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return true;
        }
      }
      return false;
    }
  }

  @Override
  public void close() {
    engine.closed(this);
    engine.dropGlobalRoutines(spid());
    engine.appLocks().releaseAll(new AppLockManager.Owner(spid(), false));
    engine.appLocks().releaseAll(new AppLockManager.Owner(spid(), true));
    try {
      if (txn.count() > 0) {
        txn.rollback(); // the transaction's DDL too, as SQL Server rolls back on disconnect
      } else if (!connection.getAutoCommit()) {
        connection.rollback();
      }
    } catch (SQLException | SqlException e) {
      // closing anyway
    }
    try {
      connection.close(); // drops the session's local temporary tables
    } catch (SQLException e) {
      engine.logger().log(System.Logger.Level.DEBUG, "closing the H2 session: " + e);
    }
    engine.store().schemaChanged();
  }

  // ---- Context ----

  @Override
  public String database() {
    return database;
  }

  void database(String name) {
    database = name;
    tds.database(name);
  }

  /** The database a module runs in, for the module only (no ENVCHANGE, USE is not allowed). */
  void moduleDatabase(String name) {
    database = name;
  }

  @Override
  public Catalog catalog() {
    return catalog;
  }

  @Override
  public Variable variable(String name) {
    return variables.get(name.toLowerCase(Locale.ROOT));
  }

  @Override
  public Param global(String name) {
    return Globals.value(this, name);
  }

  @Override
  public Options options() {
    return options;
  }

  @Override
  public String serverName() {
    return tds.serverName();
  }

  // ---- FunctionContext ----

  @Override
  public String dateFormat() {
    return options.get("DATEFORMAT");
  }

  @Override
  public int dateFirst() {
    return options.number("DATEFIRST");
  }

  @Override
  public List<Object[]> databases() {
    List<Object[]> out = new ArrayList<>();
    for (DatabaseInfo db : engine.store().databases()) {
      out.add(new Object[] {db.name(), db.id()});
    }
    return out;
  }

  @Override
  public List<SessionInfo> connections() {
    return tds.connections();
  }

  @Override
  public boolean viewServerState() {
    return tds.viewServerState();
  }

  @Override
  public short isolationLevel(int spid) {
    if (spid != spid()) {
      return 2;
    }
    return switch (options.get("TRANSACTION ISOLATION LEVEL")) {
      case "READ UNCOMMITTED" -> 1;
      case "REPEATABLE READ" -> 3;
      case "SERIALIZABLE" -> 4;
      case "SNAPSHOT" -> 5;
      default -> 2;
    };
  }

  @Override
  public Integer objectId(String name) {
    Catalog.Table t = lookup(name);
    if (t != null) {
      return ObjectIds.of(t.database(), t.schema(), t.name());
    }
    List<String> parts = NameParser.parts(name);
    try {
      ObjectName on = parts == null ? null : ObjectName.resolve(this, parts);
      Integer id =
          on == null || engine.store().database(on.database()) == null
              ? null
              : catalog.objectId(on.database(), on.schema(), on.name());
      if (id == null && parts != null) {
        Routines.Routine r = StoredProcedures.find(this, parts);
        id = r == null ? null : r.objectId();
      }
      return id;
    } catch (SQLException | SqlException e) {
      return null;
    }
  }

  @Override
  public Integer objectId(String name, String type) {
    Integer id = objectId(name);
    if (id == null || type == null) {
      return id;
    }
    String actual = null;
    Catalog.Table t = lookup(name);
    if (t != null) {
      actual = t.view() ? "V" : "U";
    } else {
      List<String> parts = NameParser.parts(name);
      try {
        Routines.Routine r = parts == null ? null : StoredProcedures.find(this, parts);
        actual = r == null ? null : r.type();
      } catch (SqlException e) {
        return null;
      }
    }
    // "OBJECT_ID (Transact-SQL)": object_type is sys.objects.type; other kinds are not checked
    return actual == null || actual.equalsIgnoreCase(type.strip()) ? id : null;
  }

  @Override
  public String objectDefinition(int id) {
    try {
      for (Routines.Routine r : Routines.list(connection, database)) {
        if (r.objectId() == id) {
          return r.definition();
        }
      }
    } catch (SQLException e) {
      return null;
    }
    return null;
  }

  /** The table or view a name string designates, or null. */
  Catalog.Table lookup(String name) {
    List<String> parts = NameParser.parts(name);
    if (parts == null) {
      return null;
    }
    try {
      ObjectName on = ObjectName.resolve(this, parts);
      if (engine.store().database(on.database()) == null) {
        return null;
      }
      return catalog.table(on.database(), on.schema(), on.name());
    } catch (SQLException | SqlException e) {
      return null;
    }
  }

  @Override
  public String objectName(int id, Integer databaseId, boolean schemaOnly) {
    String db = databaseId == null ? database : null;
    if (db == null) {
      for (DatabaseInfo d : engine.store().databases()) {
        if (d.id() == databaseId) {
          db = d.name();
        }
      }
    }
    if (db == null) {
      return null;
    }
    try {
      String found = catalog.objectName(db, id, schemaOnly);
      if (found == null) {
        for (Routines.Routine r : Routines.list(connection, db)) {
          if (r.objectId() == id) {
            return schemaOnly ? r.schema() : r.name();
          }
        }
      }
      return found;
    } catch (SQLException e) {
      return null;
    }
  }

  @Override
  public BigDecimal identCurrent(String name) {
    Catalog.Table t = lookup(name);
    if (t == null || t.identity() == null) {
      return null;
    }
    try (PreparedStatement p =
        connection.prepareStatement(
            "SELECT MAX(" + Names.quote(t.identity().name()) + ") FROM " + t.h2Name())) {
      try (ResultSet rs = p.executeQuery()) {
        return rs.next() ? rs.getBigDecimal(1) : null;
      }
    } catch (SQLException e) {
      return null;
    }
  }

  @Override
  public Integer columnLength(String table, String column) {
    Catalog.Table t = lookup(table);
    Catalog.Column c = t == null ? null : t.column(column);
    return c == null ? null : SystemTypes.maxLength(c.type());
  }

  @Override
  public byte[] serverProperty(String name) {
    Param p = Globals.value(this, "SERVERPROPERTY:" + name.toLowerCase(Locale.ROOT));
    return p == null || p.value() == null ? null : Variants.encode(p.type(), p.value());
  }

  @Override
  public String applockMode(String principal, String resource, String owner) {
    return AppLocks.mode(this, principal, resource, owner);
  }

  @Override
  public short applockTest(String principal, String resource, String mode, String owner) {
    return AppLocks.test(this, principal, resource, mode, owner);
  }

  /** The type of @@IDENTITY and SCOPE_IDENTITY(). */
  static final SqlType IDENTITY = SqlType.numeric(38, 0);
}
