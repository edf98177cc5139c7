package io.jctds;

import static org.assertj.core.api.Assertions.assertThat;

import io.jctds.protocol.TdsVersion;
import io.jctds.protocol.framing.PacketType;
import io.jctds.protocol.login.Login7;
import io.jctds.protocol.ntlm.AvPairs;
import io.jctds.protocol.ntlm.NtlmCrypto;
import io.jctds.protocol.ntlm.NtlmFlags;
import io.jctds.protocol.ntlm.NtlmMessages;
import io.jctds.protocol.tls.TdsTlsTransport.Scope;
import io.jctds.protocol.token.OpaqueToken;
import io.jctds.protocol.token.TokenType;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The password on the wire and in the dump: with encryption off the obfuscated LOGIN7 password is
 * on the wire (the control that proves the search works); with request, require and strict it is
 * nowhere in the client's bytes; the protocol dump never holds it in any form.
 */
class SecretsOnTheWireTest {
  private static final String PASSWORD = "Tr0ub4dor&3-horse";

  @TempDir Path dir;

  /** The forms a password can take: obfuscated, UTF-16LE, ASCII. */
  private static byte[][] forms() {
    return new byte[][] {
      Login7.obfuscate(PASSWORD),
      PASSWORD.getBytes(StandardCharsets.UTF_16LE),
      PASSWORD.getBytes(StandardCharsets.US_ASCII)
    };
  }

  private static RogueServer.Script server(int answer, Scope scope, boolean strict) {
    return peer -> {
      if (strict) {
        peer.tlsFirst(TestWorld.tds8Engine());
      }
      peer.readPrelogin();
      peer.answerPrelogin(answer, true);
      if (scope != null && !strict) {
        peer.tls(TestWorld.tds7Engine(), scope);
      }
      assertThat(peer.readLogin7().password()).isEqualTo(PASSWORD);
      peer.loginOk(TdsVersion.V7_4.wire(), 4096);
      peer.expectSetup();
      peer.seesEof(10_000);
    };
  }

  private byte[] connect(String encryption, RogueServer.Script script, Path dump) throws Exception {
    TestWorld w = new TestWorld(dir);
    try (RogueServer server = new RogueServer(script)) {
      Path conf =
          w.conf(
              server.port(),
              "encryption = " + encryption,
              "ca file = " + w.caFile(),
              "dump file = " + dump);
      Jctds.connect("rogue", w.options(conf, PASSWORD).build()).close();
      server.await();
      return server.received();
    }
  }

  @Test
  void encryptionOffPutsTheObfuscatedPasswordOnTheWire() throws Exception {
    byte[] wire = connect("off", server(0x02, null, false), dir.resolve("off.log"));
    assertThat(Hex.contains(wire, Login7.obfuscate(PASSWORD))).as("control").isTrue();
    assertDumpClean(dir.resolve("off.log"));
  }

  @ParameterizedTest(name = "encryption = {0}, server answers 0x{1}")
  @CsvSource({
    "request, 0, LOGIN_ONLY",
    "request, 1, WHOLE_CONNECTION",
    "require, 3, WHOLE_CONNECTION"
  })
  void encryptedModesKeepThePasswordOffTheWire(String mode, int answer, Scope scope)
      throws Exception {
    Path dump = dir.resolve(mode + answer + ".log");
    byte[] wire = connect(mode, server(answer, scope, false), dump);
    for (byte[] form : forms()) {
      assertThat(Hex.contains(wire, form)).isFalse();
    }
    assertDumpClean(dump);
  }

  @Test
  void strictKeepsThePasswordOffTheWire() throws Exception {
    Path dump = dir.resolve("strict.log");
    byte[] wire = connect("strict", server(0x02, null, true), dump);
    for (byte[] form : forms()) {
      assertThat(Hex.contains(wire, form)).isFalse();
    }
    assertDumpClean(dump);
  }

