package io.jctds.server;

import io.jctds.server.tls.CertificateAuthority;
import io.jctds.server.tls.ServerCredentials;
import java.util.List;

/** One generated CA and server certificate shared by every test server of the JVM (RSA is slow). */
final class TestServers {
  static final String USER = "tester";
  static final String PASSWORD = "Pa55-word!";

  private static ServerCredentials credentials;

  private TestServers() {}

  static synchronized ServerCredentials credentials() {
    if (credentials == null) {
      credentials =
          CertificateAuthority.generate("jctds test CA").issueServerCredentials(List.of());
    }
    return credentials;
  }

  /** A builder on an ephemeral port with the shared certificate and the test login. */
  static TdsServer.Builder builder(EncryptionPolicy policy) {
    return TdsServer.builder()
        .port(0)
        .encryption(policy)
        .credentials(credentials())
        .user(USER, PASSWORD);
  }
}
