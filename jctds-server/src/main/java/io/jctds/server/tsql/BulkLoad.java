package io.jctds.server.tsql;

import io.jctds.protocol.TdsProtocolException;
import io.jctds.protocol.TdsVersion;
import io.jctds.protocol.bulk.BulkColMetadata;
import io.jctds.protocol.token.ColMetadata;
import io.jctds.protocol.token.Done;
import io.jctds.protocol.token.Row;
import io.jctds.protocol.token.Token;
import io.jctds.protocol.token.TokenDecoder;
import io.jctds.server.catalog.Catalog;
import io.jctds.server.sink.Sink;
import io.jctds.server.sql.SqlException;
import io.jctds.server.sql.StreamedPayload;
import io.jctds.server.storage.Names;
import io.jctds.server.types.SqlBase;
import io.jctds.server.types.SqlType;
import io.jctds.server.types.Values;
import io.jctds.server.types.Variants;
import io.jctds.server.types.WireTypes;
import java.nio.ByteBuffer;
import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One bulk load: the target an INSERT BULK statement named, then its BulkLoadBCP message ([MS-TDS]
 * 2.2.6.1: COLMETADATA, ROW/NBCROW tokens, DONE) inserted through one H2 prepared statement with
 * addBatch/executeBatch. The message is SQL Server's batch: all its rows are inserted or none
 * (outside a user transaction it commits on its own; inside one, a savepoint undoes a failed
 * message).
 */
final class BulkLoad {
  /** Rows per H2 executeBatch call: bounds the driver's pending parameter sets. */
  private static final int CHUNK = 1000;

  private final TsqlSession session;
  private final BulkStatement statement;
  private final Catalog.Table table;

  /** The table's counter when it is the measuring sink (its rows may skip H2), else null. */
  private final Sink sink;

  private BulkLoad(TsqlSession session, BulkStatement statement, Catalog.Table table) {
    this.session = session;
    this.statement = statement;
    this.table = table;
    this.sink =
        table.temporary()
            ? null
            : Sink.find(
                session.connection(), Names.schema(table.database(), table.schema()), table.name());
  }

  /** Resolves an INSERT BULK statement's table and declared columns (errors 208 / 207). */
  static BulkLoad prepare(TsqlSession session, String batch) {
    BulkStatement st = BulkStatement.parse(batch);
    ObjectName on = ObjectName.resolve(session, st.table());
    Catalog.Table table = FromClause.table(session, on);
    if (table == null) {
      throw SqlException.invalidObject(on.written());
    }
    if (table.view()) {
      throw SqlException.unsupported("bulk loads into views");
    }
    for (BulkStatement.Declared d : st.columns()) {
      if (table.column(d.name()) == null) {
        throw SqlException.invalidColumn(d.name());
      }
    }
    return new BulkLoad(session, st, table);
  }

  /**
   * Loads the rows of a BulkLoadBCP message as they arrive; the whole message is read, also after
   * an error.
   *
   * @return how many rows were inserted, or -1 when the client abandoned the message (IGNORE bit)
   *     and nothing was kept
   */
  long load(StreamedPayload payload, TdsVersion version) {
    try {
      return loadRows(payload, version);
    } finally {
      payload.skipRest();
    }
  }

  private long loadRows(StreamedPayload payload, TdsVersion version) {
    TokenDecoder decoder = new TokenDecoder(version);
    ColMetadata md = metadata(payload, version);
    decoder.metadata(md);
    Target target = target(md);
    SinkLoad fast = sink == null ? null : SinkLoad.plan(md, statement.columns());
    if (fast != null) {
      return fast.load(decoder, payload, sink);
    }
    Connection c = session.connection();
    boolean own = session.txn().count() == 0;
    try {
      Savepoint sp = null;
      if (own) {
        c.setAutoCommit(false);
      } else {
        sp = c.setSavepoint();
      }
      try {
        long n = insert(target, decoder, payload, c);
        payload.skipRest();
        if (payload.abandoned()) {
          throw new Abandoned();
        }
        if (n > 0 && java.util.Arrays.asList(target.columns()).contains(table.identity())) {
          IdentitySeed.passExplicit(c, table); // SQL Server reseeds past loaded identity values
        }
        if (own) {
          c.commit();
        }
        return n;
      } catch (SQLException | RuntimeException e) {
        if (own) {
          c.rollback();
        } else {
          c.rollback(sp);
        }
        throw e;
      } finally {
        if (own) {
          c.setAutoCommit(true);
        }
      }
    } catch (Abandoned e) {
      return -1;
    } catch (SQLException e) {
      throw H2Errors.translate(e, new H2Errors.Where("INSERT", table.database(), table.display()));
    }
  }

