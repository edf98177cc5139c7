package io.jctds.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jctds.server.EncryptionPolicy;
import io.jctds.server.TdsServer;
import io.jctds.testkit.Precondition;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code jctds bcp out} and Debian's freebcp (FreeTDS) {@code out -c} of the same table write the
 * same bytes, for the columns whose form is the same in both (BcpCommandIT's table; the documented
 * differences, year below 1000 and float/real, are left out).
 */
class BcpVersusFreeBcpIT {
  @RegisterExtension
  static final Precondition FREEBCP =
      Precondition.unsetEnvironment("TDSVER", "TDSPORT", "TDSHOST", "FREETDS", "FREETDSCONF")
          .and(Precondition.executable("freebcp", "apt-get install freetds-bin"));

  private static TdsServer server;

  @TempDir static Path dir;

  @BeforeAll
  static void start() throws Exception {
    server =
        TdsServer.builder()
            .port(0)
            .encryption(EncryptionPolicy.OFF)
            .user(BcpCommandIT.USER, BcpCommandIT.PASSWORD)
            .build()
            .start();
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void outWritesWhatFreebcpWrites() throws Exception {
    Path conf =
        Files.writeString(
            dir.resolve("freetds.conf"),
            "[global]\n[bcpcmp]\n\thost = 127.0.0.1\n\tport = "
                + server.port()
                + "\n\ttds version = 7.4\n\tencryption = off\n\tclient charset = UTF-8\n");
    String[] login = {"-S", "bcpcmp", "-I", conf.toString(), "-U", "x", "-P", "x"};
    login[5] = BcpCommandIT.USER;
    login[7] = BcpCommandIT.PASSWORD;
    CliRun created = CliRun.of(concat("sql", login, "-e", BcpCommandIT.CREATE));
    assertThat(created.code()).as(created.err()).isZero();
    Path ours = dir.resolve("jctds.txt");
    CliRun r = CliRun.of(concat("bcp", login, "bcp_t", "out", ours.toString(), "-c", "-t", "|"));
    assertThat(r.code()).as(r.err()).isZero();
    Path theirs = dir.resolve("freebcp.txt");
    ProcessBuilder pb =
        new ProcessBuilder(
                "freebcp",
                "bcp_t",
                "out",
                theirs.toString(),
                "-c",
                "-t",
                "|",
                "-S",
                "bcpcmp",
                "-U",
                BcpCommandIT.USER,
                "-P",
                BcpCommandIT.PASSWORD)
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("freebcp.log").toFile());
    pb.environment().put("FREETDSCONF", conf.toString());
    Process p = pb.start();
    assertThat(p.waitFor(2, TimeUnit.MINUTES)).as("freebcp ended").isTrue();
    String log = Files.readString(dir.resolve("freebcp.log"), StandardCharsets.UTF_8);
    assertThat(p.exitValue()).as(log).isZero();
    assertThat(log).contains("3 rows copied.");
    assertThat(Files.readString(ours, StandardCharsets.UTF_8))
        .isEqualTo(Files.readString(theirs, StandardCharsets.UTF_8));
    // and jctds bcp in reads freebcp's file: loaded into an empty copy and written out again
    CliRun copy =
        CliRun.of(
            concat("sql", login, "-e", "SELECT * INTO bcp_from_freebcp FROM bcp_t WHERE 1=0"));
    assertThat(copy.code()).as(copy.err()).isZero();
    CliRun in =
        CliRun.of(
            concat("bcp", login, "bcp_from_freebcp", "in", theirs.toString(), "-c", "-t", "|"));
    assertThat(in.code()).as(in.err()).isZero();
    Path again = dir.resolve("again.txt");
    CliRun out =
        CliRun.of(
            concat(
                "bcp",
                login,
                "SELECT * FROM bcp_from_freebcp ORDER BY id",
                "queryout",
                again.toString(),
                "-c",
                "-t",
                "|"));
    assertThat(out.code()).as(out.err()).isZero();
    assertThat(Files.readString(again, StandardCharsets.UTF_8))
        .isEqualTo(Files.readString(theirs, StandardCharsets.UTF_8));
  }

  private static String[] concat(String command, String[] login, String... rest) {
    String[] args = new String[1 + login.length + rest.length];
    args[0] = command;
    System.arraycopy(login, 0, args, 1, login.length);
    System.arraycopy(rest, 0, args, 1 + login.length, rest.length);
    return args;
  }
}
