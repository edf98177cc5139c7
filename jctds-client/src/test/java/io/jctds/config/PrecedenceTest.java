package io.jctds.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** FREETDS.md 3.2 and 3.3: environment, application and file, db-lib's precedence. */
class PrecedenceTest {
  private static final String SECTION =
      """
      [s]
      host = 127.0.0.1
      port = 1500
      tds version = 7.3
      database = filedb
      language = deutsch
      client charset = ISO-8859-1
      encryption = require
      initial block size = 8192
      connect timeout = 7
      timeout = 9
      text size = 1000
      check certificate hostname = no
      read-only intent = yes
      use ntlmv2 = no
      enable tls v1 = yes
      instance = FILEINST
      """;

  @TempDir Path tmp;
  ConfFixture f;
  Path conf;

  @BeforeEach
  void setUp() {
    f = new ConfFixture(tmp);
    conf = f.freetdsconf(SECTION);
  }

  @Test
  void whatTheApplicationDoesNotSetTheFileDecides() {
    ServerEntry e = f.resolve("s", ApplicationSettings.builder().build());
    assertThat(e.port()).isEqualTo(1500);
    assertThat(e.tdsVersion()).isEqualTo(TdsVersion.V7_3);
    assertThat(e.encryption()).isEqualTo(Encryption.REQUIRE);
    assertThat(e.connectTimeout()).isEqualTo(7);
    assertThat(e.timeout()).isEqualTo(9);
    assertThat(e.source("port")).isEqualTo(new Source.FileLine(conf, 3, "s"));
  }

  @Test
  void whatTheApplicationSetsReplacesTheFile() {
    ApplicationSettings app =
        ApplicationSettings.builder()
            .port(2000)
            .tdsVersion(TdsVersion.V7_4)
            .database("appdb")
            .language("us_english")
            .clientCharset("UTF-8")
            .encryption(Encryption.OFF)
            .packetSize(16384)
            .connectTimeout(3)
            .timeout(4)
            .appName("app")
            .userName("user")
            .hostName("client-host")
            .useNtlmv2(true)
            .enableTlsV1(false)
            .build();
    ServerEntry e = f.resolve("s", app);
    assertThat(e.port()).isEqualTo(2000);
    assertThat(e.tdsVersion()).isEqualTo(TdsVersion.V7_4);
    assertThat(e.database()).isEqualTo("appdb");
    assertThat(e.language()).isEqualTo("us_english");
    assertThat(e.clientCharset()).isEqualTo("UTF-8");
    assertThat(e.encryption()).isEqualTo(Encryption.OFF);
    assertThat(e.initialBlockSize()).isEqualTo(16384);
    assertThat(e.connectTimeout()).isEqualTo(3);
    assertThat(e.timeout()).isEqualTo(4);
    assertThat(e.appName()).isEqualTo("app");
    assertThat(e.userName()).isEqualTo("user");
    assertThat(e.clientHostName()).isEqualTo("client-host");
    assertThat(e.useNtlmv2()).isTrue();
    assertThat(e.enableTlsV1()).isFalse();
    assertThat(e.textSize()).as("never from the application").isEqualTo(1000);
    assertThat(e.instance()).as("never from the application").isEqualTo("FILEINST");
    assertThat(e.source("port")).isEqualTo(Source.APPLICATION);
    assertThat(e.source("text_size")).isEqualTo(new Source.FileLine(conf, 12, "s"));
  }

  @Test
  void emptyOrZeroApplicationValuesDoNotReplace() {
    ApplicationSettings app =
        ApplicationSettings.builder()
            .port(0)
            .database("")
            .tdsVersion(TdsVersion.AUTO)
            .encryption(Encryption.DEFAULT)
            .timeout(0)
            .build();
    ServerEntry e = f.resolve("s", app);
    assertThat(e.port()).isEqualTo(1500);
    assertThat(e.database()).isEqualTo("filedb");
    assertThat(e.tdsVersion()).isEqualTo(TdsVersion.V7_3);
    assertThat(e.encryption()).isEqualTo(Encryption.REQUIRE);
    assertThat(e.timeout()).isEqualTo(9);
  }

  @Test
  void oneDirectionBooleans() {
    ServerEntry on =
        f.resolve(
            "s",
            ApplicationSettings.builder()
                .checkCertificateHostname(true)
                .readOnlyIntent(false)
                .build());
    assertThat(on.checkCertificateHostname()).as("the app can only turn it off").isFalse();
    assertThat(on.readOnlyIntent()).as("the app can only turn it on").isTrue();
    f.freetdsconf("[s]\nhost = 127.0.0.1\nport = 1\n");
    ServerEntry off =
        f.resolve(
            "s",
            ApplicationSettings.builder()
                .checkCertificateHostname(false)
                .readOnlyIntent(true)
                .build());
    assertThat(off.checkCertificateHostname()).isFalse();
    assertThat(off.readOnlyIntent()).isTrue();
    assertThat(off.source("read_only_intent")).isEqualTo(Source.APPLICATION);
  }

