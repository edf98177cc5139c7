package io.jctds.testkit;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Finding the real third-party peers the integration tests run against (FreeTDS, node, ...). A
 * missing peer fails the test on CI and skips it elsewhere, with a message that says how to install
 * it. A whole class that needs a peer declares a {@link Precondition}; {@link #require} is for a
 * peer that one test needs.
 */
public final class Peers {
  private static final Set<String> TRUE = Set.of("true", "1", "yes");

  private Peers() {}

  /**
   * Whether this run is CI, where a missing peer is a failure: the system property {@code jctds.ci}
   * (which the build sets from the environment variable {@code CI}), else {@code CI} itself, is
   * {@code true}, {@code 1} or {@code yes} in any case (what CI systems set).
   */
  public static boolean isCi() {
    String property = System.getProperty("jctds.ci");
    boolean fromBuild = property != null && !property.startsWith("${");
    return isCiValue(fromBuild ? property : System.getenv("CI"));
  }

  /** Whether {@code value} of {@code CI} means CI. */
  static boolean isCiValue(String value) {
    return value != null && TRUE.contains(value.strip().toLowerCase(Locale.ROOT));
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

  /**
   * Fails (CI) or skips (elsewhere) the current test because a peer is missing. Call it from a test
   * method, not from {@code @BeforeAll} (use a {@link Precondition} for a whole class).
   */
  public static void missing(String message) {
    if (isCi()) {
      Assertions.fail("A peer the integration tests need is missing on CI: " + message);
    }
    Assumptions.abort(message);
  }
}
