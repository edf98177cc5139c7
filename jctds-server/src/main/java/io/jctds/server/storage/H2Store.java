package io.jctds.server.storage;

import io.jctds.server.sql.SqlException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import org.h2.Driver;

/**
 * The server's one H2 database (in memory, or in files under a directory) and its TDS databases. H2
 * runs in MSSQLServer mode with case-insensitive identifiers, lazy (streaming) query execution and
 * MVCC; each TDS session gets its own H2 session ({@link #connect()}). The TDS databases are
 * recorded in {@code jctds.databases}; each owns the H2 schemas {@code <db>.dbo}, {@code <db>.sys}
 * and {@code <db>.INFORMATION_SCHEMA} (see {@link Names}).
 *
 * <p>DDL inside a user transaction runs on a separate H2 session ({@link #ddl}), because H2 commits
 * the open transaction of the session that runs DDL.
 */
public final class H2Store implements AutoCloseable {
  /** The databases every server has, with their fixed ids. */
  public static final List<String> SYSTEM_DATABASES = List.of("master", "tempdb", "model", "msdb");

  /** Creates the per-database objects (schemas are made by the store). */
  @FunctionalInterface
  public interface DatabaseSetup {
    /** Fills a newly created database (system views), on {@code c} in auto-commit mode. */
    void create(Connection c, DatabaseInfo db) throws SQLException;
  }

  private final String url;
  private final Properties properties = new Properties();
  private final boolean inMemory;
  private final Connection system;
  private final Connection ddl;
  private final ReentrantLock ddlLock = new ReentrantLock();
  private final Map<String, DatabaseInfo> databases = new ConcurrentHashMap<>();
  private final AtomicLong schemaVersion = new AtomicLong();
  private final DatabaseSetup setup;

  /**
   * Opens (or creates) the store.
   *
   * @param dataDir where databases are kept across restarts, or null for a private in-memory store
   * @param setup fills each new database
   * @param install runs once per open on the system session (functions, server-wide views)
   */
  public H2Store(Path dataDir, DatabaseSetup setup, SqlConsumer install) throws SQLException {
    this.inMemory = dataDir == null;
    this.setup = setup;
    String base;
    if (inMemory) {
      base = "jdbc:h2:mem:jctds-" + UUID.randomUUID();
    } else {
      try {
        Files.createDirectories(dataDir);
      } catch (java.io.IOException e) {
        throw new SQLException("cannot create the data directory " + dataDir + ": " + e, e);
      }
      base = "jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("jctds");
    }
    this.url =
        base
            + ";DATABASE_TO_UPPER=FALSE;CASE_INSENSITIVE_IDENTIFIERS=TRUE"
            + ";LAZY_QUERY_EXECUTION=TRUE;DB_CLOSE_ON_EXIT=FALSE"
            + (inMemory ? ";DB_CLOSE_DELAY=-1" : "");
    this.system = open();
    this.ddl = open();
    try (Statement s = ddl.createStatement()) {
      s.execute("SET LOCK_TIMEOUT 500"); // DDL inside a user transaction must not wait long
    }
    try (Statement s = system.createStatement()) {
      s.execute("CREATE SCHEMA IF NOT EXISTS " + Names.quote(Names.SYSTEM_SCHEMA));
    }
    install.accept(system);
    bootstrap();
    io.jctds.server.sink.SinkEngine.install(system, "master"); // issue 10's measuring sink
  }

  /** Runs SQL work that may throw {@link SQLException}. */
  @FunctionalInterface
  public interface SqlConsumer {
    /** Does the work on {@code c}. */
    void accept(Connection c) throws SQLException;
  }

  private Connection open() throws SQLException {
    Connection c = new Driver().connect(url, properties);
    if (c == null) {
      c = DriverManager.getConnection(url, properties);
    }
    return c;
  }

  /** A new H2 session for a TDS session, in auto-commit mode. */
  public Connection connect() throws SQLException {
    return open();
  }

  private void bootstrap() throws SQLException {
    try (Statement s = system.createStatement()) {
      s.execute("CREATE SCHEMA IF NOT EXISTS " + Names.quote(Names.SYSTEM_SCHEMA));
      s.execute(
          "CREATE TABLE IF NOT EXISTS "
              + Names.quote(Names.SYSTEM_SCHEMA)
              + ".databases (name VARCHAR_IGNORECASE(128) PRIMARY KEY, database_id INT NOT NULL"
              + " UNIQUE, create_date TIMESTAMP(3) NOT NULL, collation_name VARCHAR(128) NOT"
              + " NULL)");
      try (ResultSet rs =
          s.executeQuery(
              "SELECT name, database_id, create_date, collation_name FROM "
                  + Names.quote(Names.SYSTEM_SCHEMA)
                  + ".databases")) {
        while (rs.next()) {
          DatabaseInfo db =
              new DatabaseInfo(
                  rs.getString(1),
                  rs.getInt(2),
                  rs.getObject(3, LocalDateTime.class),
                  rs.getString(4));
          databases.put(Names.key(db.name()), db);
        }
      }
    }
    for (String name : SYSTEM_DATABASES) {
      if (database(name) == null) {
        createDatabase(name);
      }
    }
  }

