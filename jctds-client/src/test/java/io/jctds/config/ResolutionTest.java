package io.jctds.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** FREETDS.md 1.3 to 1.6: sections, layering, invalid configurations and name resolution. */
class ResolutionTest {
  @TempDir Path tmp;
  ConfFixture f;

  @BeforeEach
  void setUp() {
    f = new ConfFixture(tmp);
  }

  /** FreeTDS reads freetds.conf at every connection: an edit counts at the next resolution. */
  @Test
  void anEditedFileCountsAtTheNextResolution() throws Exception {
    Path file = f.freetdsconf("[s]\nhost = 127.0.0.1\nport = 1\n");
    java.nio.file.attribute.FileTime old =
        java.nio.file.attribute.FileTime.from(java.time.Instant.now().minusSeconds(3600));
    java.nio.file.Files.setLastModifiedTime(file, old);
    assertThat(f.resolve("s").port()).isEqualTo(1);
    assertThat(f.resolve("s").port()).isEqualTo(1);
    f.freetdsconf("[s]\nhost = 127.0.0.1\nport = 2\n"); // same size, just now
    assertThat(f.resolve("s").port()).isEqualTo(2);
  }

  @Test
  void sectionNamesAreCaseInsensitive() {
    f.freetdsconf("[MyServer]\nhost = 127.0.0.1\nport = 1\n[GLOBAL]\ndatabase = g\n");
    ServerEntry e = f.resolve("MYSERVER");
    assertThat(e.port()).isEqualTo(1);
    assertThat(e.database()).isEqualTo("g");
    assertThat(e.serverName()).isEqualTo("MYSERVER");
  }

  @Test
  void aHeaderWithSpacesInsideTheBracketsDoesNotMatch() {
    f.freetdsconf("[ s ]\nhost = 127.0.0.1\nport = 1\n");
    ServerEntry e = f.resolve("s");
    assertThat(e.configFile()).isNull();
    assertThat(e.port()).isEqualTo(1433);
  }

  @Test
  void everyMatchingSectionIsAppliedInOrderAndOverridesGlobalWhereverItIs() {
    Path conf =
        f.freetdsconf(
            "port = 7\n[dup]\nhost = 127.0.0.1\nport = 59902\ntds version = 7.2\n"
                + "[global]\ntds version = 7.1\nport = 5\n[dup]\nport = 59904\n");
    ServerEntry e = f.resolve("dup");
    assertThat(e.port()).isEqualTo(59904);
    assertThat(e.tdsVersion()).isEqualTo(TdsVersion.V7_2);
    assertThat(e.source("port")).isEqualTo(new Source.FileLine(conf, 10, "dup"));
    assertThat(e.configFile()).isEqualTo(conf);
    assertThat(e.source("config_file")).isEqualTo(new Source.FileLine(conf, 2, "dup"));
  }

  @Test
  void globalsOfEveryFileReadBeforeTheDefiningFileStackUp() {
    f.freetdsconf("[global]\ntds version = 7.3\nencryption = request\ntext size = 5\n");
    Path system = f.system("[global]\ntds version = auto\n[x]\nhost = 127.0.0.1\nport = 1\n");
    ServerEntry e = f.resolve("x");
    assertThat(e.tdsVersion()).as("the later file's [global] wins").isEqualTo(TdsVersion.AUTO);
    assertThat(e.encryption())
        .as("the first file's [global] leaks in")
        .isEqualTo(Encryption.REQUEST);
    assertThat(e.textSize()).isEqualTo(5);
    assertThat(e.configFile()).isEqualTo(system);
  }

  @Test
  void filesAfterTheDefiningFileAreNotRead() {
    f.freetdsconf("[x]\nhost = 127.0.0.1\nport = 1\n");
    f.system("[global]\ntext size = 777\nencryption = require\n");
    ServerEntry e = f.resolve("x");
    assertThat(e.textSize()).isNull();
    assertThat(e.encryption()).isEqualTo(Encryption.DEFAULT);
  }

  @Test
  void aNameWithPortMakesAFirstPassThatAppliesEveryGlobal() {
    f.freetdsconf("[srv]\nhost = 127.0.0.1\nport = 1500\ninstance = I\n");
    f.system("[global]\ntext size = 777\nencryption = require\n");
    ServerEntry e = f.resolve("srv:1600");
    assertThat(e.textSize()).isEqualTo(777);
    assertThat(e.encryption()).isEqualTo(Encryption.REQUIRE);
    assertThat(e.port()).as("the name's port overrides the section").isEqualTo(1600);
    assertThat(e.instance()).isNull();
    assertThat(e.serverName()).isEqualTo("srv");
    assertThat(e.source("port")).isEqualTo(Source.APPLICATION);
    assertThat(f.resolve("srv").textSize()).isNull();
  }

