package io.jctds.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jctds.testkit.Precondition;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code jctds config} run in-process. The command reads the real environment, so every case uses
 * an explicit {@code --file} that defines the server (it is read first and ends the search).
 */
class ConfigCommandTest {
  @TempDir Path tmp;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @RegisterExtension
  static final Precondition ENVIRONMENT =
      Precondition.unsetEnvironment("TDSVER", "TDSPORT", "TDSHOST", "TDSDUMP", "TDSDUMPCONFIG");

  private int run(String... args) {
    CommandLine cl = Main.newCommandLine();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    return cl.execute(args);
  }

  private Path conf(String text) throws Exception {
    return Files.writeString(tmp.resolve("freetds.conf"), text);
  }

  @Test
  void jsonOfAResolvedServer() throws Exception {
    Path f =
        conf(
            "[global]\ntext size = 1000\n[MyServer]\nhost = 127.0.0.1\nport = 59901\n"
                + "encryption = strict\n");
    int code = run("config", "--server", "myserver", "--file", f.toString(), "--json");
    assertThat(code).isZero();
    assertThat(err.toString()).isEmpty();
    assertThat(out.toString())
        .startsWith("{\n")
        .contains("\"server_name\": \"myserver\"")
        .contains("\"host\": \"127.0.0.1\"")
        .contains("\"port\": 59901")
        .contains("\"tds_version\": \"8.0\"")
        .contains("\"encryption\": \"strict\"")
        .contains("\"ca_file\": \"system\"")
        .contains("\"text_size\": 1000")
        .contains("\"config_file\": \"" + f + "\"")
        .contains("\"port\": \"file:" + f + ":5\"")
        .contains("\"ca_file\": \"file:" + f + ":6\"");
  }

  @Test
  void readableListingWithSourcesAndWarnings() throws Exception {
    Path f = conf("[s]\nhost = 127.0.0.1\nfoo = bar\n");
    int code = run("config", "-S", "s", "-I", f.toString());
    assertThat(code).isZero();
    assertThat(out.toString())
        .containsPattern(
            "host += 127\\.0\\.0\\.1 +\\(" + java.util.regex.Pattern.quote(f + ":2 [s]"))
        .containsPattern("port += \\(unset\\)")
        .contains("cannot connect: no port")
        .contains("warnings:")
        .contains(f + ":3: unknown directive 'foo'");
  }

  @Test
  void anInvalidConfigurationExitsWith2AndSaysWhereAndWhat() throws Exception {
    Path f = conf("[s]\nhost = 127.0.0.1\nport = 1\nread-only intent = 1\n");
    int code = run("config", "--server", "s", "--file", f.toString(), "--json");
    assertThat(code).isEqualTo(ExitCodes.USAGE_CONFIG_OR_CONNECTION);
    assertThat(out.toString()).isEmpty();
    assertThat(err.toString())
        .startsWith("jctds: ")
        .contains(f + ":4", "[s]", "read-only intent = 1", "yes, no, on, off, true, false")
        .contains("20214");
  }

  @Test
  void settingsListTheSearchedFilesTrustStoreAndTls() throws Exception {
    Path f = conf("");
    int code = run("config", "-C", "--file", f.toString());
    assertThat(code).isZero();
    String text = out.toString();
    assertThat(text)
        .startsWith("Compile-time settings")
        .contains("Version: jctds ")
        .contains("Config file 1: " + f + " (set programmatically): found")
        .contains("(default): ")
        .contains("System trust store: ")
        // FreeTDS configs.h: FREETDS_LOCALECONFFILE is sysconfdir/locales.conf; Debian's
        // sysconfdir is /etc/freetds (tsql -C, FREETDS.md 5.2)
        .contains("locales.conf: /etc/freetds/locales.conf: ")
        .contains("TLS provider: ")
        .contains("TLS protocols enabled: ")
        .contains("TDS versions: 7.1, 7.2, 7.3, 7.4, 8.0")
        .contains("Default encryption: default");
    assertThat(text.lines().skip(1)).allSatisfy(l -> assertThat(l).matches(" *[^:]+: .*"));
  }

  @Test
  void eitherSettingsOrAServer() {
    assertThat(run("config")).isEqualTo(2);
    assertThat(err.toString()).contains("Give either -C or --server NAME");
    assertThat(run("config", "-C", "--server", "x")).isEqualTo(2);
  }
}
