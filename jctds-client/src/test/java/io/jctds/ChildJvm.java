package io.jctds;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The command line of a child JVM with this test JVM's class path and a 64 MB heap. */
final class ChildJvm {
  private ChildJvm() {}

  /** {@code java -Xmx64m -XX:+ExitOnOutOfMemoryError -cp <ours> main args...}. */
  static List<String> smallHeap(Class<?> main, String... args) {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> path = new ArrayList<>();
    for (String key : new String[] {"java.class.path", "jdk.module.path"}) {
      String v = System.getProperty(key);
      if (v != null && !v.isEmpty()) {
        path.add(v);
      }
    }
    List<String> command = new ArrayList<>();
    command.addAll(
        List.of(
            java,
            "-Xmx64m",
            "-XX:+ExitOnOutOfMemoryError",
            "-cp",
            String.join(File.pathSeparator, path),
            main.getName()));
    command.addAll(List.of(args));
    return command;
  }
}
