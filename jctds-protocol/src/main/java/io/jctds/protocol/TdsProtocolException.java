package io.jctds.protocol;

/**
 * A TDS byte stream that does not follow [MS-TDS]: a length that lies, an unknown token, a
 * truncated structure. The message says what was expected and at which offset.
 */
public class TdsProtocolException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final int offset;

  /**
   * @param message what was expected and what was found
   * @param offset the offset in the decoded structure where the problem was found, or -1
   */
  public TdsProtocolException(String message, int offset) {
    super(offset >= 0 ? message + " (at offset " + offset + ")" : message);
    this.offset = offset;
  }

  public TdsProtocolException(String message) {
    this(message, -1);
  }

  /** The offset where decoding failed, or -1 when not applicable. */
  public int offset() {
    return offset;
  }
}
