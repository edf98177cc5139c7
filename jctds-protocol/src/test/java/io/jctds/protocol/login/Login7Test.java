package io.jctds.protocol.login;

import static io.jctds.protocol.Bytes.buf;
import static io.jctds.protocol.Bytes.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jctds.protocol.Bytes;
import io.jctds.protocol.TdsProtocolException;
import io.jctds.protocol.TdsVersion;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class Login7Test {
  /** [MS-TDS] 4.2 Login Request: the LOGIN7 payload after the 8-byte header. */
  static final String SPEC_4_2 =
      "88 00 00 00 02 00 09 72 00 10 00 00 00 00 00 07 00 01 00 00 00 00 00 00"
          + "E0 03 00 00 00 00 00 00 09 04 00 00 5E 00 08 00 6E 00 02 00 72 00 00 00"
          + "72 00 07 00 80 00 00 00 80 00 00 00 80 00 04 00 88 00 00 00 88 00 00 00"
          + "00 50 8B E2 B7 8F 88 00 00 00 88 00 00 00 88 00 00 00 00 00 00 00"
          + "73 00 6B 00 6F 00 73 00 74 00 6F 00 76 00 31 00 73 00 61 00"
          + "4F 00 53 00 51 00 4C 00 2D 00 33 00 32 00 4F 00 44 00 42 00 43 00";

  private static Login7 specExample() {
    return Login7.builder()
        .tdsVersion(TdsVersion.V7_2)
        .packetSize(4096)
        .clientProgVer(0x07000000)
        .clientPid(0x100)
        .optionFlags1(0xE0)
        .optionFlags2(0x03)
        .clientLcid(0x0409)
        .hostName("skostov1")
        .userName("sa")
        .appName("OSQL-32")
        .cltIntName("ODBC")
        .clientId(hex("00 50 8B E2 B7 8F"))
        .build();
  }

  private static Login7 everything() {
    byte[] sspi = new byte[300];
    new Random(1).nextBytes(sspi);
    return Login7.builder()
        .tdsVersion(TdsVersion.V7_4)
        .packetSize(16384)
        .clientProgVer(0xF8F28306)
        .clientPid(4242)
        .connectionId(7)
        .optionFlags1(0xF0)
        .optionFlags2(0x01)
        .typeFlags(Login7.TYPE_READ_ONLY_INTENT)
        .optionFlags3(Login7.OF3_UNKNOWN_COLLATION_HANDLING | Login7.OF3_CHANGE_PASSWORD)
        .clientTimeZone(-120)
        .clientLcid(0x436)
        .hostName("büild-01")
        .userName("app_user")
        .password("Päss w0rd!€")
        .appName("k-ctds")
        .serverName("db.example.com,1433")
        .cltIntName("DB-Library")
        .language("us_english")
        .database("master")
        .clientId(hex("02 42 AC 11 00 02"))
        .sspi(sspi)
        .attachDbFile("C:\\data\\x.mdf")
        .changePassword("N3w-Secret")
        .feature(new FeatureExt(FeatureExt.SESSIONRECOVERY, new byte[0]))
        .feature(new FeatureExt(FeatureExt.UTF8_SUPPORT, new byte[] {1}))
        .feature(new FeatureExt(FeatureExt.DATACLASSIFICATION, new byte[] {2}))
        .feature(new FeatureExt(FeatureExt.JSONSUPPORT, new byte[] {1}))
        .feature(new FeatureExt(FeatureExt.AZURESQLDNSCACHING, new byte[0]))
        .build();
  }

  @Test
  void decodesTheSpecExample() {
    Login7 l = Login7.decode(buf(SPEC_4_2));
    assertThat(l).isEqualTo(specExample());
    assertThat(l.tdsVersion()).isEqualTo(0x72090002);
    assertThat(l.hostName()).isEqualTo("skostov1");
    assertThat(l.userName()).isEqualTo("sa");
    assertThat(l.password()).isEmpty();
    assertThat(l.appName()).isEqualTo("OSQL-32");
    assertThat(l.cltIntName()).isEqualTo("ODBC");
    assertThat(l.features()).isEmpty();
  }

  @Test
  void encodesTheSpecExampleByteForByte() {
    Login7 l = specExample();
    assertThat(Bytes.toHex(Bytes.encode(l::encode))).isEqualTo(Bytes.toHex(hex(SPEC_4_2)));
    assertThat(l.encodedLength()).isEqualTo(0x88);
  }

  @Test
  void obfuscatesThePasswordBothWays() {
    assertThat(Login7.obfuscate("a")).containsExactly(0xB3, 0xA5);
    assertThat(Login7.deobfuscate(Login7.obfuscate("Päss w0rd!€"))).isEqualTo("Päss w0rd!€");
    byte[] wire = Bytes.encode(everything()::encode);
    String utf16 = new String(wire, java.nio.charset.StandardCharsets.UTF_16LE);
    assertThat(utf16).doesNotContain("Päss").doesNotContain("N3w-Secret");
  }

  @Test
  void roundTripsEveryFieldWithFeatures() {
    Login7 l = everything();
    byte[] wire = Bytes.encode(l::encode);
    assertThat(wire).hasSize(l.encodedLength());
    Login7 back = Login7.decode(buf(wire));
    assertThat(back).isEqualTo(l);
    assertThat(back.password()).isEqualTo("Päss w0rd!€");
    assertThat(back.changePassword()).isEqualTo("N3w-Secret");
    assertThat(back.features()).hasSize(5);
    assertThat(back.feature(FeatureExt.UTF8_SUPPORT).data()).containsExactly(1);
    assertThat(back.hasExtension()).isTrue();
    assertThat(back.longLayout()).isTrue();
  }

  @ParameterizedTest
  @EnumSource(TdsVersion.class)
  void extensionBitCountsOnlyFrom74(TdsVersion v) {
    // tedious sets fExtension at every version but writes FeatureExt only for 7.4.
    Login7 sent =
        Login7.builder()
            .tdsVersion(v.wire())
            .userName("u")
            .feature(new FeatureExt(FeatureExt.UTF8_SUPPORT, new byte[] {1}))
            .build();
    byte[] wire = Bytes.encode(sent::encode);
    Login7 decoded = Login7.decode(buf(wire));
    boolean from74 = v.atLeast(TdsVersion.V7_4);
    assertThat(decoded.hasExtension()).isEqualTo(from74);
    assertThat(decoded.features()).hasSize(from74 ? 1 : 0);
    assertThat(decoded.userName()).isEqualTo("u");
  }

  @Test
  void acceptsTediousExtensionWithZeroCbExtension() {
    // tedious 19 sets fExtension with a valid ibExtension but cbExtension = 0 (LOGIN7 bytes
    // 58-59); SQL Server accepts it, so the decoder reads the FeatureExt offset regardless.
    byte[] wire = Bytes.encode(everything()::encode);
    wire[58] = 0;
    wire[59] = 0;
    Login7 back = Login7.decode(buf(wire));
    assertThat(back.features()).hasSize(5);
    assertThat(back.feature(FeatureExt.UTF8_SUPPORT).data()).containsExactly(1);
  }

  @Test
  void toStringNeverShowsPasswords() {
    Login7 l = everything();
    assertThat(l.toString())
        .doesNotContain("Päss")
        .doesNotContain("N3w-Secret")
        .contains("password=********")
        .contains("userName=app_user");
    assertThat(l.toBuilder().toString()).doesNotContain("Päss");
    assertThat(specExample().toString()).contains("password= ");
  }

  @Test
  void tds71LayoutHasNoChangePasswordFields() {
    Login7 l = specExample().toBuilder().tdsVersion(TdsVersion.V7_1).password("jtds").build();
    byte[] wire = Bytes.encode(l::encode);
    assertThat(l.longLayout()).isFalse();
    assertThat(wire[36] & 0xFF).isEqualTo(Login7.FIXED_LENGTH_71); // ibHostName
    assertThat(Login7.decode(buf(wire))).isEqualTo(l);
  }

  @Test
  void acceptsA74VersionWithThe71Layout() {
    // FreeTDS downgraded to 7.1 after a PRELOGIN without MARS keeps TDSVersion 7.4.
    Login7 l = specExample().toBuilder().tdsVersion(TdsVersion.V7_1).build();
    byte[] wire = Bytes.encode(l::encode);
    ByteBuffer.wrap(wire).order(java.nio.ByteOrder.LITTLE_ENDIAN).putInt(4, 0x74000004);
    Login7 back = Login7.decode(buf(wire));
    assertThat(back.tdsVersion()).isEqualTo(0x74000004);
    assertThat(back.hostName()).isEqualTo("skostov1");
    assertThat(back.cltIntName()).isEqualTo("ODBC");
  }

  @Test
  void decodesJtdsStyleLoginWithEmptyFieldsAtZeroOffsets() {
    Login7 l = specExample().toBuilder().tdsVersion(TdsVersion.V7_1).build();
    byte[] wire = Bytes.encode(l::encode);
    ByteBuffer b = ByteBuffer.wrap(wire).order(java.nio.ByteOrder.LITTLE_ENDIAN);
    b.putShort(36 + 4 * 2, (short) 0); // ibPassword = 0, cch 0
    b.putShort(36 + 4 * 4, (short) 0); // ibServerName = 0, cch 0
    assertThat(Login7.decode(buf(wire))).isEqualTo(l);
  }

  @Test
  void carriesLongSspi() {
    byte[] sspi = new byte[70000];
    new Random(2).nextBytes(sspi);
    Login7 l = specExample().toBuilder().sspi(sspi).build();
    Login7 back = Login7.decode(buf(Bytes.encode(l::encode)));
    assertThat(back.sspi()).isEqualTo(sspi);
  }

  @Test
  void rejectsStringsOutsideTheMessage() {
    byte[] wire = hex(SPEC_4_2);
    wire[36] = (byte) 0x85; // ibHostName 0x85 + 16 bytes > 0x88
    assertThatThrownBy(() -> Login7.decode(buf(wire)))
        .isInstanceOf(TdsProtocolException.class)
        .hasMessageContaining("HostName")
        .hasMessageContaining("declared Length 136");
  }

  @Test
  void rejectsABadLengthField() {
    byte[] small = hex(SPEC_4_2);
    small[0] = 0x40;
    assertThatThrownBy(() -> Login7.decode(buf(small)))
        .isInstanceOf(TdsProtocolException.class)
        .hasMessageContaining("smaller than the fixed part");
    byte[] big = hex(SPEC_4_2);
    big[1] = 0x10;
    assertThatThrownBy(() -> Login7.decode(buf(big))).isInstanceOf(TdsProtocolException.class);
  }

  @Test
  void rejectsBrokenFeatureExtensions() {
    Login7 l =
        specExample().toBuilder()
            .tdsVersion(0x74000004) // FeatureExt is defined from TDS 7.4
            .feature(new FeatureExt(0x0A, new byte[] {1}))
            .build();
    byte[] wire = Bytes.encode(l::encode);
    byte[] unterminated = Arrays.copyOf(wire, wire.length);
    unterminated[wire.length - 1] = 0x0B; // terminator replaced by another id
    assertThatThrownBy(() -> Login7.decode(buf(unterminated)))
        .isInstanceOf(TdsProtocolException.class);
    byte[] badOffset = wire.clone();
    int ibExt = (badOffset[56] & 0xFF) | (badOffset[57] & 0xFF) << 8;
    badOffset[ibExt] = (byte) 0xF0;
    badOffset[ibExt + 1] = (byte) 0xFF;
    assertThatThrownBy(() -> Login7.decode(buf(badOffset)))
        .isInstanceOf(TdsProtocolException.class)
        .hasMessageContaining("FeatureExt offset");
    byte[] hugeFeature = wire.clone();
    hugeFeature[wire.length - 6] = 0x7F; // feature length byte 0 -> large
    assertThatThrownBy(() -> Login7.decode(buf(hugeFeature)))
        .isInstanceOf(TdsProtocolException.class)
        .hasMessageContaining("claims");
  }

  @Test
  void everyTruncatedPrefixFails() {
    Bytes.assertEveryPrefixFails(hex(SPEC_4_2), Login7::decode);
    Bytes.assertEveryPrefixFails(Bytes.encode(everything()::encode), Login7::decode);
  }

  @Test
  void randomMutationsYieldALoginOrAProtocolError() {
    Random r = new Random(3);
    byte[] full = Bytes.encode(everything()::encode);
    for (int i = 0; i < 3000; i++) {
      byte[] b = full.clone();
      for (int k = 0; k < 3; k++) {
        b[r.nextInt(Math.min(b.length, 120))] = (byte) r.nextInt();
      }
      int to = r.nextInt(b.length + 1);
      Bytes.decodeOrProtocolError(buf(Arrays.copyOf(b, to)), Login7::decode);
      Bytes.decodeOrProtocolError(buf(b), Login7::decode);
    }
  }

  @Test
  void featureListHelpers() {
    assertThat(FeatureExt.name(FeatureExt.UTF8_SUPPORT)).isEqualTo("UTF8_SUPPORT");
    assertThat(FeatureExt.name(0x42)).isEqualTo("0x42");
    assertThatThrownBy(() -> new FeatureExt(0xFF, new byte[0]))
        .isInstanceOf(IllegalArgumentException.class);
    byte[] list = Bytes.encode(w -> FeatureExt.encodeList(w, everything().features()));
    assertThat(FeatureExt.decodeList(buf(list))).isEqualTo(everything().features());
    assertThat(List.of(new FeatureExt(1, new byte[] {9})).toString()).doesNotContain("9,");
  }
}
