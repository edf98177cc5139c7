package io.jctds.cli.diff;

import static io.jctds.cli.diff.DiffCase.of;

import io.jctds.cli.diff.DiffCase.FileMode;
import java.util.ArrayList;
import java.util.List;

/**
 * Hand-written cases for server-name resolution, layering across files and environment overrides
 * (FREETDS.md 1.4, 1.5, 3.1, 3.2). Host names are IP literals or {@code localhost}; no case ends
 * with port 0 and an instance (that would start SQL Browser lookups).
 */
final class ResolutionCases {
  private ResolutionCases() {}

  private static final String FILE = "${DIR}/freetds.conf";

  /** A section with a host and a port, for the environment cases. */
  private static final String PLAIN =
      """
      [global]
      tds version = 7.3
      [s]
      host = 127.0.0.1
      port = 65534
      """;

  /** FREETDSCONF: only a [global]; $FREETDS/etc/freetds.conf: defines [t]. */
  private static final String FIRST_GLOBAL_ONLY =
      """
      [global]
      encryption = request
      tds version = 7.2
      database = d1
      [s]
      host = 127.0.0.1
      port = 65534
      """;

  private static final String FREETDS_DIR_FILE =
      """
      [global]
      text size = 777
      port = 65532
      [t]
      host = 127.0.0.1
      """;

  static List<DiffCase> all() {
    List<DiffCase> all = new ArrayList<>();
    all.addAll(portInName());
    all.addAll(hostsAndPorts());
    all.addAll(environment());
    all.addAll(filesAndLayering());
    return all;
  }

  private static List<DiffCase> portInName() {
    return List.of(
        of(
                "host-fallback-with-global-port",
                "127.0.0.3",
                """
                [global]
                port = 65532
                [other]
                host = 127.0.0.1
                """)
            .documents(
                "server_name",
                "127.0.0.3",
                "host",
                "127.0.0.3",
                "port",
                65532,
                "config_file",
                null),
        of(
                "host-fallback-default-port-1433",
                "127.0.0.9",
                """
                [x]
                host = 127.0.0.1
                port = 65534
                """)
            .documents("host", "127.0.0.9", "port", 1433, "config_file", null),
        of("name-host-colon-port", "127.0.0.1:65532", PLAIN)
            .documents("server_name", "127.0.0.1", "host", "127.0.0.1", "port", 65532),
        of(
                "name-section-colon-port",
                "sp:65531",
                """
                [sp]
                host = 127.0.0.1
                port = 65534
                instance = INST1
                database = spdb
                """)
            .documents(
                "server_name",
                "sp",
                "port",
                65531,
                "instance",
                null,
                "database",
                "spdb",
                "config_file",
                FILE));
  }

  private static List<DiffCase> hostsAndPorts() {
    return List.of(
        of(
                "name-section-colon-port-other-case",
                "SP:65530",
                """
                [sp]
                host = 127.0.0.1
                port = 65534
                """)
            .documents("port", 65530, "config_file", FILE),
        of("name-localhost-colon-port", "localhost:65533", PLAIN)
            .documents("server_name", "localhost", "host", "localhost", "port", 65533),
        of("name-bracketed-ipv6-colon-port", "[::1]:65534", PLAIN)
            .documents("server_name", "::1", "host", "::1", "port", 65534),
        of(
                "host-ipv6-literal",
                "v6",
                """
                [v6]
                host = ::1
                port = 65534
                """)
            .documents("host", "::1"),
        of(
                "host-localhost",
                "lh",
                """
                [lh]
                host = localhost
                port = 65534
                """)
            .documents("host", "localhost"),
        of(
                "section-without-port-is-port-0",
                "np",
                """
                [np]
                host = 127.0.0.1
                """)
            .documents("port", null, "config_file", FILE),
        of(
                "section-without-port-takes-global-port",
                "np2",
                """
                [global]
                port = 65531
                [np2]
                host = 127.0.0.1
                """)
            .documents("port", 65531));
  }

