package io.jctds.protocol.ntlm;

/** NEGOTIATE flags of [MS-NLMP] 2.2.2.5 that jctds uses. */
public final class NtlmFlags {
  private NtlmFlags() {}

  /** NTLMSSP_NEGOTIATE_UNICODE (A). */
  public static final int UNICODE = 0x00000001;

  /** NTLM_NEGOTIATE_OEM (B). */
  public static final int OEM = 0x00000002;

  /** NTLMSSP_REQUEST_TARGET (C). */
  public static final int REQUEST_TARGET = 0x00000004;

  /** NTLMSSP_NEGOTIATE_NTLM (H). */
  public static final int NTLM = 0x00000200;

  /** NTLMSSP_NEGOTIATE_ALWAYS_SIGN (M). */
  public static final int ALWAYS_SIGN = 0x00008000;

  /** NTLMSSP_TARGET_TYPE_DOMAIN (N). */
  public static final int TARGET_TYPE_DOMAIN = 0x00010000;

  /** NTLMSSP_NEGOTIATE_EXTENDED_SESSIONSECURITY (P). */
  public static final int EXTENDED_SESSIONSECURITY = 0x00080000;

  /** NTLMSSP_NEGOTIATE_TARGET_INFO (S). */
  public static final int TARGET_INFO = 0x00800000;

  /** NTLMSSP_NEGOTIATE_VERSION (T). */
  public static final int VERSION = 0x02000000;

  /** NTLMSSP_NEGOTIATE_128 (U). */
  public static final int NEGOTIATE_128 = 0x20000000;

  /** NTLMSSP_NEGOTIATE_KEY_EXCH (V). */
  public static final int KEY_EXCH = 0x40000000;

  /** NTLMSSP_NEGOTIATE_56 (W). */
  public static final int NEGOTIATE_56 = 0x80000000;
}
