package io.jctds.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * TDSDUMPCONFIG and {@code dump file append} as FreeTDS 1.5 handles them ({@code config.c} {@code
 * tds_read_config_info} opens the log before reading the files; {@code tds_parse_conf_section} sets
 * the process-wide {@code tds_append_mode}; {@code log.c} {@code tdsdump_open} opens with "w"
 * unless append mode is on, then "a", with a new "Starting log file" header; {@code tdsdump_append}
 * keeps the names stdout and stderr special; FREETDS.md 5.1).
 */
class ConfigLogAppendTest {
  private static final String HEADER = "Starting log file";

  @TempDir Path tmp;
  ConfFixture f;
  Path dump;

  @BeforeEach
  void setUp() {
    f = new ConfFixture(tmp);
    dump = tmp.resolve("dump.txt");
    f.env.put("TDSDUMPCONFIG", dump.toString());
  }

  private static int count(String text, String what) {
    return text.split(java.util.regex.Pattern.quote(what), -1).length - 1;
  }

  @Test
  void withoutAppendEachResolutionTruncates() throws Exception {
    f.system("[a]\n\thost = 192.0.2.1\n\tport = 1\n[b]\n\thost = 192.0.2.2\n\tport = 2\n");
    ConfigResolver r = f.resolver();
    r.resolve("a");
    r.resolve("b");
    String text = Files.readString(dump);
    assertThat(count(text, HEADER)).isEqualTo(1);
    assertThat(text).contains("Getting connection information for [b].").doesNotContain("[a].");
  }

  @Test
  void appendSetByAFileAppliesFromTheNextResolution() throws Exception {
    Files.writeString(dump, "older text\n");
    f.system("[global]\n\tdump file append = yes\n[a]\n\thost = 192.0.2.1\n\tport = 1\n");
    ConfigResolver r = f.resolver();
    r.resolve("a"); // opened with "w" before the file set the flag
    String first = Files.readString(dump);
    assertThat(first).doesNotContain("older text");
    assertThat(count(first, HEADER)).isEqualTo(1);
    r.resolve("a");
    r.resolve("a");
    String text = Files.readString(dump);
    assertThat(text).startsWith(first);
    assertThat(count(text, HEADER)).isEqualTo(3);
    assertThat(count(text, "Final connection parameters:")).isEqualTo(3);
  }

  @Test
  void theFlagIsSharedByResolversOfTheProcessAndANoTurnsItOff() throws Exception {
    f.system("[global]\n\tdump file append = yes\n[a]\n\thost = 192.0.2.1\n\tport = 1\n");
    f.resolver().resolve("a");
    f.resolver().resolve("a"); // another resolver, same (fixture-wide) process flag
    assertThat(count(Files.readString(dump), HEADER)).isEqualTo(2);
    f.system("[global]\n\tdump file append = no\n[a]\n\thost = 192.0.2.1\n\tport = 1\n");
    f.resolver().resolve("a"); // still appends: the flag is read before the file
    assertThat(count(Files.readString(dump), HEADER)).isEqualTo(3);
    f.resolver().resolve("a"); // now truncates
    assertThat(count(Files.readString(dump), HEADER)).isEqualTo(1);
  }

  @Test
  void appendModeReachesTheEntryAsFreetdsGlobalDoes() {
    f.system("[a]\n\thost = 192.0.2.1\n\tport = 1\n");
    assertThat(f.resolve("a").dumpFileAppend()).isFalse();
    f.appendMode.set(true); // as left by an earlier connection of the process
    assertThat(f.resolve("a").dumpFileAppend()).isTrue();
  }

  @Test
  void stdoutStaysSpecialInAppendMode() throws Exception {
    f.env.put("TDSDUMPCONFIG", "stdout");
    f.appendMode.set(true);
    f.system("[a]\n\thost = 192.0.2.1\n\tport = 1\n");
    f.resolve("a");
    f.resolve("a");
    assertThat(count(f.consoleOut.toString(), HEADER)).isEqualTo(2);
    assertThat(tmp.resolve("stdout")).doesNotExist();
    assertThat(Path.of("stdout")).doesNotExist();
  }
}
