package io.jctds.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** FREETDS.md 3.1: the file search order. */
class SearchOrderTest {
  @TempDir Path tmp;
  ConfFixture f;

  @BeforeEach
  void setUp() {
    f = new ConfFixture(tmp);
  }

  private static String section(int port) {
    return "[s]\nhost = 127.0.0.1\nport = " + port + "\n";
  }

  @Test
  void theFirstFileThatDefinesTheServerWinsInFreeTdsOrder() {
    f.explicitFile = f.file("explicit.conf", section(1));
    f.freetdsconf(section(2));
    f.file("ftds/etc/freetds.conf", section(3));
    f.env.put("FREETDS", tmp.resolve("ftds").toString());
    f.file("home/.config/freetds.conf", section(4));
    f.file("home/.freetds.conf", section(5));
    f.system(section(6));
    assertThat(f.resolve("s").port()).isEqualTo(1);
    f.explicitFile = null;
    assertThat(f.resolve("s").port()).isEqualTo(2);
    f.env.remove("FREETDSCONF");
    assertThat(f.resolve("s").port()).isEqualTo(3);
    f.env.remove("FREETDS");
    assertThat(f.resolve("s").port()).isEqualTo(4);
    f.file("home/.config/freetds.conf", "");
    assertThat(f.resolve("s").port()).isEqualTo(5);
    f.file("home/.freetds.conf", "");
    ServerEntry e = f.resolve("s");
    assertThat(e.port()).isEqualTo(6);
    assertThat(e.configFile()).isEqualTo(tmp.resolve("etc/freetds.conf"));
  }

  @Test
  void freetdsIsADirectoryNotAFile() {
    Path asFile = f.file("ftds.conf", section(3));
    f.env.put("FREETDS", asFile.toString());
    assertThat(f.resolve("s").configFile()).isNull();
  }

  @Test
  void theSystemFileIsTheFirstExistingCandidate() {
    f.systemFiles.clear();
    f.systemFiles.add(tmp.resolve("none/freetds.conf"));
    f.systemFiles.add(f.file("second/freetds.conf", section(8)));
    f.systemFiles.add(f.file("third/freetds.conf", section(9)));
    assertThat(f.resolve("s").port()).isEqualTo(8);
  }

  @Test
  void searchedFilesListsEveryCandidateInOrder() {
    f.explicitFile = f.file("explicit.conf", "");
    f.freetdsconf("");
    f.env.put("FREETDS", tmp.resolve("ftds").toString());
    f.systemFiles.add(tmp.resolve("other/freetds.conf"));
    f.system("");
    List<SearchedFile> files = f.resolver().searchedFiles();
    assertThat(files)
        .extracting(SearchedFile::how)
        .containsExactly(
            "set programmatically",
            "from $FREETDSCONF",
            "from $FREETDS/etc",
            ".config/freetds.conf",
            ".freetds.conf",
            "default",
            "default");
    assertThat(files)
        .extracting(SearchedFile::exists)
        .containsExactly(true, true, false, false, false, true, false);
    assertThat(files.get(2).path()).isEqualTo(tmp.resolve("ftds/etc/freetds.conf"));
    assertThat(files.get(3).path()).isEqualTo(tmp.resolve("home/.config/freetds.conf"));
  }

  @Test
  void withoutHomeThereAreNoHomeFiles() {
    ConfigResolver r =
        ConfigResolver.builder()
            .environment(java.util.Map.of())
            .userHome(null)
            .systemFiles(List.of())
            .build();
    assertThat(r.searchedFiles()).isEmpty();
  }

  @Test
  void theSearchTraceNamesEachFileAndHowItWasFound() throws Exception {
    f.freetdsconf(section(2));
    f.env.put("FREETDS", tmp.resolve("ftds").toString());
    f.env.put("TDSDUMPCONFIG", tmp.resolve("d.txt").toString());
    f.env.put("FREETDSCONF", tmp.resolve("missing.conf").toString());
    f.system(section(6));
    f.resolve("s");
    String dump = java.nio.file.Files.readString(tmp.resolve("d.txt"));
    assertThat(dump)
        .contains("Could not open '" + tmp.resolve("missing.conf") + "' ((from $FREETDSCONF)).")
        .contains(
            "Could not open '" + tmp.resolve("ftds/etc/freetds.conf") + "' ((from $FREETDS/etc)).")
        .contains("((.config/freetds.conf))", "((.freetds.conf))")
        .contains("Found conf file '" + tmp.resolve("etc/freetds.conf") + "' (default).")
        .contains("Success: [s] defined in " + tmp.resolve("etc/freetds.conf") + ".");
  }
}
