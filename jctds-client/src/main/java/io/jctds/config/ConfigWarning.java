package io.jctds.config;

import java.nio.file.Path;

/**
 * Something FreeTDS silently ignores or works around (a bad number, an unknown {@code tds version},
 * an unresolvable host, an unknown directive, a setting jctds does not apply, ...), recorded so
 * that it can be shown.
 *
 * @param file the file, or null when the cause is not in a file
 * @param line the 1-based line, or 0
 * @param directive the directive or environment variable concerned, or null
 * @param message what happened and what it means
 */
public record ConfigWarning(Path file, int line, String directive, String message) {

  /** {@code file:line: message}, or just the message when no file is involved. */
  @Override
  public String toString() {
    return file == null ? message : file + ":" + line + ": " + message;
  }
}
