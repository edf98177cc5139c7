package io.jctds.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The top-level {@code jctds} command; the work is done by its subcommands. */
@Command(
    name = "jctds",
    mixinStandardHelpOptions = true,
    versionProvider = JctdsCommand.Version.class,
    description = "A pure-Java SQL Server client configured the FreeTDS way.",
    subcommands = {
      DemoCommand.class,
      SqlCommand.class,
      ConfigCommand.class,
      ServerCommand.class,
      BcpCommand.class,
      CheckTlsCommand.class
    })
public final class JctdsCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "Missing subcommand; see 'jctds --help'.");
  }

  /** The jctds version, from the build. */
  public static String version() {
    try (InputStream in = JctdsCommand.class.getResourceAsStream("version.properties")) {
      Properties p = new Properties();
      if (in != null) {
        p.load(in);
      }
      return p.getProperty("version", "unknown");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Supplies {@code jctds --version}. */
  public static final class Version implements IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {
        "jctds " + version(),
        "Java "
            + System.getProperty("java.version")
            + " ("
            + System.getProperty("java.vendor")
            + ")"
      };
    }
  }
}
