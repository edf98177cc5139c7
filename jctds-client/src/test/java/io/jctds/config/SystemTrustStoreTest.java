package io.jctds.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where {@code ca file = system} points. */
class SystemTrustStoreTest {
  @TempDir Path tmp;

  @Test
  void sslCertFileComesFirst() throws Exception {
    Path bundle = Files.writeString(tmp.resolve("b.pem"), "x");
    Path mine = Files.writeString(tmp.resolve("mine.pem"), "x");
    SystemTrustStore s =
        SystemTrustStore.locate(
            Map.of("SSL_CERT_FILE", mine.toString()), "Linux", List.of(bundle), tmp);
    assertThat(s.kind()).isEqualTo(SystemTrustStore.Kind.PEM_BUNDLE);
    assertThat(s.path()).isEqualTo(mine);
    assertThat(s.describe()).contains(mine.toString(), "$SSL_CERT_FILE");
  }

  @Test
  void aMissingSslCertFileIsStillWhatOpenSslWouldUse() {
    SystemTrustStore s =
        SystemTrustStore.locate(
            Map.of("SSL_CERT_FILE", tmp.resolve("none.pem").toString()), "Linux", List.of(), tmp);
    assertThat(s.path()).isEqualTo(tmp.resolve("none.pem"));
    assertThat(s.origin()).contains("not found");
  }

  @Test
  void theFirstExistingBundle() throws Exception {
    Path second = Files.writeString(tmp.resolve("second.pem"), "x");
    Path third = Files.writeString(tmp.resolve("third.pem"), "x");
    SystemTrustStore s =
        SystemTrustStore.locate(
            Map.of(), "Linux", List.of(tmp.resolve("first.pem"), second, third), tmp);
    assertThat(s.path()).isEqualTo(second);
  }

  @Test
  void operatingSystemStoresWithoutABundle() {
    assertThat(SystemTrustStore.locate(Map.of(), "Windows 11", List.of(), tmp).kind())
        .isEqualTo(SystemTrustStore.Kind.WINDOWS_ROOT);
    assertThat(SystemTrustStore.locate(Map.of(), "Mac OS X", List.of(), tmp).kind())
        .isEqualTo(SystemTrustStore.Kind.KEYCHAIN_STORE);
  }

  @Test
  void elseTheJdkTrustStore() throws Exception {
    SystemTrustStore s = SystemTrustStore.locate(Map.of(), "Linux", List.of(), tmp);
    assertThat(s.kind()).isEqualTo(SystemTrustStore.Kind.JDK_DEFAULT);
    if (System.getProperty("javax.net.ssl.trustStore") == null) {
      assertThat(s.path()).isEqualTo(tmp.resolve("lib/security/cacerts"));
      Files.createDirectories(tmp.resolve("lib/security"));
      Files.writeString(tmp.resolve("lib/security/jssecacerts"), "x");
      assertThat(SystemTrustStore.locate(Map.of(), "Linux", List.of(), tmp).path())
          .isEqualTo(tmp.resolve("lib/security/jssecacerts"));
    }
  }

  @Test
  void thisMachineHasOne() {
    assertThat(SystemTrustStore.locate().describe()).isNotBlank();
  }
}
