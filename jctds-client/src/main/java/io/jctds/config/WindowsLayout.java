package io.jctds.config;

import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * FreeTDS's Windows build conventions ({@code config.c} and {@code configs.h} under {@code _WIN32};
 * {@code utils/threadsafe.c} {@code tds_get_homedir}), used by {@link
 * ConfigResolver.Builder#windows}.
 */
final class WindowsLayout {
  private WindowsLayout() {}

  /**
   * The environment as Windows' {@code _wgetenv} sees it: variable names match without regard to
   * case ({@code %Freetds%} is {@code %FREETDS%}).
   */
  static Map<String, String> environment(Map<String, String> env) {
    Map<String, String> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    copy.putAll(env);
    return Collections.unmodifiableMap(copy);
  }

  /**
   * FreeTDS's "home" on Windows: the roaming application data folder ({@code CSIDL_APPDATA}, which
   * {@code %APPDATA%} names); null when unset.
   */
  static Path home(Map<String, String> env) {
    String appData = env.get("APPDATA");
    return appData == null || appData.isEmpty() ? null : ConfigResolver.path(appData);
  }

  /** {@code FREETDS_SYSCONFDIR} is {@code c:} on Windows: the system file is c:\freetds.conf. */
  static List<Path> systemFiles() {
    Path p = ConfigResolver.path(ConfigResolver.WINDOWS_SYSTEM_FILE);
    return p == null ? List.of() : List.of(p);
  }

  /** {@code interfaces_path} on Windows: {@code c:\}. */
  static Path interfacesDirectory() {
    Path p = ConfigResolver.path(ConfigResolver.WINDOWS_INTERFACES_DIRECTORY);
    return p == null ? ConfigResolver.DEFAULT_INTERFACES_DIRECTORY : p;
  }

  /** The default log names for an empty {@code TDSDUMP} / {@code TDSDUMPCONFIG}. */
  static String defaultDump(boolean windows, boolean config) {
    long pid = ProcessHandle.current().pid();
    String name = config ? "tdsconfig.log." : "freetds.log.";
    return (windows ? "c:\\" : "/tmp/") + name + pid;
  }
}
