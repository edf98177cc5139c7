package io.jctds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jctds.net.BrowserLookup;
import io.jctds.server.EncryptionPolicy;
import io.jctds.server.TdsServer;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Named instances resolved through SQL Server Browser (FREETDS.md 6.1: {@code 0x04} + name + NUL to
 * the Browser, the {@code tcp} port of its SVR_RESP) against the embedded server's Browser on an
 * ephemeral UDP port, named to the client by the system property {@value
 * BrowserLookup#PORT_PROPERTY}; and the error when no Browser gives a port.
 */
class NamedInstanceIT {
  @TempDir Path dir;

  @AfterEach
  void clearProperty() {
    System.clearProperty(BrowserLookup.PORT_PROPERTY);
  }

  private static TdsServer server() throws java.io.IOException {
    return TdsServer.builder()
        .port(0)
        .encryption(EncryptionPolicy.OFF)
        .user("sa", "pw")
        .instanceName("JCTDS")
        .browserPort(0)
        .build()
        .start();
  }

  private ConnectOptions.Builder options(String confText, int loginTimeout) {
    TestWorld w = new TestWorld(dir);
    return w.options(w.write("freetds.conf", confText), "pw").loginTimeout(loginTimeout);
  }

  private static Object scalar(Connection c, String sql) {
    try (Cursor cur = c.cursor()) {
      cur.execute(sql);
      return cur.fetchOne().get(0);
    }
  }

  @Test
  void hostBackslashInstanceAndTheInstanceDirectiveFindTheServersPort() throws Exception {
    try (TdsServer server = server()) {
      System.setProperty(BrowserLookup.PORT_PROPERTY, Integer.toString(server.browserPort()));
      ConnectOptions.Builder o =
          options("[named]\n\thost = 127.0.0.1\n\tinstance = jctds\n\tencryption = off\n", 10);
      try (Connection c = Jctds.connect("named", o.build())) {
        assertThat(scalar(c, "SELECT 1")).isEqualTo(1);
      }
      try (Connection c = Jctds.connect("127.0.0.1\\JCTDS", o.build())) {
        assertThat(scalar(c, "SELECT 2")).isEqualTo(2);
        // "@@SERVERNAME (Transact-SQL)": servername\instancename for a named instance;
        // "SERVERPROPERTY (Transact-SQL)": InstanceName, MachineName the computer
        String machine = (String) scalar(c, "SELECT SERVERPROPERTY('MachineName')");
        assertThat(scalar(c, "SELECT SERVERPROPERTY('InstanceName')")).isEqualTo("JCTDS");
        assertThat(scalar(c, "SELECT @@SERVERNAME")).isEqualTo(machine + "\\JCTDS");
        assertThat(scalar(c, "SELECT SERVERPROPERTY('ServerName')")).isEqualTo(machine + "\\JCTDS");
        assertThat(machine).doesNotContain("\\");
      }
    }
  }

  @Test
  void aBrowserThatDoesNotKnowTheInstanceIsAnErrorNamingHostInstanceAndUdpPort() throws Exception {
    try (TdsServer server = server()) {
      int udp = server.browserPort();
      System.setProperty(BrowserLookup.PORT_PROPERTY, Integer.toString(udp));
      ConnectOptions.Builder o = options("[global]\n\tencryption = off\n", 3);
      assertThatThrownBy(() -> Jctds.connect("127.0.0.1\\NOSUCH", o.build()))
          .isInstanceOfSatisfying(
              OperationalError.class,
              e -> assertThat(e.reason()).isEqualTo(OperationalError.Reason.CONNECTION_REFUSED))
          .hasMessageContaining("SQL Server Browser on 127.0.0.1")
          .hasMessageContaining("UDP port " + udp + ", from system property jctds.browser.port")
          .hasMessageContaining("instance 'NOSUCH'")
          .hasMessageContaining("20009");
    }
  }

  @Test
  void aBrowserPortWhereNothingAnswersIsTheSameError() throws Exception {
    try (DatagramSocket silent =
        new DatagramSocket(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0))) {
      int udp = silent.getLocalPort();
      System.setProperty(BrowserLookup.PORT_PROPERTY, Integer.toString(udp));
      ConnectOptions.Builder o = options("[global]\n\tencryption = off\n", 2);
      assertThatThrownBy(() -> Jctds.connect("127.0.0.1\\JCTDS", o.build()))
          .isInstanceOf(OperationalError.class)
          .hasMessageContaining("SQL Server Browser on 127.0.0.1 (UDP port " + udp)
          .hasMessageContaining("instance 'JCTDS'");
    }
  }

  @Test
  void aBadBrowserPortSettingIsAConfigurationError() {
    System.setProperty(BrowserLookup.PORT_PROPERTY, "70000");
    ConnectOptions.Builder o = options("[global]\n\tencryption = off\n", 2);
    assertThatThrownBy(() -> Jctds.connect("127.0.0.1\\JCTDS", o.build()))
        .isInstanceOfSatisfying(
            OperationalError.class,
            e -> assertThat(e.reason()).isEqualTo(OperationalError.Reason.CONFIGURATION))
        .hasMessageContaining("system property jctds.browser.port = '70000'");
  }
}
