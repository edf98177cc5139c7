package io.jctds.protocol.prelogin;

/**
 * The PRELOGIN ENCRYPTION option values ([MS-TDS] 2.2.6.5). The byte on the wire may carry more
 * than these values (for example the 0x80 client-certificate bit); {@link PreLogin} keeps the raw
 * byte and this enum names the part it knows.
 */
public enum EncryptionOption {
  /** 0x00: encryption available but off (login packet only is encrypted). */
  OFF(0x00),
  /** 0x01: encryption available and on. */
  ON(0x01),
  /** 0x02: encryption not available. */
  NOT_SUP(0x02),
  /** 0x03: encryption required. */
  REQ(0x03),
  /** Any other byte, e.g. 0x80 (client certificate) or 0x81; see the raw value. */
  UNKNOWN(-1);

  /** The client-certificate bit, combined with one of the values above. */
  public static final int CLIENT_CERT_BIT = 0x80;

  private final int value;

  EncryptionOption(int value) {
    this.value = value;
  }

  /** The byte value, or -1 for {@link #UNKNOWN}. */
  public int value() {
    return value;
  }

  /** Names the byte exactly; any value other than 0..3 is {@link #UNKNOWN}. */
  public static EncryptionOption fromByte(int b) {
    return switch (b & 0xFF) {
      case 0x00 -> OFF;
      case 0x01 -> ON;
      case 0x02 -> NOT_SUP;
      case 0x03 -> REQ;
      default -> UNKNOWN;
    };
  }
}
