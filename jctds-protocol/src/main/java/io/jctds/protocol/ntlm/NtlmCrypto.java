package io.jctds.protocol.ntlm;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Locale;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The NTLM one-way functions and responses of [MS-NLMP] 3.3.1 (NTLM v1) and 3.3.2 (NTLM v2), with
 * the JDK's HMAC-MD5, MD5 and DES and our {@link Md4}.
 */
public final class NtlmCrypto {
  private NtlmCrypto() {}

  /** NTOWFv1(Passwd) = MD4(UNICODE(Passwd)), [MS-NLMP] 3.3.1. */
  public static byte[] ntowfV1(String password) {
    return Md4.digest(utf16(password));
  }

  /**
   * LMOWFv1(Passwd) = DES(UpperCase(Passwd)[0..7], "KGS!@#$%") || DES(... [7..13], ...), [MS-NLMP]
   * 3.3.1. Passwords over 14 characters have no LM hash (16 zero bytes are returned).
   */
  public static byte[] lmowfV1(String password) {
    byte[] out = new byte[16];
    byte[] oem = password.toUpperCase(Locale.ROOT).getBytes(StandardCharsets.ISO_8859_1);
    if (oem.length > 14) {
      return out;
    }
    byte[] key = new byte[14];
    System.arraycopy(oem, 0, key, 0, oem.length);
    byte[] magic = "KGS!@#$%".getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(des(key, 0, magic), 0, out, 0, 8);
    System.arraycopy(des(key, 7, magic), 0, out, 8, 8);
    return out;
  }

  /**
   * NTOWFv2 = HMAC_MD5(MD4(UNICODE(Passwd)), UNICODE(ConcatenationOf(Uppercase(User), UserDom))),
   * [MS-NLMP] 3.3.2; LMOWFv2 is the same function.
   */
  public static byte[] ntowfV2(String password, String user, String domain) {
    return hmacMd5(ntowfV1(password), utf16(user.toUpperCase(Locale.ROOT) + domain));
  }

  /** NTOWFv2 from an NT hash already computed (the server keeps only that). */
  public static byte[] ntowfV2FromHash(byte[] ntHash, String user, String domain) {
    return hmacMd5(ntHash, utf16(user.toUpperCase(Locale.ROOT) + domain));
  }

  /** DESL(K, D): three DES encryptions of D under the 16-byte K padded to 21, [MS-NLMP] 6. */
  public static byte[] desl(byte[] key16, byte[] data8) {
    byte[] key = new byte[21];
    System.arraycopy(key16, 0, key, 0, 16);
    byte[] out = new byte[24];
    for (int i = 0; i < 3; i++) {
      System.arraycopy(des(key, 7 * i, data8), 0, out, 8 * i, 8);
    }
    return out;
  }

  /** NTLM v1 NtChallengeResponse without extended session security, [MS-NLMP] 3.3.1. */
  public static byte[] ntlmV1Response(byte[] ntowfV1, byte[] serverChallenge) {
    return desl(ntowfV1, serverChallenge);
  }

  /**
   * NTLM v1 NtChallengeResponse with NTLMSSP_NEGOTIATE_EXTENDED_SESSIONSECURITY, [MS-NLMP] 3.3.1:
   * DESL(ResponseKeyNT, MD5(ServerChallenge || ClientChallenge)[0..7]).
   */
  public static byte[] ntlmV1EssResponse(
      byte[] ntowfV1, byte[] serverChallenge, byte[] clientChallenge) {
    byte[] md5 = md5(concat(serverChallenge, clientChallenge));
    byte[] first8 = new byte[8];
    System.arraycopy(md5, 0, first8, 0, 8);
    return desl(ntowfV1, first8);
  }

  /** LMv2 response: HMAC_MD5(ResponseKeyLM, ServerChallenge || ClientChallenge) || CC. */
  public static byte[] lmV2Response(byte[] responseKey, byte[] serverChallenge, byte[] client) {
    return concat(hmacMd5(responseKey, concat(serverChallenge, client)), client);
  }

