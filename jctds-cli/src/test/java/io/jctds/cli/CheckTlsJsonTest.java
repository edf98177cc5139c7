package io.jctds.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The hand-written JSON of check-tls, read back by Jackson (RFC 8259 escaping). */
class CheckTlsJsonTest {
  private static final String AWKWARD = "C:\\conf\\\"x\"\n\ttab\u0001\u2028é [s]";

  @Test
  void everyStringSurvivesARoundTrip() throws Exception {
    CheckTlsReport r = new CheckTlsReport(AWKWARD);
    r.settings.add(new CheckTlsReport.Setting("ca_file", AWKWARD, "file:" + AWKWARD));
    r.settings.add(new CheckTlsReport.Setting("crl_file", null, "built-in default"));
    r.step("PRELOGIN", "ok", AWKWARD, "second");
    r.step("Login", "skipped");
    r.rules.add(new CheckTlsReport.Rule("ca file", false, AWKWARD));
    r.notes.add(AWKWARD);
    r.diagnosis = new CheckTlsReport.Diagnosis("host name mismatch", List.of(AWKWARD), AWKWARD);

    JsonNode json = new ObjectMapper().readTree(CheckTlsJson.of(r));

    assertThat(json.get("server").asText()).isEqualTo(AWKWARD);
    assertThat(json.get("settings").get(0).get("value").asText()).isEqualTo(AWKWARD);
    assertThat(json.get("settings").get(1).get("value").isNull()).isTrue();
    assertThat(json.get("steps").get(0).get("details").get(0).asText()).isEqualTo(AWKWARD);
    assertThat(json.get("steps").get(1).get("details").size()).isZero();
    assertThat(json.get("validation").get(0).get("applied").asBoolean()).isFalse();
    assertThat(json.get("validation").get(0).get("outcome").asText()).isEqualTo(AWKWARD);
    assertThat(json.get("notes").get(0).asText()).isEqualTo(AWKWARD);
    assertThat(json.get("diagnosis").get("fix").asText()).isEqualTo(AWKWARD);
    assertThat(json.get("verdict").asText()).isEqualTo("failed: host name mismatch");
    assertThat(json.get("exitCode").asInt()).isEqualTo(2);
    assertThat(json.get("chain").size()).isZero();
  }

  @Test
  void aSecureReportHasNoDiagnosisAndExitsZero() throws Exception {
    CheckTlsReport r = new CheckTlsReport("prod");
    r.verdict = CheckTlsReport.SECURE;
    JsonNode json = new ObjectMapper().readTree(CheckTlsJson.of(r));
    assertThat(json.get("diagnosis").isNull()).isTrue();
    assertThat(json.get("verdict").asText()).isEqualTo("secure");
    assertThat(json.get("exitCode").asInt()).isZero();
  }

  @Test
  void controlCharactersAreEscaped() {
    assertThat(CheckTlsJson.quote("a\u0000b\u001fc")).isEqualTo("\"a\\u0000b\\u001fc\"");
  }
}
