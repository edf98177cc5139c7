package io.jctds.server.tls;

import java.util.Objects;

/**
 * Which TLS versions the server accepts.
 *
 * <ul>
 *   <li>TDS 7.x (handshake in PRELOGIN packets): TLS 1.2 through JSSE, as SQL Server; with {@code
 *       enableTlsV1}, TLS 1.0 up to {@code min(maxVersion, 1.2)} through BouncyCastle, because the
 *       JDK refuses TLS 1.0/1.1 for every connection of the process once {@code
 *       jdk.tls.disabledAlgorithms} lists them (the default).
 *   <li>TDS 8.0 (TLS first, ALPN {@code tds/8.0}): TLS 1.2 up to {@code maxVersion}, through JSSE.
 * </ul>
 *
 * @param maxVersion the highest version offered
 * @param enableTlsV1 also accept TLS 1.0 and 1.1 on the TDS 7.x path
 */
public record ServerTlsPolicy(TlsVersion maxVersion, boolean enableTlsV1) {

  /** TLS 1.2 for TDS 7.x, TLS 1.2 and 1.3 for TDS 8.0. */
  public static final ServerTlsPolicy DEFAULT = new ServerTlsPolicy(TlsVersion.TLS_1_3, false);

  /**
   * @throws IllegalArgumentException if {@code maxVersion} is below 1.2 without {@code
   *     enableTlsV1}: no version would remain
   */
  public ServerTlsPolicy {
    Objects.requireNonNull(maxVersion, "maxVersion");
    if (maxVersion.compareTo(TlsVersion.TLS_1_2) < 0 && !enableTlsV1) {
      throw new IllegalArgumentException(
          "max TLS version "
              + maxVersion
              + " leaves nothing to negotiate: TLS 1.0 and 1.1 need enableTlsV1 (enable tls v1"
              + " = yes)");
    }
  }

  /** Whether TDS 8.0 (TLS 1.2 or later) can be served. */
  public boolean allowsTds8() {
    return maxVersion.compareTo(TlsVersion.TLS_1_2) >= 0;
  }
}
