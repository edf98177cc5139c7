package io.jctds.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** FREETDS.md 5.1: the TDSDUMPCONFIG log. */
class ConfigLogTest {
  /** The regex FREETDS.md 5.1 gives for a line of the final block. */
  private static final Pattern LINE = Pattern.compile("^[^\\t]*\\t *([A-Za-z_ ]+?) = (.*)$");

  /**
   * The keys in FreeTDS 1.5's order, except {@code use_utf16}: its digits are outside the regex's
   * character class, in FreeTDS's own log as in ours (checked separately).
   */
  private static final List<String> ORDER =
      List.of(
          "server_name",
          "server_host_name",
          "ip_addr",
          "instance_name",
          "port",
          "major_version",
          "minor_version",
          "block_size",
          "language",
          "server_charset",
          "connect_timeout",
          "client_host_name",
          "client_charset",
          "app_name",
          "user_name",
          "library",
          "bulk_copy",
          "suppress_language",
          "encrypt level",
          "query_timeout",
          "database",
          "dump_file",
          "debug_flags",
          "text_size",
          "server_realm_name",
          "server_spn",
          "cafile",
          "crlfile",
          "check_ssl_hostname",
          "db_filename",
          "readonly_intent",
          "openssl_ciphers");

  @TempDir Path tmp;
  ConfFixture f;
  Path dump;

  @BeforeEach
  void setUp() {
    f = new ConfFixture(tmp);
    dump = tmp.resolve("dump.txt");
    f.env.put("TDSDUMPCONFIG", dump.toString());
  }

  /** The final block as (key, value) pairs, parsed with the regex of FREETDS.md 5.1. */
  private static List<String[]> finalBlock(String text) {
    List<String[]> kv = new ArrayList<>();
    boolean inBlock = false;
    for (String line : text.split("\n", -1)) {
      if (line.endsWith("Final connection parameters:")) {
        inBlock = true;
        continue;
      }
      Matcher m = LINE.matcher(line);
      if (inBlock && m.matches()) {
        kv.add(new String[] {m.group(1), m.group(2)});
      }
    }
    return kv;
  }

  private static String value(List<String[]> kv, String key) {
    return kv.stream().filter(p -> p[0].equals(key)).map(p -> p[1]).findFirst().orElseThrow();
  }

  @Test
  void theFinalBlockHasEveryKeyInFreeTdsOrderAndTheRightFormats() throws Exception {
    f.host("two.example.test", "192.0.2.1", "2001:db8:0:0:0:0:0:1");
    f.freetdsconf(
        "[s]\nhost = two.example.test\nport = 1433\ntds version = 7.4\nencryption = require\n"
            + "debug flags = 0x10\ninitial block size = 8192\nread-only intent = yes\n"
            + "check certificate hostname = no\nca file = /ca.pem\n");
    f.resolve("s", ApplicationSettings.builder().userName("u").appName("a").build());
    String text = Files.readString(dump);
    assertThat(text).startsWith("log:Starting log file for jctds");
    assertThat(text.lines().skip(1).findFirst().orElseThrow())
        .matches("\ton .* with debug flags 0x4fff\\.");
    List<String[]> kv = finalBlock(text);
    List<String> keys = kv.stream().map(p -> p[0]).distinct().toList();
    assertThat(keys).containsExactlyElementsOf(ORDER);
    assertThat(kv.stream().filter(p -> p[0].equals("ip_addr")).map(p -> p[1]))
        .containsExactly("192.0.2.1", "2001:db8::1");
    assertThat(value(kv, "server_name")).isEqualTo("s");
    assertThat(value(kv, "port")).isEqualTo("1433");
    assertThat(value(kv, "major_version")).isEqualTo("7");
    assertThat(value(kv, "minor_version")).isEqualTo("4");
    assertThat(value(kv, "block_size")).isEqualTo("8192");
    assertThat(value(kv, "encrypt level")).isEqualTo("3");
    assertThat(value(kv, "debug_flags")).isEqualTo("10");
    assertThat(value(kv, "dump_file")).isEqualTo("(null)");
    assertThat(value(kv, "instance_name")).isEmpty();
    assertThat(value(kv, "readonly_intent")).isEqualTo("1");
    assertThat(value(kv, "check_ssl_hostname")).isEqualTo("0");
    assertThat(value(kv, "cafile")).isEqualTo("/ca.pem");
    assertThat(value(kv, "user_name")).isEqualTo("u");
    assertThat(text)
        .contains("\t         server_name = s\n")
        .contains("\t      client_charset = " + SystemDefaults.clientCharset() + "\n")
        .contains("\n" + ConfigLog.PREFIX + "\t           use_utf16 = 1\n")
        .contains("\t            app_name = a\n");
  }

