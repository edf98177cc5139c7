package io.jctds.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * locales.conf as FreeTDS 1.5 reads it ({@code src/tds/locale.c} {@code tds_get_locale}, {@code
 * tds_parse_locale}; {@code mem.c} {@code tds_init_login}; FREETDS.md 2.3 and 3.2): beside the
 * system freetds.conf, {@code [default]} then the locale's section with {@code @}, {@code .},
 * {@code _} stripped in turn, applied before freetds.conf.
 */
class LocalesConfTest {
  @TempDir Path tmp;
  ConfFixture f;

  @BeforeEach
  void setUp() {
    f = new ConfFixture(tmp);
    f.system("[global]\n\tport = 1433\n");
  }

  private void locales(String text) {
    f.file("etc/locales.conf", text);
  }

  @Test
  void theFileIsBesideTheSystemFreetdsConf() {
    assertThat(f.resolver().localesFile()).isEqualTo(f.etc.resolve("locales.conf"));
  }

  @Test
  void defaultSectionAppliesWhateverTheLocale() {
    locales("[default]\n\tlanguage = francais\n\tcharset = iso_1\n\tdate format = %d.%m.%Y\n");
    f.env.put("LANG", "de_DE.UTF-8");
    ServerEntry e = f.resolve("127.0.0.1:1433");
    assertThat(e.language()).isEqualTo("francais");
    assertThat(e.serverCharset()).isEqualTo("iso_1");
    assertThat(e.dateFormat()).isEqualTo("%d.%m.%Y");
    assertThat(e.source("language").label()).startsWith("file:" + f.etc.resolve("locales.conf"));
  }

  @Test
  void fullLocaleNameWinsOverDefault() {
    locales(
        "[default]\n\tlanguage = us_english\n"
            + "[en_GB.UTF-8]\n\tlanguage = british\n"
            + "[en_GB]\n\tlanguage = not_this\n");
    f.env.put("LANG", "en_GB.UTF-8");
    assertThat(f.resolve("127.0.0.1:1433").language()).isEqualTo("british");
  }

  @Test
  void nameIsCutAtAtThenDotThenUnderscore() {
    locales("[it]\n\tlanguage = italiano\n");
    f.env.put("LANG", "it_IT.UTF-8@euro");
    assertThat(f.resolve("127.0.0.1:1433").language()).isEqualTo("italiano");
    assertThat(LocalesConf.candidates("it_IT.UTF-8@euro"))
        .containsExactly("it_IT.UTF-8@euro", "it_IT.UTF-8", "it_IT", "it");
    // strrchr each time: the last '.' of the remaining text
    assertThat(LocalesConf.candidates("de_DE.ISO8859-15"))
        .containsExactly("de_DE.ISO8859-15", "de_DE", "de");
  }

  @Test
  void lcAllBeatsLangAndSectionsMatchWithoutCase() {
    locales("[DE_de]\n\tlanguage = deutsch\n[fr_FR]\n\tlanguage = francais\n");
    f.env.put("LANG", "fr_FR.UTF-8");
    f.env.put("LC_ALL", "de_DE.UTF-8");
    assertThat(f.resolve("127.0.0.1:1433").language()).isEqualTo("deutsch");
  }

  @Test
  void noLocaleMeansTheCLocale() {
    locales("[C]\n\tlanguage = c_lang\n");
    assertThat(f.resolve("127.0.0.1:1433").language()).isEqualTo("c_lang");
  }

  @Test
  void freetdsConfAndTheApplicationBeatLocalesConf() {
    locales("[default]\n\tlanguage = francais\n\tcharset = iso_1\n");
    f.system("[global]\n\tport = 1433\n\tlanguage = deutsch\n");
    ServerEntry e = f.resolve("127.0.0.1:1433");
    assertThat(e.language()).isEqualTo("deutsch");
    assertThat(e.serverCharset()).isEqualTo("iso_1");
    ApplicationSettings app = ApplicationSettings.builder().language("italiano").build();
    assertThat(f.resolve("127.0.0.1:1433", app).language()).isEqualTo("italiano");
  }

  @Test
  void charsetIsTheServerCharsetNotTheClientCharset() {
    locales("[default]\n\tcharset = cp1252\n\tclient charset = KOI8-R\n");
    ServerEntry e = f.resolve("127.0.0.1:1433");
    assertThat(e.serverCharset()).isEqualTo("cp1252");
    assertThat(e.clientCharset()).isNotEqualTo("KOI8-R").isNotEqualTo("cp1252");
  }

  @Test
  void missingFileOrSectionLeavesFreetdsDefaults() {
    f.env.put("LANG", "ja_JP.UTF-8");
    assertThat(f.resolve("127.0.0.1:1433").language()).isEqualTo("us_english");
    locales("[fr]\n\tlanguage = francais\n");
    ServerEntry e = f.resolve("127.0.0.1:1433");
    assertThat(e.language()).isEqualTo("us_english");
    assertThat(e.dateFormat()).isNull();
  }
}
