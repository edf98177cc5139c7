package io.jctds.protocol.login;

import static org.assertj.core.api.Assertions.assertThat;

import io.jctds.protocol.Bytes;
import io.jctds.protocol.TdsVersion;
import io.jctds.protocol.framing.MessageAssembler;
import io.jctds.protocol.framing.PacketType;
import io.jctds.protocol.prelogin.EncryptionOption;
import io.jctds.protocol.prelogin.PreLogin;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** PRELOGIN and LOGIN7 packets captured from FreeTDS, mssql-jdbc, jTDS and tedious. */
class CapturedClientsTest {
  private static final Map<String, byte[]> PACKETS = load();

  private static Map<String, byte[]> load() {
    Map<String, byte[]> m = new LinkedHashMap<>();
    var in = CapturedClientsTest.class.getResourceAsStream("captured-clients.txt");
    try (var r = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII))) {
      for (String line : r.lines().collect(Collectors.toList())) {
        if (!line.startsWith("#") && !line.isBlank()) {
          String[] f = line.split(" ");
          m.put(f[0] + " " + f[1], Bytes.hex(f[2]));
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return m;
  }

  /** Strips the packet header through the assembler, checking the type. */
  private static ByteBuffer payload(String key, int type) {
    MessageAssembler a = new MessageAssembler(4096, 65536);
    assertThat(a.feed(ByteBuffer.wrap(PACKETS.get(key)))).as(key).isTrue();
    assertThat(a.type()).isEqualTo(type);
    return a.payload();
  }

  private static List<String> clients(String kind) {
    return PACKETS.keySet().stream()
        .filter(k -> k.endsWith(" " + kind))
        .map(k -> k.substring(0, k.indexOf(' ')))
        .collect(Collectors.toList());
  }

  @Test
  void everyCapturedLoginDecodesWithTheRightCredentials() {
    assertThat(clients("LOGIN7")).hasSize(8);
    for (String client : clients("LOGIN7")) {
      Login7 l = Login7.decode(payload(client + " LOGIN7", PacketType.LOGIN7));
      assertThat(l.userName()).as(client).isEqualTo("jctds_user");
      assertThat(l.password()).as(client).isEqualTo("Secr3t!");
      assertThat(l.database()).as(client).isEqualTo("testdb");
      assertThat(l.toString()).as(client).doesNotContain("Secr3t!");
      // a semantic round trip through our encoder
      Login7 again = Login7.decode(Bytes.buf(Bytes.encode(l::encode)));
      assertThat(again).as(client).isEqualTo(l);
    }
  }

  @Test
  void freeTdsLogins() {
    Login7 l74 = Login7.decode(payload("freetds-1.3.17-tds7.4 LOGIN7", PacketType.LOGIN7));
    assertThat(l74.tdsVersion()).isEqualTo(TdsVersion.V7_4.wire());
    assertThat(l74.clientProgVer()).isEqualTo(0xF8F28306);
    assertThat(l74.optionFlags1()).isEqualTo(0xE0);
    assertThat(l74.optionFlags2()).isEqualTo(0x03);
    assertThat(l74.optionFlags3()).isEqualTo(0x18);
    assertThat(l74.clientTimeZone()).isEqualTo(-120);
    assertThat(l74.clientLcid()).isEqualTo(0x436);
    assertThat(l74.appName()).isEqualTo("TSQL");
    assertThat(l74.serverName()).isEqualTo("cap");
    assertThat(l74.cltIntName()).isEqualTo("TDS-Library");
    assertThat(l74.language()).isEqualTo("us_english");
    assertThat(l74.features())
        .containsExactly(new FeatureExt(FeatureExt.UTF8_SUPPORT, new byte[] {1}));
    // Our encoder lays the message out exactly as FreeTDS does.
    byte[] wire = PACKETS.get("freetds-1.3.17-tds7.4 LOGIN7");
    assertThat(Bytes.toHex(Bytes.encode(l74::encode)))
        .isEqualTo(Bytes.toHex(java.util.Arrays.copyOfRange(wire, 8, wire.length)));

    Login7 l71 = Login7.decode(payload("freetds-1.3.17-tds7.1 LOGIN7", PacketType.LOGIN7));
    assertThat(l71.tdsVersion()).isEqualTo(TdsVersion.V7_1.wire());
    assertThat(l71.longLayout()).isFalse();
    assertThat(l71.features()).isEmpty();
    Login7 l73 = Login7.decode(payload("freetds-1.3.17-tds7.3 LOGIN7", PacketType.LOGIN7));
    assertThat(l73.tdsVersion()).isEqualTo(TdsVersion.V7_3B.wire());
    assertThat(l73.optionFlags3()).isEqualTo(Login7.OF3_UNKNOWN_COLLATION_HANDLING);
  }

  @Test
  void mssqlJdbcLoginWithSeveralFeatures() {
    Login7 l = Login7.decode(payload("mssql-jdbc-13.2.1 LOGIN7", PacketType.LOGIN7));
    assertThat(l.tdsVersion()).isEqualTo(TdsVersion.V7_4.wire());
    assertThat(l.packetSize()).isEqualTo(8000);
    assertThat(l.appName()).isEqualTo("capture");
    assertThat(l.serverName()).isEqualTo("127.0.0.1");
    assertThat(l.cltIntName()).isEqualTo("Microsoft JDBC Driver 13.2");
    assertThat(l.features())
        .extracting(FeatureExt::id)
        .containsExactly(
            FeatureExt.COLUMNENCRYPTION,
            FeatureExt.DATACLASSIFICATION,
            FeatureExt.UTF8_SUPPORT,
            FeatureExt.AZURESQLDNSCACHING,
            FeatureExt.VECTORSUPPORT,
            FeatureExt.JSONSUPPORT,
            FeatureExt.SESSIONRECOVERY);
  }

  @Test
  void tediousPutsFeatureExtBeforeTheOtherStrings() {
    Login7 l = Login7.decode(payload("tedious-18.6.2 LOGIN7", PacketType.LOGIN7));
    assertThat(l.cltIntName()).isEqualTo("Tedious");
    assertThat(l.language()).isEqualTo("us_english");
    assertThat(l.clientId()).containsExactly(1, 2, 3, 4, 5, 6);
    assertThat(l.features())
        .containsExactly(new FeatureExt(FeatureExt.UTF8_SUPPORT, new byte[] {1}));
  }

  @Test
  void jtdsSendsThe71LayoutWithPacketSizeZero() {
    for (String c : List.of("jtds-1.3.1-ssl-off", "jtds-1.3.1-ssl-request")) {
      Login7 l = Login7.decode(payload(c + " LOGIN7", PacketType.LOGIN7));
      assertThat(l.tdsVersion()).isEqualTo(TdsVersion.V7_1.wire());
      assertThat(l.longLayout()).isFalse();
      assertThat(l.packetSize()).isZero();
      assertThat(l.cltIntName()).isEqualTo("jTDS");
      assertThat(l.hostName()).isEqualTo("VM");
    }
  }

  @Test
  void everyCapturedPreLoginDecodesAndReencodesByteForByte() {
    assertThat(clients("PRELOGIN")).hasSize(7);
    for (String client : clients("PRELOGIN")) {
      ByteBuffer p = payload(client + " PRELOGIN", PacketType.PRELOGIN);
      byte[] original = new byte[p.remaining()];
      p.duplicate().get(original);
      PreLogin pre = PreLogin.decode(p);
      assertThat(pre.version()).as(client).isNotNull();
      assertThat(Bytes.toHex(Bytes.encode(pre::encode)))
          .as(client)
          .isEqualTo(Bytes.toHex(original));
    }
    PreLogin jdbc = PreLogin.decode(payload("mssql-jdbc-13.2.1 PRELOGIN", PacketType.PRELOGIN));
    assertThat(jdbc.encryptionOption()).isEqualTo(EncryptionOption.OFF);
    assertThat(jdbc.traceId()).hasSize(36);
    PreLogin ted = PreLogin.decode(payload("tedious-18.6.2 PRELOGIN", PacketType.PRELOGIN));
    assertThat(ted.fedAuthRequired()).isTrue();
    assertThat(ted.mars()).isFalse();
    PreLogin ftds = PreLogin.decode(payload("freetds-1.3.17-tds7.4 PRELOGIN", PacketType.PRELOGIN));
    assertThat(ftds.instanceName()).isEqualTo("MSSQLServer");
    assertThat(ftds.encryptionOption()).isEqualTo(EncryptionOption.OFF);
  }
}
