package io.jctds.cli.diff;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One freetds.conf scenario of the differential test: the configuration text, the server name
 * passed to {@code tsql -S} and {@code jctds config --server}, the environment, and what is
 * expected. In file texts, environment values and expected strings, {@code ${DIR}} stands for the
 * case's own temporary directory.
 *
 * @param name unique id, also used as the directory name
 * @param origin "hand-written" or the generator seed and index
 * @param conf the text of the main configuration file ({@code <DIR>/freetds.conf})
 * @param server the server name
 * @param env environment variables set for both sides (besides FREETDSCONF and TDSDUMPCONFIG)
 * @param extraFiles further files, path relative to the case directory → text
 * @param mode how the main file is handed to both sides
 * @param jctdsUserHome a directory (relative to the case directory) given to jctds as {@code
 *     user.home}, or null to keep the real one
 * @param outcome what is expected
 */
public record DiffCase(
    String name,
    String origin,
    String conf,
    String server,
    Map<String, String> env,
    Map<String, String> extraFiles,
    FileMode mode,
    String jctdsUserHome,
    Outcome outcome) {

  /** Placeholder for the case directory. */
  public static final String DIR = "${DIR}";

  public DiffCase {
    Objects.requireNonNull(name);
    Objects.requireNonNull(conf);
    Objects.requireNonNull(server);
    env = Collections.unmodifiableMap(new LinkedHashMap<>(env));
    extraFiles = Collections.unmodifiableMap(new LinkedHashMap<>(extraFiles));
    Objects.requireNonNull(mode);
    Objects.requireNonNull(outcome);
  }

  /** How the main configuration file reaches FreeTDS and jctds. */
  public enum FileMode {
    /** {@code FREETDSCONF=<DIR>/freetds.conf} for both. */
    FREETDSCONF,
    /** {@code tsql -I <file>} and {@code jctds config --file <file>}; FREETDSCONF unset. */
    EXPLICIT_FILE,
    /** {@code FREETDSCONF=<DIR>/absent.conf}, a file that does not exist. */
    ABSENT
  }

  /** What a case expects. */
  public sealed interface Outcome
      permits Outcome.MatchesFreeTds,
          Outcome.KnownVersionDifference,
          Outcome.Invalid,
          Outcome.DecidedByFreeTds {

    /**
     * jctds's JSON equals FreeTDS's dump for every dump key; {@code documented} holds values
     * FREETDS.md states for this case (JSON key → value), checked against both sides (keys the dump
     * does not show are checked against jctds only).
     */
    record MatchesFreeTds(Map<String, Object> documented) implements Outcome {
      public MatchesFreeTds {
        documented = Collections.unmodifiableMap(new LinkedHashMap<>(documented));
      }
    }

    /**
     * Debian's 1.3.17 behaves differently from 1.5 here: {@code expected} (JSON key → 1.5 value)
     * replaces the dump's value for those keys; the other dump keys are compared as usual. {@code
     * difference} names a row of {@code ConfigDifferentialIT.KNOWN_VERSION_DIFFERENCES}.
     */
    record KnownVersionDifference(String difference, Map<String, Object> expected)
        implements Outcome {
      public KnownVersionDifference {
        Objects.requireNonNull(difference);
        expected = Collections.unmodifiableMap(new LinkedHashMap<>(expected));
      }
    }

    /**
     * The configuration is invalid: tsql reports error 20214 and jctds exits 2 with a message on
     * stderr naming the file and one of {@code lines}.
     */
    record Invalid(Set<Integer> lines) implements Outcome {
      public Invalid {
        lines = Set.copyOf(lines);
      }
    }

    /**
     * A generated case: if tsql reports 20214 it is treated as {@link Invalid} with these candidate
     * lines, otherwise the dump is compared, with {@code effective} (JSON key → value) replacing
     * dump values that jctds must show differently (see {@link KnownVersionDifference}).
     */
    record DecidedByFreeTds(Set<Integer> invalidLines, Map<String, Object> effective)
        implements Outcome {
      public DecidedByFreeTds {
        invalidLines = Set.copyOf(invalidLines);
        effective = Collections.unmodifiableMap(new LinkedHashMap<>(effective));
      }
    }
  }

  /** A hand-written case found through FREETDSCONF, compared with FreeTDS's dump. */
  public static DiffCase of(String name, String server, String conf) {
    return new DiffCase(
        name,
        "hand-written",
        conf,
        server,
        Map.of(),
        Map.of(),
        FileMode.FREETDSCONF,
        null,
        new Outcome.MatchesFreeTds(Map.of()));
  }

  /** This case with one more environment variable. */
  public DiffCase env(String variable, String value) {
    Map<String, String> e = new LinkedHashMap<>(env);
    e.put(variable, value);
    return new DiffCase(name, origin, conf, server, e, extraFiles, mode, jctdsUserHome, outcome);
  }

  /** This case with one more file, path relative to the case directory. */
  public DiffCase file(String relativePath, String text) {
    Map<String, String> f = new LinkedHashMap<>(extraFiles);
    f.put(relativePath, text);
    return new DiffCase(name, origin, conf, server, env, f, mode, jctdsUserHome, outcome);
  }

  /** This case with another file mode. */
  public DiffCase mode(FileMode newMode) {
    return new DiffCase(
        name, origin, conf, server, env, extraFiles, newMode, jctdsUserHome, outcome);
  }

  /** This case with jctds's {@code user.home} set to a directory inside the case directory. */
  public DiffCase jctdsUserHome(String relativeDir) {
    return new DiffCase(name, origin, conf, server, env, extraFiles, mode, relativeDir, outcome);
  }

  /** This case with another outcome. */
  public DiffCase outcome(Outcome newOutcome) {
    return new DiffCase(
        name, origin, conf, server, env, extraFiles, mode, jctdsUserHome, newOutcome);
  }

  /** This case (compared with FreeTDS) plus values FREETDS.md documents for it. */
  public DiffCase documents(Object... keysAndValues) {
    return outcome(new Outcome.MatchesFreeTds(pairs(keysAndValues)));
  }

  /** This case as a known 1.3.17-vs-1.5 difference with the 1.5 values. */
  public DiffCase versionDifference(String difference, Object... keysAndValues) {
    return outcome(new Outcome.KnownVersionDifference(difference, pairs(keysAndValues)));
  }

  /** This case as an invalid configuration whose error is on this line of the main file. */
  public DiffCase invalidAt(int line) {
    return outcome(new Outcome.Invalid(Set.of(line)));
  }

  /** Key/value pairs (values may be null) as an ordered map. */
  static Map<String, Object> pairs(Object... keysAndValues) {
    if (keysAndValues.length % 2 != 0) {
      throw new IllegalArgumentException("odd number of key/value arguments");
    }
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return map;
  }

  /** The case as a reader needs it in a failure message: origin, name, env, numbered text. */
  public String describe() {
    StringBuilder sb = new StringBuilder();
    sb.append("case ").append(name).append(" (").append(origin).append(")\n");
    sb.append("server name: ").append(server).append("   file mode: ").append(mode).append('\n');
    if (!env.isEmpty()) {
      sb.append("environment: ").append(env).append('\n');
    }
    if (jctdsUserHome != null) {
      sb.append("jctds user.home: ${DIR}/").append(jctdsUserHome).append('\n');
    }
    sb.append("--- freetds.conf ---\n").append(numbered(conf));
    extraFiles.forEach(
        (path, text) -> sb.append("--- ").append(path).append(" ---\n").append(numbered(text)));
    return sb.toString();
  }

  private static String numbered(String text) {
    StringBuilder sb = new StringBuilder();
    int n = 1;
    for (String line : text.lines().toList()) {
      sb.append(String.format("%3d| %s%n", n++, line));
    }
    return sb.toString();
  }
}
