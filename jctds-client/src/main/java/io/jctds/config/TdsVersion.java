package io.jctds.config;

import java.util.List;
import java.util.Optional;

/**
 * A TDS protocol version as FreeTDS 1.5 names it in {@code tds version} and {@code $TDSVER}.
 *
 * <p>{@link #AUTO} (FreeTDS's 0) means "try 7.4, then 5.0". {@link #V8_0} is TDS 8.0, which implies
 * {@code encryption = strict}.
 */
public enum TdsVersion {
  AUTO(0, 0, "auto"),
  V4_2(4, 2, "4.2"),
  V5_0(5, 0, "5.0"),
  V7_0(7, 0, "7.0"),
  V7_1(7, 1, "7.1"),
  V7_2(7, 2, "7.2"),
  V7_3(7, 3, "7.3"),
  V7_4(7, 4, "7.4"),
  V8_0(8, 0, "8.0");

  /**
   * Every spelling FreeTDS 1.5 accepts, exact and case-sensitive ({@code AUTO} is not accepted).
   */
  public static final List<String> ACCEPTED_SPELLINGS =
      List.of("0", "auto", "4.2", "50", "5.0", "70", "7.0", "7.1", "7.2", "7.3", "7.4", "8.0");

  private final int major;
  private final int minor;
  private final String label;

  TdsVersion(int major, int minor, String label) {
    this.major = major;
    this.minor = minor;
    this.label = label;
  }

  /** The major version number as FreeTDS's dump prints it ({@code 0} for auto). */
  public int major() {
    return major;
  }

  /** The minor version number as FreeTDS's dump prints it ({@code 0} for auto). */
  public int minor() {
    return minor;
  }

  /** The canonical spelling: {@code "auto"}, {@code "7.4"}, {@code "8.0"}, ... */
  public String label() {
    return label;
  }

  /**
   * Parses a value with FreeTDS's exact, case-sensitive rules ({@code tds_config_verstr}).
   *
   * @return the version, or empty when FreeTDS would log "no such version" and ignore it
   */
  public static Optional<TdsVersion> parse(String value) {
    return Optional.ofNullable(
        switch (value) {
          case "0", "auto" -> AUTO;
          case "4.2" -> V4_2;
          case "50", "5.0" -> V5_0;
          case "70", "7.0" -> V7_0;
          case "7.1" -> V7_1;
          case "7.2" -> V7_2;
          case "7.3" -> V7_3;
          case "7.4" -> V7_4;
          case "8.0" -> V8_0;
          default -> null;
        });
  }
}
