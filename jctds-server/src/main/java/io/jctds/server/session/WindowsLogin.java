package io.jctds.server.session;

import io.jctds.protocol.ntlm.AvPairs;
import io.jctds.protocol.ntlm.NtlmCrypto;
import io.jctds.protocol.ntlm.NtlmException;
import io.jctds.protocol.ntlm.NtlmFlags;
import io.jctds.protocol.ntlm.NtlmMessages;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The server side of an NTLM (Windows) login: the CHALLENGE for a client's NEGOTIATE, and the check
 * of its AUTHENTICATE against the configured Windows logins ([MS-NLMP] 3.2.5.1.2, 3.3.1, 3.3.2).
 */
final class WindowsLogin {
  private static final SecureRandom RANDOM = new SecureRandom();

  /** What the check found. */
  enum Outcome {
    /** The response matches the login's password. */
    ACCEPTED,
    /** No configured login has this domain. */
    UNTRUSTED_DOMAIN,
    /** Unknown user in a known domain, a wrong password, or NTLMv1 when not allowed. */
    REFUSED
  }

  private final Logins logins;
  private final String serverName;
  private final byte[] serverChallenge = new byte[8];
  private NtlmMessages.Authenticate answer;

  WindowsLogin(Logins logins, String serverName) {
    this.logins = logins;
    this.serverName = serverName;
    RANDOM.nextBytes(serverChallenge);
  }

  /**
   * The CHALLENGE_MESSAGE for the client's NEGOTIATE: a random server challenge and target info
   * with the NetBIOS and DNS names of the domain and the computer and a timestamp.
   *
   * @throws NtlmException if {@code negotiate} is not an NTLM NEGOTIATE_MESSAGE
   */
  byte[] challenge(byte[] negotiate) {
    int asked = NtlmMessages.parseNegotiate(negotiate);
    String domain = domain();
    String computer = netbios(serverName);
    Map<Integer, Object> pairs = new LinkedHashMap<>();
    pairs.put(AvPairs.NB_DOMAIN_NAME, domain);
    pairs.put(AvPairs.NB_COMPUTER_NAME, computer);
    pairs.put(AvPairs.DNS_DOMAIN_NAME, domain.toLowerCase(Locale.ROOT));
    pairs.put(
        AvPairs.DNS_COMPUTER_NAME,
        computer.toLowerCase(Locale.ROOT) + "." + domain.toLowerCase(Locale.ROOT));
    pairs.put(
        AvPairs.TIMESTAMP, AvPairs.fileTimeBytes(AvPairs.fileTime(System.currentTimeMillis())));
    int flags =
        NtlmFlags.UNICODE
            | NtlmFlags.REQUEST_TARGET
            | NtlmFlags.NTLM
            | NtlmFlags.ALWAYS_SIGN
            | NtlmFlags.TARGET_TYPE_DOMAIN
            | NtlmFlags.TARGET_INFO
            | NtlmFlags.VERSION
            | (asked
                & (NtlmFlags.EXTENDED_SESSIONSECURITY
                    | NtlmFlags.NEGOTIATE_128
                    | NtlmFlags.NEGOTIATE_56));
    if ((asked & NtlmFlags.UNICODE) == 0 && (asked & NtlmFlags.OEM) != 0) {
      flags = (flags & ~NtlmFlags.UNICODE) | NtlmFlags.OEM;
    }
    return new NtlmMessages.Challenge(flags, serverChallenge.clone(), domain, AvPairs.encode(pairs))
        .encode();
  }

