package io.jctds.server.tsql;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.jctds.protocol.BufferWriter;
import io.jctds.protocol.TdsVersion;
import io.jctds.protocol.token.ColMetadata;
import io.jctds.protocol.token.Done;
import io.jctds.protocol.token.EnvChange;
import io.jctds.protocol.token.Row;
import io.jctds.protocol.token.ServerMessage;
import io.jctds.protocol.token.TokenDecoder;
import io.jctds.protocol.token.TokenType;
import io.jctds.server.sql.EngineSession;
import io.jctds.server.sql.ResultSink;
import io.jctds.server.sql.SqlException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.ResourceBundle;
import java.util.Set;

/**
 * The binder and translator over a schema with a column of every SQL Server type: statements that
 * parse — the input itself when it is such a query or DML statement, else one that {@link
 * StatementGenerator} makes from the input's bytes — run in a session inside a transaction that is
 * rolled back. Invariants: nothing escapes {@code execute}, no internal error (an exception the
 * engine caught and logged at ERROR as error 50000), every error is followed by a DONE with the
 * error bit, rows come only after a COLMETADATA, and every row decodes against that COLMETADATA
 * with no byte left over.
 */
class TranslatorFuzzTest {
  /** Statements a fuzz input may hold as text: no DDL, loops, session or server changes. */
  private static final Set<Class<?>> ALLOWED =
      Set.of(
          Stmt.Select.class,
          Stmt.Insert.class,
          Stmt.Update.class,
          Stmt.Delete.class,
          Stmt.Merge.class,
          Stmt.Declare.class,
          Stmt.SetVar.class,
          Stmt.Print.class,
          Stmt.Nothing.class);

  private static TsqlEngine engine;
  private static final List<String> INTERNAL = new ArrayList<>();

  private static synchronized TsqlEngine engine() {
    if (engine == null) {
      engine = new TsqlEngine(null, List.of(), new InternalErrors());
      EngineSession s = engine.open(new TestSession(60));
      try {
        Checker setup = new Checker();
        s.execute(schema(), setup);
        assertThat(setup.errors).as("the schema").isEmpty();
      } finally {
        s.close();
      }
    }
    return engine;
  }

  private static String schema() {
    StringBuilder cols = new StringBuilder("id int IDENTITY PRIMARY KEY");
    StringBuilder names = new StringBuilder();
    for (String[] c : StatementGenerator.COLUMNS) {
      cols.append(", ").append(c[0]).append(' ').append(c[1]).append(" NULL");
      names.append(names.length() == 0 ? "" : ", ").append(c[0]);
    }
    String row1 =
        "1, 200, -32768, 2147483647, -9223372036854775808, 12345.6789, 99999999999999999999, "
            + "922337203685477.5807, -214748.3647, 1.5e300, 3.4e38, '0001-01-01', "
            + "'23:59:59.9999999', '1753-01-01', '9999-12-31 23:59:59.999', '2079-06-06', "
            + "'2020-01-02 03:04:05.1234567 +14:00', 'abc', 'varchar', REPLICATE('x', 9000), "
            + "N'\u00fc', N'nvarchar \u4e2d', REPLICATE(N'y', 5000), 0x01, 0xDEADBEEF, "
            + "0x00, NEWID(), 'text', N'ntext', 0xFF, CAST(1.5 AS decimal(5,2))";
    String row2 =
        "0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, '2024-02-29', '00:00', '2024-02-29 12:00', "
            + "'2024-02-29', '2024-02-29', '2024-02-29 23:59:59.5 -08:00', '', '', '', N'', N'', "
            + "N'', 0x, 0x, 0x, '6F9619FF-8B86-D011-B42D-00C04FC964FF', '', N'', 0x, N'v'";
    String row3 = String.join(", ", java.util.Collections.nCopies(31, "NULL"));
    return "CREATE TABLE all_types ("
        + cols
        + ")\nINSERT INTO all_types ("
        + names
        + ") VALUES ("
        + row1
        + "), ("
        + row2
        + "), ("
        + row3
        + ")\nCREATE TABLE orders (id int IDENTITY PRIMARY KEY, all_id int, qty int, "
        + "note nvarchar(20), placed datetime2)\n"
        + "INSERT INTO orders (all_id, qty, note, placed) VALUES (1, 5, N'first', "
        + "'2024-01-01'), (1, NULL, NULL, NULL), (2, -3, N'third', SYSDATETIME()), (99, 0, N'', "
        + "'1900-01-01')";
  }

