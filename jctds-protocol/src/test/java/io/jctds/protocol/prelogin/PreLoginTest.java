package io.jctds.protocol.prelogin;

import static io.jctds.protocol.Bytes.buf;
import static io.jctds.protocol.Bytes.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jctds.protocol.Bytes;
import io.jctds.protocol.TdsProtocolException;
import io.jctds.protocol.framing.PacketType;
import io.jctds.protocol.framing.PacketWriter;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PreLoginTest {
  /** [MS-TDS] 4.1 Pre-Login Request, whole packet. */
  static final String SPEC_4_1 =
      "12 01 00 2F 00 00 01 00 00 00 1A 00 06 01 00 20"
          + "00 01 02 00 21 00 01 03 00 22 00 04 04 00 26 00"
          + "01 FF 09 00 00 00 00 00 01 00 B8 0D 00 00 01";

  /** FreeTDS 1.5, TDS 7.2+: 58-byte packet, 26-byte option table (FREETDS.md 6.3). */
  static final String FREETDS_72 =
      "12 01 00 3A 00 00 00 00"
          + "00 00 1A 00 06  01 00 20 00 01  02 00 21 00 0C  03 00 2D 00 04  04 00 31 00 01  FF"
          + "09 00 00 00 00 00  00  4D 53 53 51 4C 53 65 72 76 65 72 00  34 12 00 00  00";

  /** FreeTDS 1.5, TDS 7.1: 52-byte packet, 21-byte option table (FREETDS.md 6.3). */
  static final String FREETDS_71 =
      "12 01 00 34 00 00 00 00"
          + "00 00 15 00 06  01 00 1B 00 01  02 00 1C 00 0C  03 00 28 00 04  FF"
          + "08 00 01 55 00 00  02  4D 53 53 51 4C 53 65 72 76 65 72 00  34 12 00 00";

  private static byte[] packet(PreLogin p, int firstPacketId) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PacketWriter w =
        new PacketWriter(
            4096,
            b -> {
              byte[] x = new byte[b.remaining()];
              b.get(x);
              out.writeBytes(x);
            });
    w.firstPacketId(firstPacketId);
    w.beginMessage(PacketType.PRELOGIN);
    p.encode(w);
    w.endMessage();
    return out.toByteArray();
  }

  private static ByteBuffer payloadOf(String packetHex) {
    byte[] b = hex(packetHex);
    return buf(Arrays.copyOfRange(b, 8, b.length));
  }

  @Test
  void decodesTheSpecExample() {
    PreLogin p = PreLogin.decode(payloadOf(SPEC_4_1));
    assertThat(p.version()).isEqualTo(new PreLogin.Version(9, 0, 0, 0));
    assertThat(p.encryption()).isEqualTo(1);
    assertThat(p.encryptionOption()).isEqualTo(EncryptionOption.ON);
    assertThat(p.instance()).containsExactly(0);
    assertThat(p.instanceName()).isEmpty();
    assertThat(p.threadId()).isEqualTo(3512);
    assertThat(p.mars()).isTrue();
    assertThat(p.traceId()).isNull();
    assertThat(p.nonce()).isNull();
    assertThat(p.fedAuthRequired()).isNull();
  }

  @Test
  void encodesTheSpecExampleByteForByte() {
    PreLogin p =
        PreLogin.empty()
            .withVersion(new PreLogin.Version(9, 0, 0, 0))
            .withEncryption(EncryptionOption.ON)
            .withInstanceName("")
            .withThreadId(3512)
            .withMars(true);
    assertThat(Bytes.toHex(packet(p, 1))).isEqualTo(Bytes.toHex(hex(SPEC_4_1)));
    assertThat(p.encodedLength()).isEqualTo(0x2F - 8);
  }

  @Test
  void encodesFreeTdsPackets() {
    PreLogin v72 =
        PreLogin.empty()
            .withVersion(new PreLogin.Version(9, 0, 0, 0))
            .withEncryption(EncryptionOption.OFF)
            .withInstanceName("MSSQLServer")
            .withThreadId(0x1234)
            .withMars(false);
    byte[] p72 = packet(v72, 0);
    assertThat(p72).hasSize(58);
    assertThat(Bytes.toHex(p72)).isEqualTo(Bytes.toHex(hex(FREETDS_72)));

    PreLogin v71 =
        PreLogin.empty()
            .withVersion(new PreLogin.Version(8, 0, 341, 0))
            .withEncryption(EncryptionOption.NOT_SUP)
            .withInstanceName("MSSQLServer")
            .withThreadId(0x1234);
    byte[] p71 = packet(v71, 0);
    assertThat(p71).hasSize(52);
    assertThat(Bytes.toHex(p71)).isEqualTo(Bytes.toHex(hex(FREETDS_71)));
    assertThat(PreLogin.decode(payloadOf(FREETDS_71))).isEqualTo(v71);
    assertThat(PreLogin.decode(payloadOf(FREETDS_72))).isEqualTo(v72);
  }

  @Test
  void roundTripsEveryOption() {
    byte[] trace = new byte[36];
    byte[] nonce = new byte[32];
    new Random(1).nextBytes(trace);
    new Random(2).nextBytes(nonce);
    PreLogin p =
        PreLogin.empty()
            .withVersion(new PreLogin.Version(16, 0, 4135, 4))
            .withEncryption(0x81)
            .withInstanceName("SQLEXPRESS")
            .withThreadId(-5)
            .withMars(true)
            .withTraceId(trace)
            .withFedAuthRequired(true)
            .withNonce(nonce);
    byte[] payload = Bytes.encode(p::encode);
    assertThat(payload).hasSize(p.encodedLength());
    PreLogin back = PreLogin.decode(buf(payload));
    assertThat(back).isEqualTo(p);
    assertThat(back.encryptionOption()).isEqualTo(EncryptionOption.UNKNOWN);
    assertThat(back.encryption() & EncryptionOption.CLIENT_CERT_BIT).isNotZero();
    assertThat(back.instanceName()).isEqualTo("SQLEXPRESS");
    assertThat(back.toString()).contains("encryption=0x81").doesNotContain("null");
  }

  @Test
  void decodesASqlServerResponseWithAnEmptyThreadId() {
    // version 15.0.2000.5, encryption OFF, INSTOPT 0x00, THREADID length 0, MARS 0
    String resp =
        "00 00 1A 00 06  01 00 20 00 01  02 00 21 00 01  03 00 22 00 00  04 00 22 00 01  FF"
            + "0F 00 07 D0 00 05  00  00  00";
    PreLogin p = PreLogin.decode(buf(resp));
    assertThat(p.version()).isEqualTo(new PreLogin.Version(15, 0, 2000, 5));
    assertThat(p.encryptionOption()).isEqualTo(EncryptionOption.OFF);
    assertThat(p.threadId()).isNull();
    assertThat(p.mars()).isFalse();
  }

  @Test
  void skipsUnknownOptionTokens() {
    String withUnknown = "00 00 0B 00 06  42 00 11 00 02  FF  09 00 00 00 00 00  AA BB";
    PreLogin p = PreLogin.decode(buf(withUnknown));
    assertThat(p).isEqualTo(PreLogin.empty().withVersion(new PreLogin.Version(9, 0, 0, 0)));
  }

  @Test
  void rejectsOffsetsOutsideThePayload() {
    assertThatThrownBy(() -> PreLogin.decode(buf("00 00 06 00 06 FF 09 00")))
        .isInstanceOf(TdsProtocolException.class)
        .hasMessageContaining("outside the 8-byte payload")
        .hasMessageContaining("at offset 0");
    assertThatThrownBy(() -> PreLogin.decode(buf("00 FF F0 00 01 FF")))
        .isInstanceOf(TdsProtocolException.class);
  }

  @Test
  void rejectsShortFixedOptions() {
    assertThatThrownBy(() -> PreLogin.decode(buf("00 00 06 00 03 FF 09 00 00")))
        .isInstanceOf(TdsProtocolException.class)
        .hasMessageContaining("VERSION");
    assertThatThrownBy(() -> PreLogin.decode(buf("05 00 06 00 02 FF 01 02")))
        .isInstanceOf(TdsProtocolException.class)
        .hasMessageContaining("TRACEID");
  }

  @Test
  void everyTruncatedPrefixFails() {
    Bytes.assertEveryPrefixFails(hex(SPEC_4_1.substring(24)), PreLogin::decode);
    byte[] full = Arrays.copyOfRange(hex(FREETDS_72), 8, 58);
    Bytes.assertEveryPrefixFails(full, PreLogin::decode);
  }

  @Test
  void decodesTheSameInEveryBufferVariant() {
    byte[] full = Arrays.copyOfRange(hex(FREETDS_72), 8, 58);
    PreLogin expected = PreLogin.decode(buf(full));
    for (ByteBuffer b : Bytes.variants(full)) {
      assertThat(PreLogin.decode(b)).isEqualTo(expected);
      assertThat(b.hasRemaining()).isFalse();
    }
  }

  @Test
  void randomShortWindowsYieldAValueOrAProtocolError() {
    Random r = new Random(3);
    byte[] full = Arrays.copyOfRange(hex(FREETDS_72), 8, 58);
    for (int i = 0; i < 5000; i++) {
      byte[] b = full.clone();
      b[r.nextInt(b.length)] = (byte) r.nextInt();
      int from = r.nextInt(b.length);
      int to = from + r.nextInt(b.length - from + 1);
      Bytes.decodeOrProtocolError(buf(Arrays.copyOfRange(b, from, to)), PreLogin::decode);
    }
  }

  @Test
  void validatesFixedLengthsOnConstruction() {
    assertThatThrownBy(() -> PreLogin.empty().withNonce(new byte[31]))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> PreLogin.empty().withTraceId(new byte[35]))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new PreLogin.Version(256, 0, 0, 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(EncryptionOption.fromByte(0x03)).isEqualTo(EncryptionOption.REQ);
  }
}
