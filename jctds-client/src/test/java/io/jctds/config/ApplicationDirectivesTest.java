package io.jctds.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Directives the application sets by name (the JDBC URL's freetds.conf properties): one more
 * section after the file's server section, so they replace the file's lines, lose to the
 * environment (FREETDS.md 3.2: TDSPORT / TDSHOST / TDSVER after the files) and to the application
 * fields, keep the file's value rules, and name their origin.
 */
class ApplicationDirectivesTest {
  private static final String SECTION =
      """
      [global]
      check certificate hostname = no
      [s]
      host = 127.0.0.1
      port = 1500
      encryption = request
      ca file = /file/ca.pem
      """;

  private static final String ORIGIN = "jdbc URL property caFile";

  @TempDir Path tmp;
  ConfFixture f;
  Path conf;

  @BeforeEach
  void setUp() {
    f = new ConfFixture(tmp);
    conf = f.freetdsconf(SECTION);
  }

  private static ApplicationSettings.Builder app() {
    return ApplicationSettings.builder();
  }

  @Test
  void aDirectiveReplacesTheFileAndNamesItsOrigin() {
    ServerEntry e =
        f.resolve(
            "s",
            app()
                .directive("ca file", "/url/ca.pem", ORIGIN)
                .directive("Check  Certificate Hostname", "yes", "jdbc URL property x")
                .build());
    assertThat(e.caFile()).isEqualTo("/url/ca.pem");
    assertThat(e.source("ca_file")).isEqualTo(new Source.Setting(ORIGIN));
    assertThat(e.source("ca_file").describe()).isEqualTo(ORIGIN);
    // [global] turned the check off; only a directive can turn it back on (the application field
    // can only turn it off, as in FreeTDS's tds_config_login)
    assertThat(e.checkCertificateHostname()).isTrue();
    // what the directives do not set, the file still decides
    assertThat(e.port()).isEqualTo(1500);
    assertThat(e.source("port")).isEqualTo(new Source.FileLine(conf, 5, "s"));
  }

  @Test
  void laterDirectivesWin() {
    ServerEntry e =
        f.resolve(
            "s",
            app()
                .directive("encryption", "off", "first")
                .directive("encryption", "strict", "second")
                .build());
    assertThat(e.encryption()).isEqualTo(Encryption.STRICT);
    assertThat(e.source("encryption").describe()).isEqualTo("second");
  }

  @Test
  void theEnvironmentAndApplicationFieldsStillWin() {
    f.env.put("TDSPORT", "1600");
    ServerEntry e =
        f.resolve(
            "s",
            app()
                .directive("port", "1700", "jdbc URL property x")
                .directive("tds version", "7.2", "jdbc URL property y")
                .tdsVersion(TdsVersion.V7_3)
                .build());
    assertThat(e.port()).isEqualTo(1600);
    assertThat(e.tdsVersion()).isEqualTo(TdsVersion.V7_3);
  }

  @Test
  void aDirectiveAppliesWhenNoFileDefinesTheName() {
    ServerEntry e =
        f.resolve(
            "127.0.0.1:1433",
            app().directive("certificate hostname", "db.example.test", "origin").build());
    assertThat(e.certificateHostname()).isEqualTo("db.example.test");
    assertThat(e.port()).isEqualTo(1433);
  }

  @Test
  void anInvalidValueInvalidatesTheConfigurationAndNamesTheOrigin() {
    assertThatThrownBy(
            () ->
                f.resolve(
                    "s",
                    app().directive("encryption", "maybe", "jdbc URL property encrypt").build()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("jdbc URL property encrypt")
        .hasMessageContaining("'encryption = maybe'")
        .hasMessageContaining("off, request, require, strict")
        .satisfies(x -> assertThat(((ConfigException) x).file()).isEmpty());
  }

  @Test
  void aBadNumberIsAWarningWithoutAFile() {
    ServerEntry e = f.resolve("s", app().directive("text size", "abc", "origin").build());
    assertThat(e.textSize()).isNull();
    assertThat(e.warnings())
        .anySatisfy(
            w -> {
              assertThat(w.directive()).isEqualTo("text size");
              assertThat(w.file()).isNull();
            });
  }

  @Test
  void aSectionHeaderIsNotADirective() {
    assertThatThrownBy(() -> app().directive("[s]", "", "origin"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("origin");
  }
}
