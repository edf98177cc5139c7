package io.jctds.protocol.ntlm;

import io.jctds.protocol.TdsProtocolException;

/**
 * An NTLM message ([MS-NLMP] 2.2.1) that does not follow the specification: a wrong signature or
 * type, a field whose length or offset points outside the message, a truncated AV pair list. The
 * message names the field; it never contains a password or a key.
 */
public final class NtlmException extends TdsProtocolException {
  private static final long serialVersionUID = 1L;

  /**
   * @param message what was expected and what was found
   * @param offset offset in the NTLM message, or -1
   */
  public NtlmException(String message, int offset) {
    super(message, offset);
  }
}