  @Test
  void ntlmv2AndTlsV1FollowTheApplicationWhenItSetsThem() {
    ServerEntry e =
        f.resolve("s", ApplicationSettings.builder().useNtlmv2(true).enableTlsV1(false).build());
    assertThat(e.useNtlmv2()).isTrue();
    assertThat(e.enableTlsV1()).isFalse();
    ServerEntry unset = f.resolve("s");
    assertThat(unset.useNtlmv2()).isFalse();
    assertThat(unset.enableTlsV1()).isTrue();
  }

  @Test
  void environmentBeatsTheApplicationAsInDbLib() {
    f.env.put("TDSVER", "7.1");
    f.env.put("TDSPORT", "3000");
    f.env.put("TDSHOST", "db.example.test");
    f.env.put("TDSDUMP", "/tmp/x.log");
    ApplicationSettings app =
        ApplicationSettings.builder().port(2000).tdsVersion(TdsVersion.V7_4).build();
    ServerEntry e = f.resolve("s", app);
    assertThat(e.tdsVersion()).isEqualTo(TdsVersion.V7_1);
    assertThat(e.port()).isEqualTo(3000);
    assertThat(e.instance()).as("TDSPORT clears the instance").isNull();
    assertThat(e.host()).isEqualTo("db.example.test");
    assertThat(e.addresses()).extracting(a -> a.getHostAddress()).containsExactly("192.0.2.10");
    assertThat(e.dumpFile()).isEqualTo("/tmp/x.log");
    assertThat(e.source("tds_version").label()).isEqualTo("env:TDSVER");
    assertThat(e.source("port").label()).isEqualTo("env:TDSPORT");
    assertThat(e.source("host").label()).isEqualTo("env:TDSHOST");
    assertThat(e.source("dump_file").label()).isEqualTo("env:TDSDUMP");
  }

  @Test
  void badEnvironmentValuesAreIgnoredWithWarnings() {
    f.env.put("TDSVER", "AUTO");
    f.env.put("TDSHOST", "nowhere.test");
    ServerEntry e = f.resolve("s");
    assertThat(e.tdsVersion()).isEqualTo(TdsVersion.V7_3);
    assertThat(e.host()).isEqualTo("127.0.0.1");
    assertThat(e.warnings())
        .anySatisfy(w -> assertThat(w.message()).contains("$TDSVER", "AUTO"))
        .anySatisfy(w -> assertThat(w.message()).contains("$TDSHOST", "nowhere.test"));
  }

  @Test
  void tdsportAcceptsServiceNamesAndAnEmptyTdsdumpUsesThePidFile() {
    f.env.put("TDSPORT", "ms-sql-s");
    f.env.put("TDSDUMP", "");
    ServerEntry e = f.resolve("s");
    assertThat(e.port()).isEqualTo(1433);
    assertThat(e.dumpFile()).isEqualTo("/tmp/freetds.log." + ProcessHandle.current().pid());
  }

  @Test
  void theApplicationsInstanceIsRequestedThroughTheName() {
    f.freetdsconf("[global]\nport = 1500\n[s]\nhost = 127.0.0.1\n");
    ServerEntry e = f.resolve("s", ApplicationSettings.builder().instance("SQLEXPRESS").build());
    assertThat(e.instance()).isEqualTo("SQLEXPRESS");
    assertThat(e.port()).isNull();
    assertThat(e.serverName()).isEqualTo("s");
    ServerEntry both =
        f.resolve("s", ApplicationSettings.builder().instance("SQLEXPRESS").port(1600).build());
    assertThat(both.port()).isEqualTo(1600);
    assertThat(both.warnings()).anySatisfy(w -> assertThat(w.message()).contains("not looked up"));
  }

  @Test
  void anInstanceInBothNameAndSettingsIsRejected() {
    ApplicationSettings app = ApplicationSettings.builder().instance("B").build();
    assertThatThrownBy(() -> f.resolve("s\\A", app))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("s\\A");
  }

  @Test
  void thePortInTheNameBeatsTheApplicationsPort() {
    ServerEntry e = f.resolve("s:1700", ApplicationSettings.builder().port(2000).build());
    assertThat(e.port()).isEqualTo(1700);
  }
}