  /**
   * Checks the client's AUTHENTICATE_MESSAGE.
   *
   * @throws NtlmException if it is not one
   */
  Outcome verify(byte[] authenticate) {
    answer = NtlmMessages.Authenticate.parse(authenticate);
    if (!logins.knowsDomain(answer.domain())) {
      return Outcome.UNTRUSTED_DOMAIN;
    }
    byte[] hash = logins.ntHash(answer.domain(), answer.user());
    byte[] nt = withTediousBlob(authenticate, answer.ntResponse());
    byte[] expected;
    byte[] actual = nt;
    if (hash == null) {
      hash = new byte[16]; // same work as for a known login
    }
    if (nt.length > 24) {
      byte[] key = NtlmCrypto.ntowfV2FromHash(hash, answer.user(), answer.domain());
      byte[] temp = Arrays.copyOfRange(nt, 16, nt.length);
      expected = NtlmCrypto.ntProofStr(key, serverChallenge, temp);
      actual = Arrays.copyOf(nt, 16);
    } else if (nt.length == 24 && logins.ntlmV1Allowed()) {
      // NTLM2 session response ([MS-NLMP] 3.3.1 with extended session security): the LM field is
      // the client challenge and 16 zero bytes. FreeTDS sends it when the CHALLENGE offers ESS but
      // does not set the ESS flag in its AUTHENTICATE (it always sends flags 0x8201), so the shape
      // of the LM response decides, not the flags.
      byte[] lm = answer.lmResponse();
      boolean ess = lm.length == 24 && Arrays.equals(lm, 8, 24, new byte[16], 0, 16);
      expected =
          ess
              ? NtlmCrypto.ntlmV1EssResponse(hash, serverChallenge, Arrays.copyOf(lm, 8))
              : NtlmCrypto.ntlmV1Response(hash, serverChallenge);
    } else {
      return Outcome.REFUSED;
    }
    boolean match = MessageDigest.isEqual(expected, actual);
    return match && logins.ntHash(answer.domain(), answer.user()) != null
        ? Outcome.ACCEPTED
        : Outcome.REFUSED;
  }

  /**
   * tedious (18.x, ntlm-payload.js) declares its NtChallengeResponse as 16 bytes (NTProofStr only)
   * and writes the NTLMv2_CLIENT_CHALLENGE blob right after it, to the end of the message. A
   * 16-byte response followed by a blob that starts with Responserversion 1, HiResponserversion 1
   * is read as NTProofStr plus that blob; anything else stays as it is (and fails).
   */
  private static byte[] withTediousBlob(byte[] message, byte[] nt) {
    if (nt.length != 16 || message.length < 28) {
      return nt;
    }
    long offset =
        (message[24] & 0xffL)
            | (message[25] & 0xffL) << 8
            | (message[26] & 0xffL) << 16
            | (message[27] & 0xffL) << 24;
    long blob = offset + 16;
    if (blob + 28 > message.length || message[(int) blob] != 1 || message[(int) blob + 1] != 1) {
      return nt;
    }
    return Arrays.copyOfRange(message, (int) offset, message.length);
  }

  /** Whether the client's AUTHENTICATE carried an NTLMv1 (24-byte) response. */
  boolean usedV1() {
    return answer != null && answer.ntResponse().length == 24;
  }

  /** {@code DOMAIN\\user} as the client sent it, for messages; empty before {@link #verify}. */
  String clientName() {
    return answer == null ? "" : answer.domain() + "\\" + answer.user();
  }

  /** The login's configured spelling, after {@link Outcome#ACCEPTED}. */
  String loginName() {
    return logins.windowsName(answer.domain(), answer.user());
  }

  private String domain() {
    String first = logins.windowsNames().stream().sorted().findFirst().orElse("WORKGROUP\\x");
    return first.substring(0, first.indexOf('\\')).toUpperCase(Locale.ROOT);
  }

  private static String netbios(String name) {
    String n = name.toUpperCase(Locale.ROOT);
    int dot = n.indexOf('.');
    n = dot > 0 ? n.substring(0, dot) : n;
    int backslash = n.indexOf('\\');
    n = backslash > 0 ? n.substring(0, backslash) : n;
    return n.length() > 15 ? n.substring(0, 15) : n;
  }
}
