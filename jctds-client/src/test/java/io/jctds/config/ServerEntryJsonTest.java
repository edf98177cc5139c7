package io.jctds.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The JSON of {@code jctds config --json} and what never appears in it. */
class ServerEntryJsonTest {
  private static final List<String> STRING_KEYS =
      List.of(
          "server_name",
          "host",
          "instance",
          "tds_version",
          "encryption",
          "ca_file",
          "crl_file",
          "certificate_hostname",
          "database",
          "language",
          "client_charset",
          "dump_file",
          "config_file");
  private static final List<String> BOOLEAN_KEYS =
      List.of("check_certificate_hostname", "enable_tls_v1", "read_only_intent", "use_ntlmv2");
  private static final List<String> INTEGER_KEYS =
      List.of("port", "timeout", "connect_timeout", "text_size", "initial_block_size");

  @TempDir Path tmp;
  ConfFixture f;

  @BeforeEach
  void setUp() {
    f = new ConfFixture(tmp);
  }

  @Test
  void theObjectHasExactlyTheIssuesKeysAndTypes() {
    Path conf =
        f.freetdsconf(
            "[global]\ntext size = 64512\n[s]\nhost = 127.0.0.1\nport = 1433\n"
                + "encryption = require\ndatabase = db\n");
    f.env.put("TDSVER", "7.4");
    Map<String, Object> json = MiniJson.parseObject(f.resolve("s").toJson());
    List<String> expected = new ArrayList<>(ServerEntry.KEYS);
    expected.add("sources");
    assertThat(json.keySet()).containsExactlyElementsOf(expected);
    for (String k : STRING_KEYS) {
      assertThat(json.get(k))
          .as(k)
          .satisfiesAnyOf(
              v -> assertThat(v).isNull(), v -> assertThat(v).isInstanceOf(String.class));
    }
    for (String k : BOOLEAN_KEYS) {
      assertThat(json.get(k)).as(k).isInstanceOf(Boolean.class);
    }
    for (String k : INTEGER_KEYS) {
      assertThat(json.get(k))
          .as(k)
          .satisfiesAnyOf(v -> assertThat(v).isNull(), v -> assertThat(v).isInstanceOf(Long.class));
    }
    assertThat(json)
        .containsEntry("server_name", "s")
        .containsEntry("host", "127.0.0.1")
        .containsEntry("port", 1433L)
        .containsEntry("instance", null)
        .containsEntry("tds_version", "7.4")
        .containsEntry("encryption", "require")
        .containsEntry("ca_file", null)
        .containsEntry("text_size", 64512L)
        .containsEntry("timeout", null)
        .containsEntry("config_file", conf.toString())
        .containsEntry("check_certificate_hostname", true)
        .containsEntry("enable_tls_v1", false);
    @SuppressWarnings("unchecked")
    Map<String, Object> sources = (Map<String, Object>) json.get("sources");
    assertThat(sources.keySet()).containsExactlyElementsOf(ServerEntry.KEYS);
    assertThat(sources)
        .containsEntry("server_name", "app")
        .containsEntry("host", "file:" + conf + ":4")
        .containsEntry("text_size", "file:" + conf + ":2")
        .containsEntry("tds_version", "env:TDSVER")
        .containsEntry("timeout", "default")
        .containsEntry("config_file", "file:" + conf + ":3");
  }

  @Test
  void unsetMeansNullAndDefaultEncryptionIsDefault() {
    f.freetdsconf("[s]\nhost = 127.0.0.1\n");
    Map<String, Object> json = MiniJson.parseObject(f.resolve("s").toJson());
    assertThat(json)
        .containsEntry("port", null)
        .containsEntry("encryption", "default")
        .containsEntry("tds_version", "auto")
        .containsEntry("dump_file", null)
        .containsEntry("initial_block_size", null);
  }

  @Test
  void stringsAreEscaped() {
    f.freetdsconf("[s]\nhost = 127.0.0.1\nport = 1\ndatabase = a\"b\\c\n");
    String weird = "x\n\t\u0001\u2028é😀";
    ServerEntry e = f.resolve("s", ApplicationSettings.builder().language(weird).build());
    String text = e.toJson();
    Map<String, Object> json = MiniJson.parseObject(text);
    assertThat(json).containsEntry("database", "a\"b\\c").containsEntry("language", weird);
    assertThat(text).doesNotContain("\u0001").contains("\\u0001", "\\n", "\\\"");
  }

  @Test
  void aPasswordNeverEntersTheEntryItsTextOrTheDump() throws Exception {
    String secret = "S3cr3t-Pa55word";
    f.freetdsconf("[s]\nhost = 127.0.0.1\nport = 1\n");
    f.env.put("TDSDUMPCONFIG", tmp.resolve("dump.txt").toString());
    ApplicationSettings app = ApplicationSettings.builder().userName("sa").password(secret).build();
    ServerEntry e = f.resolve("s", app);
    assertThat(app.password()).isEqualTo(secret);
    assertThat(app.toString()).contains("password=***").doesNotContain(secret);
    assertThat(e.toString()).doesNotContain(secret);
    assertThat(e.toJson()).doesNotContain(secret);
    assertThat(e.warnings().toString()).doesNotContain(secret);
    assertThat(Files.readString(tmp.resolve("dump.txt")))
        .contains("user_name = sa")
        .doesNotContain(secret);
  }

  @Test
  void toStringListsTheSetValues() {
    f.freetdsconf("[s]\nhost = 127.0.0.1\nport = 1\n");
    assertThat(f.resolve("s").toString())
        .startsWith("ServerEntry[server_name=s, host=127.0.0.1, port=1,")
        .doesNotContain("instance=");
  }
}
