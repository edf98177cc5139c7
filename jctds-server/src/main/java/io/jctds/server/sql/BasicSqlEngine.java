package io.jctds.server.sql;

import io.jctds.protocol.TdsVersion;
import io.jctds.protocol.token.ColMetadata;
import io.jctds.protocol.token.Done;
import io.jctds.protocol.token.EnvChange;
import io.jctds.protocol.token.ServerMessage;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.Locale;

/**
 * The endpoint's small SQL front: SET options, SELECT of literals, {@code @@} globals and built-in
 * functions, SELECT from {@code sys.dm_exec_connections} and {@code sys.databases}, USE,
 * transaction statements, IF, PRINT. A batch is parsed whole first (a syntax error runs nothing, as
 * in SQL Server); statements then run in order. Every failure is a SQL Server-style ERROR and a
 * DONE with the error bit; name-resolution errors stop the batch, others do not.
 *
 * <p>Subclasses (the H2-backed engine) override {@link #execute} or handle more statements.
 */
public class BasicSqlEngine implements SqlEngine {
  /** DONE CurCmd of SELECT. */
  static final int CMD_SELECT = 0xC1;

  @Override
  public void execute(SqlSession session, String batch, ResultSink sink) {
    List<Statement> statements;
    try {
      statements = Parser.parse(batch);
    } catch (SqlException e) {
      fail(session, sink, e, 1);
      return;
    }
    for (Statement s : statements) {
      if (!run(session, s, sink)) {
        return;
      }
    }
  }

  /**
   * Runs one statement.
   *
   * @return false when the batch must stop
   */
  boolean run(SqlSession session, Statement statement, ResultSink sink) {
    try {
      StatementRunner.run(this, session, statement, sink);
      return true;
    } catch (StatementRunner.BatchAborted e) {
      return false; // an inner statement stopped the batch and reported why
    } catch (SqlException e) {
      fail(session, sink, e, statement.line());
      return !e.abortsBatch();
    }
  }

  /** Reports {@code e} as SQL Server does: ERROR, then DONE with the error bit. */
  static void fail(SqlSession session, ResultSink sink, SqlException e, int line) {
    sink.message(
        new ServerMessage(
            true,
            e.number(),
            e.state(),
            e.severity(),
            e.getMessage(),
            session.serverName(),
            "",
            line));
    sink.done(Done.STATUS_ERROR, 0, 0);
    session.lastStatement(0, e.number());
  }

  /** An INFO message (severity 0 or 10). */
  static ServerMessage info(SqlSession session, int number, String text, int line) {
    return new ServerMessage(false, number, 1, 0, text, session.serverName(), "", line);
  }

  /** Result metadata for columns of the given types and names. */
  static ColMetadata metadata(List<Typed> types, List<String> names) {
    ColMetadata.Column[] cols = new ColMetadata.Column[types.size()];
    for (int i = 0; i < cols.length; i++) {
      Typed t = types.get(i);
      cols[i] =
          ColMetadata.Column.of(
              names.get(i), t.type(), t.nullable() ? ColMetadata.FLAG_NULLABLE : 0);
    }
    return new ColMetadata(List.of(cols));
  }

  /** Reports a database change: ENVCHANGE 1 and INFO 5701. */
  static void databaseChanged(SqlSession s, ResultSink sink, String from, String to, int line) {
    sink.envChange(new EnvChange.Text(EnvChange.DATABASE, to, from));
    sink.message(info(s, 5701, "Changed database context to '" + to + "'.", line));
  }

  /** Whether transaction ENVCHANGEs are reported (TDS 7.2 and later). */
  static boolean reportsTransactions(SqlSession s) {
    return s.tdsVersion().atLeast(TdsVersion.V7_2);
  }

  /** The 8-byte little-endian transaction descriptor. */
  static byte[] descriptor(long d) {
    return ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(d).array();
  }

  /** Upper-case helper. */
  static String upper(String s) {
    return s.toUpperCase(Locale.ROOT);
  }
}
