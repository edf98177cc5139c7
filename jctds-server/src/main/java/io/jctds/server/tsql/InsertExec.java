package io.jctds.server.tsql;

import io.jctds.protocol.BufferWriter;
import io.jctds.protocol.token.ColMetadata;
import io.jctds.protocol.token.EnvChange;
import io.jctds.protocol.token.Row;
import io.jctds.protocol.token.ServerMessage;
import io.jctds.protocol.token.TokenDecoder;
import io.jctds.protocol.token.TokenType;
import io.jctds.server.catalog.Catalog;
import io.jctds.server.sql.ResultSink;
import io.jctds.server.sql.SqlException;
import io.jctds.server.storage.Names;
import java.nio.ByteBuffer;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * INSERT ... EXEC: runs the EXEC with its result rows captured instead of sent (messages go
 * through), then inserts them into the target, converted to each column's type.
 */
final class InsertExec {
  private InsertExec() {}

  static void run(Runner r, Stmt.Insert ins) {
    DmlTranslator t = new DmlTranslator(r.s, tbl -> false);
    Catalog.Table table = t.target(ins.target());
    Capture capture = new Capture(r);
    Exec.run(r.child(capture), ins.exec());
    List<Catalog.Column> cols = new ArrayList<>();
    if (ins.columns().isEmpty()) {
      for (Catalog.Column c : table.columns()) {
        if (!c.identity() && !c.computed()) {
          cols.add(c);
        }
      }
    } else {
      for (String n : ins.columns()) {
        Catalog.Column c = table.column(n);
        if (c == null) {
          throw SqlException.invalidColumn(n);
        }
        cols.add(c);
      }
    }
    List<String> names = new ArrayList<>();
    List<String> marks = new ArrayList<>();
    for (Catalog.Column c : cols) {
      names.add(Names.quote(c.name()));
      marks.add("CAST(? AS " + Assignments.h2(c.type()) + ")");
    }
    String sql =
        "INSERT INTO "
            + table.h2Name()
            + " ("
            + String.join(", ", names)
            + ") VALUES ("
            + String.join(", ", marks)
            + ")";
    long n = 0;
    try (PreparedStatement ps = r.s.connection().prepareStatement(sql)) {
      for (Object[] row : capture.rows) {
        if (row.length != cols.size()) {
          throw new SqlException(
              213,
              16,
              7,
              "Column name or number of supplied values does not" + " match table definition.",
              false);
        }
        for (int i = 0; i < row.length; i++) {
          ps.setObject(i + 1, row[i]);
        }
        n += ps.executeUpdate();
      }
    } catch (SQLException e) {
      throw H2Errors.translate(e, new H2Errors.Where("INSERT", table.database(), table.display()));
    }
    r.s.rowCount = n;
    r.done(QueryRunner.CMD_INSERT, n);
  }

  /** Keeps result rows as values; passes messages and environment changes on. */
  private static final class Capture implements ResultSink {
    private final Runner outer;
    private final List<Object[]> rows = new ArrayList<>();
    private final BufferWriter buffer = new BufferWriter();
    private ColMetadata metadata;

    Capture(Runner outer) {
      this.outer = outer;
    }

    @Override
    public void columns(ColMetadata md) {
      metadata = md;
    }

    @Override
    public void row(RowWriter values) {
      buffer.clear();
      buffer.u8(TokenType.ROW);
      values.write(buffer);
      ByteBuffer b = buffer.view();
      TokenDecoder d = new TokenDecoder(outer.s.tds().tdsVersion());
      d.metadata(metadata);
      Row row = (Row) d.next(b);
      rows.add(row.toArray());
    }

    @Override
    public void message(ServerMessage message) {
      outer.sink.message(message);
    }

    @Override
    public void envChange(EnvChange change) {
      outer.sink.envChange(change);
    }

    @Override
    public void done(int status, int curCmd, long rowCount) {
      // the inner statements' DONEs are not the INSERT's
    }
  }
}
