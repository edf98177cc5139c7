package io.jctds.cli;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.Charset;
import picocli.CommandLine;

/**
 * One in-process run of the {@code jctds} command line with captured standard output and error, and
 * (for {@code jctds sql}) the given text as standard input.
 *
 * @param code the exit code
 * @param out what the command printed on standard output
 * @param err what it printed on standard error
 */
record CliRun(int code, String out, String err) {

  /** Runs {@code args} with empty standard input. */
  static CliRun of(String... args) {
    return withInput("", args);
  }

  /** Runs {@code args}; {@code jctds sql} reads {@code stdin} as its standard input. */
  static CliRun withInput(String stdin, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cl = Main.newCommandLine();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    SqlCommand sql = cl.getSubcommands().get("sql").getCommand();
    sql.in = new ByteArrayInputStream(stdin.getBytes(Charset.defaultCharset()));
    BcpCommand bcp = cl.getSubcommands().get("bcp").getCommand();
    bcp.terminal = false; // err is a StringWriter: bcp's plain progress lines, never the bar
    int code = cl.execute(args);
    return new CliRun(code, out.toString(), err.toString());
  }
}
