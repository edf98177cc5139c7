package io.jctds.protocol;

/**
 * The TDS protocol versions a Microsoft client or server can speak, ordered oldest first, so {@link
 * #atLeast} answers "does this version have feature X". The {@linkplain #wire() wire value} is the
 * DWORD a client puts in LOGIN7 (little-endian there) and that a server answers in LOGINACK
 * (big-endian there).
 */
public enum TdsVersion {
  /** SQL Server 7.0. */
  V7_0(0x70000000, "7.0"),
  /** SQL Server 2000. */
  V7_1(0x71000001, "7.1"),
  /** SQL Server 2005: 8-byte DONE row counts, 4-byte ULONG user types, ALL_HEADERS, PLP. */
  V7_2(0x72090002, "7.2"),
  /** SQL Server 2008 (7.3A): date, time, datetime2, datetimeoffset. */
  V7_3A(0x730A0003, "7.3A"),
  /** SQL Server 2008 R2 (7.3B). */
  V7_3B(0x730B0003, "7.3B"),
  /** SQL Server 2012 and later: FeatureExt, session recovery, UTF-8. */
  V7_4(0x74000004, "7.4"),
  /** TDS 8.0: TLS before the first TDS byte (strict encryption). */
  V8_0(0x08000000, "8.0");

  private final int wire;
  private final String label;

  TdsVersion(int wire, String label) {
    this.wire = wire;
    this.label = label;
  }

  /** The version DWORD as sent in LOGIN7 and LOGINACK. */
  public int wire() {
    return wire;
  }

  /** The version as FreeTDS spells it in {@code tds version}: "7.0" ... "7.4", "8.0". */
  public String label() {
    return label;
  }

  /** Whether this version is {@code other} or newer. */
  public boolean atLeast(TdsVersion other) {
    return compareTo(other) >= 0;
  }

  /**
   * Maps a version DWORD from LOGIN7 or LOGINACK to a version. Accepts the pre-release values
   * servers have sent ({@code 0x07000000} for 7.0, {@code 0x07010000} for 7.1) and any value with a
   * known major/minor in its top byte (e.g. 0x72xxxxxx → 7.2).
   *
   * @throws TdsProtocolException if the value names no known TDS version
   */
  public static TdsVersion fromWire(int value) {
    for (TdsVersion v : values()) {
      if (v.wire == value) {
        return v;
      }
    }
    return switch (value >>> 24) {
      case 0x07 -> (value >>> 16 & 0xFF) == 0 ? V7_0 : V7_1;
      case 0x70 -> V7_0;
      case 0x71 -> V7_1;
      case 0x72 -> V7_2;
      case 0x73 -> (value >>> 16 & 0xFF) >= 0x0B ? V7_3B : V7_3A;
      case 0x74 -> V7_4;
      case 0x08 -> V8_0;
      default ->
          throw new TdsProtocolException(
              String.format("unknown TDS version 0x%08X; expected 7.0 to 7.4 or 8.0", value));
    };
  }

  /**
   * Parses a FreeTDS-style label ("7.0", "7.1", "7.2", "7.3", "7.4", "8.0"); "7.3" means 7.3B.
   *
   * @throws IllegalArgumentException for anything else
   */
  public static TdsVersion fromLabel(String label) {
    return switch (label) {
      case "7.0" -> V7_0;
      case "7.1" -> V7_1;
      case "7.2" -> V7_2;
      case "7.3A" -> V7_3A;
      case "7.3", "7.3B" -> V7_3B;
      case "7.4" -> V7_4;
      case "8.0" -> V8_0;
      default ->
          throw new IllegalArgumentException(
              "unknown TDS version \"" + label + "\"; use 7.0, 7.1, 7.2, 7.3, 7.4 or 8.0");
    };
  }

  @Override
  public String toString() {
    return "TDS " + label;
  }
}
