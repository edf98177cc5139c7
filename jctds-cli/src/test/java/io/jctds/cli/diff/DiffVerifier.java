package io.jctds.cli.diff;

import com.fasterxml.jackson.databind.JsonNode;
import io.jctds.cli.diff.CaseExecutor.CaseRun;
import io.jctds.cli.diff.DiffCase.Outcome;
import io.jctds.testkit.ProcessResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Judges one {@link CaseRun}: jctds's JSON against FreeTDS's dump (plus documented values and known
 * 1.5 differences), or, for an invalid configuration, tsql's error 20214 against jctds's exit code
 * 2 and message. Returns the problems found; none means the case passed.
 */
final class DiffVerifier {
  /** Marker for a key missing from the JSON (distinct from JSON null). */
  private static final Object ABSENT =
      new Object() {
        @Override
        public String toString() {
          return "<absent>";
        }
      };

  private DiffVerifier() {}

  static List<String> verify(CaseRun run) {
    Outcome outcome = run.c().outcome();
    if (outcome instanceof Outcome.DecidedByFreeTds generated) {
      if (run.tsql().configurationError()) {
        return verifyInvalid(run, new Outcome.Invalid(generated.invalidLines()));
      }
      return verifyValues(run, Map.of(), generated.effective(), false);
    }
    if (outcome instanceof Outcome.Invalid invalid) {
      return verifyInvalid(run, invalid);
    }
    if (outcome instanceof Outcome.KnownVersionDifference difference) {
      return verifyValues(run, Map.of(), difference.expected(), true);
    }
    return verifyValues(run, ((Outcome.MatchesFreeTds) outcome).documented(), Map.of(), false);
  }

  /** A short label of how a run is judged, e.g. "generated: compared with the dump". */
  static String judgedAs(CaseRun run) {
    Outcome o = run.c().outcome();
    String origin = o instanceof Outcome.DecidedByFreeTds ? "generated" : "hand-written";
    boolean invalid =
        o instanceof Outcome.Invalid
            || (o instanceof Outcome.DecidedByFreeTds && run.tsql().configurationError());
    String how =
        invalid
            ? "invalid (20214 / exit 2)"
            : o instanceof Outcome.KnownVersionDifference
                ? "known difference"
                : run.tsql().dump().definedIn().isPresent()
                    ? "compared, section found"
                    : "compared, host fallback";
    return origin + ": " + how;
  }

  private static List<String> verifyValues(
      CaseRun run,
      Map<String, Object> documented,
      Map<String, Object> overrides,
      boolean freeTdsMayRefuse) {
    List<String> problems = new ArrayList<>();
    FreeTdsDump dump = run.tsql().dump();
    if (!freeTdsMayRefuse && run.tsql().configurationError()) {
      problems.add("FreeTDS refused the configuration (error 20214) but the case expects it valid");
    }
    if (!dump.hasFinalBlock()) {
      problems.add("tsql wrote no 'Final connection parameters' block to TDSDUMPCONFIG");
      return problems;
    }
    JsonNode json = run.jctds().json();
    if (json == null) {
      problems.add(
          "jctds gave no JSON: exit "
              + run.jctds().process().exitCode()
              + (run.jctds().jsonError() == null ? "" : ", " + run.jctds().jsonError()));
      return problems;
    }
    Map<String, Object> expected = DumpMapping.expectedJson(dump);
    documented.forEach(
        (key, value) -> {
          Object doc = expand(run, value);
          if (expected.containsKey(key) && !same(key, expected.get(key), doc)) {
            problems.add(
                String.format(
                    "oracle: FreeTDS shows %s = %s but FREETDS.md documents %s for this case",
                    key, show(expected.get(key)), show(doc)));
          }
          expected.put(key, doc);
        });
    overrides.forEach((key, value) -> expected.put(key, expand(run, value)));
    expected.forEach(
        (key, want) -> {
          Object got = jsonValue(json, key);
          if (!same(key, want, got) && !charsetDefault(run, json, key, want, got)) {
            problems.add(
                String.format("%-27s FreeTDS/expected %-28s jctds %s", key, show(want), show(got)));
          }
        });
    return problems;
  }

  private static List<String> verifyInvalid(CaseRun run, Outcome.Invalid invalid) {
    List<String> problems = new ArrayList<>();
    if (!run.tsql().configurationError()) {
      problems.add(
          "oracle: FreeTDS did not report error 20214, so this configuration is not invalid for"
              + " FreeTDS (errors seen: "
              + run.tsql().errors()
              + ")");
    }
    ProcessResult j = run.jctds().process();
    if (j.exitCode() != 2) {
      problems.add("jctds exited " + j.exitCode() + " instead of 2 for an invalid configuration");
    }
    String conf = run.conf().toString();
    if (!j.stderr().contains(conf)) {
      problems.add("jctds's stderr does not name the file " + conf);
    }
    String rest = j.stderr().replace(conf, "\u0000");
    boolean lineNamed =
        invalid.lines().stream()
            .anyMatch(
                n ->
                    Pattern.compile("(?i)(\u0000:|\\bline\\s+)" + n + "(?!\\d)")
                        .matcher(rest)
                        .find());
    if (!lineNamed) {
      problems.add(
          "jctds's stderr does not name the line (as FILE:"
              + "N or 'line N') of the error; expected one of "
              + invalid.lines());
    }
    return problems;
  }

  /**
   * tsql fills an unset client charset with the locale's charset (tsql.c: "using default charset"),
   * as FreeTDS's own default does; a jctds JSON null whose source is the default is the same
   * statement.
   */
  private static boolean charsetDefault(
      CaseRun run, JsonNode json, String key, Object want, Object got) {
    if (!key.equals("client_charset") || got != null) {
      return false;
    }
    JsonNode source = json.path("sources").path("client_charset");
    boolean fromDefault =
        source.isMissingNode() || source.isNull() || "default".equals(source.asText());
    return fromDefault && run.tsql().defaultCharset().map(want::equals).orElse(false);
  }

  private static Object expand(CaseRun run, Object value) {
    if (value instanceof String s) {
      return run.expand(s);
    }
    if (value instanceof Integer i) {
      return i.longValue();
    }
    return value;
  }

  static Object jsonValue(JsonNode json, String key) {
    JsonNode node = json.get(key);
    if (node == null) {
      return ABSENT;
    }
    if (node.isNull()) {
      return null;
    }
    if (node.isTextual()) {
      return node.textValue();
    }
    if (node.isBoolean()) {
      return node.booleanValue();
    }
    if (node.isIntegralNumber()) {
      return node.longValue();
    }
    return node.toString();
  }

  private static boolean same(String key, Object want, Object got) {
    if (key.equals("config_file") && want instanceof String w && got instanceof String g) {
      return Path.of(w)
          .toAbsolutePath()
          .normalize()
          .equals(Path.of(g).toAbsolutePath().normalize());
    }
    return Objects.equals(want, got);
  }

  private static String show(Object value) {
    return value instanceof String s ? '"' + s + '"' : String.valueOf(value);
  }
}
