package io.jctds.server.interop;

import static org.assertj.core.api.Assertions.assertThat;

import io.jctds.server.EncryptionPolicy;
import io.jctds.server.TdsServer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A request larger than 16 MiB is accepted, as by SQL Server, whose batch limit is 65,536 network
 * packets (Microsoft, "Maximum capacity specifications for SQL Server"): mssql-jdbc sends a 10M
 * character string parameter as one RPC request of about 20 MB.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class LargeRequestIT {
  private static TdsServer server;

  @BeforeAll
  static void start() {
    server = Interop.start(b -> b.encryption(EncryptionPolicy.OFF));
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void aTwentyMegabyteRpcRequestIsServed() throws Exception {
    String big = "x".repeat(10_000_000);
    try (Connection c = Interop.mssqlJdbc(server, "tempdb", "");
        PreparedStatement ps = c.prepareStatement("SELECT LEN(?), DATALENGTH(?)")) {
      ps.setString(1, big);
      ps.setString(2, big);
      try (ResultSet rs = ps.executeQuery()) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getLong(1)).isEqualTo(10_000_000L);
        assertThat(rs.getLong(2)).as("nvarchar: 2 bytes per character").isEqualTo(20_000_000L);
      }
    }
  }
}
