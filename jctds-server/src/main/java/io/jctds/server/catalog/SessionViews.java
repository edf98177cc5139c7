package io.jctds.server.catalog;

import io.jctds.server.SessionInfo;
import io.jctds.server.functions.FunctionContext;
import io.jctds.server.sql.SqlException;
import java.sql.ResultSet;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import org.h2.tools.SimpleResultSet;

/**
 * {@code sys.dm_exec_connections} and {@code sys.dm_exec_sessions}: one row per logged-in session,
 * with SQL Server's columns and types ("sys.dm_exec_connections (Transact-SQL)"). {@code
 * encrypt_option} is TRUE only when the whole session is encrypted (FALSE for login-only encryption
 * and none); {@code protocol_version} is the LOGIN7 TDSVersion (1946157060 for TDS 7.4); endpoint 4
 * is SQL Server's default TCP T-SQL endpoint.
 */
public final class SessionViews {
  /** Set while a view over these functions is created: H2 then only asks for the columns. */
  static final ThreadLocal<Boolean> DEFINING = new ThreadLocal<>();

  private SessionViews() {}

  /** The view definitions. */
  static List<SystemViews.View> views() {
    return List.of(
        new SystemViews.View(
            "sys",
            "dm_exec_connections",
            List.of(
                col("session_id", "int"),
                col("most_recent_session_id", "int"),
                col("connect_time", "datetime"),
                col("net_transport", "nvarchar(40)"),
                col("protocol_type", "nvarchar(40)"),
                col("protocol_version", "int"),
                col("endpoint_id", "int"),
                col("encrypt_option", "nvarchar(40)"),
                col("auth_scheme", "nvarchar(40)"),
                col("node_affinity", "smallint"),
                col("num_reads", "int"),
                col("num_writes", "int"),
                col("last_read", "datetime"),
                col("last_write", "datetime"),
                col("net_packet_size", "int"),
                col("client_net_address", "varchar(48)"),
                col("client_tcp_port", "int"),
                col("local_net_address", "varchar(48)"),
                col("local_tcp_port", "int"),
                new String[] {
                  "connection_id", "uniqueidentifier", "CAST(\"connection_id\" AS UUID)"
                },
                new String[] {
                  "parent_connection_id",
                  "uniqueidentifier",
                  "CAST(\"parent_connection_id\" AS UUID)"
                },
                col("most_recent_sql_handle", "varbinary(64)")),
            "FROM \"jctds\".\"dm_exec_connections\"()"),
        new SystemViews.View(
            "sys",
            "dm_exec_sessions",
            List.of(
                col("session_id", "smallint"),
                col("login_time", "datetime"),
                col("host_name", "nvarchar(128)"),
                col("program_name", "nvarchar(128)"),
                col("login_name", "nvarchar(128)"),
                col("status", "nvarchar(30)"),
                col("database_id", "smallint"),
                col("is_user_process", "bit"),
                col("language", "nvarchar(128)"),
                col("text_size", "int"),
                col("transaction_isolation_level", "smallint")),
            "FROM \"jctds\".\"dm_exec_sessions\"()"));
  }

  private static String[] col(String name, String type) {
    return new String[] {name, type, "\"" + name + "\""};
  }

