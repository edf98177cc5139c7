package io.jctds.cli;

import io.jctds.config.ConfigResolver;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Client configuration for tests: one freetds.conf and nothing else of the machine's. */
final class OnlyConf {
  private OnlyConf() {}

  /**
   * A resolver that reads {@code conf} (as $FREETDSCONF) and no user, system or interfaces file.
   *
   * @param dir a directory of the test's, under which no interfaces file exists
   */
  static ConfigResolver resolver(Path conf, Path dir) {
    return ConfigResolver.builder()
        .environment(Map.of("FREETDSCONF", conf.toString()))
        .userHome(null)
        .systemFiles(List.of())
        .interfacesDirectory(dir.resolve("none"))
        .build();
  }
}
