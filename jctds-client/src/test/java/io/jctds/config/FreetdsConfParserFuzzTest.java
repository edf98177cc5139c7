package io.jctds.config;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Any bytes as a freetds.conf (also read as an interfaces file) plus any server name yield a {@link
 * ServerEntry} or a {@link ConfigException}, never another exception; the entry's JSON always
 * parses.
 *
 * <p>Input: the first line is the server name; if the next line starts with {@code #env } it holds
 * {@code NAME=value} pairs separated by {@code ;} (only the variables below are used); the rest is
 * the file. Host names never reach DNS: only IPv4 literals and {@code localhost} resolve.
 */
class FreetdsConfParserFuzzTest {
  private static final Set<String> VARIABLES =
      Set.of("TDSVER", "TDSPORT", "TDSHOST", "TDSQUERY", "DSQUERY", "TDSDUMP");
  private static final Pattern IPV4 =
      Pattern.compile(
          "((25[0-5]|2[0-4][0-9]|1?[0-9]?[0-9])\\.){3}(25[0-5]|2[0-4][0-9]|1?[0-9]?[0-9])");

  private static Path dir;

  @FuzzTest(maxDuration = "60s")
  void resolve(byte[] input) throws IOException {
    int nl = indexOf(input, 0);
    String name = new String(Arrays.copyOfRange(input, 0, nl), StandardCharsets.UTF_8);
    int rest = Math.min(nl + 1, input.length);
    Map<String, String> env = new HashMap<>();
    String head = new String(input, rest, Math.min(input.length - rest, 5), StandardCharsets.UTF_8);
    if (head.equals("#env ")) {
      int end = indexOf(input, rest);
      String line = new String(input, rest + 5, end - rest - 5, StandardCharsets.UTF_8);
      for (String pair : line.split(";")) {
        int eq = pair.indexOf('=');
        if (eq > 0 && VARIABLES.contains(pair.substring(0, eq))) {
          env.put(pair.substring(0, eq), pair.substring(eq + 1));
        }
      }
    }
    Path file = directory().resolve("fuzz.conf");
    Files.write(file, Arrays.copyOfRange(input, rest, input.length));
    ConfigResolver resolver =
        ConfigResolver.builder()
            .file(file)
            .environment(env)
            .userHome(null)
            .systemFiles(List.of())
            .interfacesDirectory(directory().resolve("none"))
            .servicesFile(null)
            .hostResolver(FreetdsConfParserFuzzTest::lookup)
            .console(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()))
            .build();
    try {
      ServerEntry entry = resolver.resolve(name);
      MiniJson.parseObject(entry.toJson());
      entry.toString();
      entry.connectProblem();
      entry.warnings().forEach(ConfigWarning::toString);
    } catch (ConfigException expected) {
      if (expected.getMessage() == null || expected.file().isEmpty()) {
        throw new AssertionError("a ConfigException without message or file", expected);
      }
    }
  }

  private static int indexOf(byte[] data, int from) {
    for (int i = from; i < data.length; i++) {
      if (data[i] == '\n') {
        return i;
      }
    }
    return data.length;
  }

  private static List<InetAddress> lookup(String host) throws UnknownHostException {
    if (host.equals("localhost")) {
      return List.of(InetAddress.getLoopbackAddress());
    }
    if (IPV4.matcher(host).matches()) {
      return List.of(InetAddress.getByName(host));
    }
    throw new UnknownHostException(host);
  }

  private static synchronized Path directory() throws IOException {
    if (dir == null) {
      dir = Files.createTempDirectory("jctds-fuzz");
      dir.toFile().deleteOnExit();
      dir.resolve("fuzz.conf").toFile().deleteOnExit();
    }
    return dir;
  }
}
