package io.jctds.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** FREETDS.md 1.2 and 2.1: every directive with FreeTDS 1.5's value rules. */
class DirectivesTest {
  @TempDir Path tmp;
  ConfFixture f;
  Path conf;

  @BeforeEach
  void setUp() {
    f = new ConfFixture(tmp);
  }

  /** Resolves server "s" whose section is {@code body} (line 1 is the header). */
  private ServerEntry entry(String body) {
    conf = f.freetdsconf("[s]\n" + body);
    return f.resolve("s");
  }

  @Test
  void stringDirectivesAreStoredVerbatim() {
    ServerEntry e =
        entry(
            """
            host = 127.0.0.1
            port = 1433
            ca file = /etc/ca.pem
            crl file = /etc/crl.pem
            certificate hostname = DB.Example.Test
            database = My Db
            database filename = /data/x.mdf
            language = Français
            client charset = UTF-8
            charset = iso_1
            instance = SQLEXPRESS
            realm = EXAMPLE.TEST
            spn = MSSQLSvc/db:1433
            openssl ciphers = HIGH:!aNULL
            dump file = /tmp/freetds.log
            asa database = asadb
            """);
    assertThat(e.caFile()).isEqualTo("/etc/ca.pem");
    assertThat(e.crlFile()).isEqualTo("/etc/crl.pem");
    assertThat(e.certificateHostname()).isEqualTo("DB.Example.Test");
    assertThat(e.database()).isEqualTo("My Db");
    assertThat(e.databaseFilename()).isEqualTo("/data/x.mdf");
    assertThat(e.language()).isEqualTo("Français");
    assertThat(e.clientCharset()).isEqualTo("UTF-8");
    assertThat(e.serverCharset()).isEqualTo("iso_1");
    assertThat(e.instance()).isEqualTo("SQLEXPRESS");
    assertThat(e.realm()).isEqualTo("EXAMPLE.TEST");
    assertThat(e.spn()).isEqualTo("MSSQLSvc/db:1433");
    assertThat(e.opensslCiphers()).isEqualTo("HIGH:!aNULL");
    assertThat(e.dumpFile()).isEqualTo("/tmp/freetds.log");
    assertThat(e.asaDatabase()).isEqualTo("asadb");
    assertThat(e.serverName()).as("the application's name overwrites asa database").isEqualTo("s");
    assertThat(e.source("database")).isEqualTo(new Source.FileLine(conf, 7, "s"));
  }

  @Test
  void opensslCiphersIsKeptAndReportedAsNotApplied() {
    ServerEntry e = entry("host = 127.0.0.1\nport = 1\nopenssl ciphers = DEFAULT:@SECLEVEL=0\n");
    assertThat(e.opensslCiphers()).isEqualTo("DEFAULT:@SECLEVEL=0");
    assertThat(e.warnings())
        .anySatisfy(w -> assertThat(w.message()).contains("openssl ciphers", "not applied"));
  }

  @Test
  void emptyValueClearsAStringFromGlobal() {
    f.freetdsconf("[global]\nca file = /x.pem\ndump file = /tmp/d\n[s]\nca file =\ndump file =\n");
    ServerEntry e = f.resolve("s");
    assertThat(e.caFile()).isNull();
    assertThat(e.dumpFile()).isNull();
    assertThat(e.source("ca_file")).isInstanceOf(Source.FileLine.class);
  }

  @Test
  void defaultsOfAFreshLogin() {
    ServerEntry e = entry("host = 127.0.0.1\nport = 1433\n");
    assertThat(e.tdsVersion()).isEqualTo(TdsVersion.AUTO);
    assertThat(e.encryption()).isEqualTo(Encryption.DEFAULT);
    assertThat(e.checkCertificateHostname()).isTrue();
    assertThat(e.enableTlsV1()).isFalse();
    assertThat(e.useNtlmv2()).isTrue();
    assertThat(e.useUtf16()).isTrue();
    assertThat(e.readOnlyIntent()).isFalse();
    assertThat(e.language()).isEqualTo("us_english");
    assertThat(e.clientCharset()).isNotEmpty();
    assertThat(e.timeout()).isNull();
    assertThat(e.connectTimeout()).isNull();
    assertThat(e.textSize()).isNull();
    assertThat(e.initialBlockSize()).isNull();
    assertThat(e.caFile()).isNull();
    assertThat(e.dumpFile()).isNull();
    assertThat(e.source("language")).isEqualTo(Source.DEFAULT);
  }

