package io.jctds.protocol.ntlm;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * NEGOTIATE, CHALLENGE and AUTHENTICATE messages of [MS-NLMP] 2.2.1. Each message is {@code
 * "NTLMSSP\0"}, a 32-bit type, then fixed fields; variable fields are (Len, MaxLen, Offset)
 * references into the payload. Parsing checks every reference against the message length.
 */
public final class NtlmMessages {
  private NtlmMessages() {}

  private static final byte[] SIGNATURE = "NTLMSSP\0".getBytes(StandardCharsets.US_ASCII);

  /** A parsed or to-be-sent CHALLENGE_MESSAGE ([MS-NLMP] 2.2.1.2). */
  public record Challenge(int flags, byte[] serverChallenge, String targetName, byte[] targetInfo) {
    /**
     * Encodes the target name, then the target info, after the fixed part; with {@link
     * NtlmFlags#VERSION} the fixed part ends with the 8-byte Version field ([MS-NLMP] 2.2.2.10:
     * 10.0 build 17763, NTLM revision 15), which some clients (mssql-jdbc) always read.
     */
    public byte[] encode() {
      byte[] name = text(targetName, flags);
      boolean version = (flags & NtlmFlags.VERSION) != 0;
      int payload = version ? 56 : 48;
      byte[] m = new byte[payload + name.length + targetInfo.length];
      header(m, 2);
      if (version) {
        byte[] v = {10, 0, 0x63, 0x45, 0, 0, 0, 15};
        System.arraycopy(v, 0, m, 48, 8);
      }
      field(m, 12, name.length, payload);
      putInt(m, 20, flags);
      System.arraycopy(serverChallenge, 0, m, 24, 8);
      field(m, 40, targetInfo.length, payload + name.length);
      System.arraycopy(name, 0, m, payload, name.length);
      System.arraycopy(targetInfo, 0, m, payload + name.length, targetInfo.length);
      return m;
    }

    /**
     * Parses a CHALLENGE_MESSAGE.
     *
     * @throws NtlmException if it is not one, or a field points outside it
     */
    public static Challenge parse(byte[] m) {
      checkHeader(m, 2, 32);
      int flags = getInt(m, 20);
      byte[] name = slice(m, 12, "TargetName");
      byte[] info = m.length >= 48 ? slice(m, 40, "TargetInfo") : new byte[0];
      if ((flags & NtlmFlags.TARGET_INFO) != 0 && info.length > 0) {
        AvPairs.decode(info);
      }
      return new Challenge(flags, Arrays.copyOfRange(m, 24, 32), decodeText(name, flags), info);
    }
  }

  /** A parsed or to-be-sent AUTHENTICATE_MESSAGE ([MS-NLMP] 2.2.1.3), without MIC. */
  public record Authenticate(
      int flags,
      byte[] lmResponse,
      byte[] ntResponse,
      String domain,
      String user,
      String workstation) {
    /** Encodes with the payload at offset 64 (no Version, no MIC); no session key. */
    public byte[] encode() {
      byte[][] parts = {
        lmResponse, ntResponse, text(domain, flags), text(user, flags), text(workstation, flags)
      };
      int size = 64;
      for (byte[] p : parts) {
        size += p.length;
      }
      byte[] m = new byte[size];
      header(m, 3);
      int at = 64;
      for (int i = 0; i < parts.length; i++) {
        field(m, 12 + 8 * i, parts[i].length, at);
        System.arraycopy(parts[i], 0, m, at, parts[i].length);
        at += parts[i].length;
      }
      field(m, 52, 0, at);
      putInt(m, 60, flags);
      return m;
    }

    /**
     * Parses an AUTHENTICATE_MESSAGE.
     *
     * @throws NtlmException if it is not one, or a field points outside it
     */
    public static Authenticate parse(byte[] m) {
      checkHeader(m, 3, 64);
      int flags = getInt(m, 60);
      return new Authenticate(
          flags,
          slice(m, 12, "LmChallengeResponse"),
          slice(m, 20, "NtChallengeResponse"),
          decodeText(slice(m, 28, "DomainName"), flags),
          decodeText(slice(m, 36, "UserName"), flags),
          decodeText(slice(m, 44, "Workstation"), flags));
    }
  }

  /** A NEGOTIATE_MESSAGE ([MS-NLMP] 2.2.1.1) with empty domain and workstation. */
  public static byte[] negotiate(int flags) {
    byte[] m = new byte[32];
    header(m, 1);
    putInt(m, 12, flags);
    field(m, 16, 0, 32);
    field(m, 24, 0, 32);
    return m;
  }

  /**
   * Parses a NEGOTIATE_MESSAGE, returning its flags.
   *
   * @throws NtlmException if it is not one
   */
  public static int parseNegotiate(byte[] m) {
    checkHeader(m, 1, 16);
    return getInt(m, 12);
  }

  /** The message type (1, 2 or 3) if {@code m} starts with the NTLMSSP signature, else -1. */
  public static int type(byte[] m) {
    if (m.length < 12 || !Arrays.equals(m, 0, 8, SIGNATURE, 0, 8)) {
      return -1;
    }
    return getInt(m, 8);
  }

  private static void checkHeader(byte[] m, int type, int minLength) {
    if (m.length < minLength) {
      throw new NtlmException(
          "NTLM message type "
              + type
              + " is "
              + m.length
              + " bytes, shorter than its fixed part "
              + minLength,
          0);
    }
    if (!Arrays.equals(m, 0, 8, SIGNATURE, 0, 8)) {
      throw new NtlmException("not an NTLM message: the signature is not NTLMSSP\\0", 0);
    }
    int actual = getInt(m, 8);
    if (actual != type) {
      throw new NtlmException("expected NTLM message type " + type + ", got " + actual, 8);
    }
  }

  private static byte[] slice(byte[] m, int at, String name) {
    int len = (m[at] & 0xff) | (m[at + 1] & 0xff) << 8;
    long off = getInt(m, at + 4) & 0xffffffffL;
    if (off + len > m.length) {
      throw new NtlmException(
          "NTLM field "
              + name
              + " (length "
              + len
              + ", offset "
              + off
              + ") runs past the end of the "
              + m.length
              + "-byte message",
          at);
    }
    return Arrays.copyOfRange(m, (int) off, (int) off + len);
  }

  private static byte[] text(String s, int flags) {
    return s.getBytes(
        (flags & NtlmFlags.UNICODE) != 0 ? StandardCharsets.UTF_16LE : StandardCharsets.ISO_8859_1);
  }

  private static String decodeText(byte[] b, int flags) {
    return new String(
        b,
        (flags & NtlmFlags.UNICODE) != 0 ? StandardCharsets.UTF_16LE : StandardCharsets.ISO_8859_1);
  }

  private static void header(byte[] m, int type) {
    System.arraycopy(SIGNATURE, 0, m, 0, 8);
    putInt(m, 8, type);
  }

  private static void field(byte[] m, int at, int len, int offset) {
    m[at] = (byte) len;
    m[at + 1] = (byte) (len >>> 8);
    m[at + 2] = (byte) len;
    m[at + 3] = (byte) (len >>> 8);
    putInt(m, at + 4, offset);
  }

  private static void putInt(byte[] m, int at, int v) {
    for (int i = 0; i < 4; i++) {
      m[at + i] = (byte) (v >>> (8 * i));
    }
  }

  private static int getInt(byte[] m, int at) {
    return (m[at] & 0xff) | (m[at + 1] & 0xff) << 8 | (m[at + 2] & 0xff) << 16 | m[at + 3] << 24;
  }
}
