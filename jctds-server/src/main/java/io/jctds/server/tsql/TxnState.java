package io.jctds.server.tsql;

import io.jctds.server.sql.SqlException;
import io.jctds.server.sql.TransactionControl;
import io.jctds.server.sql.Transactions;
import io.jctds.server.storage.H2Store;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A session's transaction: SQL Server's nesting count and descriptor over the H2 session's JDBC
 * transaction. Outside a transaction the H2 session auto-commits. DDL run inside a transaction on
 * the store's DDL session leaves an undo entry here, run in reverse on ROLLBACK (or on ROLLBACK to
 * a savepoint set before it); objects created inside the transaction may be changed again.
 */
final class TxnState implements TransactionControl {
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Connection connection;
  private final H2Store store;
  private final Transactions nesting = new Transactions(TxnState::newDescriptor);
  private final List<Undo> undo = new ArrayList<>();
  private final Set<String> created = new HashSet<>();
  private final Map<String, Savepoint> savepoints = new HashMap<>();
  private final Map<String, Integer> savepointUndo = new HashMap<>();
  private final List<Undo> deferred = new ArrayList<>();
  private final List<String> afterCommit = new ArrayList<>();
  private String isolation = "READ COMMITTED";
  private boolean doomed;
  private Runnable onEnd = () -> {};

  /** One undo step: statements and whether they run on the session's own connection. */
  private record Undo(List<String> statements, boolean own, String created) {}

  TxnState(Connection connection, H2Store store) {
    this.connection = connection;
    this.store = store;
  }

  private static long newDescriptor() {
    long d;
    do {
      d = RANDOM.nextLong();
    } while (d == 0);
    return d;
  }

  @Override
  public int count() {
    return nesting.count();
  }

  @Override
  public long descriptor() {
    return nesting.descriptor();
  }

  /** Runs {@code hook} whenever the transaction ends (COMMIT of the outermost level, ROLLBACK). */
  void onEnd(Runnable hook) {
    this.onEnd = hook;
  }

  /** Whether an error made the transaction uncommittable (XACT_STATE() = -1). */
  boolean doomed() {
    return doomed;
  }

  void doom() {
    doomed = count() > 0;
  }

  /** The session's isolation level for the next transaction. */
  void isolation(String level) {
    this.isolation = level == null ? isolation : level;
  }

  @Override
  public long begin(String level) {
    isolation(level);
    try {
      if (nesting.count() == 0) {
        connection.setTransactionIsolation(jdbcIsolation(isolation));
        connection.setAutoCommit(false);
      }
    } catch (SQLException e) {
      throw H2Errors.translate(e);
    }
    return nesting.begin();
  }

  private static int jdbcIsolation(String level) {
    return switch (level.toUpperCase(Locale.ROOT)) {
      case "READ UNCOMMITTED" -> Connection.TRANSACTION_READ_UNCOMMITTED;
      case "REPEATABLE READ" -> Connection.TRANSACTION_REPEATABLE_READ;
      case "SERIALIZABLE", "SNAPSHOT" -> Connection.TRANSACTION_SERIALIZABLE;
      default -> Connection.TRANSACTION_READ_COMMITTED;
    };
  }

  @Override
  public long commit() {
    if (nesting.count() == 0) {
      throw new SqlException(
          3902,
          16,
          1,
          "The COMMIT TRANSACTION request has no corresponding BEGIN TRANSACTION.",
          false);
    }
    if (doomed) {
      throw new SqlException(
          3930,
          16,
          1,
          "The current transaction cannot be committed and cannot support operations that write"
              + " to the log file. Roll back the transaction.",
          false);
    }
    if (nesting.count() > 1) {
      return nesting.commit();
    }
    try {
      connection.commit();
      connection.setAutoCommit(true);
    } catch (SQLException e) {
      throw H2Errors.translate(e);
    }
    runDeferred();
    List<String> pending = new ArrayList<>(afterCommit);
    clear();
    long d = nesting.commit();
    onEnd.run();
    runAfterCommit(pending);
    return d;
  }

  @Override
  public long rollback() {
    if (nesting.count() == 0) {
      throw new SqlException(
          3903,
          16,
          1,
          "The ROLLBACK TRANSACTION request has no corresponding BEGIN TRANSACTION.",
          false);
    }
    SQLException failure = null;
    try {
      connection.rollback();
      connection.setAutoCommit(true);
    } catch (SQLException e) {
      failure = e;
    }
    undoFrom(0, true);
    runDeferred();
    clear();
    long d = nesting.rollback();
    onEnd.run();
    if (failure != null) {
      throw H2Errors.translate(failure);
    }
    return d;
  }

