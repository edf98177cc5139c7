package io.jctds.server.functions;

import java.util.List;

/**
 * What the server's H2 functions need from the session running the statement. H2 calls them on the
 * session's own thread (the server executes statements synchronously), so the session is found
 * through {@link #current()}.
 */
public interface FunctionContext {

  /** The current database. */
  String database();

  /** SET DATEFORMAT (mdy, dmy, ...). */
  String dateFormat();

  /** SET DATEFIRST (1 Monday ... 7 Sunday). */
  int dateFirst();

  /** The databases with their ids, by id: name, then id. */
  List<Object[]> databases();

  /** The object id of a name as written ('dbo.t', 'tempdb..#t'), or null. */
  Integer objectId(String name);

  /** OBJECT_ID(name, type): the object id when the object is of {@code type}, or null. */
  default Integer objectId(String name, String type) {
    return objectId(name);
  }

  /** OBJECT_DEFINITION: the definition of object {@code id} of the current database, or null. */
  default String objectDefinition(int id) {
    return null;
  }

  /** The name of object {@code id} in database {@code databaseId} (null: current), or null. */
  String objectName(int id, Integer databaseId, boolean schemaOnly);

  /** The last identity value of table {@code name}, or null. */
  java.math.BigDecimal identCurrent(String name);

  /** COL_LENGTH: the column's max_length, or null. */
  Integer columnLength(String table, String column);

  /** Whether the session's login holds VIEW SERVER STATE. */
  default boolean viewServerState() {
    return true;
  }

  /** Snapshots of the server's live sessions. */
  List<io.jctds.server.SessionInfo> connections();

  /**
   * sys.dm_exec_sessions.transaction_isolation_level of session {@code spid} (1 READ UNCOMMITTED to
   * 5 SNAPSHOT): known for the calling session; 2 (READ COMMITTED, the default) for others.
   */
  default short isolationLevel(int spid) {
    return 2;
  }

  /** A SERVERPROPERTY value as a sql_variant body, or null. */
  byte[] serverProperty(String name);

  /**
   * Runs the user-defined scalar function {@code database.schema.name} with {@code args} (a call
   * the T-SQL translation made, see {@code "jctds"."udf"}).
   */
  org.h2.value.Value callFunction(
      String database, String schema, String name, org.h2.value.Value[] args);

  /**
   * APPLOCK_MODE: the mode {@code owner} holds application lock {@code resource} of {@code
   * principal} in, NoLock when it holds none.
   */
  String applockMode(String principal, String resource, String owner);

  /** APPLOCK_TEST: 1 when {@code owner} could be granted {@code mode} on the resource now. */
  short applockTest(String principal, String resource, String mode, String owner);

  /** The session running on this thread. */
  static FunctionContext current() {
    FunctionContext c = Holder.CURRENT.get();
    if (c == null) {
      throw new IllegalStateException("no jctds session is running on this thread");
    }
    return c;
  }

  /** Makes {@code c} the current session of this thread (null to clear). */
  static void set(FunctionContext c) {
    if (c == null) {
      Holder.CURRENT.remove();
    } else {
      Holder.CURRENT.set(c);
    }
  }

  /** Holds the thread's session. */
  final class Holder {
    static final ThreadLocal<FunctionContext> CURRENT = new ThreadLocal<>();

    private Holder() {}
  }
}
