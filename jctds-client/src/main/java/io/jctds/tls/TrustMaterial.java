package io.jctds.tls;

import io.jctds.config.Source;
import io.jctds.config.SystemTrustStore;
import io.jctds.internal.ParsedFiles;
import io.jctds.tls.TlsValidationException.Reason;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

/**
 * The certificates and CRLs a {@link TlsPolicy} names, loaded: the CA certificates (every one is a
 * trust anchor, as OpenSSL treats a CA file) and the CRLs.
 *
 * @param caCertificates the trust anchors; empty when nothing is validated
 * @param crls the CRLs of {@code crl file}; empty when none
 * @param caDescription the CA file or system store, for messages
 */
record TrustMaterial(
    List<X509Certificate> caCertificates, List<X509CRL> crls, String caDescription) {

  private static final String CA_ADVICE =
      "point 'ca file' at a PEM file with the CA certificate(s) that issued the server's"
          + " certificate, set 'ca file = system' for the system trust store, or remove 'ca file'"
          + " to skip validation (not for production)";

  /** CA files (and system PEM bundles) parsed, while unchanged on disk. */
  private static final ParsedFiles<List<X509Certificate>, TlsValidationException> CA_FILES =
      new ParsedFiles<>();

  /** CRL files parsed, while unchanged on disk. */
  private static final ParsedFiles<List<X509CRL>, TlsValidationException> CRL_FILES =
      new ParsedFiles<>();

  /**
   * Loads what {@code policy} needs; nothing when it validates nothing. A CA or CRL file is parsed
   * again only when it changed since the last connection ({@link ParsedFiles}); a JDK or OS trust
   * store is loaded every time.
   */
  static TrustMaterial load(TlsPolicy policy) throws TlsValidationException {
    Validation validation = policy.validation();
    List<X509Certificate> cas = List.of();
    String description = "no CA";
    if (validation instanceof Validation.CaFile file) {
      cas = pemCas(file.path(), "CA file", file.source());
      description = "CA file " + file.path();
    } else if (validation instanceof Validation.SystemStore system) {
      cas = systemCas(system);
      description = "system trust store " + system.description();
    }
    List<X509CRL> crls =
        policy.crlFile().isPresent() ? crls(policy.crlFile().get(), policy.crlSource()) : List.of();
    return new TrustMaterial(cas, crls, description);
  }

  private static List<X509Certificate> pemCas(Path path, String what, Source source)
      throws TlsValidationException {
    String where = what + " " + path + " (ca file, " + source.describe() + ")";
    return CA_FILES.get(
        path,
        () -> read(path, where, Reason.CA_FILE_UNREADABLE, CA_ADVICE),
        content -> parseCas(content, where));
  }

  private static List<X509Certificate> parseCas(byte[] content, String where)
      throws TlsValidationException {
    List<X509Certificate> cas;
    try {
      cas = PemFile.certificates(content);
    } catch (PemFile.BadBlockException e) {
      throw new TlsValidationException(
          Reason.CA_FILE_UNREADABLE, "cannot load the " + where + ": " + e.getMessage(), e);
    }
    if (cas.isEmpty()) {
      throw new TlsValidationException(
          Reason.CA_FILE_UNREADABLE,
          "the "
              + where
              + " holds no certificate (no '-----BEGIN CERTIFICATE-----' block); "
              + CA_ADVICE,
          null);
    }
    return List.copyOf(cas);
  }

  /**
   * The system store's certificates and those of its hashed directories ({@code $SSL_CERT_DIR}).
   * When the directories give certificates, a store that cannot be loaded is left out, as OpenSSL's
   * {@code SSL_CTX_set_default_verify_paths} ignores a default file it cannot load.
   */
  private static List<X509Certificate> systemCas(Validation.SystemStore system)
      throws TlsValidationException {
    List<X509Certificate> fromDirectories = hashedDirectoryCas(system.store().directories());
    if (fromDirectories.isEmpty()) {
      return storeCas(system);
    }
    // a certificate both in the bundle and in the directory (Debian's /etc/ssl/certs) counts once
    java.util.Set<X509Certificate> all = new java.util.LinkedHashSet<>();
    try {
      all.addAll(storeCas(system));
    } catch (TlsValidationException e) {
      // the directories serve; OpenSSL goes on without the default file too
    }
    all.addAll(fromDirectories);
    return List.copyOf(all);
  }

  /** A c_rehash name: 8 hex digits of the subject hash, a dot, a sequence number. */
  private static final java.util.regex.Pattern HASHED_NAME =
      java.util.regex.Pattern.compile("[0-9a-fA-F]{8}\\.[0-9]+");

  /**
   * Every certificate in the files named {@code <hash>.<N>} of {@code directories}, in name order;
   * a directory or file that cannot be read or parsed gives nothing (OpenSSL's lookup fails the
   * same way for that file).
   */
  static List<X509Certificate> hashedDirectoryCas(List<Path> directories) {
    List<X509Certificate> out = new ArrayList<>();
    for (Path dir : directories) {
      List<Path> files;
      try (java.util.stream.Stream<Path> list = Files.list(dir)) {
        files =
            list.filter(p -> HASHED_NAME.matcher(p.getFileName().toString()).matches())
                .sorted()
                .toList();
      } catch (IOException | SecurityException e) {
        continue;
      }
      for (Path file : files) {
        String where = "hashed certificate " + file + " ($SSL_CERT_DIR)";
        try {
          out.addAll(
              CA_FILES.get(
                  file,
                  () -> read(file, where, Reason.CA_FILE_UNREADABLE, CA_ADVICE),
                  content -> parseCas(content, where)));
        } catch (TlsValidationException e) {
          // skipped: not a PEM certificate file
        }
      }
    }
    return out;
  }

  private static List<X509Certificate> storeCas(Validation.SystemStore system)
      throws TlsValidationException {
    SystemTrustStore store = system.store();
    if (store.kind() == SystemTrustStore.Kind.PEM_BUNDLE) {
      return pemCas(store.path(), "system CA bundle", system.source());
    }
    String where =
        "the system trust store "
            + store.describe()
            + " (ca file = system, "
            + system.source().describe()
            + ")";
    try {
      KeyStore keyStore;
      if (store.kind() == SystemTrustStore.Kind.JDK_DEFAULT) {
        if (!Files.isReadable(store.path())) {
          throw new TlsValidationException(
              Reason.CA_FILE_UNREADABLE,
              "cannot read " + where + ": file not found or not readable; " + CA_ADVICE,
              null);
        }
        keyStore = KeyStore.getInstance(store.path().toFile(), trustStorePassword(store.path()));
      } else {
        String type =
            store.kind() == SystemTrustStore.Kind.WINDOWS_ROOT ? "Windows-ROOT" : "KeychainStore";
        keyStore = KeyStore.getInstance(type);
        keyStore.load(null, null);
      }
      List<X509Certificate> cas = trustedCertificates(keyStore);
      if (cas.isEmpty()) {
        throw new TlsValidationException(
            Reason.CA_FILE_UNREADABLE, where + " holds no certificate; " + CA_ADVICE, null);
      }
      return cas;
    } catch (IOException | GeneralSecurityException e) {
      throw new TlsValidationException(
          Reason.CA_FILE_UNREADABLE, "cannot load " + where + ": " + e.getMessage(), e);
    }
  }

  private static char[] trustStorePassword(Path path) {
    String configured = System.getProperty("javax.net.ssl.trustStore");
    String password = System.getProperty("javax.net.ssl.trustStorePassword");
    if (configured != null && Path.of(configured).equals(path) && password != null) {
      return password.toCharArray();
    }
    return null; // trusted-certificate entries need no password (no integrity check)
  }

  private static List<X509Certificate> trustedCertificates(KeyStore keyStore)
      throws GeneralSecurityException {
    List<X509Certificate> out = new ArrayList<>();
    for (Enumeration<String> e = keyStore.aliases(); e.hasMoreElements(); ) {
      String alias = e.nextElement();
      if (keyStore.isCertificateEntry(alias)) {
        Certificate c = keyStore.getCertificate(alias);
        if (c instanceof X509Certificate x) {
          out.add(x);
        }
      }
    }
    return Collections.unmodifiableList(out);
  }

  private static List<X509CRL> crls(Path path, Source source) throws TlsValidationException {
    String where = "CRL file " + path + " (crl file, " + source.describe() + ")";
    String advice =
        "point 'crl file' at a PEM file of X509 CRLs from the server certificate's issuers, or"
            + " remove it";
    return CRL_FILES.get(
        path,
        () -> read(path, where, Reason.CRL_UNREADABLE, advice),
        content -> parseCrls(content, where, advice));
  }

  private static List<X509CRL> parseCrls(byte[] content, String where, String advice)
      throws TlsValidationException {
    List<X509CRL> crls;
    try {
      crls = PemFile.crls(content);
    } catch (PemFile.BadBlockException e) {
      throw new TlsValidationException(
          Reason.CRL_UNREADABLE, "cannot load the " + where + ": " + e.getMessage(), e);
    }
    if (crls.isEmpty()) {
      throw new TlsValidationException(
          Reason.CRL_UNREADABLE,
          "the " + where + " holds no CRL (no '-----BEGIN X509 CRL-----' block); " + advice,
          null);
    }
    return List.copyOf(crls);
  }

  private static byte[] read(Path path, String where, Reason reason, String advice)
      throws TlsValidationException {
    if (Files.isDirectory(path)) {
      throw new TlsValidationException(
          reason,
          "the "
              + where
              + " is a directory; FreeTDS reads one PEM file there, not a directory of"
              + " certificates: concatenate them into one file",
          null);
    }
    try {
      return Files.readAllBytes(path);
    } catch (NoSuchFileException e) {
      throw new TlsValidationException(
          reason, "cannot read the " + where + ": file not found; " + advice, e);
    } catch (IOException | SecurityException e) {
      throw new TlsValidationException(
          reason, "cannot read the " + where + ": " + e + "; " + advice, e);
    }
  }
}
