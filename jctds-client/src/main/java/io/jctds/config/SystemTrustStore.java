package io.jctds.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What {@code ca file = system} means on this machine: the trust store FreeTDS's OpenSSL build
 * would use ({@code SSL_CTX_set_default_verify_paths}), located but not loaded.
 *
 * <p>Order: {@code $SSL_CERT_FILE} (as OpenSSL honours it); the first existing usual Linux bundle
 * of {@link #LINUX_BUNDLES}; the Windows {@code Windows-ROOT} or macOS {@code KeychainStore} key
 * store; else the JDK's default trust store.
 *
 * <p>Beside it, as OpenSSL's default verify paths also hold a directory: the hashed certificate
 * directories of {@code $SSL_CERT_DIR} (several separated by {@code :}, {@code ;} on Windows), in
 * OpenSSL's {@code c_rehash} layout: files named {@code <8 hex digits>.<N>}, each a PEM file of
 * certificates. OpenSSL looks a file up by the hash of the issuer's subject name; jctds loads every
 * such file as a trust anchor, without checking that the name's hash matches the subject (a file
 * under a wrong hash, which OpenSSL would never find, is trusted too). Other files (and CRLs,
 * {@code <hash>.r<N>}) are ignored. Without {@code $SSL_CERT_DIR} no directory is added: OpenSSL's
 * built-in one ({@code /usr/lib/ssl/certs} on Debian) holds the bundle's certificates.
 *
 * @param kind what was found
 * @param path the PEM bundle or JDK key store file; null for the OS key stores
 * @param origin how it was found, e.g. {@code from $SSL_CERT_FILE}
 * @param directories the hashed certificate directories of {@code $SSL_CERT_DIR}; empty when unset
 */
public record SystemTrustStore(Kind kind, Path path, String origin, List<Path> directories) {

  public SystemTrustStore {
    directories = List.copyOf(directories);
  }

  /** A store without hashed certificate directories. */
  public SystemTrustStore(Kind kind, Path path, String origin) {
    this(kind, path, origin, List.of());
  }

  /** The kinds of system trust store. */
  public enum Kind {
    /** A PEM file of CA certificates. */
    PEM_BUNDLE,
    /** The Windows "ROOT" certificate store (JDK key store type {@code Windows-ROOT}). */
    WINDOWS_ROOT,
    /** The macOS keychain (JDK key store type {@code KeychainStore}). */
    KEYCHAIN_STORE,
    /** The JDK's own trust store ({@code javax.net.ssl.trustStore} or {@code cacerts}). */
    JDK_DEFAULT
  }

  /** The usual CA bundle locations of Linux distributions, in the order tried. */
  public static final List<Path> LINUX_BUNDLES =
      List.of(
          Path.of("/etc/ssl/certs/ca-certificates.crt"),
          Path.of("/etc/pki/tls/certs/ca-bundle.crt"),
          Path.of("/etc/ssl/ca-bundle.pem"),
          Path.of("/etc/pki/tls/cacert.pem"),
          Path.of("/etc/pki/ca-trust/extracted/pem/tls-ca-bundle.pem"),
          Path.of("/etc/ssl/cert.pem"));

  /** Locates the system trust store for this process (environment, OS, JDK). */
  public static SystemTrustStore locate() {
    return locate(System.getenv());
  }

  /**
   * Locates the system trust store for an environment ({@code SSL_CERT_FILE}) on this OS and JDK:
   * the resolver passes the environment it resolved the configuration with.
   */
  public static SystemTrustStore locate(Map<String, String> environment) {
    return locate(
        environment,
        System.getProperty("os.name", ""),
        LINUX_BUNDLES,
        Path.of(System.getProperty("java.home", "")));
  }

  /**
   * Locates the system trust store for the given environment, OS name, bundle candidates and JDK.
   */
  public static SystemTrustStore locate(
      Map<String, String> environment, String osName, List<Path> bundles, Path javaHome) {
    SystemTrustStore store = locateStore(environment, osName, bundles, javaHome);
    List<Path> dirs = certDirectories(environment.get("SSL_CERT_DIR"), osName);
    return dirs.isEmpty()
        ? store
        : new SystemTrustStore(store.kind, store.path, store.origin, dirs);
  }

  /** {@code $SSL_CERT_DIR} split as OpenSSL does ({@code :}, or {@code ;} on Windows). */
  static List<Path> certDirectories(String value, String osName) {
    List<Path> dirs = new ArrayList<>();
    if (value == null || value.isEmpty()) {
      return dirs;
    }
    String separator = osName.startsWith("Windows") ? ";" : ":";
    for (String part : value.split(java.util.regex.Pattern.quote(separator))) {
      Path p = part.isEmpty() ? null : ConfigResolver.path(part);
      if (p != null) {
        dirs.add(p);
      }
    }
    return dirs;
  }

  private static SystemTrustStore locateStore(
      Map<String, String> environment, String osName, List<Path> bundles, Path javaHome) {
    String certFile = environment.get("SSL_CERT_FILE");
    if (certFile != null && !certFile.isEmpty()) {
      Path p = ConfigResolver.path(certFile);
      if (p != null) {
        return new SystemTrustStore(
            Kind.PEM_BUNDLE,
            p,
            "from $SSL_CERT_FILE" + (Files.isReadable(p) ? "" : " (file not found)"));
      }
    }
    for (Path bundle : bundles) {
      if (Files.isReadable(bundle)) {
        return new SystemTrustStore(Kind.PEM_BUNDLE, bundle, "system CA bundle");
      }
    }
    if (osName.startsWith("Windows")) {
      return new SystemTrustStore(Kind.WINDOWS_ROOT, null, "Windows ROOT certificate store");
    }
    if (osName.startsWith("Mac")) {
      return new SystemTrustStore(Kind.KEYCHAIN_STORE, null, "macOS keychain");
    }
    String configured = System.getProperty("javax.net.ssl.trustStore");
    if (configured != null && !configured.isEmpty()) {
      return new SystemTrustStore(
          Kind.JDK_DEFAULT, Path.of(configured), "from -Djavax.net.ssl.trustStore");
    }
    Path security = javaHome.resolve("lib").resolve("security");
    Path jssecacerts = security.resolve("jssecacerts");
    return Files.isReadable(jssecacerts)
        ? new SystemTrustStore(Kind.JDK_DEFAULT, jssecacerts, "JDK trust store")
        : new SystemTrustStore(Kind.JDK_DEFAULT, security.resolve("cacerts"), "JDK trust store");
  }

  /** A one-line description, e.g. {@code PEM bundle /etc/ssl/certs/ca-certificates.crt (...)}. */
  public String describe() {
    String store =
        switch (kind) {
          case PEM_BUNDLE -> "PEM bundle " + path + " (" + origin + ")";
          case WINDOWS_ROOT -> "Windows-ROOT (" + origin + ")";
          case KEYCHAIN_STORE -> "KeychainStore (" + origin + ")";
          case JDK_DEFAULT -> "JDK key store " + path + " (" + origin + ")";
        };
    if (directories.isEmpty()) {
      return store;
    }
    List<String> names = new ArrayList<>();
    for (Path d : directories) {
      names.add(d + (Files.isDirectory(d) ? "" : " (not found)"));
    }
    return store + " and hashed directory " + String.join(", ", names) + " (from $SSL_CERT_DIR)";
  }
}
