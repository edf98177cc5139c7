package io.jctds.protocol.ntlm;

import static io.jctds.protocol.Bytes.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** NTLM message encoding and parsing against [MS-NLMP] 4.2.4.3 and against lying lengths. */
class NtlmMessagesTest {
  /** [MS-NLMP] 4.2.4.3, the CHALLENGE_MESSAGE (104 bytes). */
  static final byte[] SPEC_CHALLENGE =
      hex(
          "4e544c4d53535000 02000000 0c000c00 38000000 33828ae2 0123456789abcdef"
              + " 0000000000000000 24002400 44000000 060070170000000f"
              + " 530065007200760065007200"
              + " 02000c00 44006f006d00610069006e00 01000c00 530065007200760065007200"
              + " 00000000");

  /** [MS-NLMP] 4.2.4.3, the AUTHENTICATE_MESSAGE. */
  static final byte[] SPEC_AUTHENTICATE =
      hex(
          "4e544c4d53535000 03000000 18001800 6c000000 54005400 84000000 0c000c00 48000000"
              + " 08000800 54000000 10001000 5c000000 10001000 d8000000 358288e2 0501280a0000000f"
              + " 44006f006d00610069006e00 5500730065007200 43004f004d0050005500540045005200"
              + " 86c35097ac9cec102554764a57cccc19aaaaaaaaaaaaaaaa"
              + " 68cd0ab851e51c96aabc927bebef6a1c 0101000000000000 0000000000000000"
              + " aaaaaaaaaaaaaaaa 00000000 02000c00 44006f006d00610069006e00"
              + " 01000c00 530065007200760065007200 00000000 00000000"
              + " c5dad2544fc9799094ce1ce90bc9d03e");

  @Test
  void parsesTheSpecChallenge() {
    var c = NtlmMessages.Challenge.parse(SPEC_CHALLENGE);
    assertThat(c.flags()).isEqualTo(0xe28a8233);
    assertThat(c.serverChallenge()).isEqualTo(NtlmCryptoTest.SERVER_CHALLENGE);
    assertThat(c.targetName()).isEqualTo("Server");
    assertThat(c.targetInfo()).isEqualTo(NtlmCryptoTest.specTargetInfo());
    assertThat(AvPairs.decode(c.targetInfo())).containsKeys(1, 2);
  }

  @Test
  void parsesTheSpecAuthenticate() {
    var a = NtlmMessages.Authenticate.parse(SPEC_AUTHENTICATE);
    assertThat(a.domain()).isEqualTo("Domain");
    assertThat(a.user()).isEqualTo("User");
    assertThat(a.workstation()).isEqualTo("COMPUTER");
    assertThat(a.lmResponse()).isEqualTo(hex("86c35097ac9cec102554764a57cccc19aaaaaaaaaaaaaaaa"));
    assertThat(Arrays.copyOf(a.ntResponse(), 16))
        .isEqualTo(hex("68cd0ab851e51c96aabc927bebef6a1c"));
    assertThat(a.ntResponse()).hasSize(0x54);
  }

  @Test
  void authenticateRoundTrips() {
    var a =
        new NtlmMessages.Authenticate(
            NtlmFlags.UNICODE | NtlmFlags.NTLM, hex("0102"), hex("030405"), "D", "u", "W");
    var back = NtlmMessages.Authenticate.parse(a.encode());
    assertThat(back.domain()).isEqualTo("D");
    assertThat(back.user()).isEqualTo("u");
    assertThat(back.workstation()).isEqualTo("W");
    assertThat(back.ntResponse()).isEqualTo(hex("030405"));
    assertThat(back.flags()).isEqualTo(NtlmFlags.UNICODE | NtlmFlags.NTLM);
  }

  @Test
  void challengeRoundTrips() {
    var c = NtlmMessages.Challenge.parse(SPEC_CHALLENGE);
    var again = NtlmMessages.Challenge.parse(c.encode());
    assertThat(again.targetInfo()).isEqualTo(c.targetInfo());
    assertThat(again.targetName()).isEqualTo("Server");
    assertThat(again.serverChallenge()).isEqualTo(c.serverChallenge());
  }

  @Test
  void negotiateIsTypeOne() {
    byte[] n = NtlmMessages.negotiate(NtlmFlags.UNICODE | NtlmFlags.NTLM);
    assertThat(NtlmMessages.type(n)).isEqualTo(1);
    assertThat(NtlmMessages.parseNegotiate(n)).isEqualTo(NtlmFlags.UNICODE | NtlmFlags.NTLM);
  }

  @Test
  void aChallengeWhoseTargetInfoLiesIsATypedError() {
    byte[] lying = SPEC_CHALLENGE.clone();
    lying[40] = (byte) 0x7f; // TargetInfoLen 0x7f past the 104-byte message
    assertThatThrownBy(() -> NtlmMessages.Challenge.parse(lying))
        .isInstanceOf(NtlmException.class)
        .hasMessageContaining("TargetInfo")
        .hasMessageContaining("runs past the end");
  }

  @Test
  void everyTruncationOfTheChallengeIsATypedError() {
    for (int n = 0; n < SPEC_CHALLENGE.length; n++) {
      byte[] cut = Arrays.copyOf(SPEC_CHALLENGE, n);
      assertThatThrownBy(() -> NtlmMessages.Challenge.parse(cut))
          .as("prefix of %d bytes", n)
          .isInstanceOf(NtlmException.class);
    }
  }

  @Test
  void wrongTypeOrSignatureIsATypedError() {
    assertThatThrownBy(() -> NtlmMessages.Challenge.parse(SPEC_AUTHENTICATE))
        .isInstanceOf(NtlmException.class)
        .hasMessageContaining("expected NTLM message type 2, got 3");
    byte[] bad = SPEC_CHALLENGE.clone();
    bad[0] = 'X';
    assertThatThrownBy(() -> NtlmMessages.Challenge.parse(bad))
        .isInstanceOf(NtlmException.class)
        .hasMessageContaining("signature");
  }

  @Test
  void anAvPairThatRunsPastTheEndIsATypedError() {
    assertThatThrownBy(() -> AvPairs.decode(hex("02000c00 4400")))
        .isInstanceOf(NtlmException.class);
    assertThatThrownBy(() -> AvPairs.decode(hex("0200"))).isInstanceOf(NtlmException.class);
  }
}
