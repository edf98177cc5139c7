package io.jctds.server.tsql;

import io.jctds.protocol.token.ColMetadata;
import io.jctds.protocol.token.Done;
import io.jctds.protocol.token.Row;
import io.jctds.protocol.token.Token;
import io.jctds.protocol.token.TokenDecoder;
import io.jctds.server.sink.Sink;
import io.jctds.server.sql.StreamedPayload;
import java.util.List;

/**
 * A bulk load into {@code jctds_bench_sink} without H2: each ROW of the BulkLoadBCP message is
 * checked against the sink columns the COLMETADATA announced ({@link SinkColumns}) and counted;
 * nothing is kept. The message counts only when all of it was accepted: a bad row, or the client
 * abandoning the message (IGNORE), counts none of its rows, as the rolled-back load of a table
 * keeps none.
 */
final class SinkLoad {
  private final SinkColumns[] checks;

  private SinkLoad(SinkColumns[] checks) {
    this.checks = checks;
  }

  /**
   * The fast load for a message with metadata {@code md} whose columns are {@code declared} by name
   * (empty: named by the metadata), or null when a column is not one the fast path checks (H2 loads
   * that message).
   */
  static SinkLoad plan(ColMetadata md, List<BulkStatement.Declared> declared) {
    SinkColumns[] checks = new SinkColumns[md.size()];
    int seen = 0;
    for (int i = 0; i < md.size(); i++) {
      String name = declared.isEmpty() ? md.column(i).name() : declared.get(i).name();
      int column = SinkColumns.column(name);
      if (column < 0 || (seen & 1 << column) != 0) {
        return null;
      }
      seen |= 1 << column;
      checks[i] = SinkColumns.of(column, md.column(i).typeInfo());
      if (checks[i] == null) {
        return null;
      }
    }
    return new SinkLoad(checks);
  }

  /**
   * Checks and counts the message's rows into {@code sink}.
   *
   * @return the rows counted, or -1 when the client abandoned the message
   */
  long load(TokenDecoder decoder, StreamedPayload payload, Sink sink) {
    long rows = 0;
    while (true) {
      Token tok = BulkLoad.next(decoder, payload);
      if (tok instanceof Row row) {
        for (int i = 0; i < checks.length; i++) {
          checks[i].check(row.buffer(), row.offset(i), row.length(i));
        }
        rows++;
      } else if (tok instanceof Done || tok == null) {
        break;
      } else {
        throw BulkLoad.protocol("unexpected token in bulk load data: " + tok);
      }
    }
    payload.skipRest();
    if (payload.abandoned()) {
      return -1;
    }
    sink.received(rows);
    return rows;
  }
}
