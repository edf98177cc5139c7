package io.jctds.cli.diff;

import io.jctds.cli.diff.DiffCase.FileMode;
import io.jctds.cli.diff.DiffCase.Outcome;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Random freetds.conf files from a small grammar (sections, directives, values, spellings,
 * comments, long lines, environment overrides), deterministic for a seed: case {@code i} uses
 * {@code new Random(seed + i)}, so one failing case can be regenerated alone. FreeTDS decides each
 * outcome (error 20214 → invalid, else the dump is compared).
 *
 * <p>Safety rules built into the grammar: host values and every server name that can fall back to a
 * host lookup are IP literals or {@code localhost} (no DNS); the first [global] always sets a valid
 * port in 65530–65534 and TDSPORT is always numeric, so the final port is never 0 and an {@code
 * instance} can never start SQL Browser lookups; no 1.5-only values (strict, 8.0).
 */
final class GeneratedCases {
  /** The default seed; override with {@code -Djctds.diff.seed=N}. */
  static final long DEFAULT_SEED = 0x6a637464L;

  private static final String[] SECTIONS = {"127.0.0.2", "127.0.0.3", "localhost"};
  private static final String[] BOOLEAN_KEYS = {
    "check certificate hostname",
    "read-only intent",
    "use ntlmv2",
    "enable tls v1",
    "use utf-16",
    "dump file append"
  };
  private static final String[] BOOLEANS = {
    "yes", "no", "on", "off", "true", "false", "YES", "Off"
  };
  private static final String[] BAD_BOOLEANS = {"1", "0", "maybe", "y"};
  private static final String[] NUMBERS = {"1", "7", "30", "100", "0", "-3", "12abc", "abc", ""};
  private static final String[] TDS_VERSIONS = {
    "7.0", "7.1", "7.2", "7.3", "7.4", "auto", "0", "50", "5.0", "70", "4.2", "AUTO", "7.5", "4.6"
  };

  private final Random random;
  private final List<String> lines = new ArrayList<>();
  private final Set<Integer> invalidLines = new LinkedHashSet<>();
  private final List<String> headerNames = new ArrayList<>();

  private GeneratedCases(Random random) {
    this.random = random;
  }

