package io.jctds.testkit;

import java.time.Duration;
import java.util.List;

/** An external process did not finish within its hard timeout and was killed. */
public final class ProcessTimeoutException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  ProcessTimeoutException(List<String> command, Duration timeout, String stdout, String stderr) {
    super(
        "process did not finish within "
            + timeout.toSeconds()
            + " s and was killed: "
            + String.join(" ", command)
            + "\n--- stdout so far ---\n"
            + stdout
            + "\n--- stderr so far ---\n"
            + stderr
            + "\nIf it waits for a peer, check that nothing listens on the ports the test uses.");
  }
}
