package io.jctds.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** FREETDS.md 4.6: TDS 8.0 and strict imply each other; strict implies ca file = system. */
class StrictTest {
  @TempDir Path tmp;
  ConfFixture f;

  @BeforeEach
  void setUp() {
    f = new ConfFixture(tmp);
  }

  @Test
  void strictImpliesTds80AndTheSystemCa() {
    Path conf = f.freetdsconf("[s]\nhost = 127.0.0.1\nport = 1\nencryption = strict\n");
    ServerEntry e = f.resolve("s");
    assertThat(e.tdsVersion()).isEqualTo(TdsVersion.V8_0);
    assertThat(e.caFile()).isEqualTo("system");
    assertThat(e.checkCertificateHostname()).as("not forced").isTrue();
    Source line = new Source.FileLine(conf, 4, "s");
    assertThat(e.source("encryption")).isEqualTo(line);
    assertThat(e.source("tds_version"))
        .isEqualTo(new Source.Derived("encryption = strict implies TDS 8.0", line));
    assertThat(e.source("ca_file"))
        .isEqualTo(new Source.Derived("strict implies ca file = system", line));
    assertThat(e.source("ca_file").label()).isEqualTo("file:" + conf + ":4");
  }

  @Test
  void tds80ImpliesStrict() {
    Path conf = f.freetdsconf("[s]\nhost = 127.0.0.1\nport = 1\ntds version = 8.0\n");
    ServerEntry e = f.resolve("s");
    assertThat(e.encryption()).isEqualTo(Encryption.STRICT);
    assertThat(e.caFile()).isEqualTo("system");
    assertThat(e.source("encryption").label()).isEqualTo("file:" + conf + ":4");
    assertThat(e.source("encryption").describe()).contains("tds version = 8.0 implies");
  }

  @Test
  void aConfiguredCaFileIsKeptAndTheHostnameCheckCanBeOff() {
    f.freetdsconf(
        "[s]\nhost = 127.0.0.1\nport = 1\nencryption = STRICT\nca file = /ca.pem\n"
            + "check certificate hostname = no\n");
    ServerEntry e = f.resolve("s");
    assertThat(e.caFile()).isEqualTo("/ca.pem");
    assertThat(e.checkCertificateHostname()).isFalse();
  }

  @Test
  void strictFromTheApplicationOrTdsver() {
    f.freetdsconf("[s]\nhost = 127.0.0.1\nport = 1\nencryption = off\n");
    ServerEntry app =
        f.resolve("s", ApplicationSettings.builder().encryption(Encryption.STRICT).build());
    assertThat(app.tdsVersion()).isEqualTo(TdsVersion.V8_0);
    assertThat(app.source("ca_file").label()).isEqualTo("app");
    f.env.put("TDSVER", "8.0");
    ServerEntry env = f.resolve("s");
    assertThat(env.encryption()).isEqualTo(Encryption.STRICT);
    assertThat(env.source("encryption").label()).isEqualTo("env:TDSVER");
  }

  @Test
  void noStrictNoChange() {
    f.freetdsconf("[s]\nhost = 127.0.0.1\nport = 1\nencryption = require\n");
    ServerEntry e = f.resolve("s");
    assertThat(e.tdsVersion()).isEqualTo(TdsVersion.AUTO);
    assertThat(e.caFile()).isNull();
  }
}
