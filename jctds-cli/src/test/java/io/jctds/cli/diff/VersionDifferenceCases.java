package io.jctds.cli.diff;

import static io.jctds.cli.diff.DiffCase.of;

import java.util.ArrayList;
import java.util.List;

/**
 * Cases where Debian's FreeTDS 1.3.17 behaves differently from 1.5 (FREETDS.md 7, 4.6, 4.9): each
 * asserts the documented 1.5 value, as an explicit expected map, for the keys where 1.3.17 (or its
 * dump, which shows values before the strict adjustment) differs; every other dump key is still
 * compared. Each names a row of {@link ConfigDifferentialIT#KNOWN_VERSION_DIFFERENCES}.
 */
final class VersionDifferenceCases {
  private VersionDifferenceCases() {}

  static final String STRICT = "encryption = strict";
  static final String TDS80 = "tds version = 8.0";
  static final String TDSVER80 = "TDSVER=8.0";
  static final String CERT_HOSTNAME = "certificate hostname";
  static final String CONFIG_HOME = "~/.config/freetds.conf";
  static final String TLS_V1 = "enable tls v1 default";
  static final String DUMP_FILE_NULL = "dump_file (null)";
  static final String DBLIB_ENV_PASS = "TDSPORT over the port in the name";

  private static final String FILE = "${DIR}/freetds.conf";

  static List<DiffCase> all() {
    List<DiffCase> all = new ArrayList<>();
    all.addAll(strictMode());
    all.addAll(tdsVersion80AndTls());
    all.addAll(dumpAndHome());
    return all;
  }

  private static List<DiffCase> strictMode() {
    return List.of(
        // 1.3.17: invalid value -> level require, section "not found", host fallback on the name,
        // system [global] resets the version, error 20214. 1.5: strict -> TDS 8.0, ca file system.
        of(
                "strict-implies-tds-8.0-and-system-ca",
                "localhost",
                """
                [localhost]
                host = 127.0.0.1
                port = 65534
                database = sdb
                encryption = strict
                """)
            .versionDifference(
                STRICT,
                "host",
                "127.0.0.1",
                "encryption",
                "strict",
                "tds_version",
                "8.0",
                "ca_file",
                "system",
                "config_file",
                FILE),
        of(
                "strict-keeps-explicit-ca-and-hostname-check-off",
                "localhost",
                """
                [localhost]
                host = 127.0.0.1
                port = 65534
                tds version = 7.4
                ca file = ${DIR}/ca.pem
                check certificate hostname = no
                encryption = strict
                """)
            .versionDifference(
                STRICT,
                "host",
                "127.0.0.1",
                "encryption",
                "strict",
                "tds_version",
                "8.0",
                "ca_file",
                "${DIR}/ca.pem",
                "check_certificate_hostname",
                false,
                "config_file",
                FILE),
        of(
                "strict-in-global",
                "localhost",
                """
                [global]
                encryption = strict
                [localhost]
                host = 127.0.0.1
                port = 65534
                tds version = 7.3
                """)
            .versionDifference(
                STRICT,
                "host",
                "127.0.0.1",
                "encryption",
                "strict",
                "tds_version",
                "8.0",
                "ca_file",
                "system",
                "config_file",
                FILE));
  }

  private static List<DiffCase> tdsVersion80AndTls() {
    return List.of(
        // 1.3.17: "no such version: 8.0", ignored (valid configuration). 1.5: 8.0 implies strict.
        of(
                "tds-version-8.0-implies-strict",
                "t80",
                """
                [t80]
                host = 127.0.0.1
                port = 65534
                tds version = 8.0
                """)
            .versionDifference(
                TDS80, "tds_version", "8.0", "encryption", "strict", "ca_file", "system"),
        of(
                "tds-version-8.0-with-encryption-off",
                "t80off",
                """
                [t80off]
                host = 127.0.0.1
                port = 65534
                encryption = off
                ca file = /etc/ssl/mine.pem
                tds version = 8.0
                """)
            .versionDifference(
                TDS80,
                "tds_version",
                "8.0",
                "encryption",
                "strict",
                "ca_file",
                "/etc/ssl/mine.pem"),
        // 1.3.17: "TDS version not set to 8.0 from $TDSVER". 1.5: TDSVER=8.0 -> strict.
        of(
                "tdsver-8.0-env",
                "e80",
                """
                [e80]
                host = 127.0.0.1
                port = 65534
                tds version = 7.4
                """)
            .env("TDSVER", "8.0")
            .versionDifference(
                TDSVER80, "tds_version", "8.0", "encryption", "strict", "ca_file", "system"),
        // 1.3.17: unknown key. 1.5: kept; TDSDUMPCONFIG never shows it.
        of(
                "certificate-hostname",
                "ch",
                """
                [ch]
                host = 127.0.0.1
                port = 65534
                certificate hostname = db.example.com
                """)
            .versionDifference(CERT_HOSTNAME, "certificate_hostname", "db.example.com"),
        // 1.3.17 defaults TLS 1.0 on; 1.4+ off. Not in TDSDUMPCONFIG.
        of(
                "enable-tls-v1-default-off",
                "tls",
                """
                [tls]
                host = 127.0.0.1
                port = 65534
                """)
            .versionDifference(TLS_V1, "enable_tls_v1", false, "use_ntlmv2", true),
        of(
                "enable-tls-v1-explicit-yes",
                "tls2",
                """
                [tls2]
                host = 127.0.0.1
                port = 65534
                enable tls v1 = yes
                """)
            .documents("enable_tls_v1", true));
  }

  private static List<DiffCase> dumpAndHome() {
    return List.of(
        // 1.3.17 dumps an empty dump_file when unset, 1.5 "(null)": both unset, JSON null.
        of(
                "dump-file-unset",
                "dfu",
                """
                [dfu]
                host = 127.0.0.1
                port = 65534
                """)
            .versionDifference(DUMP_FILE_NULL, "dump_file", null),
        // Every FreeTDS version: the name's port is an application value and the dump is written
        // before db-lib's second environment pass, in which TDSPORT wins (what k-ctds gets).
        of(
                "tdsport-beats-port-in-name",
                "s:65531",
                """
                [s]
                host = 127.0.0.1
                port = 65534
                """)
            .env("TDSPORT", "65530")
            .versionDifference(DBLIB_ENV_PASS, "port", 65530, "config_file", FILE),
        // ~/.config/freetds.conf is searched by 1.5 only. FreeTDS takes the home from the passwd
        // entry, which a test cannot redirect, so the file lives in a throwaway home given to
        // jctds alone (-Duser.home); FreeTDS (real home, no such file) falls back to the name as
        // a host. The expected values are 1.5's with that home.
        of(
                "home-config-freetds-conf",
                "127.0.0.7",
                """
                [global]
                port = 65533
                """)
            .file(
                "home/.config/freetds.conf",
                """
                [127.0.0.7]
                host = 127.0.0.1
                port = 65534
                database = fromconfig
                """)
            .jctdsUserHome("home")
            .versionDifference(
                CONFIG_HOME,
                "host",
                "127.0.0.1",
                "port",
                65534,
                "database",
                "fromconfig",
                "config_file",
                "${DIR}/home/.config/freetds.conf"));
  }
}
