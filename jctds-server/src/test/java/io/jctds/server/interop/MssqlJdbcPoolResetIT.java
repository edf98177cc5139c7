package io.jctds.server.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.microsoft.sqlserver.jdbc.SQLServerConnectionPoolDataSource;
import com.microsoft.sqlserver.jdbc.SQLServerException;
import io.jctds.server.EncryptionPolicy;
import io.jctds.server.TdsServer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import javax.sql.PooledConnection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The server's RESETCONNECTION through mssql-jdbc 13.6.2's own pooling: {@code
 * SQLServerPooledConnection.getConnection()} calls {@code resetPooledConnection()} when it hands
 * out a second handle, which makes {@code TDSWriter} put RESET_CONNECTION (0x08) on the first
 * packet of the next request, and puts back its own record of the catalog ({@code
 * initResettableValues}: {@code sCatalog = originalCatalog}) and clears its prepared-handle cache.
 * It sends no SQL of its own for the reset (with autocommit on, {@code poolCloseEventNotify} does
 * not roll back), so what the second borrower finds is the server's doing.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class MssqlJdbcPoolResetIT {
  private static TdsServer server;

  @BeforeAll
  static void start() throws SQLException {
    server = Interop.start(EncryptionPolicy.OFF);
    PooledConnection pc = dataSource().getPooledConnection();
    try (Connection c = pc.getConnection();
        Statement s = c.createStatement()) {
      s.execute("CREATE TABLE dbo.pool_reset (x int)");
    } finally {
      pc.close();
    }
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  private static SQLServerConnectionPoolDataSource dataSource() {
    SQLServerConnectionPoolDataSource ds = new SQLServerConnectionPoolDataSource();
    ds.setURL(
        "jdbc:sqlserver://127.0.0.1:"
            + server.port()
            + ";databaseName=master;encrypt=false;loginTimeout="
            + Interop.CLIENT_TIMEOUT_SECONDS
            + ";socketTimeout="
            + Interop.CLIENT_TIMEOUT_SECONDS * 1000);
    ds.setUser(Interop.USER);
    ds.setPassword(Interop.PASSWORD);
    return ds;
  }

  private static Object[] row(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      assertThat(rs.next()).isTrue();
      Object[] out = new Object[rs.getMetaData().getColumnCount()];
      for (int i = 0; i < out.length; i++) {
        out[i] = rs.getObject(i + 1);
      }
      return out;
    }
  }

  @Test
  void theNextBorrowerFindsTheLoginState() throws SQLException {
    PooledConnection pc = dataSource().getPooledConnection();
    try {
      int spid;
      try (Connection first = pc.getConnection();
          Statement s = first.createStatement()) {
        s.execute(
            "CREATE TABLE #left_behind (x int); BEGIN TRAN;"
                + " INSERT INTO dbo.pool_reset VALUES (1); USE tempdb; SET NOCOUNT ON");
        Object[] state = row(first, "SELECT @@SPID, DB_NAME(), @@TRANCOUNT, @@OPTIONS & 512");
        assertThat(state).containsSequence("tempdb", 1, 512);
        spid = ((Number) state[0]).intValue();
      }
      try (Connection second = pc.getConnection()) {
        Object[] state =
            row(
                second,
                "SELECT @@SPID, DB_NAME(), @@TRANCOUNT, @@OPTIONS & 512,"
                    + " (SELECT COUNT(*) FROM master.dbo.pool_reset)");
        // the same session, reset: login database, no transaction (its row gone), NOCOUNT off
        assertThat(((Number) state[0]).intValue()).isEqualTo(spid);
        assertThat(state).containsSequence("master", 0, 0, 0);
        assertThat(second.getCatalog()).isEqualTo("master"); // the driver's record agrees
        assertThatThrownBy(() -> row(second, "SELECT * FROM #left_behind"))
            .isInstanceOf(SQLServerException.class)
            .satisfies(e -> assertThat(((SQLException) e).getErrorCode()).isEqualTo(208));
      }
    } finally {
      pc.close();
    }
  }

  @Test
  void preparedStatementsWorkAcrossBorrowers() throws SQLException {
    PooledConnection pc = dataSource().getPooledConnection();
    try {
      for (int borrower = 0; borrower < 3; borrower++) {
        try (Connection c = pc.getConnection();
            PreparedStatement p = c.prepareStatement("SELECT ? + 1")) {
          for (int i = 0; i < 3; i++) { // sp_prepexec, then sp_execute on the handle
            p.setInt(1, i);
            try (ResultSet rs = p.executeQuery()) {
              assertThat(rs.next()).isTrue();
              assertThat(rs.getInt(1)).isEqualTo(i + 1);
            }
          }
        }
      }
    } finally {
      pc.close();
    }
  }
}