  /** The database named {@code name} (any case), or null. */
  public DatabaseInfo database(String name) {
    return databases.get(Names.key(name));
  }

  /** Every database, by id. */
  public List<DatabaseInfo> databases() {
    List<DatabaseInfo> all = new ArrayList<>(databases.values());
    all.sort((a, b) -> Integer.compare(a.id(), b.id()));
    return all;
  }

  /**
   * CREATE DATABASE: records it and creates its schemas and system views.
   *
   * @throws SqlException 1801 when it exists
   */
  public synchronized DatabaseInfo createDatabase(String name) throws SQLException {
    if (database(name) != null) {
      throw new SqlException(
          1801,
          16,
          3,
          "Database '" + name + "' already exists. Choose a different database name.",
          false);
    }
    int fixed = SYSTEM_DATABASES.indexOf(name.toLowerCase(java.util.Locale.ROOT));
    int id = fixed >= 0 ? fixed + 1 : nextDatabaseId();
    DatabaseInfo db =
        new DatabaseInfo(
            name,
            id,
            LocalDateTime.now().withNano(LocalDateTime.now().getNano() / 1_000_000 * 1_000_000),
            "SQL_Latin1_General_CP1_CI_AS");
    withDdl(
        c -> {
          try (Statement s = c.createStatement()) {
            for (String schema : List.of(Names.DBO, "sys", "INFORMATION_SCHEMA", "guest")) {
              s.execute("CREATE SCHEMA IF NOT EXISTS " + Names.quote(Names.schema(name, schema)));
            }
          }
          setup.create(c, db);
          try (PreparedStatement p =
              c.prepareStatement(
                  "INSERT INTO "
                      + Names.quote(Names.SYSTEM_SCHEMA)
                      + ".databases VALUES (?, ?, ?, ?)")) {
            p.setString(1, db.name());
            p.setInt(2, db.id());
            p.setObject(3, db.created());
            p.setString(4, db.collation());
            p.executeUpdate();
          }
        });
    databases.put(Names.key(name), db);
    return db;
  }

  private int nextDatabaseId() {
    int max = 4;
    for (DatabaseInfo d : databases.values()) {
      max = Math.max(max, d.id());
    }
    return max + 1;
  }

  /**
   * DROP DATABASE: drops every H2 schema of the database with its objects.
   *
   * @throws SqlException 3701 when it does not exist, 3708 for a system database
   */
  public synchronized void dropDatabase(String name) throws SQLException {
    DatabaseInfo db = database(name);
    if (db == null) {
      throw new SqlException(
          3701,
          11,
          1,
          "Cannot drop the database '"
              + name
              + "', because it does not exist or you do not have permission.",
          false);
    }
    if (db.id() <= SYSTEM_DATABASES.size()) {
      throw new SqlException(
          3708,
          16,
          1,
          "Cannot drop the database '" + db.name() + "' because it is a system database.",
          false);
    }
    withDdl(
        c -> {
          List<String> schemas = new ArrayList<>();
          try (PreparedStatement p =
              c.prepareStatement(
                  "SELECT SCHEMA_NAME FROM INFORMATION_SCHEMA.SCHEMATA WHERE SCHEMA_NAME LIKE ?"
                      + " ESCAPE '\\'")) {
            p.setString(
                1, db.name().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + ".%");
            try (ResultSet rs = p.executeQuery()) {
              while (rs.next()) {
                schemas.add(rs.getString(1));
              }
            }
          }
          try (Statement s = c.createStatement()) {
            for (String schema : schemas) {
              s.execute("DROP SCHEMA " + Names.quote(schema) + " CASCADE");
            }
          }
          try (PreparedStatement p =
              c.prepareStatement(
                  "DELETE FROM "
                      + Names.quote(Names.SYSTEM_SCHEMA)
                      + ".databases WHERE name = ?")) {
            p.setString(1, db.name());
            p.executeUpdate();
          }
        });
    databases.remove(Names.key(name));
  }

  /**
   * Runs DDL on the shared DDL session, one caller at a time, and counts a schema change. The
   * session is in auto-commit mode, so the DDL is committed when this returns.
   */
  public void withDdl(SqlConsumer work) throws SQLException {
    ddlLock.lock();
    try {
      work.accept(ddl);
    } finally {
      schemaVersion.incrementAndGet();
      ddlLock.unlock();
    }
  }

  /** Counts a schema change made on a session's own H2 connection. */
  public void schemaChanged() {
    schemaVersion.incrementAndGet();
  }

  /** A number that changes whenever the schema may have changed (for metadata caches). */
  public long schemaVersion() {
    return schemaVersion.get();
  }

  /** Whether databases live only in memory. */
  public boolean inMemory() {
    return inMemory;
  }

  /** Closes H2: an in-memory store is gone afterwards, a file store is flushed and closed. */
  @Override
  public void close() {
    try (Statement s = system.createStatement()) {
      s.execute("SHUTDOWN");
    } catch (SQLException e) {
      // already closed
    }
    closeQuietly(ddl);
    closeQuietly(system);
  }

  private static void closeQuietly(Connection c) {
    try {
      c.close();
    } catch (SQLException e) {
      // H2 is shut down
    }
  }
}
