package io.jctds.tls;

import java.util.Optional;

/** A TLS protocol version, with its JSSE name. */
public enum TlsVersion {
  TLS_1_0("TLSv1", "TLS 1.0"),
  TLS_1_1("TLSv1.1", "TLS 1.1"),
  TLS_1_2("TLSv1.2", "TLS 1.2"),
  TLS_1_3("TLSv1.3", "TLS 1.3");

  private final String jsseName;
  private final String label;

  TlsVersion(String jsseName, String label) {
    this.jsseName = jsseName;
    this.label = label;
  }

  /** The JSSE protocol name, e.g. {@code TLSv1.2}. */
  public String jsseName() {
    return jsseName;
  }

  /** Whether the JDK refuses this version per connection (TLS 1.0 and 1.1). */
  public boolean isLegacy() {
    return compareTo(TLS_1_2) < 0;
  }

  /** The version with the JSSE name {@code name} ({@code TLSv1}, ... {@code TLSv1.3}), if any. */
  public static Optional<TlsVersion> fromJsseName(String name) {
    for (TlsVersion v : values()) {
      if (v.jsseName.equals(name)) {
        return Optional.of(v);
      }
    }
    return Optional.empty();
  }

  @Override
  public String toString() {
    return label;
  }
}
