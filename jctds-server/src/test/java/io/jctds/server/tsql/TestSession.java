package io.jctds.server.tsql;

import io.jctds.protocol.TdsVersion;
import io.jctds.server.SessionInfo;
import io.jctds.server.sql.SqlSession;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** An in-memory {@link SqlSession} for engine tests: a session's identity, no socket. */
final class TestSession implements SqlSession {
  final List<SessionInfo> others = new ArrayList<>();
  final List<Integer> killed = new ArrayList<>();
  TdsVersion version = TdsVersion.V7_4;
  boolean utf8;
  String database = "master";
  private final int spid;

  TestSession() {
    this(53);
  }

  TestSession(int spid) {
    this.spid = spid;
  }

  @Override
  public int spid() {
    return spid;
  }

  @Override
  public String login() {
    return "sa";
  }

  @Override
  public String appName() {
    return "engine-test";
  }

  @Override
  public String hostName() {
    return "testhost";
  }

  @Override
  public String loginDatabase() {
    return "master";
  }

  @Override
  public void database(String name) {
    database = name;
  }

  @Override
  public TdsVersion tdsVersion() {
    return version;
  }

  @Override
  public boolean utf8() {
    return utf8;
  }

  @Override
  public String serverName() {
    return "TESTHOST";
  }

  @Override
  public SessionInfo info() {
    return new SessionInfo(
        spid,
        "sa",
        database,
        "TRUE",
        version.label(),
        version.wire(),
        "TLSv1.3",
        false,
        "us_english",
        4096,
        "engine-test",
        "testhost",
        false,
        Instant.parse("2024-01-02T03:04:05Z"),
        "127.0.0.1",
        50000,
        "127.0.0.1",
        1433,
        UUID.fromString("11111111-2222-3333-4444-555555555555"),
        3,
        4,
        null,
        null);
  }

  @Override
  public List<SessionInfo> connections() {
    List<SessionInfo> all = new ArrayList<>(others);
    all.add(0, info());
    return all;
  }

  @Override
  public boolean kill(int target) {
    killed.add(target);
    return others.stream().anyMatch(s -> s.spid() == target);
  }
}
