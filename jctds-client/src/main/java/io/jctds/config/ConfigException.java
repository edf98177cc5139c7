package io.jctds.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A freetds.conf (or environment) setting that FreeTDS would reject: the configuration is invalid
 * and no connection may be attempted (FreeTDS error 20214, "Local configuration error").
 *
 * <p>The message names what is wrong, where (file, line, section, directive), the bad value, the
 * accepted values and what to do.
 */
public final class ConfigException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** FreeTDS's error number for an invalid configuration (TDSECONF). */
  public static final int FREETDS_ERROR_NUMBER = 20214;

  private final transient Path file;
  private final int line;
  private final String section;
  private final String directive;
  private final String badValue;
  private final List<String> acceptedValues;

  /**
   * @param message the full message (what, where and what to do)
   * @param file the file the bad value is in, or null when it did not come from a file
   * @param line the 1-based line number, or 0 when unknown
   * @param section the section name as written in the file, or null
   * @param directive the normalised directive (key), or null
   */
  public ConfigException(String message, Path file, int line, String section, String directive) {
    this(message, file, line, section, directive, null, List.of());
  }

  /**
   * @param message the full message (what, where and what to do)
   * @param file the file the bad value is in, or null when it did not come from a file
   * @param line the 1-based line number, or 0 when unknown
   * @param section the section name as written in the file, or null
   * @param directive the normalised directive (key), or null
   * @param badValue the rejected value, or null
   * @param acceptedValues the values the directive accepts (empty when not a fixed list)
   */
  public ConfigException(
      String message,
      Path file,
      int line,
      String section,
      String directive,
      String badValue,
      List<String> acceptedValues) {
    super(message);
    this.file = file;
    this.line = line;
    this.section = section;
    this.directive = directive;
    this.badValue = badValue;
    this.acceptedValues = List.copyOf(acceptedValues);
  }

  /**
   * An invalid value of a directive in a file: builds the full message.
   *
   * @param where the line (file, line number, section), or the setting that gave the value
   * @param directive the normalised key
   * @param badValue the value as read (after FreeTDS's whitespace rules)
   * @param acceptedValues what the directive accepts
   * @param note extra advice, may be empty
   */
  static ConfigException invalidValue(
      Source where, String directive, String badValue, List<String> acceptedValues, String note) {
    Source.FileLine line = where instanceof Source.FileLine f ? f : null;
    String message =
        "Invalid configuration in "
            + where.describe()
            + ": '"
            + directive
            + " = "
            + badValue
            + "': '"
            + badValue
            + "' is not an accepted value; accepted values: "
            + String.join(", ", acceptedValues)
            + " (case-insensitive)"
            + (note.isEmpty() ? "" : "; " + note)
            + (line != null
                ? ". Fix or remove the line. FreeTDS treats the whole configuration as invalid"
                    + " (the section counts as not found) and would fail the connect with error "
                : ". Fix or remove that setting. As with a bad line in freetds.conf, the"
                    + " configuration is invalid and the connect fails (FreeTDS error ")
            + FREETDS_ERROR_NUMBER
            + (line != null ? " (Local configuration error)." : ", Local configuration error).");
    return line != null
        ? new ConfigException(
            message, line.file(), line.line(), line.section(), directive, badValue, acceptedValues)
        : new ConfigException(message, null, 0, null, directive, badValue, acceptedValues);
  }

  public Optional<Path> file() {
    return Optional.ofNullable(file);
  }

  /** The 1-based line number in {@link #file()}, or 0. */
  public int line() {
    return line;
  }

  public Optional<String> section() {
    return Optional.ofNullable(section);
  }

  public Optional<String> directive() {
    return Optional.ofNullable(directive);
  }

  /** The rejected value, as read. */
  public Optional<String> badValue() {
    return Optional.ofNullable(badValue);
  }

  /** The values the directive accepts; empty when it does not take a fixed list. */
  public List<String> acceptedValues() {
    return acceptedValues;
  }
}