  /** {@code count} cases for {@code seed}. */
  static List<DiffCase> generate(long seed, int count) {
    List<DiffCase> cases = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      cases.add(new GeneratedCases(new Random(seed + i)).build(seed, i));
    }
    return cases;
  }

  private DiffCase build(long seed, int index) {
    if (chance(15)) {
      lines.add(pick("; generated", "# preamble", "port = 1", "host = 127.0.0.9", ""));
    }
    lines.add(pick("[global]", "[GLOBAL]", "[Global]"));
    lines.add("port = " + closedPort());
    directives(random.nextInt(4));
    int sections = 1 + random.nextInt(4);
    for (int s = 0; s < sections; s++) {
      lines.add(header());
      directives(random.nextInt(7));
    }
    Map<String, String> env = new LinkedHashMap<>();
    if (chance(12)) {
      env.put("TDSVER", pick("7.1", "7.3", "auto", "5.0", "bogus"));
    }
    if (chance(12)) {
      env.put("TDSPORT", String.valueOf(closedPort()));
    }
    if (chance(10)) {
      env.put("TDSHOST", "127.0.0.6");
    }
    String conf = String.join("\n", lines) + "\n";
    String server = serverName();
    Map<String, Object> effective = new LinkedHashMap<>();
    if (env.containsKey("TDSPORT") && server.contains(":")) {
      // the name's port is an application value; db-lib's second environment pass lets TDSPORT
      // beat it, after TDSDUMPCONFIG was written (FREETDS.md 3.3, 5.1)
      effective.put("port", Long.parseLong(env.get("TDSPORT")));
    }
    return new DiffCase(
        String.format("generated-%03d", index),
        "generated, seed " + seed + ", case #" + index + " (new Random(seed + " + index + "))",
        conf,
        server,
        env,
        Map.of(),
        FileMode.FREETDSCONF,
        null,
        new Outcome.DecidedByFreeTds(invalidLines, effective));
  }

  private String header() {
    String name = chance(15) ? "global" : SECTIONS[random.nextInt(SECTIONS.length)];
    headerNames.add(name);
    return switch (random.nextInt(8)) {
      case 0 -> "[" + name.toUpperCase(Locale.ROOT) + "]";
      case 1 -> "[" + name + "] trailing";
      case 2 -> "[ " + name + " ]";
      case 3 -> "[" + name;
      default -> "[" + name + "]";
    };
  }

  private String serverName() {
    // mostly a name that has a header in the file (which may still not match: "[ name ]")
    List<String> named = headerNames.stream().filter(n -> !n.equals("global")).toList();
    String section =
        !named.isEmpty() && chance(70)
            ? named.get(random.nextInt(named.size()))
            : SECTIONS[random.nextInt(SECTIONS.length)];
    return switch (random.nextInt(8)) {
      case 0 -> section.toUpperCase(Locale.ROOT);
      case 1 -> section + ":" + closedPort();
      case 2 -> "127.0.0.4";
      default -> section;
    };
  }

  private void directives(int n) {
    for (int i = 0; i < n; i++) {
      if (chance(10)) {
        lines.add(pick("", "# comment", "  ; indented comment", "database"));
        continue;
      }
      String[] kv = directive();
      lines.add(spell(kv[0]) + equalsSign() + kv[1] + inlineComment());
    }
  }

  /** Returns {key, value}; records the line if the value makes the configuration invalid. */
  private String[] directive() {
    return switch (random.nextInt(17)) {
      case 0 -> kv("host", pick("127.0.0.1", "127.0.0.5", "localhost", "::1"));
      case 1 -> kv("port", pick(closedPort() + "", closedPort() + "junk", "0", "abc", "-7"));
      case 2 -> kv("instance", pick("SQLEXPRESS", "INST2"));
      case 3 -> kv("tds version", TDS_VERSIONS[random.nextInt(TDS_VERSIONS.length)]);
      case 4 -> encryption();
      case 5 -> kv(pick("ca file", "crl file"), pick("/tmp/ca.pem", "", "system", "SYSTEM"));
      case 6, 7 -> bool(BOOLEAN_KEYS[random.nextInt(BOOLEAN_KEYS.length)]);
      case 8 ->
          kv("database", pick("db1", "my   db", "", "a#b", "x".repeat(200 + random.nextInt(100))));
      case 9 ->
          kv(pick("language", "client charset"), pick("french", "UTF-8", "ISO-8859-1", "CP1252"));
      case 10, 11 ->
          kv(pick("timeout", "query timeout", "connect timeout", "text size"), pick(NUMBERS));
      case 12 ->
          kv("initial block size", pick("512", "511", "4096", "8192", "65535", "65536", "0", "-1"));
      case 13 -> kv("dump file", pick("${DIR}/proto.log", ""));
      case 14 ->
          kv(
              pick("hostname", "Encrypt", "debug level", "certificate hostname", "no such key"),
              pick("x.example", "yes", "3"));
      case 15 -> kv("debug flags", pick("0x10", "0777", "bogus"));
      default -> chance(20) ? bool("swap broken dates") : kv("text size", pick(NUMBERS));
    };
  }

  private String[] encryption() {
    if (chance(8)) {
      invalidLines.add(lines.size() + 1);
      return kv("encryption", pick("maybe", "", "on"));
    }
    return kv("encryption", pick("off", "request", "require", "OFF", "Require"));
  }

  private String[] bool(String key) {
    if (chance(6)) {
      invalidLines.add(lines.size() + 1);
      return kv(key, pick(BAD_BOOLEANS));
    }
    return kv(key, pick(BOOLEANS));
  }

  private String spell(String key) {
    StringBuilder sb = new StringBuilder(pick("", "", "  ", "\t"));
    for (char c : key.toCharArray()) {
      if (c == ' ' && chance(20)) {
        sb.append(pick("  ", "\t", " \t "));
      } else if (chance(10)) {
        sb.append(Character.toUpperCase(c));
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }

  private String equalsSign() {
    return pick(" = ", "=", " =", "= ", "\t=\t");
  }

  private String inlineComment() {
    return chance(12) ? pick(" ; note", " # note", "  \t") : "";
  }

  private int closedPort() {
    return 65530 + random.nextInt(5);
  }

  private boolean chance(int percent) {
    return random.nextInt(100) < percent;
  }

  @SafeVarargs
  private <T> T pick(T... options) {
    return options[random.nextInt(options.length)];
  }

  private static String[] kv(String key, String value) {
    return new String[] {key, value};
  }
}