  private void clear() {
    afterCommit.clear();
    undo.clear();
    created.clear();
    savepoints.clear();
    savepointUndo.clear();
    doomed = false;
  }

  @Override
  public long rollback(String name) {
    if (name != null && !name.isEmpty() && nesting.count() > 0 && hasSavepoint(name)) {
      rollbackTo(name);
      return 0;
    }
    return rollback();
  }

  /** SAVE TRANSACTION name. */
  @Override
  public void save(String name) {
    if (nesting.count() == 0) {
      throw new SqlException(
          628, 16, 0, "Cannot issue SAVE TRANSACTION when there is no active transaction.", false);
    }
    try {
      savepoints.put(name.toLowerCase(Locale.ROOT), connection.setSavepoint(name));
      savepointUndo.put(name.toLowerCase(Locale.ROOT), undo.size());
    } catch (SQLException e) {
      throw H2Errors.translate(e);
    }
  }

  /** Whether {@code name} is a savepoint of the open transaction. */
  boolean hasSavepoint(String name) {
    return savepoints.containsKey(name.toLowerCase(Locale.ROOT));
  }

  /** ROLLBACK TRANSACTION savepoint: the transaction stays open. */
  void rollbackTo(String name) {
    String key = name.toLowerCase(Locale.ROOT);
    Savepoint sp = savepoints.get(key);
    if (sp == null) {
      throw new SqlException(
          6401,
          16,
          1,
          "Cannot roll back " + name + ". No transaction or savepoint of that name was found.",
          false);
    }
    try {
      connection.rollback(sp);
    } catch (SQLException e) {
      throw H2Errors.translate(e);
    }
    undoFrom(savepointUndo.get(key), false);
  }

  /**
   * Records DDL done inside the transaction.
   *
   * @param statements what undoes it
   * @param own whether the undo runs on the session's connection (temporary objects)
   * @param createdKey the created object's key, or null
   */
  void recordDdl(List<String> statements, boolean own, String createdKey) {
    undo.add(new Undo(statements, own, createdKey));
    if (createdKey != null) {
      created.add(createdKey);
    }
  }

  /** Whether {@code key} was created inside the open transaction. */
  boolean createdHere(String key) {
    return created.contains(key);
  }

  /** Temporary-object DDL to run once the transaction ends, by COMMIT or ROLLBACK. */
  void afterEnd(String statement) {
    deferred.add(new Undo(List.of(statement), true, null));
  }

  /** DDL that nothing can observe before COMMIT (a non-unique index), run after it. */
  void afterCommit(List<String> statements) {
    afterCommit.addAll(statements);
  }

  private void runAfterCommit(List<String> statements) {
    if (statements.isEmpty()) {
      return;
    }
    try (Statement s = connection.createStatement()) {
      for (String sql : statements) {
        s.execute(sql);
      }
    } catch (SQLException e) {
      throw H2Errors.translate(e);
    } finally {
      store.schemaChanged();
    }
  }

  /** Temporary objects to drop once the transaction ends (H2 would commit to drop them now). */
  private void runDeferred() {
    List<Undo> steps = new ArrayList<>(deferred);
    deferred.clear();
    for (Undo u : steps) {
      run(u);
    }
  }

  private void undoFrom(int index, boolean ended) {
    for (int i = undo.size() - 1; i >= index; i--) {
      Undo u = undo.remove(i);
      if (u.created() != null) {
        created.remove(u.created());
      }
      if (u.own() && !ended) {
        deferred.add(u);
      } else {
        run(u);
      }
    }
  }

  private void run(Undo u) {
    try {
      if (u.own()) {
        try (Statement s = connection.createStatement()) {
          for (String sql : u.statements()) {
            s.execute(sql);
          }
        }
      } else {
        store.withDdl(
            c -> {
              try (Statement s = c.createStatement()) {
                for (String sql : u.statements()) {
                  s.execute(sql);
                }
              }
            });
      }
    } catch (SQLException e) {
      // the object may already be gone (dropped later in the transaction)
    }
    store.schemaChanged();
  }
}