  @Test
  void theLogShowsValuesBeforeTheStrictAdjustment() throws Exception {
    f.freetdsconf("[s]\nhost = 127.0.0.1\nport = 1\ntds version = 7.1\nencryption = strict\n");
    ServerEntry e = f.resolve("s");
    List<String[]> kv = finalBlock(Files.readString(dump));
    assertThat(value(kv, "major_version")).isEqualTo("7");
    assertThat(value(kv, "minor_version")).isEqualTo("1");
    assertThat(value(kv, "encrypt level")).isEqualTo("4");
    assertThat(value(kv, "cafile")).isEmpty();
    assertThat(e.tdsVersion()).isEqualTo(TdsVersion.V8_0);
    assertThat(e.caFile()).isEqualTo("system");
  }

  @Test
  void theLogShowsValuesBeforeDbLibsSecondEnvironmentPass() throws Exception {
    f.freetdsconf("[global]\n");
    f.env.put("TDSPORT", "59942");
    ServerEntry e = f.resolve("127.0.0.1:59941");
    assertThat(value(finalBlock(Files.readString(dump)), "port")).isEqualTo("59941");
    assertThat(e.port()).isEqualTo(59942);
  }

  @Test
  void theSearchTraceShowsTheLinesApplied() throws Exception {
    f.freetdsconf("[s]\nhost = 127.0.0.1\nport = 1\nbogus key = 2\ntds version = AUTO\n");
    f.env.put("TDSPORT", "5");
    f.resolve("s");
    assertThat(Files.readString(dump))
        .contains("config:\tport = '1'\n")
        .contains("UNRECOGNIZED option 'bogus key' ... ignoring.")
        .contains("error: no such version: AUTO")
        .contains("Setting 'port' to 5 from $TDSPORT.");
  }

  @Test
  void theLogIsWrittenEvenForAnInvalidConfiguration() throws Exception {
    f.freetdsconf("[s]\nhost = 127.0.0.1\nport = 1\nencryption = yes\n");
    assertThatThrownBy(() -> f.resolve("s")).isInstanceOf(ConfigException.class);
    assertThat(Files.readString(dump))
        .contains("UNRECOGNIZED option value 'yes' for 'encryption' setting!")
        .contains("Valid settings are: ('off', 'request', 'require', 'strict')")
        .contains("Final connection parameters:");
  }

  @Test
  void stdoutAndStderrAreSpecial() {
    f.freetdsconf("[s]\nhost = 127.0.0.1\nport = 1\n");
    f.env.put("TDSDUMPCONFIG", "stdout");
    f.resolve("s");
    assertThat(f.consoleOut.toString()).contains("Final connection parameters:");
    f.env.put("TDSDUMPCONFIG", "stderr");
    f.resolve("s");
    assertThat(f.consoleErr.toString()).contains("Final connection parameters:");
    assertThat(dump).doesNotExist();
  }

  @Test
  void anEmptyValueWritesThePidFileInTmp() throws Exception {
    Path pidFile = Path.of("/tmp/tdsconfig.log." + ProcessHandle.current().pid());
    Files.deleteIfExists(pidFile);
    f.freetdsconf("[s]\nhost = 127.0.0.1\nport = 1\n");
    f.env.put("TDSDUMPCONFIG", "");
    try {
      f.resolve("s");
      assertThat(Files.readString(pidFile)).contains("Final connection parameters:");
    } finally {
      Files.deleteIfExists(pidFile);
    }
  }

  @Test
  void anUnwritableLogIsAWarning() {
    f.freetdsconf("[s]\nhost = 127.0.0.1\nport = 1\n");
    f.env.put("TDSDUMPCONFIG", tmp.resolve("no/such/dir/log").toString());
    assertThat(f.resolve("s").warnings())
        .anySatisfy(w -> assertThat(w.message()).contains("TDSDUMPCONFIG"));
  }

  @Test
  void ipv6IsPrintedInCompressedForm() throws Exception {
    assertThat(ConfigLog.numeric(java.net.InetAddress.getByName("::1"))).isEqualTo("::1");
    assertThat(ConfigLog.numeric(java.net.InetAddress.getByName("2001:db8:0:1:0:0:0:0")))
        .isEqualTo("2001:db8:0:1::");
    assertThat(ConfigLog.numeric(java.net.InetAddress.getByName("1:0:0:2:0:0:0:3")))
        .isEqualTo("1:0:0:2::3");
    assertThat(ConfigLog.numeric(java.net.InetAddress.getByName("1:0:2:3:4:5:6:7")))
        .isEqualTo("1:0:2:3:4:5:6:7");
  }
}
