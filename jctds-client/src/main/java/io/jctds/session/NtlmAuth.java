package io.jctds.session;

import io.jctds.protocol.ntlm.AvPairs;
import io.jctds.protocol.ntlm.NtlmCrypto;
import io.jctds.protocol.ntlm.NtlmFlags;
import io.jctds.protocol.ntlm.NtlmMessages;
import java.security.SecureRandom;
import java.util.Map;

/**
 * The client side of an NTLM ("Windows", {@code DOMAIN\\user}) login as FreeTDS does it (FREETDS.md
 * 6.5): LOGIN7 carries a NEGOTIATE as SSPI data, the server answers with a CHALLENGE in an SSPI
 * token (0xED), and the client sends the AUTHENTICATE in an SSPI packet (0x11). NTLMv2 ([MS-NLMP]
 * 3.3.2) unless {@code use ntlmv2 = no}, then NTLMv1 (3.3.1), which is weak. No channel binding
 * (MsvAvChannelBindings) and no MIC are sent: SQL Server does not require them.
 */
final class NtlmAuth {
  /** The note added to the connection's messages when NTLMv1 is used. */
  static final String V1_WARNING =
      "NTLMv1 was used for this Windows login ('use ntlmv2 = no'): it is weak (DES of a"
          + " password hash); set 'use ntlmv2 = yes'";

  private static final int OFFERED =
      NtlmFlags.UNICODE
          | NtlmFlags.OEM
          | NtlmFlags.REQUEST_TARGET
          | NtlmFlags.NTLM
          | NtlmFlags.ALWAYS_SIGN
          | NtlmFlags.NEGOTIATE_128
          | NtlmFlags.NEGOTIATE_56;

  private static final SecureRandom RANDOM = new SecureRandom();

  private final String domain;
  private final String user;
  private final String password;
  private final boolean v2;

  private NtlmAuth(String domain, String user, String password, boolean v2) {
    this.domain = domain;
    this.user = user;
    this.password = password;
    this.v2 = v2;
  }

  /** An NTLM login for a {@code DOMAIN\\user} name, or null if the name has no backslash. */
  static NtlmAuth forUser(String login, String password, boolean v2) {
    int slash = login.indexOf('\\');
    if (slash < 0) {
      return null;
    }
    return new NtlmAuth(login.substring(0, slash), login.substring(slash + 1), password, v2);
  }

  boolean v2() {
    return v2;
  }

  /** The NEGOTIATE_MESSAGE for LOGIN7's SSPI field. */
  byte[] negotiate() {
    return NtlmMessages.negotiate(OFFERED | (v2 ? NtlmFlags.EXTENDED_SESSIONSECURITY : 0));
  }

  /**
   * The AUTHENTICATE_MESSAGE answering {@code challengeBytes}.
   *
   * @throws io.jctds.protocol.ntlm.NtlmException if the challenge is malformed
   */
  byte[] authenticate(byte[] challengeBytes, String workstation) {
    NtlmMessages.Challenge c = NtlmMessages.Challenge.parse(challengeBytes);
    int flags =
        c.flags()
            & (NtlmFlags.UNICODE
                | NtlmFlags.NTLM
                | NtlmFlags.ALWAYS_SIGN
                | NtlmFlags.EXTENDED_SESSIONSECURITY
                | NtlmFlags.TARGET_INFO
                | NtlmFlags.NEGOTIATE_128
                | NtlmFlags.NEGOTIATE_56);
    if ((flags & NtlmFlags.UNICODE) == 0) {
      flags |= NtlmFlags.OEM;
    }
    byte[] clientChallenge = new byte[8];
    RANDOM.nextBytes(clientChallenge);
    byte[] lm;
    byte[] nt;
    if (v2) {
      byte[] key = NtlmCrypto.ntowfV2(password, user, domain);
      Map<Integer, byte[]> pairs = AvPairs.decode(targetInfoOrEmpty(c));
      byte[] stamp = pairs.get(AvPairs.TIMESTAMP);
      long time =
          stamp != null && stamp.length == 8
              ? littleEndian(stamp)
              : AvPairs.fileTime(System.currentTimeMillis());
      byte[] temp = NtlmCrypto.ntlmV2Temp(time, clientChallenge, targetInfoOrEmpty(c));
      nt = NtlmCrypto.ntlmV2Response(key, c.serverChallenge(), temp);
      // [MS-NLMP] 3.1.5.1.2: with MsvAvTimestamp the client sends Z(24) as LmChallengeResponse.
      lm =
          stamp != null
              ? new byte[24]
              : NtlmCrypto.lmV2Response(key, c.serverChallenge(), clientChallenge);
    } else {
      byte[] hash = NtlmCrypto.ntowfV1(password);
      if ((flags & NtlmFlags.EXTENDED_SESSIONSECURITY) != 0) {
        nt = NtlmCrypto.ntlmV1EssResponse(hash, c.serverChallenge(), clientChallenge);
        lm = new byte[24];
        System.arraycopy(clientChallenge, 0, lm, 0, 8);
      } else {
        nt = NtlmCrypto.ntlmV1Response(hash, c.serverChallenge());
        lm = nt.clone(); // [MS-NLMP] 3.3.1: NoLMResponseNTLMv1 sends the NT response twice
      }
    }
    return new NtlmMessages.Authenticate(flags, lm, nt, domain, user, workstation).encode();
  }

  private static byte[] targetInfoOrEmpty(NtlmMessages.Challenge c) {
    return c.targetInfo().length == 0 ? AvPairs.encode(Map.of()) : c.targetInfo();
  }

  private static long littleEndian(byte[] b) {
    long v = 0;
    for (int i = 7; i >= 0; i--) {
      v = (v << 8) | (b[i] & 0xff);
    }
    return v;
  }
}
