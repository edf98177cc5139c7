package io.jctds.server.sql;

import io.jctds.server.SessionInfo;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code sys.dm_exec_connections}: one row per logged-in session, with SQL Server's columns and
 * types. {@code encrypt_option} is TRUE only when the whole session is encrypted (FALSE for
 * login-only encryption and none); {@code protocol_version} is the LOGIN7 TDSVersion (1946157060
 * for TDS 7.4).
 */
final class DmExecConnections implements SystemView {
  static final DmExecConnections INSTANCE = new DmExecConnections();

  /** SQL Server's endpoint id of the default TCP T-SQL endpoint. */
  static final int TSQL_TCP_ENDPOINT = 4;

  private static final List<ViewColumn> COLUMNS =
      List.of(
          new ViewColumn("session_id", Typed.intType(true)),
          new ViewColumn("most_recent_session_id", Typed.intType(true)),
          new ViewColumn("connect_time", Typed.datetime(false)),
          new ViewColumn("net_transport", Typed.nvarchar(40, false)),
          new ViewColumn("protocol_type", Typed.nvarchar(40, true)),
          new ViewColumn("protocol_version", Typed.intType(true)),
          new ViewColumn("endpoint_id", Typed.intType(true)),
          new ViewColumn("encrypt_option", Typed.nvarchar(40, false)),
          new ViewColumn("auth_scheme", Typed.nvarchar(40, false)),
          new ViewColumn("node_affinity", Typed.integer(2, false)),
          new ViewColumn("num_reads", Typed.intType(true)),
          new ViewColumn("num_writes", Typed.intType(true)),
          new ViewColumn("last_read", Typed.datetime(true)),
          new ViewColumn("last_write", Typed.datetime(true)),
          new ViewColumn("net_packet_size", Typed.intType(true)),
          new ViewColumn("client_net_address", Typed.varchar(48, true)),
          new ViewColumn("client_tcp_port", Typed.intType(true)),
          new ViewColumn("local_net_address", Typed.varchar(48, true)),
          new ViewColumn("local_tcp_port", Typed.intType(true)),
          new ViewColumn("connection_id", Typed.guid(false)),
          new ViewColumn("parent_connection_id", Typed.guid(true)),
          new ViewColumn("most_recent_sql_handle", Typed.varbinary(64, true)));

  private DmExecConnections() {}

  @Override
  public String name() {
    return "dm_exec_connections";
  }

  @Override
  public List<ViewColumn> columns() {
    return COLUMNS;
  }

  @Override
  public List<Object[]> rows(SqlSession session) {
    List<Object[]> rows = new ArrayList<>();
    for (SessionInfo s : session.connections()) {
      rows.add(row(s));
    }
    return rows;
  }

  private static Object[] row(SessionInfo s) {
    return new Object[] {
      s.spid(),
      s.spid(),
      local(s.connectTime()),
      "TCP",
      "TSQL",
      s.protocolVersion(),
      TSQL_TCP_ENDPOINT,
      s.encryptOption(),
      "SQL",
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
      s.connectionId(),
      null,
      null
    };
  }

  /** datetime values are local time, as SQL Server's GETDATE(). */
  static LocalDateTime local(Instant t) {
    return t == null ? null : LocalDateTime.ofInstant(t, ZoneId.systemDefault());
  }
}