  /** The client abandoned the message: what it inserted is rolled back. */
  private static final class Abandoned extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Abandoned() {
      super(null, null, false, false);
    }
  }

  /** The message's COLMETADATA, read on until it has arrived whole. */
  private static ColMetadata metadata(StreamedPayload payload, TdsVersion version) {
    while (true) {
      ByteBuffer b = payload.buffer();
      int at = b.position();
      try {
        return BulkColMetadata.decode(b, version);
      } catch (TdsProtocolException e) {
        b.position(at);
        if (!payload.more()) {
          throw protocol(e.getMessage());
        }
      }
    }
  }

  /** Where each COLMETADATA column goes: its table column, or -1 when it is skipped. */
  private record Target(String sql, int[] source, SqlType[] wire, Catalog.Column[] columns) {}

  private Target target(ColMetadata md) {
    List<BulkStatement.Declared> declared = statement.columns();
    if (!declared.isEmpty() && declared.size() != md.size()) {
      throw new SqlException(
          4816,
          16,
          2,
          "Invalid column type from bcp client for colid " + (md.size() + 1) + ".",
          true);
    }
    List<Integer> source = new ArrayList<>();
    List<Catalog.Column> cols = new ArrayList<>();
    SqlType[] wire = new SqlType[md.size()];
    for (int i = 0; i < md.size(); i++) {
      ColMetadata.Column mc = md.column(i);
      String name = declared.isEmpty() ? mc.name() : declared.get(i).name();
      Catalog.Column col = table.column(name);
      if (col == null) {
        throw new SqlException(
            4816, 16, 2, "Invalid column type from bcp client for colid " + (i + 1) + ".", true);
      }
      try {
        wire[i] = WireTypes.sqlType(mc.typeInfo());
      } catch (RuntimeException e) {
        throw new SqlException(
            4816, 16, 2, "Invalid column type from bcp client for colid " + (i + 1) + ".", true);
      }
      if (col.computed()) {
        continue; // SQL Server computes it: the values sent are ignored
      }
      // an identity column the client sends keeps its values: mssql-jdbc 13.6.2's keepIdentity
      // only adds the column to INSERT BULK (SQLServerBulkCopy sends no KEEP_IDENTITY hint),
      // FreeTDS's bcp sends SET IDENTITY_INSERT ON and the column; both leave it out otherwise
      source.add(i);
      cols.add(col);
    }
    Map<String, String> defaults = statement.keepNulls() ? Map.of() : defaults();
    StringBuilder sb = new StringBuilder("INSERT INTO ").append(table.h2Name()).append(" (");
    StringBuilder values = new StringBuilder();
    for (int i = 0; i < cols.size(); i++) {
      String name = cols.get(i).name();
      sb.append(i == 0 ? "" : ", ").append(Names.quote(name));
      String dflt = defaults.get(name);
      values.append(i == 0 ? "" : ", ").append(dflt == null ? "?" : "COALESCE(?, " + dflt + ")");
    }
    sb.append(") ").append(cols.isEmpty() ? "DEFAULT VALUES" : "VALUES (" + values + ")");
    int[] src = source.stream().mapToInt(Integer::intValue).toArray();
    return new Target(sb.toString(), src, wire, cols.toArray(new Catalog.Column[0]));
  }

  /**
   * The H2 DEFAULT expressions of the table's columns: without KEEP_NULLS a NULL takes its column's
   * default, as SQL Server's bulk load does ("Keep nulls or use default values during bulk
   * import").
   */
  private Map<String, String> defaults() {
    Map<String, String> out = new HashMap<>();
    String sql =
        "SELECT COLUMN_NAME, COLUMN_DEFAULT FROM INFORMATION_SCHEMA.COLUMNS WHERE TABLE_SCHEMA = ?"
            + " AND TABLE_NAME = ? AND COLUMN_DEFAULT IS NOT NULL";
    try (PreparedStatement ps = session.connection().prepareStatement(sql)) {
      ps.setString(1, Names.schema(table.database(), table.schema()));
      ps.setString(2, table.name());
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.put(rs.getString(1), rs.getString(2));
        }
      }
    } catch (SQLException e) {
      throw H2Errors.translate(e);
    }
    return out;
  }

  private long insert(Target t, TokenDecoder decoder, StreamedPayload payload, Connection c)
      throws SQLException {
    long rows = 0;
    int pending = 0;
    try (PreparedStatement ps = c.prepareStatement(t.sql())) {
      while (true) {
        Token tok = next(decoder, payload);
        if (tok instanceof Row row) {
          rows++;
          bind(ps, t, row, rows);
          ps.addBatch();
          if (++pending == CHUNK) {
            execute(ps, rows - pending);
            pending = 0;
          }
        } else if (tok instanceof Done || tok == null) {
          break;
        } else {
          throw protocol("unexpected token in bulk load data: " + tok);
        }
      }
      if (pending > 0) {
        execute(ps, rows - pending);
      }
    }
    return rows;
  }

  private void bind(PreparedStatement ps, Target t, Row row, long rowNumber) throws SQLException {
    for (int k = 0; k < t.source().length; k++) {
      int i = t.source()[k];
      Catalog.Column col = t.columns()[k];
      Object v;
      try {
        v = row.isNull(i) ? null : value(t.wire()[i], col, row, i);
      } catch (TdsProtocolException | IllegalArgumentException e) {
        throw new SqlException(
            4815,
            16,
            1,
            "Received an invalid column length from the bcp client for colid " + (i + 1) + ".",
            true);
      }
      if (v == null && !col.nullable() && !(col.hasDefault() && !statement.keepNulls())) {
        throw new SqlException(
            515,
            16,
            2,
            "Cannot insert the value NULL into column '"
                + col.name()
                + "', table '"
                + table.database()
                + "."
                + table.display()
                + "'; column does not allow nulls. INSERT fails.",
            true);
      }
      ps.setObject(k + 1, v instanceof Float f ? f.doubleValue() : v);
    }
  }

  /**
   * The value to store of non-NULL column {@code i} of {@code row}: a sql_variant column stores the
   * [MS-TDS] 2.2.5.5.4 variant body (base type, properties, value), as sent when the client sends a
   * sql_variant (checked by decoding it), else built from the value of the base type sent.
   */
  private static Object value(SqlType wire, Catalog.Column col, Row row, int i) {
    Object v = row.getObject(i);
    if (col.type().base() != SqlBase.SQL_VARIANT) {
      return Values.fromWire(wire, v);
    }
    if (wire.base() == SqlBase.SQL_VARIANT) {
      byte[] body = new byte[row.length(i)];
      row.buffer().get(row.offset(i), body);
      return body;
    }
    return Variants.encode(wire, Values.fromWire(wire, v));
  }

  private void execute(PreparedStatement ps, long before) throws SQLException {
    try {
      ps.executeBatch();
    } catch (BatchUpdateException e) {
      SQLException cause = e.getNextException() != null ? e.getNextException() : e;
      throw cause;
    }
  }

  /**
   * The next token, read on while the message streams in; null at the end of the message. A row
   * refers to the buffer's bytes: it is bound before the next call may compact them away.
   */
  static Token next(TokenDecoder decoder, StreamedPayload payload) {
    try {
      while (true) {
        ByteBuffer b = payload.buffer();
        Token t = b.hasRemaining() ? decoder.next(b) : null;
        if (t != null) {
          return t;
        }
        if (!payload.more()) {
          if (payload.buffer().hasRemaining()) {
            throw protocol("the bulk load data ends inside a token");
          }
          return null;
        }
      }
    } catch (TdsProtocolException e) {
      throw protocol(e.getMessage());
    }
  }

  static SqlException protocol(String detail) {
    return new SqlException(
        4804,
        21,
        1,
        "While reading current row from host, a premature end-of-message was encountered--an"
            + " incoming data stream was interrupted when the server expected to see more data. The"
            + " host program may have terminated. Ensure that you are using a supported client"
            + " application programming interface (API). ("
            + detail
            + ")",
        true);
  }
}
