package io.jctds.server.interop;

import io.jctds.server.EncryptionPolicy;
import io.jctds.server.TdsServer;
import io.jctds.server.tls.CertificateAuthority;
import io.jctds.server.tls.Pem;
import io.jctds.server.tls.ServerCredentials;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Consumer;

/**
 * What the interop tests share: the verification query, one login, one generated CA for every
 * server of the run (generating RSA keys per server would dominate the run time), servers on
 * 127.0.0.1 ephemeral ports, and trust material in the formats the clients read.
 */
final class Interop {
  /** The issue's verification query. */
  static final String QUERY =
      "SELECT encrypt_option, protocol_type, auth_scheme FROM sys.dm_exec_connections"
          + " WHERE session_id = @@SPID";

  /** The SQL login of every test server. */
  static final String USER = "sa";

  /** Its password: random per run, without characters freetds.conf or a shell would mangle. */
  static final String PASSWORD = "Interop-" + randomHex(8);

  /** A password that is not {@link #PASSWORD}. */
  static final String WRONG_PASSWORD = PASSWORD + "-wrong";

  /** The hard limit for one external client process (tsql, bsqldb, node). */
  static final Duration PEER_TIMEOUT = Duration.ofSeconds(40);

  /** Login and socket timeouts given to in-process clients (JDBC drivers), in seconds. */
  static final int CLIENT_TIMEOUT_SECONDS = 20;

  /** SQL Server's "Login failed for user" error. */
  static final int LOGIN_FAILED = 18456;

  private static CertificateAuthority authority;
  private static ServerCredentials credentials;

  private Interop() {}

  /** The CA that signed {@link #credentials()}. */
  static synchronized CertificateAuthority authority() {
    if (authority == null) {
      authority = CertificateAuthority.generate("jctds interop test CA");
    }
    return authority;
  }

  /** A server certificate for localhost, 127.0.0.1 and ::1 issued by {@link #authority()}. */
  static synchronized ServerCredentials credentials() {
    if (credentials == null) {
      credentials = authority().issueServerCredentials(List.of());
    }
    return credentials;
  }

  /** A server with this policy on 127.0.0.1, an ephemeral port and the shared certificate. */
  static TdsServer start(EncryptionPolicy policy) {
    return start(b -> b.encryption(policy));
  }

  /** A server on 127.0.0.1 and an ephemeral port; {@code settings} may change anything. */
  static TdsServer start(Consumer<TdsServer.Builder> settings) {
    TdsServer.Builder b =
        TdsServer.builder().bind("127.0.0.1").port(0).user(USER, PASSWORD).database("master");
    b.credentials(credentials());
    settings.accept(b);
    try {
      return b.build().start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start a test server: " + e.getMessage(), e);
    }
  }

  /** Writes the certificate of {@code ca} as a PEM file (a FreeTDS {@code ca file}). */
  /**
   * A mssql-jdbc connection to {@code server} without encryption, logged in as {@link #USER} to
   * {@code database}; {@code properties} ({@code ";name=value..."}, or empty) are appended.
   */
  static java.sql.Connection mssqlJdbc(TdsServer server, String database, String properties)
      throws java.sql.SQLException {
    return java.sql.DriverManager.getConnection(
        "jdbc:sqlserver://127.0.0.1:"
            + server.port()
            + ";databaseName="
            + database
            + ";user="
            + USER
            + ";password="
            + PASSWORD
            + ";encrypt=false;loginTimeout="
            + CLIENT_TIMEOUT_SECONDS
            + properties);
  }

  static Path writePem(X509Certificate ca, Path file) {
    try {
      return Files.writeString(
          file, Pem.encodeCertificates(List.of(ca)), StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A PKCS#12 trust store holding {@code ca} as a trusted certificate entry. */
  static Path trustStore(X509Certificate ca, Path file, char[] password) {
    try (OutputStream out = Files.newOutputStream(file)) {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(null, password);
      store.setCertificateEntry("ca", ca);
      store.store(out, password);
      return file;
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalStateException("cannot write the trust store " + file + ": " + e, e);
    }
  }

  /** A CA that did not sign the servers' certificate. */
  static X509Certificate unrelatedCa() {
    return CertificateAuthority.generate("unrelated test CA").certificate();
  }

  private static String randomHex(int bytes) {
    byte[] b = new byte[bytes];
    new SecureRandom().nextBytes(b);
    return HexFormat.of().formatHex(b);
  }
}
