package io.jctds.server.tsql;

import io.jctds.protocol.token.EnvChange;
import io.jctds.server.sql.SqlException;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;

/**
 * SET options ("SET statements (Transact-SQL)"): kept per session in {@link Options}; LANGUAGE
 * answers ENVCHANGE and message 5703 (us_english only); LOCK_TIMEOUT and the isolation level go to
 * the H2 session; IDENTITY_INSERT names the one table that takes explicit identity values.
 */
final class SetStatement {
  private SetStatement() {}

  static void run(Runner r, Stmt.SetOption so) {
    String first = so.names().get(0).toUpperCase(Locale.ROOT);
    switch (first) {
      case "LANGUAGE" -> language(r, so);
      case "IDENTITY_INSERT" -> identityInsert(r, so);
      default -> {
        r.s.options().set(so.names(), so.value());
        if (first.equals("LOCK_TIMEOUT")) {
          lockTimeout(r, r.s.options().number("LOCK_TIMEOUT"));
        } else if (first.equals("TRANSACTION ISOLATION LEVEL")) {
          r.s.txn().isolation(so.value());
        }
      }
    }
    r.s.rowCount = 0;
    r.done(0, -1);
  }

  private static void language(Runner r, Stmt.SetOption so) {
    String l = so.value().toLowerCase(Locale.ROOT);
    if (!l.equals("us_english") && !l.equals("english")) {
      throw new SqlException(
          2732,
          16,
          1,
          "Language '"
              + so.value()
              + "' is not supported: the"
              + " jctds server knows us_english only.",
          false);
    }
    String from = r.s.options().get("LANGUAGE");
    r.s.options().set(List.of("LANGUAGE"), "us_english");
    r.sink.envChange(new EnvChange.Text(EnvChange.LANGUAGE, "us_english", from));
    r.info(5703, 1, 0, "Changed language setting to us_english.", so.line());
  }

  private static void identityInsert(Runner r, Stmt.SetOption so) {
    String table = so.names().get(1);
    io.jctds.server.catalog.Catalog.Table t = r.s.lookup(table);
    if (t == null) {
      throw SqlException.invalidObject(table);
    }
    if (t.identity() == null) {
      throw new SqlException(
          8106,
          16,
          1,
          "Table '"
              + t.display()
              + "' does not have the"
              + " identity property. Cannot perform SET operation.",
          false);
    }
    String key = DdlTranslator.key(new ObjectName(t.database(), t.schema(), t.name(), table));
    if (so.value().equals("ON")) {
      if (r.s.identityInsert != null && !r.s.identityInsert.equals(key)) {
        throw new SqlException(
            8107,
            16,
            1,
            "IDENTITY_INSERT is already ON for table '"
                + r.s.identityInsert
                + "'. Cannot perform SET operation for table '"
                + t.display()
                + "'.",
            false);
      }
      r.s.identityInsert = key;
    } else if (key.equals(r.s.identityInsert)) {
      r.s.identityInsert = null;
    }
  }

  /** Applies LOCK_TIMEOUT {@code millis} (-1: wait forever) to the H2 session. */
  static void lockTimeout(Runner r, int millis) {
    long h2 = millis < 0 ? Integer.MAX_VALUE : millis;
    try (Statement s = r.s.connection().createStatement()) {
      s.execute("SET LOCK_TIMEOUT " + h2);
    } catch (SQLException e) {
      throw H2Errors.translate(e);
    }
  }
}
