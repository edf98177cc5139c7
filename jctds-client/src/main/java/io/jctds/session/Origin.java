package io.jctds.session;

import io.jctds.config.ServerEntry;
import io.jctds.config.Source;

/** Says in words where a setting came from, for error messages ("what, where, what to change"). */
public final class Origin {
  private Origin() {}

  /**
   * {@code directive = value} and its origin, e.g. {@code encryption = off in [myserver] of
   * /etc/freetds/freetds.conf:12}.
   *
   * @param entry the resolved server
   * @param key the source key (e.g. {@code encryption}, {@code ca_file})
   * @param directive the freetds.conf spelling (e.g. {@code encryption}, {@code ca file})
   * @param value the value as shown
   */
  public static String setting(ServerEntry entry, String key, String directive, Object value) {
    return directive + " = " + value + " " + of(entry.source(key));
  }

  /** Where a value came from, e.g. {@code in [myserver] of FILE:12} or {@code from $TDSVER}. */
  public static String of(Source source) {
    if (source instanceof Source.FileLine f) {
      return (f.section() == null ? "in " : "in [" + f.section() + "] of ")
          + f.file()
          + ":"
          + f.line();
    }
    if (source instanceof Source.Environment e) {
      return "from $" + e.variable();
    }
    if (source instanceof Source.Setting g) {
      return "set by " + g.origin();
    }
    if (source instanceof Source.Derived d) {
      return "(" + d.reason() + ", " + of(d.cause()) + ")";
    }
    return source instanceof Source.Application
        ? "set by the application (ConnectOptions)"
        : "(FreeTDS's default)";
  }
}