  /**
   * A Windows login ({@code CORP\\alice}, FREETDS.md 6.5): LOGIN7 has empty user and password
   * fields, fIntSecurity and an NTLM NEGOTIATE; the AUTHENTICATE answering the server's CHALLENGE
   * proves the password ([MS-NLMP] 3.3.2, checked here from the password) without carrying it, nor
   * its NT hash, in any form; the dump holds neither.
   */
  @Test
  void ntlmLoginKeepsThePasswordAndItsHashOffTheWire() throws Exception {
    byte[] serverChallenge = {1, 2, 3, 4, 5, 6, 7, 8};
    RogueServer.Script script =
        peer -> {
          peer.readPrelogin();
          peer.answerPrelogin(0x02, true);
          Login7 login = peer.readLogin7();
          assertThat(login.userName()).isEmpty();
          assertThat(login.password()).isEmpty();
          assertThat(login.optionFlags2() & Login7.OF2_INTEGRATED_SECURITY).isNotZero();
          assertThat(NtlmMessages.type(login.sspi())).isEqualTo(1);
          Map<Integer, Object> pairs = new LinkedHashMap<>();
          pairs.put(AvPairs.NB_DOMAIN_NAME, "CORP");
          pairs.put(AvPairs.NB_COMPUTER_NAME, "DB1");
          byte[] challenge =
              new NtlmMessages.Challenge(
                      NtlmFlags.UNICODE | NtlmFlags.NTLM | NtlmFlags.TARGET_INFO,
                      serverChallenge,
                      "CORP",
                      AvPairs.encode(pairs))
                  .encode();
          peer.sendTokens(new OpaqueToken(TokenType.SSPI, challenge));
          ByteBuffer sspi = peer.readMessage(PacketType.SSPI);
          byte[] bytes = new byte[sspi.remaining()];
          sspi.get(bytes);
          var auth = NtlmMessages.Authenticate.parse(bytes);
          assertThat(auth.domain()).isEqualTo("CORP");
          assertThat(auth.user()).isEqualTo("alice");
          byte[] nt = auth.ntResponse();
          byte[] key = NtlmCrypto.ntowfV2(PASSWORD, "alice", "CORP");
          assertThat(Arrays.copyOf(nt, 16))
              .isEqualTo(
                  NtlmCrypto.ntProofStr(
                      key, serverChallenge, Arrays.copyOfRange(nt, 16, nt.length)));
          peer.loginOk(TdsVersion.V7_4.wire(), 4096);
          peer.expectSetup();
          peer.seesEof(10_000);
        };
    TestWorld w = new TestWorld(dir);
    Path dump = dir.resolve("ntlm.log");
    byte[] wire;
    try (RogueServer server = new RogueServer(script)) {
      Path conf = w.conf(server.port(), "encryption = off", "dump file = " + dump);
      Jctds.connect("rogue", w.options(conf, PASSWORD).user("CORP\\alice").build()).close();
      server.await();
      wire = server.received();
    }
    for (byte[] form : forms()) {
      assertThat(Hex.contains(wire, form)).isFalse();
    }
    assertThat(Hex.contains(wire, NtlmCrypto.ntowfV1(PASSWORD))).isFalse();
    assertDumpClean(dump);
  }

  /** Rebuilds the dumped bytes from the hex lines and searches every form of the password. */
  private static void assertDumpClean(Path dump) throws Exception {
    String text = Files.readString(dump);
    assertThat(text).contains("Sending packet (Login7, password masked");
    assertThat(text).contains("Received packet");
    assertThat(text).doesNotContain(PASSWORD);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    for (String line : text.split("\n")) {
      int bar = line.indexOf('|');
      if (line.matches("^[0-9a-f]{4} .*") && bar > 0) {
        for (String h : line.substring(5, bar).trim().split("[ -]+")) {
          bytes.write(Integer.parseInt(h, 16));
        }
      }
    }
    byte[] dumped = bytes.toByteArray();
    assertThat(dumped.length).as("the dump holds the packets").isGreaterThan(200);
    for (byte[] form : forms()) {
      assertThat(Hex.contains(dumped, form)).isFalse();
    }
  }
}