  @FuzzTest(maxDuration = "60s")
  void translate(byte[] data) {
    String sql = statementsFrom(data);
    synchronized (INTERNAL) {
      INTERNAL.clear(); // what an earlier input left when it failed
    }
    EngineSession session = engine().open(new TestSession(61));
    Checker checker = new Checker();
    try {
      session.execute("BEGIN TRANSACTION", new Checker());
      session.execute(sql, checker);
      session.execute("IF @@TRANCOUNT > 0 ROLLBACK", new Checker());
    } finally {
      session.close();
    }
    checker.verify(sql);
    synchronized (INTERNAL) {
      List<String> found = List.copyOf(INTERNAL);
      INTERNAL.clear();
      assertThat(found).as("internal errors for %s", sql).isEmpty();
    }
  }

  /** The input as text when it parses into allowed statements only, else a generated batch. */
  static String statementsFrom(byte[] data) {
    String text = new String(data, StandardCharsets.UTF_8);
    try {
      List<Stmt> statements = BatchParser.parse(text);
      if (!statements.isEmpty() && statements.stream().allMatch(s -> allowed(s))) {
        return text;
      }
    } catch (SqlException e) {
      // not a statement: generate one from the bytes
    }
    return new StatementGenerator(data).batch();
  }

  private static boolean allowed(Stmt s) {
    if (s instanceof Stmt.If i) {
      return allowed(i.then()) && (i.otherwise() == null || allowed(i.otherwise()));
    }
    if (s instanceof Stmt.Block b) {
      return b.body().stream().allMatch(TranslatorFuzzTest::allowed);
    }
    if (s instanceof Stmt.TryCatch t) {
      return t.body().stream().allMatch(TranslatorFuzzTest::allowed)
          && t.handler().stream().allMatch(TranslatorFuzzTest::allowed);
    }
    return ALLOWED.contains(s.getClass());
  }

  /** Checks the order of what the engine reports, and decodes every row as a client would. */
  static final class Checker implements ResultSink {
    final List<String> errors = new ArrayList<>();
    private final List<String> problems = new ArrayList<>();
    private final BufferWriter buffer = new BufferWriter();
    private ColMetadata current;
    private boolean errorPending;

    @Override
    public void columns(ColMetadata metadata) {
      current = metadata;
    }

    @Override
    public void row(RowWriter values) {
      if (current == null) {
        problems.add("a row without COLMETADATA");
        return;
      }
      buffer.clear();
      buffer.u8(TokenType.ROW);
      values.write(buffer);
      ByteBuffer b = buffer.view();
      TokenDecoder d = new TokenDecoder(TdsVersion.V7_4);
      d.metadata(current);
      Row row = (Row) d.next(b);
      if (row.toArray().length != current.columns().size()) {
        problems.add("a row of " + row.toArray().length + " values for " + current.columns());
      }
      if (b.hasRemaining()) {
        problems.add(b.remaining() + " bytes left after a row of " + current.columns());
      }
    }

    @Override
    public void message(ServerMessage m) {
      if (m.error()) {
        errors.add(m.number() + " " + m.message());
        if (m.number() <= 0 || m.message().isBlank()) {
          problems.add("error without number or text: " + m);
        }
        errorPending = true;
      }
    }

    @Override
    public void envChange(EnvChange change) {}

    @Override
    public void done(int status, int curCmd, long rowCount) {
      if (errorPending && (status & Done.STATUS_ERROR) == 0) {
        problems.add("an error followed by a DONE without the error bit");
      }
      errorPending = false;
      current = null;
    }

    void verify(String sql) {
      assertThat(errorPending).as("an error without DONE in %s", sql).isFalse();
      assertThat(problems).as("%s -> errors %s", sql, errors).isEmpty();
    }
  }

  /** Keeps what the engine logs at ERROR: an exception it caught as "internal error". */
  private static final class InternalErrors implements System.Logger {
    @Override
    public String getName() {
      return "translator-fuzz";
    }

    @Override
    public boolean isLoggable(Level level) {
      return level == Level.ERROR;
    }

    @Override
    public void log(Level level, ResourceBundle bundle, String msg, Throwable thrown) {
      if (level == Level.ERROR) {
        synchronized (INTERNAL) {
          INTERNAL.add(msg + ": " + thrown);
        }
      }
    }

    @Override
    public void log(Level level, ResourceBundle bundle, String format, Object... params) {
      log(level, bundle, format, (Throwable) null);
    }
  }
}
