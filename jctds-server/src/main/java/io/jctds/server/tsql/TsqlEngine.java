package io.jctds.server.tsql;

import io.jctds.server.catalog.Routines;
import io.jctds.server.catalog.SystemViews;
import io.jctds.server.functions.Aliases;
import io.jctds.server.sql.EngineSession;
import io.jctds.server.sql.SqlEngine;
import io.jctds.server.sql.SqlException;
import io.jctds.server.sql.SqlSession;
import io.jctds.server.storage.DatabaseInfo;
import io.jctds.server.storage.H2Store;
import io.jctds.server.storage.Names;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The server's SQL engine: T-SQL batches translated and run on H2 ({@link H2Store}), one H2 session
 * per TDS session. Sessions register themselves so that KILL and DROP DATABASE can see each other.
 */
public final class TsqlEngine implements SqlEngine {
  private final H2Store store;
  private final System.Logger logger;
  private final Map<Integer, TsqlSession> sessions = new ConcurrentHashMap<>();
  private final AppLockManager appLocks = new AppLockManager();

  /** Global temporary procedures (##name) by lower-case name, with the spid that created each. */
  private final Map<String, Object[]> globalRoutines = new ConcurrentHashMap<>();

  /**
   * Opens the engine.
   *
   * @param dataDir where databases persist, or null for memory only
   * @param databases user databases to create when missing
   * @param logger where engine events go
   * @throws IllegalStateException when H2 cannot be opened (the message says why)
   */
  public TsqlEngine(Path dataDir, List<String> databases, System.Logger logger) {
    this.logger = logger;
    try {
      this.store =
          new H2Store(
              dataDir,
              SystemViews::create,
              c -> {
                Aliases.install(c);
                SystemViews.install(c);
                Routines.install(c);
              });
      for (String db : databases) {
        if (store.database(db) == null) {
          store.createDatabase(db);
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException(
          "cannot open the jctds server's H2 storage"
              + (dataDir == null ? "" : " in " + dataDir)
              + ": "
              + e.getMessage(),
          e);
    } catch (SqlException e) {
      throw new IllegalStateException(e.getMessage(), e);
    }
  }

  /** The store (for tests and tools). */
  public H2Store store() {
    return store;
  }

  System.Logger logger() {
    return logger;
  }

  /** The application locks of sp_getapplock, shared by every session. */
  AppLockManager appLocks() {
    return appLocks;
  }

  @Override
  public String database(String name) {
    DatabaseInfo db = store.database(name);
    return db == null ? null : db.name();
  }

  @Override
  public List<String> databases() {
    List<String> names = new ArrayList<>();
    for (DatabaseInfo db : store.databases()) {
      names.add(db.name());
    }
    return names;
  }

  @Override
  public EngineSession open(SqlSession session) {
    TsqlSession s = new TsqlSession(this, session);
    sessions.put(session.spid(), s);
    return s;
  }

  void closed(TsqlSession s) {
    sessions.remove(s.spid(), s);
  }

  /** The global temporary procedure {@code name} (##name), or null. */
  Routines.Routine globalRoutine(String name) {
    Object[] e = globalRoutines.get(Names.key(name));
    return e == null ? null : (Routines.Routine) e[1];
  }

  /** Creates or replaces global temporary procedure {@code r}, owned by session {@code spid}. */
  void globalRoutine(Routines.Routine r, int spid) {
    globalRoutines.put(Names.key(r.name()), new Object[] {spid, r});
  }

  /** Drops global temporary procedure {@code name}; whether it existed. */
  boolean dropGlobalRoutine(String name) {
    return globalRoutines.remove(Names.key(name)) != null;
  }

  /** Drops the global temporary procedures session {@code spid} created (it ended). */
  void dropGlobalRoutines(int spid) {
    globalRoutines.values().removeIf(e -> (Integer) e[0] == spid);
  }

  /** Whether a session other than {@code self} uses {@code database}. */
  boolean inUse(String database, TsqlSession self) {
    for (TsqlSession s : sessions.values()) {
      if (s != self && s.database().equalsIgnoreCase(database)) {
        return true;
      }
    }
    return false;
  }

  @Override
  public void close() {
    for (TsqlSession s : List.copyOf(sessions.values())) {
      s.close();
    }
    store.close();
  }
}
