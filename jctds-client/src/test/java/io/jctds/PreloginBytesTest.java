package io.jctds;

import static org.assertj.core.api.Assertions.assertThat;

import io.jctds.protocol.TdsVersion;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The PRELOGIN packet exactly as jctds sends it, for every encryption mode and both table layouts,
 * against the bytes FreeTDS 1.5 sends (FREETDS.md 4.1 and 6.3).
 */
class PreloginBytesTest {
  private static final String PID = Hex.le32(ProcessHandle.current().pid());
  private static final String MSSQLSERVER = "4D 53 53 51 4C 53 65 72 76 65 72 00";

  @TempDir Path dir;

  /** FREETDS.md 6.3: the 26-byte table of TDS 7.2+, 58 bytes in all. */
  static String modern(String encryption, String instance, int instanceLength) {
    int total = 58 - 12 + instanceLength;
    return String.format("12 01 00 %02X 00 00 00 00", total)
        + String.format(
            " 00 00 1A 00 06 01 00 20 00 01 02 00 21 00 %02X 03 00 %02X 00 04 04 00 %02X 00 01 FF",
            instanceLength, 0x21 + instanceLength, 0x25 + instanceLength)
        + " 09 00 00 00 00 00 "
        + encryption
        + " "
        + instance
        + " "
        + PID
        + " 00";
  }

  /** FREETDS.md 6.3: the 21-byte table of TDS 7.1 (no MARS), 52 bytes in all. */
  static String legacy(String encryption) {
    return "12 01 00 34 00 00 00 00"
        + " 00 00 15 00 06 01 00 1B 00 01 02 00 1C 00 0C 03 00 28 00 04 FF"
        + " 08 00 01 55 00 00 "
        + encryption
        + " "
        + MSSQLSERVER
        + " "
        + PID;
  }

  static Stream<Arguments> modes() {
    List<Arguments> cases = new ArrayList<>();
    String[][] modes = {{"off", "02"}, {"request", "00"}, {null, "00"}, {"require", "01"}};
    for (String[] m : modes) {
      cases.add(Arguments.of(m[0], "7.4", modern(m[1], MSSQLSERVER, 12)));
      cases.add(Arguments.of(m[0], "7.3", modern(m[1], MSSQLSERVER, 12)));
      cases.add(Arguments.of(m[0], "7.2", modern(m[1], MSSQLSERVER, 12)));
      cases.add(Arguments.of(m[0], "7.1", legacy(m[1])));
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "encryption = {0}, tds version = {1}")
  @MethodSource("modes")
  void preloginAsSent(String mode, String version, String expected) throws Exception {
    TestWorld w = new TestWorld(dir);
    try (RogueServer server =
        new RogueServer(
            peer -> {
              peer.readPrelogin();
              peer.close(); // the packet is all this test needs
            })) {
      Path conf =
          mode == null
              ? w.conf(server.port(), "tds version = " + version)
              : w.conf(server.port(), "tds version = " + version, "encryption = " + mode);
      try {
        Jctds.connect("rogue", w.options(conf, "pw").build()).close();
      } catch (OperationalError expectedFailure) {
        assertThat(expectedFailure.reason()).isEqualTo(OperationalError.Reason.CONNECTION_BROKEN);
      }
      server.await();
      assertThat(Hex.of(server.peers().get(0).packets().get(0)))
          .isEqualTo(Hex.of(Hex.bytes(expected)));
    }
  }

  @Test
  void instanceGoesIntoInstopt() throws Exception {
    TestWorld w = new TestWorld(dir);
    try (RogueServer server =
        new RogueServer(
            peer -> {
              peer.readPrelogin();
              peer.close();
            })) {
      Path conf = w.conf(server.port(), "instance = SQLEXPRESS");
      try {
        Jctds.connect("rogue", w.options(conf, "pw").build()).close();
      } catch (OperationalError expectedFailure) {
        assertThat(expectedFailure.reason()).isEqualTo(OperationalError.Reason.CONNECTION_BROKEN);
      }
      server.await();
      String sqlexpress = "53 51 4C 45 58 50 52 45 53 53 00";
      assertThat(Hex.of(server.peers().get(0).packets().get(0)))
          .isEqualTo(Hex.of(Hex.bytes(modern("00", sqlexpress, 11))));
    }
  }

  @Test
  void strictSendsNotSupInsideTls() throws Exception {
    TestWorld w = new TestWorld(dir);
    try (RogueServer server =
        new RogueServer(
            peer -> {
              peer.tlsFirst(TestWorld.tds8Engine());
              peer.readPrelogin();
              peer.close();
            })) {
      Path conf = w.conf(server.port(), "encryption = strict", "ca file = " + w.caFile());
      try {
        Jctds.connect("rogue", w.options(conf, "pw").build()).close();
      } catch (OperationalError expectedFailure) {
        assertThat(expectedFailure.reason()).isEqualTo(OperationalError.Reason.CONNECTION_BROKEN);
      }
      server.await();
      Peer peer = server.peers().get(0);
      assertThat(peer.rawReceived()[0]).as("TLS ClientHello first").isEqualTo((byte) 0x16);
      assertThat(Hex.of(peer.packets().get(0)))
          .isEqualTo(Hex.of(Hex.bytes(modern("02", MSSQLSERVER, 12))));
      assertThat(TdsVersion.V8_0.label()).isEqualTo("8.0");
    }
  }
}