  /** The rows of sys.dm_exec_connections. */
  public static ResultSet connections() {
    checkViewServerState();
    SimpleResultSet rs = new SimpleResultSet();
    rs.addColumn("session_id", Types.INTEGER, 10, 0);
    rs.addColumn("most_recent_session_id", Types.INTEGER, 10, 0);
    rs.addColumn("connect_time", Types.TIMESTAMP, 23, 3);
    rs.addColumn("net_transport", Types.VARCHAR, 40, 0);
    rs.addColumn("protocol_type", Types.VARCHAR, 40, 0);
    rs.addColumn("protocol_version", Types.INTEGER, 10, 0);
    rs.addColumn("endpoint_id", Types.INTEGER, 10, 0);
    rs.addColumn("encrypt_option", Types.VARCHAR, 40, 0);
    rs.addColumn("auth_scheme", Types.VARCHAR, 40, 0);
    rs.addColumn("node_affinity", Types.SMALLINT, 5, 0);
    rs.addColumn("num_reads", Types.INTEGER, 10, 0);
    rs.addColumn("num_writes", Types.INTEGER, 10, 0);
    rs.addColumn("last_read", Types.TIMESTAMP, 23, 3);
    rs.addColumn("last_write", Types.TIMESTAMP, 23, 3);
    rs.addColumn("net_packet_size", Types.INTEGER, 10, 0);
    rs.addColumn("client_net_address", Types.VARCHAR, 48, 0);
    rs.addColumn("client_tcp_port", Types.INTEGER, 10, 0);
    rs.addColumn("local_net_address", Types.VARCHAR, 48, 0);
    rs.addColumn("local_tcp_port", Types.INTEGER, 10, 0);
    rs.addColumn("connection_id", Types.VARCHAR, 36, 0);
    rs.addColumn("parent_connection_id", Types.VARCHAR, 36, 0);
    rs.addColumn("most_recent_sql_handle", Types.VARBINARY, 64, 0);
    for (SessionInfo s : sessionsOrEmpty()) {
      rs.addRow(
          s.spid(),
          s.spid(),
          local(s.connectTime()),
          "TCP",
          "TSQL",
          s.protocolVersion(),
          4,
          s.encryptOption(),
          s.authScheme(),
          (short) 0,
          (int) Math.min(Integer.MAX_VALUE, s.numReads()),
          (int) Math.min(Integer.MAX_VALUE, s.numWrites()),
          local(s.lastRead()),
          local(s.lastWrite()),
          s.packetSize(),
          s.clientAddress(),
          s.clientPort(),
          s.localAddress(),
          s.localPort(),
          s.connectionId().toString(),
          null,
          null);
    }
    return rs;
  }

  /** The rows of sys.dm_exec_sessions. */
  public static ResultSet sessions() {
    SimpleResultSet rs = new SimpleResultSet();
    rs.addColumn("session_id", Types.SMALLINT, 5, 0);
    rs.addColumn("login_time", Types.TIMESTAMP, 23, 3);
    rs.addColumn("host_name", Types.VARCHAR, 128, 0);
    rs.addColumn("program_name", Types.VARCHAR, 128, 0);
    rs.addColumn("login_name", Types.VARCHAR, 128, 0);
    rs.addColumn("status", Types.VARCHAR, 30, 0);
    rs.addColumn("database_id", Types.SMALLINT, 5, 0);
    rs.addColumn("is_user_process", Types.BOOLEAN, 1, 0);
    rs.addColumn("language", Types.VARCHAR, 128, 0);
    rs.addColumn("text_size", Types.INTEGER, 10, 0);
    rs.addColumn("transaction_isolation_level", Types.SMALLINT, 5, 0);
    for (SessionInfo s : sessionsOrEmpty()) {
      Short db = io.jctds.server.functions.CatalogFunctions.dbId(s.database());
      rs.addRow(
          (short) s.spid(),
          local(s.connectTime()),
          s.hostName(),
          s.appName(),
          s.login(),
          "running",
          db,
          true,
          s.language(),
          Integer.MAX_VALUE,
          isolationLevel(s.spid()));
    }
    return rs;
  }

  private static short isolationLevel(int spid) {
    return FunctionContext.current().isolationLevel(spid);
  }

  /**
   * A login without VIEW SERVER STATE gets SQL Server's errors 300 (severity 14, "%ls permission
   * was denied on object '%.*ls', database '%.*ls'.") and 297 (severity 16, "The user does not have
   * permission to perform this action."), Microsoft's "Database engine events and errors (0 to
   * 999)", as from sys.dm_exec_connections ("Permissions: requires VIEW SERVER STATE").
   */
  private static void checkViewServerState() {
    if (DEFINING.get() != null) {
      return;
    }
    boolean permitted;
    try {
      permitted = FunctionContext.current().viewServerState();
    } catch (IllegalStateException e) {
      return; // H2 asks for the columns while defining the view
    }
    if (!permitted) {
      SqlException denied =
          new SqlException(
              300,
              14,
              1,
              "VIEW SERVER STATE permission was denied on object 'server', database 'master'.",
              false);
      throw denied.followedBy(
          new SqlException(
              297, 16, 1, "The user does not have permission to perform this action.", false));
    }
  }

  private static List<SessionInfo> sessionsOrEmpty() {
    try {
      return FunctionContext.current().connections();
    } catch (IllegalStateException e) {
      return List.of(); // H2 asks for the columns while defining the view
    }
  }

  /** datetime values are local time, as SQL Server's GETDATE(). */
  static LocalDateTime local(Instant t) {
    return t == null ? null : LocalDateTime.ofInstant(t, ZoneId.systemDefault());
  }
}
