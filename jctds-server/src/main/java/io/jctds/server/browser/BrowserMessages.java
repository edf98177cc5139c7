package io.jctds.server.browser;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The SQL Server Resolution Protocol datagrams ([MC-SQLR] 2.2) the embedded server's Browser
 * answers: CLNT_BCAST_EX ({@code 0x02}), CLNT_UCAST_EX ({@code 0x03}) and CLNT_UCAST_INST ({@code
 * 0x04} + instance name + NUL), each answered with SVR_RESP ({@code 0x05}, RESP_SIZE as 2 bytes
 * little-endian, then RESP_DATA). Anything else, CLNT_UCAST_DAC ({@code 0x0F}) included, gets no
 * answer.
 */
public final class BrowserMessages {
  /** CLNT_BCAST_EX ([MC-SQLR] 2.2.1). */
  public static final byte CLNT_BCAST_EX = 0x02;

  /** CLNT_UCAST_EX ([MC-SQLR] 2.2.2). */
  public static final byte CLNT_UCAST_EX = 0x03;

  /** CLNT_UCAST_INST ([MC-SQLR] 2.2.3). */
  public static final byte CLNT_UCAST_INST = 0x04;

  /** SVR_RESP ([MC-SQLR] 2.2.5). */
  public static final byte SVR_RESP = 0x05;

  /** RESP_DATA's limit when answering CLNT_UCAST_INST ([MC-SQLR] 2.2.5). */
  static final int MAX_INST_DATA = 1024;

  /** RESP_DATA's limit when answering CLNT_BCAST_EX / CLNT_UCAST_EX ([MC-SQLR] 2.2.5). */
  static final int MAX_EX_DATA = 65535;

  /** INSTANCENAME's limit in CLNT_UCAST_INST, without the NUL ([MC-SQLR] 2.2.3). */
  static final int MAX_INSTANCE_NAME = 32;

  /**
   * The Version the Browser reports: the product version of {@code @@VERSION} (SQL Server 2022).
   */
  public static final String VERSION = "16.0.1000.6";

  private BrowserMessages() {}

  /**
   * Checks an instance name as SQL Server setup does: 1 to 16 characters, the first a letter or
   * {@code _}, the rest letters, digits, {@code _} or {@code $}; not DEFAULT or MSSQLSERVER (the
   * default instance's name).
   *
   * @throws IllegalArgumentException saying what is wrong
   */
  public static void checkInstanceName(String name) {
    if (name == null || name.isEmpty() || name.length() > 16) {
      throw new IllegalArgumentException(
          "an instance name has 1 to 16 characters: '" + (name == null ? "" : name) + "'");
    }
    char first = name.charAt(0);
    boolean ok = isAsciiLetter(first) || first == '_';
    for (int i = 1; i < name.length() && ok; i++) {
      char c = name.charAt(i);
      ok = isAsciiLetter(c) || (c >= '0' && c <= '9') || c == '_' || c == '$';
    }
    if (!ok) {
      throw new IllegalArgumentException(
          "instance name '"
              + name
              + "': start with a letter or _, then letters, digits, _ or $ only");
    }
    String upper = name.toUpperCase(Locale.ROOT);
    if (upper.equals("DEFAULT") || upper.equals("MSSQLSERVER")) {
      throw new IllegalArgumentException(
          "instance name '" + name + "' is reserved for the default instance: choose another");
    }
  }

  private static boolean isAsciiLetter(char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
  }

  /**
   * One instance as the Browser describes it ([MC-SQLR] 2.2.5 RESP_DATA): server name, instance
   * name, clustered or not, version, and its TCP port.
   */
  public record Instance(String serverName, String instanceName, String version, int tcpPort) {
    /** {@code ServerName;S;InstanceName;I;IsClustered;No;Version;V;tcp;P;;}. */
    public String responseData() {
      return "ServerName;"
          + serverName
          + ";InstanceName;"
          + instanceName
          + ";IsClustered;No;Version;"
          + version
          + ";tcp;"
          + tcpPort
          + ";;";
    }
  }

  /**
   * The answer to {@code request} from a Browser that knows {@code instances}; empty when the
   * request is malformed, of a kind not answered, or names an instance not known ([MC-SQLR]
   * 3.2.5.x: CLNT_UCAST_INST is answered with the specified instance "only (if available)").
   */
  public static Optional<byte[]> answer(byte[] request, int length, List<Instance> instances) {
    if (length < 1 || instances.isEmpty()) {
      return Optional.empty();
    }
    switch (request[0]) {
      case CLNT_BCAST_EX:
      case CLNT_UCAST_EX:
        if (length != 1) {
          return Optional.empty();
        }
        StringBuilder all = new StringBuilder();
        for (Instance i : instances) {
          all.append(i.responseData());
        }
        return svrResp(all.toString(), MAX_EX_DATA);
      case CLNT_UCAST_INST:
        return requestedName(request, length)
            .flatMap(name -> find(instances, name))
            .flatMap(i -> svrResp(i.responseData(), MAX_INST_DATA));
      default:
        return Optional.empty();
    }
  }

  /**
   * The INSTANCENAME of a CLNT_UCAST_INST: 1 to 32 bytes and no NUL inside, NUL-terminated as
   * [MC-SQLR] 2.2.3 lays it out, or not: mssql-jdbc sends the name without the NUL (its {@code
   * SQLServerConnection.getInstancePort}) and SQL Server Browser answers it.
   */
  static Optional<String> requestedName(byte[] request, int length) {
    int end = length > 1 && request[length - 1] == 0 ? length - 1 : length;
    if (end < 2 || end - 1 > MAX_INSTANCE_NAME) {
      return Optional.empty();
    }
    for (int i = 1; i < end; i++) {
      if (request[i] == 0) {
        return Optional.empty();
      }
    }
    return Optional.of(new String(request, 1, end - 1, StandardCharsets.ISO_8859_1));
  }

  private static Optional<Instance> find(List<Instance> instances, String name) {
    String wanted = name.toUpperCase(Locale.ROOT);
    return instances.stream()
        .filter(i -> i.instanceName().toUpperCase(Locale.ROOT).equals(wanted))
        .findFirst();
  }

  /**
   * SVR_RESP: 0x05, RESP_SIZE (little-endian), RESP_DATA; empty if the data exceeds {@code max}.
   */
  static Optional<byte[]> svrResp(String data, int max) {
    byte[] body = data.getBytes(StandardCharsets.ISO_8859_1);
    if (body.length > max) {
      return Optional.empty();
    }
    byte[] r = new byte[3 + body.length];
    r[0] = SVR_RESP;
    r[1] = (byte) body.length;
    r[2] = (byte) (body.length >>> 8);
    System.arraycopy(body, 0, r, 3, body.length);
    return Optional.of(r);
  }
}
