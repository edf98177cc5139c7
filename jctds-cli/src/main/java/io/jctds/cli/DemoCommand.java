package io.jctds.cli;

import io.jctds.ConnectOptions;
import io.jctds.Connection;
import io.jctds.Cursor;
import io.jctds.Jctds;
import io.jctds.JctdsException;
import io.jctds.Row;
import io.jctds.SqlServerMessage;
import io.jctds.server.EncryptionPolicy;
import io.jctds.server.TdsServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code jctds demo}: the seed page's "Verifying Encryption" example, end to end, with nothing
 * installed. Starts the embedded server twice on ephemeral ports of 127.0.0.1 (policy {@code
 * required}, then {@code strict}), writes a temporary freetds.conf with a section for each ({@code
 * encryption = require}; {@code encryption = strict} with {@code ca file} = the strict server's
 * CA), connects through each section by name, runs the page's query and prints its three lines
 * ({@code Encrypted: TRUE}, {@code Protocol: TSQL}, {@code Auth scheme: SQL}) and the connection's
 * encryption report. Removes its files and stops both servers.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
      "Starts the embedded server (encryption required, then strict), writes a temporary"
          + " freetds.conf with an 'encryption = require' and an 'encryption = strict' section,"
          + " connects through each by name and prints the seed page's verification output"
          + " (Encrypted / Protocol / Auth scheme) and the encryption report.",
      "Exit status: 0 ok, 2 a connection failed."
    })
public final class DemoCommand implements Callable<Integer> {
  /** The seed page's verification query. */
  static final String VERIFY_SQL =
      "SELECT encrypt_option, protocol_type, auth_scheme "
          + "FROM sys.dm_exec_connections "
          + "WHERE session_id = @@SPID";

  static final String REQUIRE_SECTION = "demo-require";
  static final String STRICT_SECTION = "demo-strict";
  private static final String USER = "demo";

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    String password = randomPassword();
    Path dir = Files.createTempDirectory("jctds-demo-");
    try (TdsServer required = start(EncryptionPolicy.REQUIRED, password);
        TdsServer strict = start(EncryptionPolicy.STRICT, password)) {
      Path ca = strict.writeTrustedCertificate(dir.resolve("strict-ca.pem"));
      Path conf = dir.resolve("freetds.conf");
      Files.writeString(conf, freetdsConf(required.port(), strict.port(), ca));
      out.println("freetds.conf written by this demo to " + conf + " (removed at the end):");
      out.println();
      Files.readAllLines(conf).forEach(l -> out.println("  " + l));
      ConnectOptions options =
          ConnectOptions.builder().user(USER).password(password).configFile(conf).build();
      verify(out, REQUIRE_SECTION, "required", options);
      verify(out, STRICT_SECTION, "strict", options);
      out.flush();
      return ExitCodes.OK;
    } finally {
      deleteAll(dir);
    }
  }

  /** The demo's freetds.conf: one section per server. */
  static String freetdsConf(int requirePort, int strictPort, Path caFile) {
    return String.join(
        "\n",
        "# written by jctds demo",
        "[" + REQUIRE_SECTION + "]",
        "\thost = 127.0.0.1",
        "\tport = " + requirePort,
        "\ttds version = 7.4",
        "\tencryption = require",
        "",
        "[" + STRICT_SECTION + "]",
        "\thost = 127.0.0.1",
        "\tport = " + strictPort,
        "\tencryption = strict",
        "\tca file = " + caFile,
        "");
  }

  private static TdsServer start(EncryptionPolicy policy, String password) throws IOException {
    TdsServer server =
        TdsServer.builder()
            .port(0)
            .encryption(policy)
            .user(USER, password)
            .logger(new WarningsOnly(System.getLogger(TdsServer.LOGGER_NAME)))
            .build();
    try {
      return server.start();
    } catch (IOException | RuntimeException e) {
      server.close();
      throw e;
    }
  }

  private static void verify(
      PrintWriter out, String section, String policy, ConnectOptions options) {
    out.println();
    out.println(
        "== ["
            + section
            + "] (embedded server, encryption policy "
            + policy
            + "): Jctds.connect(\""
            + section
            + "\", ...)");
    try (Connection conn = Jctds.connect(section, options);
        Cursor cursor = conn.cursor()) {
      List<SqlServerMessage> notes =
          conn.messages().stream().filter(SqlServerMessage::isClientNote).toList();
      cursor.execute(VERIFY_SQL);
      Row row = cursor.fetchOne();
      if (row == null) {
        throw new CliException(
            ExitCodes.USAGE_CONFIG_OR_CONNECTION,
            "sys.dm_exec_connections returned no row for this session in [" + section + "]");
      }
      out.println("Encrypted: " + row.get(0));
      out.println("Protocol: " + row.get(1));
      out.println("Auth scheme: " + row.get(2));
      out.println();
      out.print(conn.encryption().describe());
      notes.forEach(n -> out.println("Note: " + n.text()));
    } catch (JctdsException e) {
      out.flush();
      throw new CliException(
          ExitCodes.USAGE_CONFIG_OR_CONNECTION,
          "the demo could not connect through [" + section + "]: " + e.getMessage(),
          e);
    }
  }

  private static String randomPassword() {
    byte[] bytes = new byte[15];
    new SecureRandom().nextBytes(bytes);
    return "Demo-" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  private static void deleteAll(Path dir) {
    try (var files = Files.list(dir)) {
      for (Path f : files.toList()) {
        Files.deleteIfExists(f);
      }
      Files.deleteIfExists(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("removing the demo's temporary directory " + dir, e);
    }
  }

  /** Passes the server's warnings and errors on; drops its per-connection INFO lines. */
  private record WarningsOnly(System.Logger delegate) implements System.Logger {
    @Override
    public String getName() {
      return delegate.getName();
    }

    @Override
    public boolean isLoggable(Level level) {
      return level.getSeverity() >= Level.WARNING.getSeverity() && delegate.isLoggable(level);
    }

    @Override
    public void log(Level level, java.util.ResourceBundle bundle, String msg, Throwable thrown) {
      if (isLoggable(level)) {
        delegate.log(level, bundle, msg, thrown);
      }
    }

    @Override
    public void log(Level level, java.util.ResourceBundle bundle, String format, Object... params) {
      if (isLoggable(level)) {
        delegate.log(level, bundle, format, params);
      }
    }
  }
}
