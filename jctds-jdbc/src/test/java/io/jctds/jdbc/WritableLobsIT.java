package io.jctds.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jctds.server.TdsServer;
import java.io.Writer;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.Connection;
import java.sql.NClob;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLXML;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Connection.createBlob / createClob / createNClob / createSQLXML (JDBC 4.3 §16): written with the
 * setters (1-based positions, writing past the end grows the value), sent as parameters and read
 * back unchanged.
 */
class WritableLobsIT {
  private static TdsServer server;

  @BeforeAll
  static void start() throws SQLException {
    server = JdbcServer.start();
    try (Connection c = JdbcServer.connect(server);
        Statement s = c.createStatement()) {
      s.execute(
          "CREATE TABLE dbo.lobs (id int PRIMARY KEY, b varbinary(max), c nvarchar(max), x xml)");
    }
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void createdLobsAreWrittenSentAndReadBack() throws Exception {
    try (Connection c = JdbcServer.connect(server)) {
      Blob b = c.createBlob();
      assertThat(b.length()).isZero();
      b.setBytes(1, new byte[] {1, 2, 3});
      b.setBytes(3, new byte[] {9, 8}); // overwrites byte 3, appends one
      try (java.io.OutputStream o = b.setBinaryStream(b.length() + 1)) {
        o.write(new byte[] {7});
      }
      assertThat(b.getBytes(1, 10)).containsExactly(1, 2, 9, 8, 7);
      assertThat(b.position(new byte[] {9, 8}, 1)).isEqualTo(3);
      NClob n = c.createNClob();
      n.setString(1, "héllo");
      try (Writer w = n.setCharacterStream(6)) {
        w.write(" wörld");
      }
      Clob cl = c.createClob();
      cl.setString(1, "abcdef");
      cl.truncate(3);
      assertThat(cl.getSubString(1, 10)).isEqualTo("abc");
      SQLXML x = c.createSQLXML();
      x.setString("<a>1</a>");
      assertThatThrownBy(() -> x.setString("<b/>")).isInstanceOf(SQLException.class);
      try (PreparedStatement p = c.prepareStatement("INSERT INTO dbo.lobs VALUES (1, ?, ?, ?)")) {
        p.setBlob(1, b);
        p.setNClob(2, n);
        p.setSQLXML(3, x);
        assertThat(p.executeUpdate()).isEqualTo(1);
      }
      try (Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("SELECT b, c, x FROM dbo.lobs WHERE id = 1")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getBytes(1)).containsExactly(1, 2, 9, 8, 7);
        assertThat(rs.getString(2)).isEqualTo("héllo wörld");
        assertThat(rs.getSQLXML(3).getString()).isEqualTo("<a>1</a>");
      }
      b.free();
      assertThatThrownBy(b::length).isInstanceOf(SQLException.class);
    }
  }
}
