package io.jctds.cli.diff;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.jctds.cli.diff.JctdsConfigRunner.JctdsRun;
import io.jctds.cli.diff.TsqlRunner.TsqlRun;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * locales.conf against Debian's tsql: both read {@code /etc/freetds/locales.conf} (FreeTDS's
 * sysconfdir, {@code tsql -C}; FreeTDS {@code configs.h} FREETDS_LOCALECONFFILE) and pick the
 * section named after the locale ({@code locale.c} {@code tds_get_locale}). {@code .ci/run}
 * installs a file whose only section, {@code [C.utf8]}, no other test's locale selects (they run
 * with {@code C.UTF-8}, which tries {@code C.UTF-8} and {@code C}).
 *
 * <p>What tsql can show: the section's {@code charset} (TDSDUMPCONFIG {@code server_charset}). Not
 * its {@code language}: tsql sets {@code us_english} as an application value ({@code tsql.c}
 * populate_login), which beats the locale's; db-lib programs such as k-ctds set none, so jctds
 * (resolving as db-lib does) shows the file's. Not {@code date format}: not in TDSDUMPCONFIG.
 */
class LocalesDifferentialIT {
  static final Path LOCALES = Path.of("/etc/freetds/locales.conf");

  @TempDir Path dir;

  @Test
  void theLocaleSectionGivesTheServerCharsetAsInFreetds() throws Exception {
    Optional<Path> tsql = TsqlRunner.locate();
    assertThat(tsql).as("tsql on the PATH (.ci/run installs freetds-bin)").isPresent();
    assertThat(Files.isReadable(LOCALES) ? Files.readString(LOCALES) : "")
        .as(LOCALES + " with the [C.utf8] section that .ci/run installs")
        .contains("[C.utf8]", "charset = cp1252", "language = francais");
    String jar = System.getProperty("jctds.jar");
    assertThat(jar).as("system property jctds.jar (set by failsafe)").isNotBlank();
    TsqlRunner t = new TsqlRunner(tsql.get(), Duration.ofSeconds(20));
    JctdsConfigRunner j = new JctdsConfigRunner(Path.of(jar), Duration.ofSeconds(60));
    Path conf = Files.writeString(dir.resolve("freetds.conf"), "[global]\n\tport = 1\n");

    // C.utf8 names the section; C.UTF-8 is cut to C (no section): FreeTDS's own results decide
    for (String locale : new String[] {"C.utf8", "C.UTF-8"}) {
      Map<String, String> env =
          Map.of("LC_ALL", locale, "LANG", locale, "FREETDSCONF", conf.toString());
      TsqlRun tr = t.resolve("127.0.0.1:9", env, dir.resolve(locale + "-tsql.txt"), null);
      assertThat(tr.dump().hasFinalBlock()).as("tsql dump for " + locale).isTrue();
      Path jdump = dir.resolve(locale + "-jctds.txt");
      Map<String, String> jenv = new java.util.HashMap<>(env);
      jenv.put("TDSDUMPCONFIG", jdump.toString());
      JctdsRun jr = j.resolve("127.0.0.1:9", jenv, null, null);
      assertThat(jr.process().exitCode()).as(jr.process().toString()).isZero();
      FreeTdsDump mine = FreeTdsDump.parse(Files.readString(jdump, StandardCharsets.UTF_8));
      String charset = tr.dump().parameter("server_charset").orElse("?");
      assertThat(mine.parameter("server_charset")).as(locale).contains(charset);
      assertThat(charset).as(locale).isEqualTo(locale.equals("C.utf8") ? "cp1252" : "");
      assertThat(tr.dump().parameter("language")).contains("us_english");
      JsonNode language = jr.json().get("language");
      assertThat(language.asText())
          .as(locale)
          .isEqualTo(locale.equals("C.utf8") ? "francais" : "us_english");
    }
  }
}
