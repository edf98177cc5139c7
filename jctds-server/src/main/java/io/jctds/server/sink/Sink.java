package io.jctds.server.sink;

import io.jctds.server.storage.Names;
import java.sql.Connection;
import java.sql.SQLException;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.schema.Schema;
import org.h2.table.Table;

/**
 * The counter of a database's {@code jctds_bench_sink}, for the server's fast paths that check rows
 * themselves and never hand them to H2 (the bulk load and parameterised INSERT into the sink): they
 * add the rows they accepted, and {@code SELECT COUNT(*)} answers them with H2's own.
 */
public final class Sink {
  private final SinkTable table;

  private Sink(SinkTable table) {
    this.table = table;
  }

  /**
   * The sink table {@code h2Schema.name} of the database behind {@code c}, or null when that table
   * is not a sink (or {@code c} is not an embedded H2 connection).
   */
  public static Sink find(Connection c, String h2Schema, String name) {
    try {
      if (!c.isWrapperFor(JdbcConnection.class)
          || !(c.unwrap(JdbcConnection.class).getSession() instanceof SessionLocal s)) {
        return null;
      }
      Schema schema = s.getDatabase().findSchema(h2Schema);
      Table t = schema == null ? null : schema.findTableOrView(s, name);
      return t instanceof SinkTable sink ? new Sink(sink) : null;
    } catch (SQLException e) {
      return null;
    }
  }

  /** The sink of {@code master.dbo}, or null. */
  public static Sink master(Connection c) {
    return find(c, Names.schema("master", Names.DBO), SinkEngine.TABLE);
  }

  /** Counts {@code rows} more rows received. */
  public void received(long rows) {
    table.add(rows);
  }
}
