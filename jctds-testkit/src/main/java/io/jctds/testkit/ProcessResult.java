package io.jctds.testkit;

import java.util.List;

/**
 * What an external process did: the command line, its exit code and everything it wrote.
 *
 * @param command the command line that was run
 * @param exitCode the process exit code
 * @param stdout standard output, decoded as UTF-8
 * @param stderr standard error, decoded as UTF-8
 */
public record ProcessResult(List<String> command, int exitCode, String stdout, String stderr) {
  public ProcessResult {
    command = List.copyOf(command);
  }

  /** Standard output followed by standard error, for failure messages. */
  public String transcript() {
    return "$ "
        + String.join(" ", command)
        + "\n[exit "
        + exitCode
        + "]\n--- stdout ---\n"
        + stdout
        + "\n--- stderr ---\n"
        + stderr;
  }
}
