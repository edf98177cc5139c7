package io.jctds.cli;

import io.jctds.server.Preload;
import picocli.CommandLine;

/** Entry point of the {@code jctds} command. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    if (args.length > 0 && args[0].equals("server")) {
      Preload.start(); // loads the engine's classes while picocli parses the command line
    }
    System.exit(run(args));
  }

  /** Runs the command line and returns the process exit code (see {@link ExitCodes}). */
  public static int run(String... args) {
    return newCommandLine().execute(args);
  }

  static CommandLine newCommandLine() {
    CommandLine cl = new CommandLine(new JctdsCommand());
    cl.setExecutionExceptionHandler(ExitCodes::handle);
    cl.setExitCodeExceptionMapper(ExitCodes::of);
    return cl;
  }
}
