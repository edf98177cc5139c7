package io.jctds.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jctds.config.ServerEntry;
import io.jctds.config.SystemTrustStore;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TlsPolicyTest {
  @TempDir Path dir;

  private static final SystemTrustStore SYSTEM =
      new SystemTrustStore(SystemTrustStore.Kind.PEM_BUNDLE, Path.of("/bundle.pem"), "test");

  private ServerEntry entry(String body) {
    return Conf.resolve(
        dir, "[myserver]\n  host = db.example.test\n  port = 1433\n" + body, "myserver");
  }

  private TlsPolicy policy(String body) {
    ServerEntry e = entry(body);
    return TlsPolicy.forEntry(e, e.encryption() == io.jctds.config.Encryption.STRICT, null, SYSTEM);
  }

  @Test
  void tds7DefaultsToTls12WithoutAlpnAndWithoutValidation() {
    TlsPolicy p = policy("  encryption = require\n  crl file = /x.pem\n");
    assertThat(p.isStrict()).isFalse();
    assertThat(p.versions()).containsExactly(TlsVersion.TLS_1_2);
    assertThat(p.jsseProtocols()).containsExactly("TLSv1.2");
    assertThat(p.needsLegacyTls()).isFalse();
    assertThat(p.applicationProtocol()).isEmpty();
    assertThat(p.validation()).isInstanceOf(Validation.None.class);
    assertThat(p.hostnameCheck()).isEmpty();
    assertThat(p.hostnameNotCheckedReason()).get().asString().contains("no ca file");
    assertThat(p.crlFile()).as("crl file is ignored without a CA, as FreeTDS").isEmpty();
  }

  @Test
  void strictOffersTls12And13WithAlpnAndValidatesAgainstTheSystemStore() {
    TlsPolicy p = policy("  encryption = strict\n");
    assertThat(p.isStrict()).isTrue();
    assertThat(p.versions()).containsExactly(TlsVersion.TLS_1_2, TlsVersion.TLS_1_3);
    assertThat(p.applicationProtocol()).contains("tds/8.0");
    assertThat(p.validation()).isInstanceOf(Validation.SystemStore.class);
    Validation.SystemStore store = (Validation.SystemStore) p.validation();
    assertThat(store.store()).isEqualTo(SYSTEM);
    assertThat(store.source().describe()).contains("strict implies ca file = system");
    assertThat(p.hostnameCheck())
        .get()
        .extracting(HostnameCheck::name)
        .isEqualTo("db.example.test");
  }

  @Test
  void tdsVersion80IsStrictToo() {
    ServerEntry e = entry("  tds version = 8.0\n");
    assertThat(TlsPolicy.forEntry(e).isStrict()).isTrue();
  }

  @Test
  void strictWithoutACaFromTheCallerStillMeansSystem() {
    ServerEntry e = entry("  encryption = require\n");
    TlsPolicy p = TlsPolicy.forEntry(e, true, null, SYSTEM);
    assertThat(p.validation()).isInstanceOf(Validation.SystemStore.class);
    assertThat(((Validation.SystemStore) p.validation()).source().describe())
        .contains("strict implies ca file = system");
  }

  @Test
  void caFileSystemIsCaseInsensitive() {
    assertThat(policy("  ca file = SYSTEM\n").validation())
        .isInstanceOf(Validation.SystemStore.class);
    assertThat(policy("  ca file = /etc/ca.pem\n").validation())
        .isEqualTo(
            new Validation.CaFile(
                Path.of("/etc/ca.pem"), entry("  ca file = /etc/ca.pem\n").source("ca_file")));
  }

  @Test
  void enableTlsV1AddsTls10And11OnTds7Only() {
    TlsPolicy p = policy("  enable tls v1 = yes\n");
    assertThat(p.versions())
        .containsExactly(TlsVersion.TLS_1_0, TlsVersion.TLS_1_1, TlsVersion.TLS_1_2);
    assertThat(p.needsLegacyTls()).isTrue();
    assertThat(p.enableTlsV1Source().describe()).contains("freetds.conf:4 [myserver]");
    TlsPolicy strict = policy("  enable tls v1 = yes\n  encryption = strict\n");
    assertThat(strict.versions()).containsExactly(TlsVersion.TLS_1_2, TlsVersion.TLS_1_3);
    assertThat(strict.needsLegacyTls()).isFalse();
  }

  @Test
  void theMaximumCanBeRaisedOrLowered() {
    TlsPolicy p = policy("");
    assertThat(p.withMaxVersion(TlsVersion.TLS_1_3).versions())
        .containsExactly(TlsVersion.TLS_1_2, TlsVersion.TLS_1_3);
    TlsPolicy legacy = policy("  enable tls v1 = yes\n");
    assertThat(legacy.withMaxVersion(TlsVersion.TLS_1_0).versions())
        .containsExactly(TlsVersion.TLS_1_0);
    assertThatThrownBy(() -> p.withMaxVersion(TlsVersion.TLS_1_1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("below the lowest");
  }

  @Test
  void theNameCheckedIsCertificateHostnameElseTheHostNeverTheSectionName() {
    TlsPolicy host = policy("  ca file = /ca.pem\n");
    assertThat(host.hostnameCheck())
        .get()
        .extracting(HostnameCheck::name)
        .isEqualTo("db.example.test");
    assertThat(host.hostnameCheck().get().directive()).isEqualTo("host");
    assertThat(host.hostnameCheck().get().describe())
        .isEqualTo("'db.example.test' (host, " + dir.resolve("freetds.conf") + ":2 [myserver])");
    TlsPolicy override = policy("  ca file = /ca.pem\n  certificate hostname = alias.example\n");
    assertThat(override.hostnameCheck().get().name()).isEqualTo("alias.example");
    assertThat(override.hostnameCheck().get().directive()).isEqualTo("certificate hostname");
    ServerEntry routed = entry("  ca file = /ca.pem\n");
    assertThat(
            TlsPolicy.forEntry(routed, false, "node2.example", SYSTEM).hostnameCheck().get().name())
        .isEqualTo("node2.example");
  }

  @Test
  void tdshostChangesTheNameChecked() {
    ServerEntry e =
        Conf.resolve(
            dir,
            "[myserver]\n  host = db.example.test\n  port = 1433\n  ca file = /ca.pem\n",
            "myserver",
            Map.of("TDSHOST", "other.example.test"));
    HostnameCheck check = TlsPolicy.forEntry(e).hostnameCheck().get();
    assertThat(check.name()).isEqualTo("other.example.test");
    assertThat(check.source().describe()).isEqualTo("$TDSHOST");
  }

  @Test
  void checkCertificateHostnameNoDisablesTheNameCheckEvenWhenStrict() {
    TlsPolicy p = policy("  encryption = strict\n  check certificate hostname = no\n");
    assertThat(p.hostnameCheck()).isEmpty();
    assertThat(p.hostnameNotCheckedReason())
        .get()
        .asString()
        .contains("check certificate hostname = no")
        .contains("freetds.conf:5 [myserver]");
  }

  @Test
  void theCrlFileAppliesWithACa() {
    TlsPolicy p = policy("  ca file = /ca.pem\n  crl file = /crl.pem\n");
    assertThat(p.crlFile()).contains(Path.of("/crl.pem"));
    assertThat(p.toString()).contains("crl=/crl.pem").contains("TLS 1.2");
    assertThat(List.of(p.crlSource().describe())).allMatch(s -> s.contains(":5 [myserver]"));
  }
}
