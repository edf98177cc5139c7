package io.jctds.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jctds.testkit.Precondition;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code jctds demo} run in-process: both sections print the seed page's three lines. */
class DemoCommandIT {
  @RegisterExtension
  static final Precondition ENVIRONMENT =
      Precondition.unsetEnvironment("TDSVER", "TDSPORT", "TDSHOST");

  private static final List<String> SEED_LINES =
      List.of("Encrypted: TRUE", "Protocol: TSQL", "Auth scheme: SQL");

  @Test
  void demoVerifiesBothSectionsAndCleansUp() {
    CliRun r = CliRun.of("demo");
    assertThat(r.code()).as(r.err()).isZero();
    List<String> lines = r.out().lines().toList();

    int require = indexOfPrefix(lines, "== [demo-require]");
    int strict = indexOfPrefix(lines, "== [demo-strict]");
    assertThat(require).isPositive().isLessThan(strict);
    assertThat(lines.subList(require + 1, require + 4)).isEqualTo(SEED_LINES);
    assertThat(lines.subList(strict + 1, strict + 4)).isEqualTo(SEED_LINES);

    List<String> requireReport = lines.subList(require + 4, strict);
    assertThat(requireReport)
        .contains("TDS version:   7.4")
        .contains("Encryption:    full (TLS inside TDS 7.x for the whole connection)")
        .contains("Certificate:   NOT validated")
        .anyMatch(l -> l.startsWith("Note: certificate not validated"));
    List<String> strictReport = lines.subList(strict + 4, lines.size());
    assertThat(strictReport)
        .contains("TDS version:   8.0")
        .contains("Encryption:    strict (TDS 8.0: TLS first, everything inside it)")
        .contains("ALPN:          tds/8.0")
        .anyMatch(l -> l.startsWith("Certificate:   validated against CA file"))
        .anyMatch(l -> l.startsWith("Host name:     checked against '127.0.0.1'"));

    Matcher conf = Pattern.compile("written by this demo to (\\S+) ").matcher(r.out());
    assertThat(conf.find()).isTrue();
    Path file = Path.of(conf.group(1));
    assertThat(file).isAbsolute();
    assertThat(Files.exists(file)).as("temporary freetds.conf removed").isFalse();
    assertThat(Files.exists(file.getParent())).as("temporary directory removed").isFalse();
  }

  private static int indexOfPrefix(List<String> lines, String prefix) {
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).startsWith(prefix)) {
        return i;
      }
    }
    return -1;
  }
}
