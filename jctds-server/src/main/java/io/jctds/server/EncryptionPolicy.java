package io.jctds.server;

import java.util.Locale;

/**
 * The server's encryption setting and how it answers the client's PRELOGIN ENCRYPTION byte.
 *
 * <table>
 *   <caption>PRELOGIN answer by policy and client byte</caption>
 *   <tr><th>policy</th><th>client ON / REQ</th><th>client OFF</th><th>client NOT_SUP</th>
 *       <th>TLS first (0x16)</th></tr>
 *   <tr><td>OFF</td><td>NOT_SUP, plain</td><td>NOT_SUP, plain</td><td>NOT_SUP, plain</td>
 *       <td>closed</td></tr>
 *   <tr><td>ON</td><td>ON, full TLS</td><td>OFF, login-only TLS</td><td>NOT_SUP, plain</td>
 *       <td>TDS 8.0</td></tr>
 *   <tr><td>REQUIRED</td><td>REQ, full TLS</td><td>REQ, full TLS</td><td>REQ, then closed</td>
 *       <td>TDS 8.0</td></tr>
 *   <tr><td>STRICT</td><td>closed</td><td>closed</td><td>closed</td><td>TDS 8.0</td></tr>
 * </table>
 *
 * <p>A LOGIN7 without PRELOGIN (TDS 7.0 style, jTDS with {@code ssl=off}) is served plain under OFF
 * and ON, refused with error 17835 under REQUIRED and STRICT.
 */
public enum EncryptionPolicy {
  /** Answer NOT_SUP; never TLS. */
  OFF,
  /** SQL Server's default: encrypt what the client asks for (login-only when it sends OFF). */
  ON,
  /** Force full encryption (SQL Server's "Force Encryption"). */
  REQUIRED,
  /** TDS 8.0 only: TLS first with ALPN {@code tds/8.0} ("Force Strict Encryption"). */
  STRICT;

  /**
   * Parses "off", "on", "required" or "strict", ignoring case.
   *
   * @throws IllegalArgumentException naming the accepted values
   */
  public static EncryptionPolicy parse(String text) {
    String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
    return switch (t) {
      case "off" -> OFF;
      case "on" -> ON;
      case "required" -> REQUIRED;
      case "strict" -> STRICT;
      default ->
          throw new IllegalArgumentException(
              "unknown encryption policy '" + text + "'; use off, on, required or strict");
    };
  }

  /** The lower-case name, as {@link #parse} accepts it. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
