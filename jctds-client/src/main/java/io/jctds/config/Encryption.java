package io.jctds.config;

import java.util.List;
import java.util.Optional;

/**
 * The {@code encryption} setting with FreeTDS's level numbers ({@code TDS_ENCRYPTION_LEVEL}).
 *
 * <p>{@link #DEFAULT} means nothing set it; FreeTDS then behaves as {@link #REQUEST} for TDS 7.1
 * and later.
 */
public enum Encryption {
  DEFAULT(0, "default"),
  OFF(1, "off"),
  REQUEST(2, "request"),
  REQUIRE(3, "require"),
  STRICT(4, "strict");

  /** The values {@code encryption} accepts in freetds.conf (case-insensitive). */
  public static final List<String> ACCEPTED_VALUES = List.of("off", "request", "require", "strict");

  private final int level;
  private final String label;

  Encryption(int level, String label) {
    this.level = level;
    this.label = label;
  }

  /** FreeTDS's number, printed as {@code encrypt level} in a TDSDUMPCONFIG log. */
  public int level() {
    return level;
  }

  /** The lower-case name: {@code "default"}, {@code "off"}, ... */
  public String label() {
    return label;
  }

  /**
   * Parses a freetds.conf value case-insensitively ({@code tds_config_encryption}).
   *
   * @return the level, or empty for a value FreeTDS rejects as a configuration error
   */
  public static Optional<Encryption> parse(String value) {
    return Optional.ofNullable(
        switch (Ascii.toLowerCase(value)) {
          case "off" -> OFF;
          case "request" -> REQUEST;
          case "require" -> REQUIRE;
          case "strict" -> STRICT;
          default -> null;
        });
  }
}