  @Test
  void aNameWithInstanceClearsThePort() {
    f.freetdsconf("[global]\nport = 1500\n[srv]\nhost = 127.0.0.1\n");
    ServerEntry e = f.resolve("srv\\SQLEXPRESS");
    assertThat(e.instance()).isEqualTo("SQLEXPRESS");
    assertThat(e.port()).isNull();
    assertThat(e.host()).isEqualTo("127.0.0.1");
    assertThat(e.connectProblem()).isEmpty();
  }

  @Test
  void hostColonPortAndBracketedIpv6ResolveAsHosts() {
    f.freetdsconf("[global]\nport = 1500\n");
    ServerEntry v4 = f.resolve("127.0.0.1:59911");
    assertThat(v4.serverName()).isEqualTo("127.0.0.1");
    assertThat(v4.host()).isEqualTo("127.0.0.1");
    assertThat(v4.port()).isEqualTo(59911);
    ServerEntry v6 = f.resolve("[::1]:59912");
    assertThat(v6.host()).isEqualTo("::1");
    assertThat(v6.serverName()).isEqualTo("::1");
    assertThat(v6.port()).isEqualTo(59912);
    assertThat(v6.source("host").label()).isEqualTo("app");
  }

  @Test
  void aNameThatIsNoSectionIsAHostWithTheGlobalPort() {
    f.freetdsconf("[global]\nport = 1500\n");
    ServerEntry e = f.resolve("127.0.0.1");
    assertThat(e.port()).isEqualTo(1500);
    assertThat(e.host()).isEqualTo("127.0.0.1");
    assertThat(e.configFile()).isNull();
  }

  @Test
  void aNameThatIsNoSectionGets1433OrTdsport() {
    f.freetdsconf("[other]\nport = 5\n");
    ServerEntry e = f.resolve("db.example.test");
    assertThat(e.port()).isEqualTo(1433);
    assertThat(e.source("port").label()).isEqualTo("default");
    assertThat(e.host()).isEqualTo("db.example.test");
    f.env.put("TDSPORT", "ms-sql-s");
    assertThat(f.resolve("db.example.test").port()).isEqualTo(1433);
    f.env.put("TDSPORT", "2000");
    ServerEntry env = f.resolve("db.example.test");
    assertThat(env.port()).isEqualTo(2000);
    assertThat(env.source("port")).isEqualTo(new Source.Environment("TDSPORT"));
  }

  @Test
  void aSectionWithHostButNoPortEndsWithNoPort() {
    f.freetdsconf("[s]\nhost = 127.0.0.1\n");
    ServerEntry e = f.resolve("s");
    assertThat(e.port()).isNull();
    assertThat(e.connectProblem())
        .hasValueSatisfying(p -> assertThat(p).contains("no port", "20009"));
    assertThat(e.warnings()).anySatisfy(w -> assertThat(w.message()).contains("no port"));
    assertThat(e.toJson()).contains("\"port\": null");
  }

  @Test
  void aGlobalPortSilentlyDisablesTheInstance() {
    f.freetdsconf("[global]\nport = 1500\n[other]\nhost = 127.0.0.1\ninstance = SQLEXPRESS\n");
    ServerEntry e = f.resolve("other");
    assertThat(e.port()).isEqualTo(1500);
    assertThat(e.instance()).isEqualTo("SQLEXPRESS");
    assertThat(e.warnings())
        .anySatisfy(w -> assertThat(w.message()).contains("not looked up", "1500"))
        .noneSatisfy(w -> assertThat(w.message()).contains("both"));
  }

  @Test
  void portAndInstanceInOneSectionAreReported() {
    f.freetdsconf("[s]\nhost = 127.0.0.1\nport = 1\ninstance = I\n");
    assertThat(f.resolve("s").warnings())
        .anySatisfy(w -> assertThat(w.message()).contains("both port 1 and instance I"));
  }

  @Test
  void anUnknownNameThatDoesNotResolveHasNoAddress() {
    f.freetdsconf("[global]\n");
    ServerEntry e = f.resolve("nowhere.test");
    assertThat(e.addresses()).isEmpty();
    assertThat(e.host()).isNull();
    assertThat(e.connectProblem())
        .hasValueSatisfying(p -> assertThat(p).contains("nowhere.test", "20012"));
  }

  @Test
  void anInvalidConfigurationCountsAsNotFoundAndTheSearchGoesOn() throws Exception {
    Path conf =
        f.freetdsconf("[badbool]\nhost = 127.0.0.1\nport = 59905\nread-only intent = maybe\n");
    f.system("[global]\ntds version = 7.1\n");
    f.env.put("TDSDUMPCONFIG", tmp.resolve("dump.txt").toString());
    assertThatThrownBy(() -> f.resolve("badbool"))
        .isInstanceOfSatisfying(
            ConfigException.class,
            ex -> {
              assertThat(ex.file()).contains(conf);
              assertThat(ex.line()).isEqualTo(4);
            });
    String dump = Files.readString(tmp.resolve("dump.txt"));
    assertThat(dump)
        .contains("[badbool] not found.")
        .contains("Could not open")
        .as("settings parsed before the error survive")
        .contains("port = 59905", "server_host_name = 127.0.0.1", "major_version = 7")
        .contains("minor_version = 1");
  }

