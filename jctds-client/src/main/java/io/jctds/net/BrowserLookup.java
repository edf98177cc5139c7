package io.jctds.net;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.OptionalInt;

/**
 * Finds the TCP port of a named instance through SQL Server Browser (FreeTDS {@code
 * tds7_get_instance_port}, [MS-SQLR]): a UDP datagram {@code 0x04} + instance name + NUL to port
 * 1434; the answer starts with {@code 0x05} and, from offset 3, holds {@code ;}-separated
 * name/value pairs with {@code InstanceName} and {@code tcp}. Each try waits up to one second,
 * within the login deadline.
 *
 * <p>FreeTDS always asks UDP 1434. jctds asks another port when the system property {@value
 * #PORT_PROPERTY} or else the environment variable {@value #PORT_ENV} names one (for tests, e.g.
 * against an embedded server's Browser on an ephemeral port).
 */
public final class BrowserLookup {
  /** SQL Server Browser's UDP port. */
  public static final int BROWSER_PORT = 1434;

  /** The system property naming another Browser port (1..65535). */
  public static final String PORT_PROPERTY = "jctds.browser.port";

  /** The environment variable naming another Browser port, if the property is not set. */
  public static final String PORT_ENV = "JCTDS_BROWSER_PORT";

  /** FreeTDS's number of tries, each waiting up to one second. */
  public static final int TRIES = 16;

  private BrowserLookup() {}

  /**
   * The Browser port to ask: {@value #PORT_PROPERTY}, else {@value #PORT_ENV}, else {@value
   * #BROWSER_PORT}.
   *
   * @throws IllegalArgumentException naming the setting when its value is not a port 1..65535
   */
  public static int configuredPort() {
    String property = System.getProperty(PORT_PROPERTY);
    if (property != null) {
      return parsePort(property, "system property " + PORT_PROPERTY);
    }
    String env = System.getenv(PORT_ENV);
    if (env != null && !env.isEmpty()) {
      return parsePort(env, "environment variable " + PORT_ENV);
    }
    return BROWSER_PORT;
  }

  /** Where {@link #configuredPort()} comes from, e.g. {@code "the default"}. */
  public static String configuredPortOrigin() {
    if (System.getProperty(PORT_PROPERTY) != null) {
      return "system property " + PORT_PROPERTY;
    }
    String env = System.getenv(PORT_ENV);
    return env != null && !env.isEmpty() ? "environment variable " + PORT_ENV : "the default";
  }

  private static int parsePort(String value, String origin) {
    try {
      int port = Integer.parseInt(value.trim());
      if (port >= 1 && port <= 65535) {
        return port;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException(
        origin
            + " = '"
            + value
            + "' is not a UDP port 1..65535 for SQL Server Browser: fix it or unset it (the"
            + " default is "
            + BROWSER_PORT
            + ")");
  }

  /** As {@link #port(InetAddress, String, Deadline)} with another browser port (tests). */
  public static OptionalInt port(
      InetAddress address, int browserPort, String instance, Deadline deadline) throws IOException {
    byte[] name = instance.getBytes(StandardCharsets.ISO_8859_1);
    byte[] request = new byte[name.length + 2];
    request[0] = 0x04;
    System.arraycopy(name, 0, request, 1, name.length);
    try (DatagramSocket socket = new DatagramSocket()) {
      byte[] answer = new byte[65535];
      for (int i = 0; i < TRIES; i++) {
        socket.send(new DatagramPacket(request, request.length, address, browserPort));
        int wait = deadline.remainingMillis("SQL Server Browser lookup of " + instance);
        socket.setSoTimeout(wait == 0 ? 1000 : Math.min(wait, 1000));
        try {
          DatagramPacket p = new DatagramPacket(answer, answer.length);
          socket.receive(p);
          OptionalInt port = parse(answer, p.getLength(), instance);
          if (port.isPresent()) {
            return port;
          }
        } catch (SocketTimeoutException e) {
          // try again
        }
      }
    }
    return OptionalInt.empty();
  }

  /** Parses a browser answer; the port of {@code instance} if it names it with a valid tcp port. */
  static OptionalInt parse(byte[] answer, int length, String instance) {
    if (length < 3 || answer[0] != 0x05) {
      return OptionalInt.empty();
    }
    String text = new String(answer, 3, length - 3, StandardCharsets.ISO_8859_1);
    String[] parts = text.split(";", -1);
    boolean named = false;
    int port = 0;
    for (int i = 0; i + 1 < parts.length; i += 2) {
      String key = parts[i].toLowerCase(Locale.ROOT);
      if (key.equals("instancename")) {
        named = parts[i + 1].equalsIgnoreCase(instance);
      } else if (key.equals("tcp")) {
        try {
          port = Integer.parseInt(parts[i + 1]);
        } catch (NumberFormatException e) {
          port = 0;
        }
      }
    }
    return named && port >= 1 && port <= 65535 ? OptionalInt.of(port) : OptionalInt.empty();
  }
}
