package io.jctds.config;

import java.nio.file.Path;
import java.util.Optional;

/**
 * A freetds.conf (or environment) setting that FreeTDS would reject: the configuration is invalid
 * and no connection may be attempted (FreeTDS error 20214, "Local configuration error").
 *
 * <p>The message names what is wrong, where (file, line, section, directive) and what to do.
 */
public final class ConfigException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** FreeTDS's error number for an invalid configuration (TDSECONF). */
  public static final int FREETDS_ERROR_NUMBER = 20214;

  private final transient Path file;
  private final int line;
  private final String section;
  private final String directive;

  /**
   * @param message the full message (what, where and what to do)
   * @param file the file the bad value is in, or null when it did not come from a file
   * @param line the 1-based line number, or 0 when unknown
   * @param section the section name as written in the file, or null
   * @param directive the normalised directive (key), or null
   */
  public ConfigException(String message, Path file, int line, String section, String directive) {
    super(message);
    this.file = file;
    this.line = line;
    this.section = section;
    this.directive = directive;
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
}