  @Test
  void anErrorInAnEarlierGlobalInvalidatesAFoundSection() {
    Path conf = f.freetdsconf("[global]\nuse utf-16 = 1\n");
    f.system("[s]\nhost = 127.0.0.1\nport = 1\n");
    assertThatThrownBy(() -> f.resolve("s"))
        .isInstanceOfSatisfying(
            ConfigException.class,
            ex -> {
              assertThat(ex.file()).contains(conf);
              assertThat(ex.section()).contains("global");
            });
  }

  @Test
  void theFirstErrorIsReported() {
    f.freetdsconf("[s]\nhost = 127.0.0.1\nencryption = never\nuse ntlmv2 = 0\n");
    assertThatThrownBy(() -> f.resolve("s"))
        .isInstanceOfSatisfying(
            ConfigException.class, ex -> assertThat(ex.directive()).contains("encryption"));
  }

  @Test
  void interfacesFileFallbackFromSybase() throws Exception {
    Path sybase = tmp.resolve("sybase");
    Path interfaces =
        f.file(
            "sybase/interfaces",
            "# c\nother\n\tquery tcp ether 127.0.0.2 1\nmysyb extra\n"
                + "\tmaster tcp ether 1.2.3.4 5\n\tquery tcp 7.2 127.0.0.1 65531\n");
    f.env.put("SYBASE", sybase.toString());
    ServerEntry e = f.resolve("mysyb");
    assertThat(e.host()).isEqualTo("127.0.0.1");
    assertThat(e.port()).isEqualTo(65531);
    assertThat(e.tdsVersion()).isEqualTo(TdsVersion.V7_2);
    assertThat(e.configFile()).isEqualTo(interfaces);
    assertThat(e.source("port")).isEqualTo(new Source.FileLine(interfaces, 6, "mysyb"));
    assertThat(f.resolve("MYSYB").configFile()).as("case-sensitive").isNull();
  }

  @Test
  void interfacesFromHomeTheExplicitFileAndTli() {
    f.file("home/.interfaces", "h\n\tquery tcp ether 127.0.0.1 ms-sql-s\n");
    assertThat(f.resolve("h").port()).isEqualTo(1433);
    f.explicitFile = f.file("explicit", "t\n\tquery tli tcp /dev/tcp \\x0002ffeb7f000001\n");
    ServerEntry e = f.resolve("t");
    assertThat(e.host()).isEqualTo("127.0.0.1");
    assertThat(e.port()).isEqualTo(65515);
  }

  @Test
  void interfacesInTheDefaultDirectory() {
    f.file("interfaces-dir/interfaces", "d\n\tquery tcp 7.4 127.0.0.1 4000\n");
    assertThat(f.resolve("d").port()).isEqualTo(4000);
  }

  @Test
  void theDefaultNameComesFromTdsqueryDsqueryOrSybase() {
    f.freetdsconf("[a]\nport=1\n[b]\nport=2\n[sybase]\nport=3\n");
    assertThat(f.resolve(null).port()).isEqualTo(3);
    f.env.put("DSQUERY", "b");
    assertThat(f.resolve(null).port()).isEqualTo(2);
    f.env.put("TDSQUERY", "a");
    ServerEntry e = f.resolve(null);
    assertThat(e.port()).isEqualTo(1);
    assertThat(e.serverName()).isEqualTo("a");
    assertThat(e.source("server_name")).isEqualTo(new Source.Environment("TDSQUERY"));
  }

  @Test
  void linesBeforeTheFirstHeaderBelongToNoSection() {
    f.freetdsconf("database = stray\nport = 7\n[s]\nhost = 127.0.0.1\nport = 1\n");
    ServerEntry e = f.resolve("s");
    assertThat(e.database()).isNull();
    assertThat(e.port()).isEqualTo(1);
  }

  @Test
  void sourcesCoverDirectivesOutsideTheJson() {
    Path conf = f.freetdsconf("[s]\nhost = 127.0.0.1\nport = 1\nopenssl ciphers = HIGH\n");
    ServerEntry e = f.resolve("s");
    assertThat(e.sources())
        .containsEntry("openssl_ciphers", new Source.FileLine(conf, 4, "s"))
        .containsEntry("language", Source.DEFAULT)
        .containsKeys(ServerEntry.KEYS.toArray(String[]::new));
  }

  @Test
  void aMissingFileIsSkipped() {
    f.env.put("FREETDSCONF", tmp.resolve("missing.conf").toString());
    f.system("[s]\nhost=127.0.0.1\nport=9\n");
    assertThat(f.resolve("s").port()).isEqualTo(9);
  }
}
