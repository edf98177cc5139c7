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
    super(withOffset(message, offset));
    this.offset = offset;
  }

  /**
   * @param message what was expected and what was found
   */
  public TdsProtocolException(String message) {
    this(message, -1);
  }

  /**
   * For subclasses thrown on hot paths (see {@link TdsTruncatedException}): no stack trace.
   *
   * @param message what was expected and what was found
   * @param offset the offset where the problem was found, or -1
   * @param stackTrace whether to record a stack trace
   */
  protected TdsProtocolException(String message, int offset, boolean stackTrace) {
    super(withOffset(message, offset), null, false, stackTrace);
    this.offset = offset;
  }

  private static String withOffset(String message, int offset) {
    return offset >= 0 ? message + " (at offset " + offset + ")" : message;
  }

  /** The offset where decoding failed, or -1 when not applicable. */
  public int offset() {
    return offset;
  }
}
