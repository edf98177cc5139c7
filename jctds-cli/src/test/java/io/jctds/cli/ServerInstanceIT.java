package io.jctds.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jctds.ConnectOptions;
import io.jctds.Cursor;
import io.jctds.Jctds;
import io.jctds.config.ConfigResolver;
import io.jctds.net.BrowserLookup;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code jctds server --instance NAME --browser-port N} from the shaded jar: its second stdout line
 * names the Browser's UDP port, jctds's client reaches the server as {@code 127.0.0.1\NAME} through
 * it, and a taken Browser port is exit status 2 with a message naming it.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ServerInstanceIT {
  private static final Pattern BROWSER =
      Pattern.compile(
          "SQL Server Browser on UDP 127\\.0\\.0\\.1:(\\d+) answers for instance JCTDS");

  @TempDir Path tmp;

  private static Path jar;

  @BeforeAll
  static void jar() {
    jar = Path.of(System.getProperty("jctds.jar", "target/jctds.jar"));
    assertThat(jar).as("the shaded jar (mvn package builds it)").isRegularFile();
  }

  @AfterEach
  void clearProperty() {
    System.clearProperty(BrowserLookup.PORT_PROPERTY);
  }

  /** The Browser line, waited for (it follows the listening line). */
  private static Matcher browserLine(ServerProcess server) throws InterruptedException {
    server.awaitListening();
    long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (System.nanoTime() < end) {
      List<String> out = server.stdout();
      if (out.size() >= 2) {
        Matcher m = BROWSER.matcher(out.get(1));
        assertThat(m.matches()).as(server.describe()).isTrue();
        return m;
      }
      Thread.sleep(50);
    }
    throw new AssertionError("no Browser line on stdout\n" + server.describe());
  }

  @Test
  void theClientReachesHostBackslashInstanceThroughTheServersBrowser() throws Exception {
    try (ServerProcess server =
        ServerProcess.start(
            jar,
            tmp,
            Map.of(ServerCommand.PASSWORD_ENV, "Inst-Pw-1"),
            "--port",
            "0",
            "--encryption",
            "off",
            "--instance",
            "JCTDS",
            "--browser-port",
            "0")) {
      int udp = Integer.parseInt(browserLine(server).group(1));
      System.setProperty(BrowserLookup.PORT_PROPERTY, Integer.toString(udp));
      Path conf = Files.writeString(tmp.resolve("freetds.conf"), "[global]\nencryption = off\n");
      ConfigResolver resolver = OnlyConf.resolver(conf, tmp);
      ConnectOptions options =
          ConnectOptions.builder()
              .user("sa")
              .password("Inst-Pw-1")
              .loginTimeout(40)
              .configResolver(resolver)
              .build();
      try (io.jctds.Connection c = Jctds.connect("127.0.0.1\\jctds", options);
          Cursor cursor = c.cursor()) {
        cursor.execute("SELECT 42");
        assertThat(cursor.fetchOne().get(0)).isEqualTo(42);
      }
      assertThat(server.stop("TERM")).as(server.describe()).isEqualTo(128 + 15);
    }
  }

  @Test
  void aTakenBrowserPortIsExitStatus2NamingIt() throws Exception {
    try (DatagramSocket taken =
            new DatagramSocket(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0));
        ServerProcess server =
            ServerProcess.start(
                jar,
                tmp,
                Map.of(ServerCommand.PASSWORD_ENV, "Inst-Pw-2"),
                "--port",
                "0",
                "--instance",
                "JCTDS",
                "--browser-port",
                Integer.toString(taken.getLocalPort()))) {
      assertThat(server.awaitExit()).as(server.describe()).isEqualTo(2);
      assertThat(server.stdout()).isEmpty();
      assertThat(server.stderr())
          .contains("UDP 127.0.0.1:" + taken.getLocalPort())
          .contains("--browser-port");
    }
  }

  @Test
  void aBadInstanceNameIsExitStatus2() {
    try (ServerProcess server =
        ServerProcess.start(
            jar, tmp, Map.of(ServerCommand.PASSWORD_ENV, "Inst-Pw-3"), "--instance", "A\\B")) {
      assertThat(server.awaitExit()).as(server.describe()).isEqualTo(2);
      assertThat(server.stderr()).contains("instance name 'A\\B'");
    }
  }
}