  @ParameterizedTest
  @CsvSource({
    "yes,true", "no,false", "on,true", "off,false", "true,true", "false,false",
    "YES,true", "No,false", "oN,true", "OFF,false", "TRUE,true", "False,false"
  })
  void booleansAcceptExactlySixWordsInAnyCase(String word, boolean expected) {
    ServerEntry e =
        entry(
            "host = 127.0.0.1\nport = 1\nread-only intent = "
                + word
                + "\ncheck certificate hostname = "
                + word
                + "\nenable tls v1 = "
                + word
                + "\nuse ntlmv2 = "
                + word
                + "\nuse utf-16 = "
                + word
                + "\nuse lanman = "
                + word
                + "\nenable gssapi delegation = "
                + word
                + "\nmutual authentication = "
                + word
                + "\ndump file append = "
                + word
                + "\n");
    assertThat(e.readOnlyIntent()).isEqualTo(expected);
    assertThat(e.checkCertificateHostname()).isEqualTo(expected);
    assertThat(e.enableTlsV1()).isEqualTo(expected);
    assertThat(e.enableTlsV1Specified()).isTrue();
    assertThat(e.useNtlmv2()).isEqualTo(expected);
    assertThat(e.useNtlmv2Specified()).isTrue();
    assertThat(e.useUtf16()).isEqualTo(expected);
    assertThat(e.useLanman()).isEqualTo(expected);
    assertThat(e.gssapiDelegation()).isEqualTo(expected);
    assertThat(e.mutualAuthentication()).isEqualTo(expected);
    assertThat(e.dumpFileAppend()).isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "read-only intent",
        "check certificate hostname",
        "enable tls v1",
        "use ntlmv2",
        "use utf-16",
        "use lanman",
        "enable gssapi delegation",
        "mutual authentication",
        "dump file append",
        "swap broken dates",
        "emulate little endian"
      })
  void anInvalidBooleanMakesTheConfigurationInvalid(String key) {
    assertThatThrownBy(() -> entry("host = 127.0.0.1\nport = 1\n" + key + " = 1\n"))
        .isInstanceOfSatisfying(
            ConfigException.class,
            ex -> {
              assertThat(ex.file()).contains(conf);
              assertThat(ex.line()).isEqualTo(4);
              assertThat(ex.section()).contains("s");
              assertThat(ex.directive()).contains(key);
              assertThat(ex.badValue()).contains("1");
              assertThat(ex.acceptedValues())
                  .containsExactly("yes", "no", "on", "off", "true", "false");
              assertThat(ex.getMessage())
                  .contains(conf + ":4", "[s]", key + " = 1", "yes, no, on, off, true, false")
                  .contains("20214", "Fix or remove the line");
            });
  }

  @Test
  void obsoleteBooleansAreIgnoredWithAWarning() {
    ServerEntry e = entry("host = 127.0.0.1\nport = 1\nswap broken dates = no\n");
    assertThat(e.warnings()).anySatisfy(w -> assertThat(w.message()).contains("obsolete"));
  }

  @ParameterizedTest
  @CsvSource({"off,OFF", "REQUEST,REQUEST", "Require,REQUIRE", "strict,STRICT"})
  void encryptionIsCaseInsensitive(String value, Encryption expected) {
    assertThat(entry("host = 127.0.0.1\nport = 1\nencryption = " + value + "\n").encryption())
        .isEqualTo(expected);
  }

  @Test
  void anInvalidEncryptionListsTheAcceptedValues() {
    assertThatThrownBy(() -> entry("host = 127.0.0.1\nport = 1\nencryption = yes\n"))
        .isInstanceOfSatisfying(
            ConfigException.class,
            ex -> {
              assertThat(ex.directive()).contains("encryption");
              assertThat(ex.badValue()).contains("yes");
              assertThat(ex.acceptedValues())
                  .containsExactly("off", "request", "require", "strict");
              assertThat(ex.getMessage()).contains("off, request, require, strict", ":4");
            });
  }

  @ParameterizedTest
  @CsvSource({
    "0,AUTO",
    "auto,AUTO",
    "4.2,V4_2",
    "50,V5_0",
    "5.0,V5_0",
    "70,V7_0",
    "7.0,V7_0",
    "7.1,V7_1",
    "7.2,V7_2",
    "7.3,V7_3",
    "7.4,V7_4",
    "8.0,V8_0"
  })
  void everyTdsVersionSpelling(String value, TdsVersion expected) {
    assertThat(TdsVersion.parse(value)).contains(expected);
    f.freetdsconf("[s]\nhost = 127.0.0.1\nport = 1\ntds version = 7.2\ntds version = " + value);
    assertThat(f.resolve("s").tdsVersion()).isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(strings = {"AUTO", "Auto", "4.6", "7.5", "7", "8", "bogus", ""})
  void anInvalidTdsVersionIsIgnoredWithAWarning(String value) {
    ServerEntry e = entry("host = 127.0.0.1\nport = 1\ntds version = 7.2\ntds version = " + value);
    assertThat(e.tdsVersion()).isEqualTo(TdsVersion.V7_2);
    assertThat(e.source("tds_version")).isEqualTo(new Source.FileLine(conf, 4, "s"));
    assertThat(e.warnings())
        .anySatisfy(
            w -> {
              assertThat(w.file()).isEqualTo(conf);
              assertThat(w.line()).isEqualTo(5);
              assertThat(w.message()).contains("tds version", "ignored", "7.4");
            });
  }

  @Test
  void integersUseAtoiAndIgnoreZero() {
    ServerEntry e =
        entry(
            """
            host = 127.0.0.1
            port = 12abc
            connect timeout = 2x
            timeout = 15
            timeout = 0
            text size = 12 34
            """);
    assertThat(e.port()).isEqualTo(12);
    assertThat(e.connectTimeout()).isEqualTo(2);
    assertThat(e.timeout()).as("0 keeps the previous value").isEqualTo(15);
    assertThat(e.textSize()).isEqualTo(12);
    assertThat(e.source("timeout")).isEqualTo(new Source.FileLine(conf, 5, "s"));
    assertThat(e.warnings()).extracting(ConfigWarning::line).contains(3, 4, 6, 7).doesNotContain(5);
  }

  @Test
  void queryTimeoutIsAnAliasAndNegativesPassAsIn15() {
    ServerEntry e = entry("host = 127.0.0.1\nport = -5\nquery timeout = -3\n");
    assertThat(e.timeout()).isEqualTo(-3);
    assertThat(e.port()).isEqualTo(-5);
  }

  @Test
  void aNonNumberIsIgnoredAndTheEarlierValueKept() {
    ServerEntry e = entry("host = 127.0.0.1\nport = 1500\nport = abc\n");
    assertThat(e.port()).isEqualTo(1500);
    assertThat(e.warnings()).anySatisfy(w -> assertThat(w.toString()).contains(":4:", "port"));
  }

  @ParameterizedTest
  @CsvSource({"511,", "512,512", "4096,4096", "65535,65535", "65536,", "-1,", "abc,"})
  void initialBlockSizeIsKeptOnlyFrom512To65535(String value, Integer expected) {
    assertThat(entry("host=127.0.0.1\nport=1\ninitial block size = " + value).initialBlockSize())
        .isEqualTo(expected);
  }

  @Test
  void debugFlagsUseStrtolBaseZero() {
    assertThat(entry("host=127.0.0.1\nport=1\ndebug flags = 0x4fff\n").debugFlags())
        .isEqualTo(0x4fff);
    assertThat(entry("host=127.0.0.1\nport=1\ndebug flags = 010\n").debugFlags()).isEqualTo(8);
    assertThat(entry("host=127.0.0.1\nport=1\ndebug flags=7\ndebug flags=7x\n").debugFlags())
        .isEqualTo(7);
  }

  @Test
  void hostIsResolvedWhileParsingAndEveryAddressKept() throws Exception {
    f.host("multi.example.test", "192.0.2.1", "2001:db8::1");
    ServerEntry e = entry("host = multi.example.test\nport = 1\n");
    assertThat(e.host()).isEqualTo("multi.example.test");
    assertThat(e.addresses())
        .containsExactly(InetAddress.getByName("192.0.2.1"), InetAddress.getByName("2001:db8::1"));
  }

  @Test
  void anUnresolvableHostIsIgnoredWithAWarningAndTheEarlierHostKept() {
    ServerEntry e = entry("host = 127.0.0.1\nhost = no.such.host.test\nport = 1\n");
    assertThat(e.host()).isEqualTo("127.0.0.1");
    assertThat(e.addresses()).hasSize(1);
    assertThat(e.warnings())
        .anySatisfy(
            w -> {
              assertThat(w.line()).isEqualTo(3);
              assertThat(w.message()).contains("no.such.host.test", "does not resolve");
            });
  }

  @Test
  void unknownKeysAreIgnoredWithAWarning() {
    ServerEntry e = entry("host = 127.0.0.1\nport = 1\nhostname = x\nenable tls v1.1 = yes\n");
    assertThat(e.warnings())
        .anySatisfy(w -> assertThat(w.message()).contains("'hostname'", "did you mean 'host'"))
        .anySatisfy(w -> assertThat(w.message()).contains("'enable tls v1.1'", "master only"));
  }

  @Test
  void theLastValidDuplicateWins() {
    ServerEntry e =
        entry("host = 127.0.0.1\nport = 59902\nport = 59903\ndatabase = a\ndatabase = b\n");
    assertThat(e.port()).isEqualTo(59903);
    assertThat(e.database()).isEqualTo("b");
    assertThat(e.source("port")).isEqualTo(new Source.FileLine(conf, 4, "s"));
  }
}
