package io.jctds.server.interop;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jctds.server.EncryptionPolicy;
import io.jctds.server.TdsServer;
import io.jctds.testkit.Peers;
import io.jctds.testkit.Precondition;
import io.jctds.testkit.ProcessResult;
import io.jctds.testkit.ProcessRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * tedious ({@code authentication: { type: 'ntlm', options: { domain, userName, password } }}, run
 * by interop/tedious/query.js) against the embedded server's Windows login: auth_scheme NTLM in
 * sys.dm_exec_connections; a wrong password gets 18452 ("MSSQLSERVER_18452", see {@link
 * NtlmPeersIT}).
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class NtlmTediousIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path DIR =
      Path.of(System.getProperty("jctds.tedious.dir", "../interop/tedious"));

  @RegisterExtension
  static final Precondition TEDIOUS =
      Precondition.executable("node", "Node.js 20 (apt-get install nodejs npm)")
          .and(
              Precondition.of(
                  () ->
                      Files.isDirectory(DIR.resolve("node_modules/tedious"))
                          ? Optional.empty()
                          : Optional.of(
                              "tedious is not installed in "
                                  + DIR.toAbsolutePath().normalize()
                                  + ": npm ci --prefix interop/tedious")));

  private static TdsServer server;

  @BeforeAll
  static void start() {
    server =
        Interop.start(
            b ->
                b.encryption(EncryptionPolicy.OFF)
                    .windowsUser(
                        NtlmPeersIT.DOMAIN + "\\" + NtlmPeersIT.NAME,
                        NtlmPeersIT.WINDOWS_PASSWORD));
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  private static JsonNode run(String password, List<String> transcript) throws Exception {
    ObjectNode o = JSON.createObjectNode();
    o.put("host", "127.0.0.1");
    o.put("port", server.port());
    o.put("domain", NtlmPeersIT.DOMAIN);
    o.put("user", NtlmPeersIT.NAME);
    o.put("password", password);
    o.put("database", "master");
    o.put("encrypt", false);
    o.put("query", Interop.QUERY);
    ProcessResult r =
        ProcessRunner.of(
                Peers.onPath("node").orElseThrow().toString(),
                DIR.resolve("query.js").toAbsolutePath().toString(),
                JSON.writeValueAsString(o))
            .env("NODE_NO_WARNINGS", "1")
            .timeout(Interop.PEER_TIMEOUT)
            .run();
    transcript.add(r.transcript().replace(password, "****"));
    String line = r.stdout().strip();
    return line.isEmpty() ? JSON.createObjectNode() : JSON.readTree(line);
  }

  @Test
  void tediousLogsInWithNtlm() throws Exception {
    List<String> t = new ArrayList<>();
    JsonNode json = run(NtlmPeersIT.WINDOWS_PASSWORD, t);
    JsonNode rows = json.path("rows");
    assertThat(rows.size()).as(t.toString()).isEqualTo(1);
    List<String> values = new ArrayList<>();
    rows.get(0).forEach(v -> values.add(v.asText()));
    assertThat(ConnectionRow.of(values)).isEqualTo(NtlmPeersIT.NTLM_PLAIN);
  }

  @Test
  void tediousWithAWrongPasswordGets18452() throws Exception {
    List<String> t = new ArrayList<>();
    JsonNode json = run("wrong-" + NtlmPeersIT.WINDOWS_PASSWORD, t);
    assertThat(json.has("error")).as(t.toString()).isTrue();
    List<Integer> numbers = new ArrayList<>();
    json.path("messages").forEach(m -> numbers.add(m.path("number").asInt()));
    assertThat(numbers).as(t.toString()).contains(NtlmPeersIT.UNTRUSTED);
  }
}
