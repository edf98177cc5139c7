package io.jctds.jdbc;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

/**
 * Reads {@code jctds_bench_rows(N)} through a JDBC Statement and prints "rows R ids S bigs B" (run
 * by {@link LargeResultSetIT} in a JVM with a 64 MB heap).
 */
public final class LargeResultMain {
  private LargeResultMain() {}

  public static void main(String[] args) throws Exception {
    int port = Integer.parseInt(args[0]);
    long n = Long.parseLong(args[1]);
    long rows = 0;
    long ids = 0;
    long bigs = 0;
    try (Connection c = JdbcServer.connect(port);
        Statement s = c.createStatement()) {
      s.setFetchSize(1000);
      try (ResultSet rs = s.executeQuery("SELECT * FROM jctds_bench_rows(" + n + ")")) {
        while (rs.next()) {
          rows++;
          ids += rs.getInt(1);
          bigs += rs.getLong("big");
        }
      }
    }
    System.out.println("rows " + rows + " ids " + ids + " bigs " + bigs);
  }
}
