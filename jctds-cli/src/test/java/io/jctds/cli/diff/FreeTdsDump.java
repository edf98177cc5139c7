package io.jctds.cli.diff;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A parsed TDSDUMPCONFIG log (FREETDS.md 5.1): the search trace and the last "Final connection
 * parameters" block. Each block entry is {@code <prefix>\t%20s = <value>}; {@code ip_addr} may
 * repeat (one line per resolved address) and is kept as a list.
 */
public final class FreeTdsDump {
  static final String FINAL_MARKER = "Final connection parameters:";
  private static final Pattern ENTRY =
      Pattern.compile("^[^\\t]*\\t *([A-Za-z0-9_ ]+?) =(?: (.*))?$");
  private static final Pattern DEFINED_IN =
      Pattern.compile("Success: \\[(.*)] defined in (.*)\\.$");
  private static final String IP_ADDR = "ip_addr";

  private final List<String> trace;
  private final Map<String, String> parameters;
  private final List<String> ipAddresses;
  private final boolean hasFinalBlock;

  private FreeTdsDump(
      List<String> trace,
      Map<String, String> parameters,
      List<String> ipAddresses,
      boolean hasFinalBlock) {
    this.trace = List.copyOf(trace);
    this.parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    this.ipAddresses = List.copyOf(ipAddresses);
    this.hasFinalBlock = hasFinalBlock;
  }

  /** Parses the text of a TDSDUMPCONFIG file; the last final block wins if there are several. */
  public static FreeTdsDump parse(String text) {
    List<String> lines = text.lines().toList();
    int marker = -1;
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).endsWith(FINAL_MARKER)) {
        marker = i;
      }
    }
    if (marker < 0) {
      return new FreeTdsDump(lines, Map.of(), List.of(), false);
    }
    Map<String, String> parameters = new LinkedHashMap<>();
    List<String> ips = new ArrayList<>();
    for (String line : lines.subList(marker + 1, lines.size())) {
      Matcher m = ENTRY.matcher(line);
      if (!m.matches()) {
        break;
      }
      String key = m.group(1);
      String value = m.group(2) == null ? "" : m.group(2);
      if (key.equals(IP_ADDR)) {
        if (!value.isEmpty()) {
          ips.add(value);
        }
      } else {
        parameters.put(key, value);
      }
    }
    return new FreeTdsDump(lines.subList(0, marker), parameters, ips, true);
  }

  /** Whether the log contains a "Final connection parameters" block. */
  public boolean hasFinalBlock() {
    return hasFinalBlock;
  }

  /** The final parameters in the order FreeTDS printed them, without {@code ip_addr}. */
  public Map<String, String> parameters() {
    return parameters;
  }

  /** The value printed for a key (empty string for an empty value), if the key was printed. */
  public Optional<String> parameter(String key) {
    return Optional.ofNullable(parameters.get(key));
  }

  /** The resolved addresses ({@code ip_addr} lines with a value), in order. */
  public List<String> ipAddresses() {
    return ipAddresses;
  }

  /** The log lines before the final block (search trace). */
  public List<String> trace() {
    return trace;
  }

  /**
   * The file named by the last {@code Success: [NAME] defined in FILE.} trace line: the file that
   * defined the server section, if one did.
   */
  public Optional<String> definedIn() {
    String file = null;
    for (String line : trace) {
      Matcher m = DEFINED_IN.matcher(line);
      if (m.find()) {
        file = m.group(2);
      }
    }
    return Optional.ofNullable(file);
  }

  /** The final block as {@code key = value} lines, for failure messages. */
  public String describe() {
    StringBuilder sb = new StringBuilder();
    parameters.forEach((k, v) -> sb.append(k).append(" = ").append(v).append('\n'));
    ipAddresses.forEach(ip -> sb.append(IP_ADDR).append(" = ").append(ip).append('\n'));
    return sb.toString();
  }
}
