package io.jctds.server.interop;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jctds.server.EncryptionPolicy;
import io.jctds.server.TdsServer;
import io.jctds.testkit.Precondition;
import java.util.ArrayList;
import java.util.List;
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
  @RegisterExtension static final Precondition TEDIOUS = TediousPeer.precondition();

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

  private static TediousPeer.Outcome run(String password, List<String> transcript)
      throws Exception {
    ObjectNode o = TediousPeer.options(server, NtlmPeersIT.NAME, password);
    o.put("domain", NtlmPeersIT.DOMAIN);
    o.put("encrypt", false);
    TediousPeer.Outcome r = TediousPeer.run(o);
    transcript.add(r.process().transcript().replace(password, "****"));
    return r;
  }

  @Test
  void tediousLogsInWithNtlm() throws Exception {
    List<String> t = new ArrayList<>();
    JsonNode rows = run(NtlmPeersIT.WINDOWS_PASSWORD, t).json().path("rows");
    assertThat(rows.size()).as(t.toString()).isEqualTo(1);
    List<String> values = new ArrayList<>();
    rows.get(0).forEach(v -> values.add(v.asText()));
    assertThat(ConnectionRow.of(values)).isEqualTo(NtlmPeersIT.NTLM_PLAIN);
  }

  @Test
  void tediousWithAWrongPasswordGets18452() throws Exception {
    List<String> t = new ArrayList<>();
    TediousPeer.Outcome o = run("wrong-" + NtlmPeersIT.WINDOWS_PASSWORD, t);
    assertThat(o.json().has("error")).as(t.toString()).isTrue();
    assertThat(o.messageNumbers()).as(t.toString()).contains(NtlmPeersIT.UNTRUSTED);
  }
}