  /**
   * The NTLMv2 "temp" of [MS-NLMP] 3.3.2 (the NTLMv2_CLIENT_CHALLENGE plus 4 zero bytes): Responser
   * version 1, HiResponserversion 1, Z(6), Time, ClientChallenge, Z(4), ServerName (the AV pairs,
   * MsvAvEOL included), Z(4).
   */
  public static byte[] ntlmV2Temp(long fileTime, byte[] clientChallenge, byte[] avPairs) {
    byte[] t = new byte[28 + avPairs.length + 4];
    t[0] = 1;
    t[1] = 1;
    for (int i = 0; i < 8; i++) {
      t[8 + i] = (byte) (fileTime >>> (8 * i));
    }
    System.arraycopy(clientChallenge, 0, t, 16, 8);
    System.arraycopy(avPairs, 0, t, 28, avPairs.length);
    return t;
  }

  /** NTProofStr = HMAC_MD5(ResponseKeyNT, ServerChallenge || temp), [MS-NLMP] 3.3.2. */
  public static byte[] ntProofStr(byte[] responseKeyNt, byte[] serverChallenge, byte[] temp) {
    return hmacMd5(responseKeyNt, concat(serverChallenge, temp));
  }

  /** NtChallengeResponse = NTProofStr || temp, [MS-NLMP] 3.3.2. */
  public static byte[] ntlmV2Response(byte[] responseKeyNt, byte[] serverChallenge, byte[] temp) {
    return concat(ntProofStr(responseKeyNt, serverChallenge, temp), temp);
  }

  /** SessionBaseKey for NTLM v2 = HMAC_MD5(ResponseKeyNT, NTProofStr), [MS-NLMP] 3.3.2. */
  public static byte[] sessionBaseKeyV2(byte[] responseKeyNt, byte[] ntProofStr) {
    return hmacMd5(responseKeyNt, ntProofStr);
  }

  /** SessionBaseKey for NTLM v1 = MD4(NTOWFv1), [MS-NLMP] 3.3.1. */
  public static byte[] sessionBaseKeyV1(byte[] ntowfV1) {
    return Md4.digest(ntowfV1);
  }

  static byte[] utf16(String s) {
    return s.getBytes(StandardCharsets.UTF_16LE);
  }

  static byte[] concat(byte[] a, byte[] b) {
    byte[] out = new byte[a.length + b.length];
    System.arraycopy(a, 0, out, 0, a.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  /** HMAC-MD5 from the JDK. */
  public static byte[] hmacMd5(byte[] key, byte[] data) {
    try {
      Mac mac = Mac.getInstance("HmacMD5");
      mac.init(new SecretKeySpec(key, "HmacMD5"));
      return mac.doFinal(data);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("this JDK has no HmacMD5, which NTLM needs", e);
    }
  }

  private static byte[] md5(byte[] data) {
    try {
      return MessageDigest.getInstance("MD5").digest(data);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("this JDK has no MD5, which NTLM needs", e);
    }
  }

  /** DES-ECB of one block under the 7-byte key at {@code key[off..off+6]} spread to 8 bytes. */
  private static byte[] des(byte[] key, int off, byte[] block) {
    byte[] k = new byte[8];
    k[0] = (byte) (key[off] & 0xfe);
    for (int i = 1; i < 7; i++) {
      k[i] = (byte) (((key[off + i - 1] << (8 - i)) | ((key[off + i] & 0xff) >>> i)) & 0xfe);
    }
    k[7] = (byte) (key[off + 6] << 1);
    try {
      Cipher c = Cipher.getInstance("DES/ECB/NoPadding");
      c.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(k, "DES"));
      return c.doFinal(block);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("this JDK has no DES, which NTLM v1 needs", e);
    }
  }
}
