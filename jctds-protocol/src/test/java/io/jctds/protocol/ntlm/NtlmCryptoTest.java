package io.jctds.protocol.ntlm;

import static io.jctds.protocol.Bytes.hex;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every value of [MS-NLMP] 4.2.2 (NTLM v1), 4.2.3 (NTLM v1 with client challenge) and 4.2.4
 * (NTLMv2) that jctds computes, from the common inputs of 4.2.1: User "User", UserDom "Domain",
 * Passwd "Password", ServerChallenge 0123456789abcdef, ClientChallenge aaaaaaaaaaaaaaaa, Time 0.
 */
class NtlmCryptoTest {
  static final byte[] SERVER_CHALLENGE = hex("0123456789abcdef");
  static final byte[] CLIENT_CHALLENGE = hex("aaaaaaaaaaaaaaaa");

  /** [MS-NLMP] 4.2.4.1.3: the AV pairs MsvAvNbDomainName "Domain", MsvAvNbComputerName "Server". */
  static byte[] specTargetInfo() {
    Map<Integer, Object> pairs = new LinkedHashMap<>();
    pairs.put(AvPairs.NB_DOMAIN_NAME, "Domain");
    pairs.put(AvPairs.NB_COMPUTER_NAME, "Server");
    return AvPairs.encode(pairs);
  }

  @Test
  void ntowfV1_4_2_2_1_2() {
    assertThat(NtlmCrypto.ntowfV1("Password")).isEqualTo(hex("a4f49c406510bdcab6824ee7c30fd852"));
  }

  @Test
  void lmowfV1_4_2_2_1_1() {
    assertThat(NtlmCrypto.lmowfV1("Password")).isEqualTo(hex("e52cac67419a9a224a3b108f3fa6cb6d"));
  }

  @Test
  void sessionBaseKeyV1_4_2_2_1_3() {
    assertThat(NtlmCrypto.sessionBaseKeyV1(NtlmCrypto.ntowfV1("Password")))
        .isEqualTo(hex("d87262b0cde4b1cb7499becccdf10784"));
  }

  @Test
  void ntlmV1Response_4_2_2_2_1() {
    assertThat(NtlmCrypto.ntlmV1Response(NtlmCrypto.ntowfV1("Password"), SERVER_CHALLENGE))
        .isEqualTo(hex("67c43011f30298a2ad35ece64f16331c44bdbed927841f94"));
  }

  @Test
  void lmV1Response_4_2_2_2_2() {
    assertThat(NtlmCrypto.desl(NtlmCrypto.lmowfV1("Password"), SERVER_CHALLENGE))
        .isEqualTo(hex("98def7b87f88aa5dafe2df779688a172def11c7d5ccdef13"));
  }

  @Test
  void ntlmV1WithClientChallenge_4_2_3_2_2() {
    assertThat(
            NtlmCrypto.ntlmV1EssResponse(
                NtlmCrypto.ntowfV1("Password"), SERVER_CHALLENGE, CLIENT_CHALLENGE))
        .isEqualTo(hex("7537f803ae367128ca458204bde7caf81e97ed2683267232"));
  }

  @Test
  void ntowfV2_4_2_4_1_1() {
    assertThat(NtlmCrypto.ntowfV2("Password", "User", "Domain"))
        .isEqualTo(hex("0c868a403bfd7a93a3001ef22ef02e3f"));
  }

  @Test
  void lmV2Response_4_2_4_2_1() {
    byte[] key = NtlmCrypto.ntowfV2("Password", "User", "Domain");
    assertThat(NtlmCrypto.lmV2Response(key, SERVER_CHALLENGE, CLIENT_CHALLENGE))
        .isEqualTo(hex("86c35097ac9cec102554764a57cccc19aaaaaaaaaaaaaaaa"));
  }

  @Test
  void ntProofStrAndSessionKey_4_2_4_2_2_and_4_2_4_1_2() {
    byte[] key = NtlmCrypto.ntowfV2("Password", "User", "Domain");
    byte[] temp = NtlmCrypto.ntlmV2Temp(0, CLIENT_CHALLENGE, specTargetInfo());
    byte[] proof = NtlmCrypto.ntProofStr(key, SERVER_CHALLENGE, temp);
    assertThat(proof).isEqualTo(hex("68cd0ab851e51c96aabc927bebef6a1c"));
    assertThat(NtlmCrypto.sessionBaseKeyV2(key, proof))
        .isEqualTo(hex("8de40ccadbc14a82f15cb0ad0de95ca3"));
  }

  @Test
  void ntlmV2ResponseIsTheSpecsNtChallengeResponse_4_2_4_3() {
    byte[] key = NtlmCrypto.ntowfV2("Password", "User", "Domain");
    byte[] temp = NtlmCrypto.ntlmV2Temp(0, CLIENT_CHALLENGE, specTargetInfo());
    // The NtChallengeResponse field of the AUTHENTICATE_MESSAGE in 4.2.4.3 (84 bytes at 0x84).
    assertThat(NtlmCrypto.ntlmV2Response(key, SERVER_CHALLENGE, temp))
        .isEqualTo(
            hex(
                "68cd0ab851e51c96aabc927bebef6a1c"
                    + "0101000000000000 0000000000000000 aaaaaaaaaaaaaaaa 00000000"
                    + "02000c00 44006f006d00610069006e00 01000c00 530065007200760065007200"
                    + "00000000 00000000"));
  }
}