  private static List<DiffCase> environment() {
    return List.of(
        of(
                "tdsport-overrides-port-and-clears-instance",
                "s",
                """
                [s]
                host = 127.0.0.1
                port = 65534
                instance = foo
                """)
            .env("TDSPORT", "65530")
            .documents("port", 65530, "instance", null),
        of("tdsver-overrides-file", "s", PLAIN)
            .env("TDSVER", "7.4")
            .documents("tds_version", "7.4"),
        of("tdsver-auto-overrides-file", "s", PLAIN)
            .env("TDSVER", "auto")
            .documents("tds_version", "auto"),
        of("tdsver-invalid-ignored", "s", PLAIN)
            .env("TDSVER", "bogus")
            .documents("tds_version", "7.3"),
        of("tdshost-overrides-host", "s", PLAIN)
            .env("TDSHOST", "127.0.0.3")
            .documents("host", "127.0.0.3", "server_name", "s"),
        of("tdsport-service-name", "s", PLAIN)
            .env("TDSPORT", "ms-sql-s")
            .env("TDSHOST", "127.0.0.9"),
        of("tdsport-on-host-fallback", "127.0.0.4", PLAIN)
            .env("TDSPORT", "65531")
            .documents("host", "127.0.0.4", "port", 65531),
        of("tdsver-tdsport-tdshost-together", "s", PLAIN)
            .env("TDSVER", "7.1")
            .env("TDSPORT", "65530")
            .env("TDSHOST", "127.0.0.3")
            .documents("tds_version", "7.1", "port", 65530, "host", "127.0.0.3"),
        of("tdsdump-sets-dump-file", "s", PLAIN)
            .env("TDSDUMP", "${DIR}/tdsdump.log")
            .documents("dump_file", "${DIR}/tdsdump.log"),
        of("freetds-dir-defines-server-first-global-leaks", "t", FIRST_GLOBAL_ONLY)
            .env("FREETDS", "${DIR}/ftds")
            .file("ftds/etc/freetds.conf", FREETDS_DIR_FILE)
            .documents(
                "database", "d1",
                "encryption", "request",
                "tds_version", "7.2",
                "text_size", 777,
                "port", 65532,
                "config_file", "${DIR}/ftds/etc/freetds.conf"),
        of("name-colon-port-applies-every-global", "s:65531", FIRST_GLOBAL_ONLY)
            .env("FREETDS", "${DIR}/ftds")
            .file("ftds/etc/freetds.conf", FREETDS_DIR_FILE)
            .documents("text_size", 777, "tds_version", "7.2", "port", 65531, "config_file", FILE));
  }

  private static List<DiffCase> filesAndLayering() {
    return List.of(
        of("name-without-port-reads-only-the-defining-file", "s", FIRST_GLOBAL_ONLY)
            .env("FREETDS", "${DIR}/ftds")
            .file("ftds/etc/freetds.conf", FREETDS_DIR_FILE)
            .documents("text_size", null, "port", 65534, "config_file", FILE),
        of(
                "explicit-file-like-tsql-I",
                "ex",
                """
                [ex]
                host = 127.0.0.1
                port = 65534
                database = explicit
                """)
            .mode(FileMode.EXPLICIT_FILE)
            .documents("database", "explicit", "config_file", FILE),
        of("freetdsconf-missing-file", "127.0.0.5", "[unused]\n")
            .mode(FileMode.ABSENT)
            .env("TDSPORT", "65533")
            .documents("host", "127.0.0.5", "port", 65533, "config_file", null),
        of(
                "freetdsconf-without-the-section-falls-through",
                "127.0.0.6",
                """
                [global]
                tds version = 7.3
                port = 65532
                database = firstfile
                """)
            .documents("host", "127.0.0.6", "port", 65532, "database", "firstfile"),
        of(
                "global-text-size-section-override",
                "tso",
                """
                [global]
                text size = 10
                timeout = 20
                [tso]
                host = 127.0.0.1
                port = 65534
                text size = 30
                """)
            .documents("text_size", 30, "timeout", 20),
        of(
                "empty-file",
                "127.0.0.8",
                """
                # nothing but comments

                ; really
                """)
            .env("TDSPORT", "65534")
            .documents("host", "127.0.0.8", "port", 65534, "config_file", null));
  }
}
