package io.jctds.tls;

import io.jctds.config.Source;
import java.util.Objects;

/**
 * The name the server certificate must carry, and where it came from.
 *
 * @param name the wanted name: {@code certificate hostname}, else the server's host ({@code host}
 *     in freetds.conf, {@code $TDSHOST}, or the name itself) — never the section name. Null when no
 *     host is known, which fails every check.
 * @param directive {@code "certificate hostname"} or {@code "host"} (or another label, such as
 *     {@code "routing"}, when the caller supplied the name)
 * @param source where that value was set
 */
public record HostnameCheck(String name, String directive, Source source) {
  public HostnameCheck {
    Objects.requireNonNull(directive, "directive");
    Objects.requireNonNull(source, "source");
  }

  /** E.g. {@code 'db.example.com' (host, /etc/freetds/freetds.conf:3 [myserver])}. */
  public String describe() {
    return (name == null ? "(no name)" : "'" + name + "'")
        + " ("
        + directive
        + ", "
        + source.describe()
        + ")";
  }
}
