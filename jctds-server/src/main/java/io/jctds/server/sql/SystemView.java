package io.jctds.server.sql;

import java.util.List;
import java.util.Locale;

/**
 * A system view the SQL front can SELECT from, such as {@code sys.dm_exec_connections}: fixed
 * columns with SQL Server's types, rows computed from the server's state when queried.
 */
interface SystemView {

  /** One column of the view. */
  record ViewColumn(String name, Typed typed) {}

  /** The view's name without schema, e.g. "dm_exec_connections". */
  String name();

  /** The columns, in SQL Server's order. */
  List<ViewColumn> columns();

  /** The current rows, one value per column. */
  List<Object[]> rows(SqlSession session);

  /** Column {@code i}. */
  default ViewColumn column(int i) {
    return columns().get(i);
  }

  /** The index of the column named {@code name} (case-insensitive), or -1. */
  default int indexOf(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    List<ViewColumn> cs = columns();
    for (int i = 0; i < cs.size(); i++) {
      if (cs.get(i).name().equals(n)) {
        return i;
      }
    }
    return -1;
  }

  /** The views the SQL front knows, by lower-case name (schema {@code sys}). */
  static SystemView find(String name) {
    return switch (name.toLowerCase(Locale.ROOT)) {
      case "dm_exec_connections" -> DmExecConnections.INSTANCE;
      case "databases" -> SysDatabases.INSTANCE;
      default -> null;
    };
  }
}
