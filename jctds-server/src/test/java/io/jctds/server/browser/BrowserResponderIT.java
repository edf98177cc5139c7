package io.jctds.server.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jctds.server.TdsServer;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The embedded server's SQL Server Browser over real UDP on an ephemeral port: CLNT_UCAST_INST for
 * its instance is answered with its TCP port ([MC-SQLR] 2.2.3, 2.2.5), other requests as [MC-SQLR]
 * 3.2.5 says, and the Browser ends with the server.
 */
class BrowserResponderIT {
  private static TdsServer server(int browserPort) throws IOException {
    return TdsServer.builder()
        .port(0)
        .user("sa", "pw")
        .serverName("DB1")
        .instanceName("JCTDS")
        .browserPort(browserPort)
        .build()
        .start();
  }

  /** Sends {@code request} and returns the answer's RESP_DATA, or empty after {@code waitMs}. */
  private static Optional<String> ask(int port, byte[] request, int waitMs) throws IOException {
    try (DatagramSocket s = new DatagramSocket()) {
      s.setSoTimeout(waitMs);
      s.send(new DatagramPacket(request, request.length, InetAddress.getLoopbackAddress(), port));
      byte[] buf = new byte[65535];
      DatagramPacket p = new DatagramPacket(buf, buf.length);
      try {
        s.receive(p);
      } catch (SocketTimeoutException e) {
        return Optional.empty();
      }
      assertThat(buf[0]).isEqualTo((byte) 0x05);
      int size = (buf[1] & 0xff) | (buf[2] & 0xff) << 8;
      assertThat(p.getLength()).isEqualTo(3 + size);
      return Optional.of(new String(buf, 3, size, StandardCharsets.ISO_8859_1));
    }
  }

  private static byte[] inst(String name) {
    return ("\u0004" + name + "\u0000").getBytes(StandardCharsets.ISO_8859_1);
  }

  @Test
  void answersForItsInstanceWithItsTcpPort() throws Exception {
    try (TdsServer server = server(0)) {
      String expected =
          "ServerName;DB1;InstanceName;JCTDS;IsClustered;No;Version;16.0.1000.6;tcp;"
              + server.port()
              + ";;";
      assertThat(ask(server.browserPort(), inst("jctds"), 10_000)).contains(expected);
      assertThat(ask(server.browserPort(), new byte[] {0x03}, 10_000)).contains(expected);
      assertThat(ask(server.browserPort(), new byte[] {0x02}, 10_000)).contains(expected);
    }
  }

  @Test
  void malformedDatagramsAndUnknownInstancesGetNoAnswerAndDoNotStopIt() throws Exception {
    try (TdsServer server = server(0)) {
      int port = server.browserPort();
      assertThat(ask(port, inst("OTHER"), 1000)).isEmpty();
      assertThat(ask(port, new byte[] {0x04, 'J'}, 1000)).isEmpty();
      assertThat(ask(port, new byte[0], 1000)).isEmpty();
      assertThat(ask(port, new byte[] {(byte) 0xff, 1, 2, 3}, 1000)).isEmpty();
      assertThat(ask(port, inst("JCTDS"), 10_000)).as("still answering").isPresent();
    }
  }

  @Test
  void aTakenPortIsAClearErrorNamingItAndTheServerDoesNotStart() throws Exception {
    try (DatagramSocket taken =
        new DatagramSocket(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0))) {
      int port = taken.getLocalPort();
      assertThatThrownBy(() -> server(port))
          .isInstanceOf(IOException.class)
          .hasMessageContaining("UDP 127.0.0.1:" + port)
          .hasMessageContaining("--browser-port");
    }
  }

  @Test
  void theBrowserStopsWithTheServer() throws Exception {
    int port;
    try (TdsServer server = server(0)) {
      port = server.browserPort();
    }
    // the UDP port is free again: binding it succeeds
    try (DatagramSocket again =
        new DatagramSocket(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port))) {
      assertThat(again.getLocalPort()).isEqualTo(port);
    }
  }

  @Test
  void aServerWithoutInstanceHasNoBrowser() throws Exception {
    try (TdsServer server = TdsServer.builder().port(0).user("sa", "pw").build().start()) {
      assertThat(server.instanceName()).isNull();
      assertThatThrownBy(server::browserPort)
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("instance name");
    }
  }
}
