package io.jctds;

import static org.assertj.core.api.Assertions.assertThat;

import io.jctds.protocol.TdsVersion;
import io.jctds.protocol.login.FeatureExt;
import io.jctds.protocol.login.Login7;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** LOGIN7 as jctds sends it, field by field against FreeTDS 1.5 (FREETDS.md 6.5, 6.7). */
class Login7BytesTest {
  @TempDir Path dir;

  /** Logs in against a rogue server and returns the raw LOGIN7 packet(s) payload. */
  private byte[] capture(ConnectOptions.Builder options, TestWorld w, String... conf)
      throws Exception {
    AtomicReference<byte[]> payload = new AtomicReference<>();
    try (RogueServer server =
        new RogueServer(
            peer -> {
              peer.readPrelogin();
              peer.answerPrelogin(0x02, !Arrays.asList(conf).contains("no-mars"));
              ByteBuffer p = peer.readMessage(0x10);
              byte[] b = new byte[p.remaining()];
              p.get(b);
              payload.set(b);
              peer.close();
            })) {
      Path file =
          w.conf(
              server.port(),
              Arrays.stream(conf).filter(l -> !l.equals("no-mars")).toArray(String[]::new));
      try {
        Jctds.connect("rogue", options.configResolver(w.resolver(file)).build()).close();
      } catch (OperationalError expected) {
        assertThat(expected.reason()).isEqualTo(OperationalError.Reason.CONNECTION_BROKEN);
      }
      server.await();
    }
    return payload.get();
  }

  private static ByteBuffer le(byte[] b) {
    return ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
  }

  @ParameterizedTest(name = "tds version {0}")
  @CsvSource({
    "7.4, 74000004, 0x18, 94",
    "7.3, 730B0003, 0x08, 94",
    "7.2, 72090002, 0x00, 94",
    "7.1, 71000001, 0x00, 86"
  })
  void fieldsAsFreetdsSendsThem(String version, String wire, String flags3, int fixed)
      throws Exception {
    TestWorld w = new TestWorld(dir);
    byte[] b =
        capture(
            ConnectOptions.builder()
                .user("sa")
                .password("pw")
                .appname("demo")
                .hostname("client1")
                .database("tempdb"),
            w,
            "encryption = off",
            "tds version = " + version);
    ByteBuffer p = le(b);
    assertThat(p.getInt(0)).as("Length").isEqualTo(b.length);
    assertThat(Integer.toHexString(p.getInt(4)).toUpperCase()).isEqualTo(wire);
    assertThat(p.getInt(8)).as("PacketSize").isEqualTo(4096);
    assertThat(Hex.of(Arrays.copyOfRange(b, 12, 16))).as("ClientProgVer").isEqualTo("06 83 F2 F8");
    assertThat(p.getInt(16)).as("ClientPID").isEqualTo((int) ProcessHandle.current().pid());
    assertThat(p.getInt(20)).as("ConnectionID").isZero();
    assertThat(b[24] & 0xFF).as("OptionFlags1").isEqualTo(0xE0);
    assertThat(b[25] & 0xFF).as("OptionFlags2 (db-lib)").isEqualTo(0x01);
    assertThat(b[26] & 0xFF).as("TypeFlags").isEqualTo(0x00);
    assertThat(b[27] & 0xFF).as("OptionFlags3").isEqualTo(Integer.decode(flags3));
    assertThat(Hex.of(Arrays.copyOfRange(b, 28, 32)))
        .as("ClientTimeZone -120")
        .isEqualTo("88 FF FF FF");
    assertThat(Hex.of(Arrays.copyOfRange(b, 32, 36))).as("ClientLCID").isEqualTo("36 04 00 00");
    assertThat(p.getShort(36) & 0xFFFF)
        .as("first string right after the fixed part")
        .isEqualTo(fixed);
    Login7 l = Login7.decode(le(b));
    assertThat(l.hostName()).isEqualTo("client1");
    assertThat(l.userName()).isEqualTo("sa");
    assertThat(l.password()).isEqualTo("pw");
    assertThat(l.appName()).isEqualTo("demo");
    assertThat(l.serverName()).isEqualTo("rogue");
    assertThat(l.cltIntName()).isEqualTo("jctds");
    assertThat(l.language()).isEqualTo("us_english");
    assertThat(l.database()).isEqualTo("tempdb");
    if (version.equals("7.4")) {
      assertThat(l.features())
          .containsExactly(new FeatureExt(FeatureExt.UTF8_SUPPORT, new byte[] {1}));
      assertThat(Hex.of(Arrays.copyOfRange(b, b.length - 7, b.length)))
          .isEqualTo("0A 01 00 00 00 01 FF");
    } else {
      assertThat(l.features()).isEmpty();
    }
  }

  @Test
  void passwordIsObfuscatedAtItsOffset() throws Exception {
    TestWorld w = new TestWorld(dir);
    byte[] b = capture(ConnectOptions.builder().user("sa").password("Ab1"), w, "encryption = off");
    ByteBuffer p = le(b);
    int at = p.getShort(44) & 0xFFFF;
    int chars = p.getShort(46) & 0xFFFF;
    assertThat(chars).isEqualTo(3);
    // 'A' = 41 00 → swap nibbles 14 00 → xor A5: B1 A5; 'b' 62 00 → 26 00 → 83 A5; '1' 31 00 → 13
    // 00 → B6 A5
    assertThat(Hex.of(Arrays.copyOfRange(b, at, at + 6))).isEqualTo("B1 A5 83 A5 B6 A5");
    assertThat(Login7.obfuscate("Ab1")).containsExactly(Hex.bytes("B1 A5 83 A5 B6 A5"));
  }

  @Test
  void flagsForReadOnlyNoBcpAndPacketSize() throws Exception {
    TestWorld w = new TestWorld(dir);
    byte[] b =
        capture(
            ConnectOptions.builder().user("sa").password("pw").readOnly(true).enableBcp(false),
            w,
            "encryption = off",
            "initial block size = 16384");
    assertThat(b[24] & 0xFF).as("OptionFlags1 with bulk copy off").isEqualTo(0xF0);
    assertThat(b[26] & 0xFF).as("TypeFlags read-only intent").isEqualTo(0x20);
    assertThat(le(b).getInt(8)).as("PacketSize from initial block size").isEqualTo(16384);
    byte[] small =
        capture(
            ConnectOptions.builder().user("sa").password("pw"),
            w,
            "encryption = off",
            "initial block size = 1024");
    assertThat(le(small).getInt(8)).as("below 4096 is not honoured").isEqualTo(4096);
  }

  @Test
  void marsAbsentDowngradesToThe71LayoutWithTheConfiguredVersion() throws Exception {
    TestWorld w = new TestWorld(dir);
    byte[] b =
        capture(
            ConnectOptions.builder().user("sa").password("pw"), w, "encryption = off", "no-mars");
    ByteBuffer p = le(b);
    assertThat(p.getInt(4)).isEqualTo(TdsVersion.V7_4.wire());
    assertThat(p.getShort(36) & 0xFFFF).as("86-byte fixed part").isEqualTo(86);
    assertThat(b[27] & 0xFF).as("no FeatureExt, no 7.3 flag").isZero();
  }
}
