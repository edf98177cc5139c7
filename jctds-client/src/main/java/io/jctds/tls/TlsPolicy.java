package io.jctds.tls;

import io.jctds.config.Encryption;
import io.jctds.config.ServerEntry;
import io.jctds.config.Source;
import io.jctds.config.SystemTrustStore;
import io.jctds.protocol.tls.TlsParameters;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The TLS decisions for one connection, from a resolved {@link ServerEntry} (FreeTDS 1.5, {@code
 * tls.c}). Immutable; loads nothing (see {@link ClientTls}).
 *
 * <ul>
 *   <li>Versions: TDS 7.x (handshake in PRELOGIN packets) offers TLS 1.2 only, because TLS 1.3
 *       inside PRELOGIN packets breaks against SQL Server (mssql-jdbc#1524), unless {@link
 *       #withMaxVersion} raises it; {@code enable tls v1 = yes} adds TLS 1.0 and 1.1, which needs
 *       the legacy engine ({@link #needsLegacyTls()}). Strict (TDS 8.0): TLS 1.2 and 1.3, ALPN
 *       {@code tds/8.0}; {@code enable tls v1} does not apply (TDS 8.0 requires TLS 1.2 or later).
 *   <li>No SNI and no session resumption, ever (FreeTDS sends no SNI and resumes nothing).
 *   <li>Validation: no {@code ca file} (and not strict): none. {@code ca file = system} (any case)
 *       or strict without a {@code ca file}: the system trust store. Otherwise the PEM bundle.
 *   <li>{@code crl file}: applied only with a CA. Host name: checked when a CA is set and {@code
 *       check certificate hostname} is yes, against {@code certificate hostname} or else the
 *       server's host ({@link ServerEntry#host()}, never the section name).
 * </ul>
 */
public final class TlsPolicy {
  private static final String SYSTEM = "system";

  private final String serverName;
  private final boolean strict;
  private final List<TlsVersion> versions;
  private final Validation validation;
  private final Path crlFile;
  private final Source crlSource;
  private final HostnameCheck hostnameCheck;
  private final String hostnameNotChecked;
  private final Source enableTlsV1Source;

  private TlsPolicy(
      String serverName,
      boolean strict,
      List<TlsVersion> versions,
      Validation validation,
      Path crlFile,
      Source crlSource,
      HostnameCheck hostnameCheck,
      String hostnameNotChecked,
      Source enableTlsV1Source) {
    this.serverName = serverName;
    this.strict = strict;
    this.versions = List.copyOf(versions);
    this.validation = validation;
    this.crlFile = crlFile;
    this.crlSource = crlSource;
    this.hostnameCheck = hostnameCheck;
    this.hostnameNotChecked = hostnameNotChecked;
    this.enableTlsV1Source = enableTlsV1Source;
  }

  /** The policy for {@code entry}; strict when its encryption is {@code strict} (or TDS 8.0). */
  public static TlsPolicy forEntry(ServerEntry entry) {
    return forEntry(entry, entry.encryption() == Encryption.STRICT);
  }

  /**
   * The policy for {@code entry} on the TDS 8.0 path ({@code strict}) or the TDS 7.x path.
   *
   * @param strict TLS first with ALPN {@code tds/8.0}, validation always on
   */
  public static TlsPolicy forEntry(ServerEntry entry, boolean strict) {
    return forEntry(entry, strict, null, null);
  }

  /**
   * The policy for {@code entry}, with the name to check and the system store given.
   *
   * @param connectedHost the host to check the certificate against instead of {@link
   *     ServerEntry#host()} (after a routing redirect), or null; {@code certificate hostname} still
   *     wins
   * @param systemStore what {@code ca file = system} means, or null for {@link
   *     ServerEntry#systemTrustStore()}
   */
  public static TlsPolicy forEntry(
      ServerEntry entry, boolean strict, String connectedHost, SystemTrustStore systemStore) {
    Objects.requireNonNull(entry, "entry");
    Validation validation = validation(entry, strict, systemStore);
    boolean validates = validation.validates();
    HostnameCheck check = null;
    String notChecked;
    if (!validates) {
      notChecked = "not checked: no ca file, so no certificate check at all";
    } else if (!entry.checkCertificateHostname()) {
      notChecked =
          "not checked: check certificate hostname = no ("
              + entry.source("check_certificate_hostname").describe()
              + ")";
    } else {
      notChecked = null;
      check = wantedName(entry, connectedHost);
    }
    Path crl = validates && entry.crlFile() != null ? Path.of(entry.crlFile()) : null;
    List<TlsVersion> versions = new ArrayList<>();
    if (strict) {
      versions.add(TlsVersion.TLS_1_2);
      versions.add(TlsVersion.TLS_1_3);
    } else {
      if (entry.enableTlsV1()) {
        versions.add(TlsVersion.TLS_1_0);
        versions.add(TlsVersion.TLS_1_1);
      }
      versions.add(TlsVersion.TLS_1_2);
    }
    return new TlsPolicy(
        entry.serverName(),
        strict,
        versions,
        validation,
        crl,
        entry.source("crl_file"),
        check,
        notChecked,
        entry.source("enable_tls_v1"));
  }

  private static Validation validation(
      ServerEntry entry, boolean strict, SystemTrustStore systemStore) {
    String ca = entry.caFile();
    Source source = entry.source("ca_file");
    if (ca == null && strict) {
      source = new Source.Derived("strict implies ca file = system", entry.source("encryption"));
      ca = SYSTEM;
    }
    if (ca == null) {
      return new Validation.None();
    }
    if (ca.toLowerCase(Locale.ROOT).equals(SYSTEM)) {
      return new Validation.SystemStore(
          systemStore != null ? systemStore : entry.systemTrustStore(), source);
    }
    return new Validation.CaFile(Path.of(ca), source);
  }

  private static HostnameCheck wantedName(ServerEntry entry, String connectedHost) {
    if (entry.certificateHostname() != null) {
      return new HostnameCheck(
          entry.certificateHostname(),
          "certificate hostname",
          entry.source("certificate_hostname"));
    }
    if (connectedHost != null) {
      return new HostnameCheck(connectedHost, "host connected to", Source.APPLICATION);
    }
    return new HostnameCheck(entry.host(), "host", entry.source("host"));
  }

  /**
   * This policy with {@code max} as the highest version offered. On the TDS 7.x path that may raise
   * it to TLS 1.3 (which SQL Server mishandles inside PRELOGIN packets) or lower it; the lowest
   * version stays (TLS 1.2, or TLS 1.0 with {@code enable tls v1}).
   *
   * @throws IllegalArgumentException if no version would remain
   */
  public TlsPolicy withMaxVersion(TlsVersion max) {
    Objects.requireNonNull(max, "max");
    TlsVersion low = versions.get(0);
    if (max.compareTo(low) < 0) {
      throw new IllegalArgumentException(
          "max TLS version " + max + " is below the lowest allowed version " + low);
    }
    List<TlsVersion> raised = new ArrayList<>();
    for (TlsVersion v : TlsVersion.values()) {
      if (v.compareTo(low) >= 0 && v.compareTo(max) <= 0) {
        raised.add(v);
      }
    }
    return new TlsPolicy(
        serverName,
        strict,
        raised,
        validation,
        crlFile,
        crlSource,
        hostnameCheck,
        hostnameNotChecked,
        enableTlsV1Source);
  }

  /** The server name the entry was resolved for (for messages). */
  public String serverName() {
    return serverName;
  }

  /** Whether this is the TDS 8.0 (strict) path: TLS first, ALPN {@code tds/8.0}. */
  public boolean isStrict() {
    return strict;
  }

  /** The versions offered, lowest first. */
  public List<TlsVersion> versions() {
    return versions;
  }

  /** {@link #versions()} in JSSE spelling. */
  public List<String> jsseProtocols() {
    return versions.stream().map(TlsVersion::jsseName).toList();
  }

  /** Whether TLS 1.0 or 1.1 is offered, which needs the legacy engine (jctds-tls-legacy). */
  public boolean needsLegacyTls() {
    return versions.get(0).isLegacy();
  }

  /** Where {@code enable tls v1} was set (for the legacy-engine error). */
  public Source enableTlsV1Source() {
    return enableTlsV1Source;
  }

  /** The ALPN protocol offered: {@code tds/8.0} on the strict path, else empty. */
  public Optional<String> applicationProtocol() {
    return strict ? Optional.of(TlsParameters.TDS8_APPLICATION_PROTOCOL) : Optional.empty();
  }

  /** How the chain is validated. */
  public Validation validation() {
    return validation;
  }

  /** The CRL file applied, if any (only with a CA). */
  public Optional<Path> crlFile() {
    return Optional.ofNullable(crlFile);
  }

  /** Where {@code crl file} was set. */
  public Source crlSource() {
    return crlSource;
  }

  /** The name the certificate must carry, when the host name is checked. */
  public Optional<HostnameCheck> hostnameCheck() {
    return Optional.ofNullable(hostnameCheck);
  }

  /** Why the host name is not checked, when it is not. */
  public Optional<String> hostnameNotCheckedReason() {
    return Optional.ofNullable(hostnameNotChecked);
  }

  @Override
  public String toString() {
    return "TlsPolicy[server="
        + serverName
        + (strict ? ", strict" : "")
        + ", versions="
        + versions
        + ", "
        + validation.describe()
        + ", hostname="
        + (hostnameCheck != null ? hostnameCheck.describe() : hostnameNotChecked)
        + (crlFile != null ? ", crl=" + crlFile : "")
        + "]";
  }
}
