package io.jctds.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** SQL Server Browser lookup of a named instance ([MS-SQLR] CLNT_UCAST_INST / SVR_RESP). */
class BrowserLookupTest {

  private static byte[] response(String text) {
    byte[] body = text.getBytes(StandardCharsets.ISO_8859_1);
    byte[] r = new byte[3 + body.length];
    r[0] = 0x05;
    r[1] = (byte) body.length;
    System.arraycopy(body, 0, r, 3, body.length);
    return r;
  }

  @Test
  void parsesTheTcpPortOfTheNamedInstance() {
    byte[] r =
        response("ServerName;DB1;InstanceName;SQLEXPRESS;IsClustered;No;Version;16.0;tcp;51433;;");
    assertThat(BrowserLookup.parse(r, r.length, "sqlexpress")).isEqualTo(OptionalInt.of(51433));
    assertThat(BrowserLookup.parse(r, r.length, "OTHER")).isEmpty();
    byte[] noTcp = response("ServerName;DB1;InstanceName;SQLEXPRESS;np;\\\\DB1\\pipe;;");
    assertThat(BrowserLookup.parse(noTcp, noTcp.length, "SQLEXPRESS")).isEmpty();
    byte[] badPort = response("InstanceName;X;tcp;99999;;");
    assertThat(BrowserLookup.parse(badPort, badPort.length, "X")).isEmpty();
    assertThat(BrowserLookup.parse(new byte[] {0x04, 0, 0}, 3, "X")).isEmpty();
  }

  @Test
  void asksOverUdpAndReadsTheAnswer() throws Exception {
    try (DatagramSocket browser = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
      Thread responder =
          new Thread(
              () -> {
                try {
                  byte[] buf = new byte[512];
                  DatagramPacket request = new DatagramPacket(buf, buf.length);
                  browser.receive(request);
                  byte[] got = Arrays.copyOf(buf, request.getLength());
                  byte[] expected = "\u0004SQLEXPRESS\u0000".getBytes(StandardCharsets.ISO_8859_1);
                  byte[] answer =
                      Arrays.equals(got, expected)
                          ? response("ServerName;DB1;InstanceName;SQLEXPRESS;tcp;1444;;")
                          : response("InstanceName;WRONG;tcp;1;;");
                  browser.send(
                      new DatagramPacket(answer, answer.length, request.getSocketAddress()));
                } catch (java.io.IOException e) {
                  throw new java.io.UncheckedIOException(e);
                }
              });
      responder.start();
      OptionalInt port =
          BrowserLookup.port(
              InetAddress.getLoopbackAddress(),
              browser.getLocalPort(),
              "SQLEXPRESS",
              Deadline.after(Duration.ofSeconds(10)));
      responder.join(10_000);
      assertThat(port).isEqualTo(OptionalInt.of(1444));
    }
  }
}
