package io.jctds.protocol;

/**
 * A structure ended before all of its bytes were present. For a complete message this is a
 * malformed stream; for a token stream that is still arriving it means "wait for more bytes"
 * ({@link io.jctds.protocol.token.TokenDecoder} turns it into that answer). It carries no stack
 * trace because a streaming decoder meets it at every packet boundary.
 */
public final class TdsTruncatedException extends TdsProtocolException {
  private static final long serialVersionUID = 1L;
  private final int missing;
  private final String what;
  private final int at;

  /**
   * @param what the field that was being read
   * @param offset where that field starts
   * @param missing how many more bytes the field needs (at least 1)
   */
  public TdsTruncatedException(String what, int offset, int missing) {
    super(null, -1, false);
    this.what = what;
    this.at = offset;
    this.missing = missing;
  }

  /**
   * Built on demand: a streaming decoder meets this exception at every packet boundary and never
   * looks at its text.
   */
  @Override
  public String getMessage() {
    return "truncated: expected "
        + what
        + ", "
        + missing
        + " more byte(s) needed; the peer sent a short or corrupt message"
        + (at >= 0 ? " (at offset " + at + ")" : "");
  }

  @Override
  public int offset() {
    return at;
  }

  /** The number of bytes still missing for the field being read (a lower bound overall). */
  public int missing() {
    return missing;
  }
}
