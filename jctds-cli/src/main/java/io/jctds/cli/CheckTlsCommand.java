package io.jctds.cli;

import io.jctds.ConnectOptions;
import io.jctds.Connection;
import io.jctds.Jctds;
import io.jctds.JctdsException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code jctds check-tls NAME}: connects to NAME exactly as a connection would (freetds.conf,
 * environment, the client's login state machine) and reports each step: the settings and where they
 * came from, PRELOGIN, TCP, the TLS handshake, the certificate chain, the validation rules, the
 * login and the server's own view; a failure is diagnosed in the seed page's terms with the
 * directive to set. Ends with a verdict line.
 */
@Command(
    name = "check-tls",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Checks how a connection to NAME is encrypted, step by step: settings with their origin,"
          + " PRELOGIN, TCP, TLS handshake, certificate chain, validation rules, login and"
          + " sys.dm_exec_connections; a failure is diagnosed with the directive to set.",
      "Without -U/-P it stops before the login (after the TLS handshake).",
      "Ends with 'Verdict: secure', 'encrypted but certificate not validated', 'login-only"
          + " encryption', 'not encrypted' or 'failed: REASON'.",
      "Exit status: 0 secure, 1 a weaker verdict, 2 failed (or a usage error)."
    })
public final class CheckTlsCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(
      index = "0",
      paramLabel = "NAME",
      description = "A freetds.conf section, a host, host:port, [v6]:port or host\\instance.")
  String server;

  @Option(
      names = {"-U", "--user"},
      paramLabel = "USER",
      description = "The SQL login; with -P the check goes on through the login.")
  String user;

  @Option(
      names = {"-P", "--password"},
      paramLabel = "PASSWORD",
      description = "The login's password.")
  String password;

  @Option(
      names = {"-I", "--file"},
      paramLabel = "FILE",
      description = "A freetds.conf read before all others (like tsql -I).")
  Path file;

  @Option(
      names = {"-t", "--login-timeout"},
      paramLabel = "SECONDS",
      description = "Login timeout (else 'connect timeout' of freetds.conf, else 15 s).")
  Integer loginTimeout;

  @Option(names = "--json", description = "Print the report as one JSON object.")
  boolean json;

  @Override
  public Integer call() {
    if ((user == null) != (password == null)) {
      throw new ParameterException(
          spec.commandLine(), "Give -U and -P together (or neither, to stop before the login).");
    }
    if (loginTimeout != null && loginTimeout < 1) {
      throw new ParameterException(spec.commandLine(), "-t must be at least 1 second");
    }
    CheckTlsTrace trace = new CheckTlsTrace(user == null);
    ConnectOptions options =
        ConnectOptions.builder()
            .user(user)
            .password(password)
            .configFile(file)
            .loginTimeout(loginTimeout == null ? null : Duration.ofSeconds(loginTimeout))
            .autocommit(true)
            .appname("jctds check-tls")
            .observer(trace)
            .build();
    CheckTlsReport report = new CheckTlsReport(server);
    Connection connection = null;
    JctdsException failure = null;
    try {
      connection = Jctds.connect(server, options);
    } catch (JctdsException e) {
      failure = trace.stopped ? null : e;
    }
    try {
      CheckTlsSteps.fill(report, trace, connection, failure, server);
    } finally {
      if (connection != null) {
        connection.close();
      }
    }
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      out.println(CheckTlsJson.of(report));
      out.flush();
    } else {
      report.print(out);
    }
    return report.exitCode();
  }
}
