package io.jctds.server.sql;

import io.jctds.protocol.TdsVersion;
import io.jctds.server.SessionInfo;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** An in-memory {@link SqlSession} for engine tests: the state a real session keeps, no socket. */
final class TestSession implements SqlSession {
  final List<SessionInfo> others = new ArrayList<>();
  private final Map<String, String> options = new HashMap<>();
  private final List<String> databases = List.of("master", "tempdb", "sales");
  TdsVersion version = TdsVersion.V7_4;
  String database = "master";
  String language = "us_english";
  private long nextDescriptor = 0x1122334455667788L;
  final Transactions transactions = new Transactions(() -> nextDescriptor++);
  long rowCount;
  int lastError;

  @Override
  public int spid() {
    return 53;
  }

  @Override
  public String database() {
    return database;
  }

  @Override
  public String useDatabase(String name) {
    for (String db : databases) {
      if (db.equalsIgnoreCase(name)) {
        database = db;
        return db;
      }
    }
    return null;
  }

  @Override
  public List<String> databases() {
    return databases;
  }

  @Override
  public TdsVersion tdsVersion() {
    return version;
  }

  @Override
  public String language() {
    return language;
  }

  @Override
  public String serverName() {
    return "TESTHOST";
  }

  @Override
  public int tranCount() {
    return transactions.count();
  }

  @Override
  public long beginTransaction() {
    return transactions.begin();
  }

  @Override
  public long commitTransaction() {
    return transactions.commit();
  }

  @Override
  public long rollbackTransaction() {
    return transactions.rollback();
  }

  @Override
  public void setOption(String name, String value) {
    options.put(name, value);
  }

  @Override
  public String option(String name) {
    return options.get(name);
  }

  @Override
  public void lastStatement(long rows, int error) {
    this.rowCount = rows;
    this.lastError = error;
  }

  @Override
  public long rowCount() {
    return rowCount;
  }

  @Override
  public int lastError() {
    return lastError;
  }

  @Override
  public SessionInfo info() {
    return info(spid(), "FALSE");
  }

  SessionInfo info(int spid, String encrypt) {
    Instant t = Instant.parse("2024-05-06T07:08:09Z");
    return new SessionInfo(
        spid,
        "tester",
        database,
        encrypt,
        version.label(),
        version.wire(),
        null,
        false,
        language,
        4096,
        "unit test",
        "box",
        false,
        t,
        "127.0.0.1",
        40000 + spid,
        "127.0.0.1",
        1433,
        new UUID(0, spid),
        3,
        4,
        t,
        t);
  }

  @Override
  public List<SessionInfo> connections() {
    List<SessionInfo> all = new ArrayList<>(others);
    all.add(info());
    all.sort((a, b) -> Integer.compare(a.spid(), b.spid()));
    return all;
  }
}
