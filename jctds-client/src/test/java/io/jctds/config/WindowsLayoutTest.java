package io.jctds.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The resolver with FreeTDS's Windows conventions, on a Windows-like environment laid out in a
 * temporary directory (FREETDS.md 3.1; FreeTDS 1.5 {@code config.c} {@code tds_read_conf_file} and
 * its {@code _WIN32} constants, {@code configs.h} {@code FREETDS_SYSCONFDIR "c:"}, {@code
 * utils/threadsafe.c} {@code tds_get_homedir} = {@code CSIDL_APPDATA}): {@code %FREETDSCONF%},
 * {@code %FREETDS%\freetds.conf}, {@code %APPDATA%\.freetds.conf} (no {@code .config}), then the
 * system file with {@code locales.conf} beside it.
 */
class WindowsLayoutTest {
  @TempDir Path tmp;
  Path appData;
  Path freetdsDir;
  Path systemDir;
  Map<String, String> env = new HashMap<>();

  @BeforeEach
  void setUp() throws IOException {
    appData = Files.createDirectories(tmp.resolve("Users/u/AppData/Roaming"));
    freetdsDir = Files.createDirectories(tmp.resolve("Program Files/FreeTDS"));
    systemDir = Files.createDirectories(tmp.resolve("c"));
    env.put("APPDATA", appData.toString());
  }

  private ConfigResolver resolver() {
    return ConfigResolver.builder()
        .windows(true)
        .environment(env)
        .systemFiles(List.of(systemDir.resolve("freetds.conf")))
        .hostResolver(h -> List.of(java.net.InetAddress.getByName("192.0.2.9")))
        .console(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()))
        .appendMode(new DumpAppendMode())
        .build();
  }

  private static void write(Path p, String text) throws IOException {
    Files.createDirectories(p.getParent());
    Files.writeString(p, text, StandardCharsets.UTF_8);
  }

  @Test
  void searchOrderIsFreetdsWindowsOrder() {
    env.put("FREETDSCONF", tmp.resolve("explicit.conf").toString());
    env.put("FREETDS", freetdsDir.toString());
    assertThat(resolver().searchedFiles())
        .extracting(SearchedFile::path, SearchedFile::how)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(tmp.resolve("explicit.conf"), "from $FREETDSCONF"),
            org.assertj.core.groups.Tuple.tuple(
                freetdsDir.resolve("freetds.conf"), "from $FREETDS"),
            org.assertj.core.groups.Tuple.tuple(appData.resolve(".freetds.conf"), ".freetds.conf"),
            org.assertj.core.groups.Tuple.tuple(systemDir.resolve("freetds.conf"), "default"));
  }

  @Test
  void freetdsDirectoryHoldsTheFileItselfNotEtc() throws IOException {
    write(freetdsDir.resolve("etc/freetds.conf"), "[s]\n\tport = 1111\n");
    write(freetdsDir.resolve("freetds.conf"), "[s]\n\tport = 2222\n");
    env.put("FREETDS", freetdsDir.toString());
    ServerEntry e = resolver().resolve("s");
    assertThat(e.port()).isEqualTo(2222);
    assertThat(e.configFile()).isEqualTo(freetdsDir.resolve("freetds.conf"));
  }

  @Test
  void userFileIsInAppDataAndDotConfigIsNotRead() throws IOException {
    write(appData.resolve(".config/freetds.conf"), "[s]\n\tport = 1111\n");
    write(appData.resolve(".freetds.conf"), "[s]\n\tport = 3333\n");
    assertThat(resolver().resolve("s").port()).isEqualTo(3333);
  }

  @Test
  void systemFileAndLocalesConfBesideIt() throws IOException {
    write(systemDir.resolve("freetds.conf"), "[s]\n\tport = 4444\n");
    write(systemDir.resolve("locales.conf"), "[default]\n\tlanguage = francais\n");
    ConfigResolver r = resolver();
    assertThat(r.localesFile()).isEqualTo(systemDir.resolve("locales.conf"));
    ServerEntry e = r.resolve("s");
    assertThat(e.port()).isEqualTo(4444);
    assertThat(e.language()).isEqualTo("francais");
  }

  @Test
  void variableNamesMatchWithoutCase() throws IOException {
    write(freetdsDir.resolve("freetds.conf"), "[s]\n\tport = 5555\n");
    env.put("FreeTDS", freetdsDir.toString());
    env.put("TdsVer", "7.2");
    ServerEntry e = resolver().resolve("s");
    assertThat(e.port()).isEqualTo(5555);
    assertThat(e.tdsVersion()).isEqualTo(TdsVersion.V7_2);
  }

  @Test
  void interfacesFilesAreInAppDataAndSybase() throws IOException {
    // FreeTDS tds_read_interfaces: home/.interfaces (home = CSIDL_APPDATA on Windows), then
    // $SYBASE/interfaces (c:\ when unset)
    write(appData.resolve(".interfaces"), "winsyb\n\tquery tcp ether 127.0.0.1 6001\n");
    assertThat(resolver().resolve("winsyb").port()).isEqualTo(6001);
    Path sybase = Files.createDirectories(tmp.resolve("sybase"));
    write(sybase.resolve("interfaces"), "other\n\tquery tcp ether 127.0.0.1 6002\n");
    env.put("Sybase", sybase.toString());
    assertThat(resolver().resolve("other").port()).isEqualTo(6002);
  }

  @Test
  void defaultsAreTheWindowsOnes() {
    ConfigResolver r =
        ConfigResolver.builder().windows(true).environment(Map.of("APPDATA", "x")).build();
    assertThat(r.searchedFiles())
        .extracting(f -> f.path().toString())
        .containsExactly(Path.of("x", ".freetds.conf").toString(), "c:\\freetds.conf");
    assertThat(r.localesFile().toString()).isEqualTo(Path.of("c:\\locales.conf").toString());
    assertThat(WindowsLayout.defaultDump(true, true)).startsWith("c:\\tdsconfig.log.");
    assertThat(WindowsLayout.defaultDump(true, false)).startsWith("c:\\freetds.log.");
  }
}
