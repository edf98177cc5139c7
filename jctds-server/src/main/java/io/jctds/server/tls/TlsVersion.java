package io.jctds.server.tls;

import java.util.Locale;
import org.bouncycastle.tls.ProtocolVersion;

/** The TLS versions the server can be limited to. */
public enum TlsVersion {
  TLS_1_0("TLSv1", "1.0", ProtocolVersion.TLSv10),
  TLS_1_1("TLSv1.1", "1.1", ProtocolVersion.TLSv11),
  TLS_1_2("TLSv1.2", "1.2", ProtocolVersion.TLSv12),
  TLS_1_3("TLSv1.3", "1.3", ProtocolVersion.TLSv13);

  private final String jsseName;
  private final String number;
  private final ProtocolVersion bouncyCastle;

  TlsVersion(String jsseName, String number, ProtocolVersion bouncyCastle) {
    this.jsseName = jsseName;
    this.number = number;
    this.bouncyCastle = bouncyCastle;
  }

  /** The JSSE protocol name, e.g. {@code TLSv1.2}. */
  public String jsseName() {
    return jsseName;
  }

  ProtocolVersion bouncyCastle() {
    return bouncyCastle;
  }

  /**
   * Parses "1.2", "TLSv1.2", "tls1.2" or "TLS 1.2" (and "1" / "TLSv1" for 1.0).
   *
   * @throws IllegalArgumentException naming the accepted values
   */
  public static TlsVersion parse(String text) {
    String t = text.trim().toLowerCase(Locale.ROOT).replace(" ", "");
    t = t.startsWith("tlsv") ? t.substring(4) : t.startsWith("tls") ? t.substring(3) : t;
    for (TlsVersion v : values()) {
      if (v.number.equals(t) || (v == TLS_1_0 && t.equals("1"))) {
        return v;
      }
    }
    throw new IllegalArgumentException(
        "unknown TLS version '" + text + "'; use 1.0, 1.1, 1.2 or 1.3");
  }

  @Override
  public String toString() {
    return "TLS " + number;
  }
}
