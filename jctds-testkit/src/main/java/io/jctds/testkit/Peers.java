package io.jctds.testkit;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Finding the real third-party peers the integration tests run against (FreeTDS, node, ...). A
 * missing peer fails the test on CI (system property {@code jctds.ci=true}, set from {@code CI})
 * and skips it elsewhere, with a message that says how to install it.
 */
public final class Peers {
  private Peers() {}

  /** Whether this run is CI, where a missing peer is a failure. */
  public static boolean isCi() {
    return "true".equalsIgnoreCase(System.getProperty("jctds.ci"));
  }

  /** The first executable called {@code name} on the PATH. */
  public static Optional<Path> onPath(String name) {
    String path = System.getenv("PATH");
    if (path == null) {
      return Optional.empty();
    }
    for (String dir : path.split(File.pathSeparator)) {
      Path candidate = Path.of(dir.isEmpty() ? "." : dir, name);
      if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  /**
   * The executable {@code name}, or a failure (CI) / skip (elsewhere) saying {@code howToInstall}.
   */
  public static Path require(String name, String howToInstall) {
    Optional<Path> found = onPath(name);
    if (found.isEmpty()) {
      missing(name + " is not on the PATH; install it: " + howToInstall);
    }
    return found.orElseThrow();
  }

  /** Fails (CI) or skips (elsewhere) the current test because a peer is missing. */
  public static void missing(String message) {
    if (isCi()) {
      Assertions.fail("A peer the integration tests need is missing on CI: " + message);
    }
    Assumptions.abort(message);
  }
}
