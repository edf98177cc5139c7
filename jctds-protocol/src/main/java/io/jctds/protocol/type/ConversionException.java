package io.jctds.protocol.type;

/**
 * A value cannot be converted to the requested Java type (e.g. a datetime2 read as a long, or text
 * that is not a number). The message names both types.
 */
public final class ConversionException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * @param message what was asked and why it failed
   * @param cause the parse failure, or null
   */
  public ConversionException(String message, Throwable cause) {
    super(message, cause);
  }

  static ConversionException of(TypeInfo from, String to) {
    return new ConversionException(
        "cannot convert a " + from.sqlName() + " value to " + to + "; read it as its own type",
        null);
  }
}
