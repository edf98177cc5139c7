package io.jctds.cli.diff;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The TDSDUMPCONFIG parser against the Debian 1.3.17 sample of FREETDS.md 5.3. */
class FreeTdsDumpTest {

  private static String fixture(String name) throws IOException {
    try (InputStream in = FreeTdsDumpTest.class.getResourceAsStream("/diff/" + name)) {
      assertThat(in).as("test resource /diff/%s", name).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void parsesTheFinalBlockOfTheSpecSample() throws IOException {
    FreeTdsDump dump = FreeTdsDump.parse(fixture("freetds-1.3.17-dump-a.txt"));

    assertThat(dump.hasFinalBlock()).isTrue();
    assertThat(dump.parameters())
        .containsEntry("server_name", "MyServer")
        .containsEntry("server_host_name", "127.0.0.1")
        .containsEntry("instance_name", "")
        .containsEntry("port", "59901")
        .containsEntry("major_version", "7")
        .containsEntry("minor_version", "4")
        .containsEntry("block_size", "8192")
        .containsEntry("language", "us_english")
        .containsEntry("connect_timeout", "7")
        .containsEntry("client_charset", "UTF-8")
        .containsEntry("encrypt level", "3")
        .containsEntry("query_timeout", "0")
        .containsEntry("database", "mydb")
        .containsEntry("dump_file", "")
        .containsEntry("debug_flags", "0")
        .containsEntry("text_size", "1000")
        .containsEntry("cafile", "/nonexistent/none.pem")
        .containsEntry("crlfile", "")
        .containsEntry("check_ssl_hostname", "0")
        .containsEntry("readonly_intent", "1")
        .doesNotContainKey("ip_addr");
    // 32 lines in the block, ip_addr kept apart; use_utf16 has a digit in its key
    assertThat(dump.parameters()).hasSize(31).containsEntry("use_utf16", "1");
    assertThat(dump.parameters().keySet())
        .startsWith("server_name", "server_host_name", "instance_name", "port")
        .endsWith("check_ssl_hostname", "db_filename", "readonly_intent");
    assertThat(dump.ipAddresses()).containsExactly("127.0.0.1");
  }

  @Test
  void findsTheFileThatDefinedTheSection() throws IOException {
    FreeTdsDump dump = FreeTdsDump.parse(fixture("freetds-1.3.17-dump-a.txt"));

    assertThat(dump.definedIn()).contains("a.conf");
    assertThat(dump.trace()).first().asString().contains("Found conf file 'a.conf'");
    assertThat(dump.trace()).last().asString().contains("Success: [MyServer]");
  }

  @Test
  void keepsEveryAddressAndToleratesStrippedTrailingBlanks() {
    String text =
        "log.c:187:Starting log file for FreeTDS 1.5.18\n"
            + "\ton 2026-01-01 00:00:00 with debug flags 0x4fff.\n"
            + "config.c:311:[db] not found.\n"
            + "config.c:214:Final connection parameters:\n"
            + "config.c:215:\t         server_name = db\n"
            + "config.c:216:\t    server_host_name = localhost\n"
            + "config.c:219:\t             ip_addr = ::1\n"
            + "config.c:219:\t             ip_addr = 127.0.0.1\n"
            + "config.c:224:\t       instance_name =\n"
            + "config.c:240:\t       encrypt level = 4\n"
            + "config.c:250:\t           dump_file = (null)\n";

    FreeTdsDump dump = FreeTdsDump.parse(text);

    assertThat(dump.ipAddresses()).containsExactly("::1", "127.0.0.1");
    assertThat(dump.parameter("instance_name")).contains("");
    assertThat(dump.parameter("encrypt level")).contains("4");
    assertThat(dump.parameter("dump_file")).contains("(null)");
    assertThat(dump.definedIn()).isEmpty();
  }

  @Test
  void theLastOfSeveralBlocksWinsAndTheBlockEndsAtTheFirstOtherLine() {
    String text =
        "config.c:1:Final connection parameters:\n"
            + "config.c:2:\t                port = 1\n"
            + "config.c:3:Success: [x] defined in /b.conf.\n"
            + "config.c:1:Final connection parameters:\n"
            + "config.c:2:\t                port = 2\n"
            + "net.c:9:Connecting to 127.0.0.1 port 2\n"
            + "config.c:2:\t            database = ignored\n";

    FreeTdsDump dump = FreeTdsDump.parse(text);

    assertThat(dump.parameters()).containsExactly(java.util.Map.entry("port", "2"));
    assertThat(dump.definedIn()).contains("/b.conf");
  }

  @Test
  void aLogWithoutFinalBlockHasNoParameters() {
    FreeTdsDump dump = FreeTdsDump.parse("config.c:174:Attempting to read conf files.\n");

    assertThat(dump.hasFinalBlock()).isFalse();
    assertThat(dump.parameters()).isEmpty();
    assertThat(dump.trace()).hasSize(1);
  }
}
