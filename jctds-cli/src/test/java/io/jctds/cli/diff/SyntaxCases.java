package io.jctds.cli.diff;

import static io.jctds.cli.diff.DiffCase.of;

import java.util.ArrayList;
import java.util.List;

/**
 * Hand-written cases for the line reader, value types and configuration errors (FREETDS.md 1.1–1.3,
 * 2.1, 5.3). Every section here is found in the case's own file, except where a case says
 * otherwise; ports 65530–65534 are verified closed before the run.
 */
final class SyntaxCases {
  private SyntaxCases() {}

  private static final String FILE = "${DIR}/freetds.conf";

  static List<DiffCase> all() {
    List<DiffCase> all = new ArrayList<>();
    all.addAll(comments());
    all.addAll(headers());
    all.addAll(duplicates());
    all.addAll(numbers());
    all.addAll(tdsVersions());
    all.addAll(autoAndTextSize());
    all.addAll(pathsAndLongLines());
    all.addAll(charsetLanguageAndDumpFile());
    all.addAll(booleansAndEncryption());
    all.addAll(invalidConfigurations());
    return all;
  }

  private static List<DiffCase> comments() {
    return List.of(
        specSample(),
        specSampleOther(),
        of(
                "comments-and-inline-comments",
                "c1",
                """
                ; semicolon comment
                # hash comment
                [c1]
                  # indented comment
                  host = 127.0.0.1 # trailing hash comment
                  port = 65534;no space before
                  database = my   db # x
                  ca file = /etc/ssl/a b.pem ; c
                """)
            .documents(
                "host",
                "127.0.0.1",
                "port",
                65534,
                "database",
                "my db",
                "ca_file",
                "/etc/ssl/a b.pem"),
        of(
                "key-case-and-whitespace",
                "keys",
                """
                [keys]
                HOST=127.0.0.1
                  Port   =   65534
                \tTDS\t VERSION=7.2
                  Initial   BLOCK size=4096
                QUERY    TIMEOUT = 9
                """)
            .documents(
                "tds_version", "7.2", "initial_block_size", 4096, "timeout", 9, "port", 65534),
        of(
                "section-name-with-spaces-does-not-match",
                "127.0.0.2",
                """
                [global]
                port = 65532
                [ 127.0.0.2 ]
                port = 65534
                database = never
                """)
            .documents("host", "127.0.0.2", "port", 65532, "database", null, "config_file", null));
  }

  private static List<DiffCase> headers() {
    return List.of(
        of(
                "global-header-any-case",
                "g1",
                """
                [GLOBAL]
                database = gdb
                port = 65533
                [Global]
                text size = 4096
                [g1]
                host = 127.0.0.1
                """)
            .documents("database", "gdb", "port", 65533, "text_size", 4096),
        of(
                "section-name-case-insensitive",
                "MYSERVER",
                """
                [MyServer]
                host = 127.0.0.1
                port = 65534
                """)
            .documents("server_name", "MYSERVER", "port", 65534, "config_file", FILE),
        of(
                "header-trailing-junk-and-unclosed",
                "hj",
                """
                [hj] trailing junk
                host = 127.0.0.1
                port = 65534
                [hj
                database = fromunclosed
                """)
            .documents("database", "fromunclosed", "port", 65534),
        of(
                "lines-before-first-header-ignored",
                "pre",
                """
                port = 65531
                host = 127.0.0.9
                database = orphan
                [pre]
                host = 127.0.0.1
                """)
            .documents("host", "127.0.0.1", "port", null, "database", null));
  }

  private static List<DiffCase> duplicates() {
    return List.of(
        of(
                "duplicate-keys-last-wins",
                "dk",
                """
                [dk]
                host = 127.0.0.2
                host = 127.0.0.1
                port = 65531
                port = 65532
                database = a
                database = b
                """)
            .documents("host", "127.0.0.1", "port", 65532, "database", "b"),
        of(
                "duplicate-sections-all-applied",
                "dup",
                """
                ; file B of FREETDS.md 5.3: duplicates, bad values, case
                [GLOBAL]
                \ttds version = 7.1
                \tencryption = off

                [dup]
                \thost = 127.0.0.1
                \tport = 65530
                \tport = 65531
                \ttds version = 7.2
                \ttds version = bogus
                \ttimeout = 0
                \ttimeout = 15
                \tuse utf-16 = off

                [dup]
                \tport = 65532
                """)
            .documents("port", 65532, "tds_version", "7.2", "timeout", 15, "encryption", "off"),
        of(
                "invalid-number-keeps-previous",
                "inv",
                """
                [inv]
                host = 127.0.0.1
                port = 65533
                port = abc
                port = 0
                text size = 100
                text size = x
                """)
            .documents("port", 65533, "text_size", 100),
        of(
                "numbers-use-leading-digits",
                "atoi",
                """
                [atoi]
                host = 127.0.0.1
                port = 65534abc
                connect timeout = 2x
                text size = 1x
                timeout = 30s
                """)
            .documents("port", 65534, "connect_timeout", 2, "text_size", 1, "timeout", 30));
  }

  private static List<DiffCase> numbers() {
    return List.of(
        of(
                "zero-is-ignored",
                "zero",
                """
                [zero]
                host = 127.0.0.1
                port = 65534
                timeout = 5
                timeout = 0
                connect timeout = 0
                text size = 0
                """)
            .documents("timeout", 5, "connect_timeout", null, "text_size", null),
        of(
                "negative-numbers-accepted",
                "neg",
                """
                [neg]
                host = 127.0.0.1
                port = 65534
                timeout = -3
                connect timeout = -5
                text size = -1
                """)
            .documents("timeout", -3, "connect_timeout", -5, "text_size", -1),
        of(
                "block-size-lower-bound",
                "bs1",
                """
                [bs1]
                host = 127.0.0.1
                port = 65534
                initial block size = 512
                initial block size = 511
                """)
            .documents("initial_block_size", 512),
        of(
                "block-size-upper-bound",
                "bs2",
                """
                [bs2]
                host = 127.0.0.1
                port = 65534
                initial block size = 65535
                initial block size = 65536
                """)
            .documents("initial_block_size", 65535),
        of(
                "block-size-out-of-range-only",
                "bs3",
                """
                [bs3]
                host = 127.0.0.1
                port = 65534
                initial block size = 100
                initial block size = -4096
                """)
            .documents("initial_block_size", null));
  }

  private static List<DiffCase> tdsVersions() {
    return List.of(
        of(
                "tds-version-invalid-values-ignored",
                "tv",
                """
                [global]
                tds version = 7.3
                [tv]
                host = 127.0.0.1
                port = 65534
                tds version = AUTO
                tds version = 4.6
                tds version = 7.5
                tds version = Auto
                """)
            .documents("tds_version", "7.3"),
        of(
                "tds-version-70",
                "tv70",
                """
                [tv70]
                host = 127.0.0.1
                port = 65534
                tds version = 70
                """)
            .documents("tds_version", "7.0"),
        of(
                "tds-version-50",
                "tv50",
                """
                [tv50]
                host = 127.0.0.1
                port = 65534
                tds version = 50
                """)
            .documents("tds_version", "5.0"),
        of(
                "tds-version-4.2",
                "tv42",
                """
                [tv42]
                host = 127.0.0.1
                port = 65534
                tds version = 4.2
                """)
            .documents("tds_version", "4.2"),
        of(
                "tds-version-0-is-auto",
                "tv0",
                """
                [global]
                tds version = 7.4
                [tv0]
                host = 127.0.0.1
                port = 65534
                tds version = 0
                """)
            .documents("tds_version", "auto"));
  }

  private static List<DiffCase> autoAndTextSize() {
    return List.of(
        of(
                "tds-version-auto",
                "tvauto",
                """
                [global]
                tds version = 7.1
                [tvauto]
                host = 127.0.0.1
                port = 65534
                tds version = auto
                """)
            .documents("tds_version", "auto"),
        of(
                "text-size",
                "ts",
                """
                [global]
                text size = 1000
                [ts]
                host = 127.0.0.1
                port = 65534
                Text   Size = 65536    ; comment after value
                """)
            .documents("text_size", 65536));
  }

  private static List<DiffCase> pathsAndLongLines() {
    return List.of(
        of(
                "ca-file-empty-clears-global",
                "caclr",
                """
                [global]
                ca file = /g/ca.pem
                crl file = /g/crl.pem
                [caclr]
                host = 127.0.0.1
                port = 65534
                ca file =
                """)
            .documents("ca_file", null, "crl_file", "/g/crl.pem"),
        of(
                "ca-file-system-kept-verbatim",
                "casys",
                """
                [casys]
                host = 127.0.0.1
                port = 65534
                ca file = SYSTEM
                """)
            .documents("ca_file", "SYSTEM"),
        of(
                "key-without-equals-is-empty-value",
                "noeq",
                """
                [global]
                database = gdb
                [noeq]
                host = 127.0.0.1
                port = 65534
                database
                """)
            .documents("database", null),
        of(
                "value-whitespace-collapsed",
                "ws",
                "[ws]\nhost = 127.0.0.1\nport = 65534\ndatabase =  a \t b   c  \t\n")
            .documents("database", "a b c"),
        of(
                "unknown-keys-ignored",
                "unk",
                """
                [unk]
                host = 127.0.0.1
                port = 65534
                hostname = 10.0.0.1
                Encrypt = yes
                TrustServerCertificate = yes
                enable tls v1.1 = yes
                debug level = 1
                date format = %d
                debug flags = 0x10
                """)
            .documents("host", "127.0.0.1", "encryption", "default"),
        longLineTailIsANewLine(),
        longLineTailIsUnknown(),
        longCommentTailIsADirective());
  }

  private static List<DiffCase> charsetLanguageAndDumpFile() {
    return List.of(
        of(
                "client-charset-from-file",
                "cs",
                """
                [cs]
                host = 127.0.0.1
                port = 65534
                client charset = ISO-8859-1
                """)
            .documents("client_charset", "ISO-8859-1"),
        // tsql sets language as an application value, so the dump always shows us_english
        // (DumpMapping.NOT_COMPARED); the file's value is checked against jctds alone.
        of(
                "language-from-file",
                "lang",
                """
                [lang]
                host = 127.0.0.1
                port = 65534
                language = french
                """)
            .documents("language", "french"),
        of(
                "dump-file-from-file",
                "df",
                """
                [df]
                host = 127.0.0.1
                port = 65534
                dump file = ${DIR}/proto.log
                """)
            .documents("dump_file", "${DIR}/proto.log"),
        of(
                "dump-file-empty-clears-global",
                "dfclr",
                """
                [global]
                dump file = ${DIR}/global.log
                [dfclr]
                host = 127.0.0.1
                port = 65534
                dump file =
                """)
            .documents("dump_file", null));
  }

  private static List<DiffCase> booleansAndEncryption() {
    return List.of(
        of(
                "booleans-mixed-case",
                "bool1",
                """
                [bool1]
                host = 127.0.0.1
                port = 65534
                check certificate hostname = Off
                read-only intent = TRUE
                use ntlmv2 = no
                """)
            .documents(
                "check_certificate_hostname", false, "read_only_intent", true, "use_ntlmv2", false),
        of(
                "booleans-on-and-last-wins",
                "bool2",
                """
                [bool2]
                host = 127.0.0.1
                port = 65534
                check certificate hostname = on
                read-only intent = yes
                read-only intent = false
                """)
            .documents("check_certificate_hostname", true, "read_only_intent", false),
        of(
                "encryption-off-case-insensitive",
                "encoff",
                """
                [encoff]
                host = 127.0.0.1
                port = 65534
                encryption = OFF
                """)
            .documents("encryption", "off"),
        of(
                "encryption-request-mixed-case",
                "encreq",
                """
                [global]
                encryption = require
                [encreq]
                host = 127.0.0.1
                port = 65534
                encryption = Request
                """)
            .documents("encryption", "request"),
        of(
                "server-section-wins-over-later-global",
                "late",
                """
                [late]
                host = 127.0.0.1
                port = 65534
                [global]
                port = 65531
                database = g
                """)
            .documents("port", 65534, "database", "g"),
        of(
                "port-and-instance-in-one-section",
                "pi",
                """
                [pi]
                host = 127.0.0.1
                port = 65534
                instance = INST1
                """)
            .documents("port", 65534, "instance", "INST1"));
  }

  private static List<DiffCase> invalidConfigurations() {
    return List.of(
        invalid(
            "invalid-boolean-in-server-section",
            4,
            """
            [127.0.0.2]
            host = 127.0.0.1
            port = 65534
            read-only intent = 1
            database = after
            """),
        invalid(
            "invalid-encryption-value",
            4,
            """
            [127.0.0.2]
            host = 127.0.0.1
            port = 65534
            encryption = maybe
            """),
        invalid(
            "invalid-boolean-in-global",
            3,
            """
            [global]
            port = 65533
            use utf-16 = maybe
            [127.0.0.2]
            host = 127.0.0.1
            """),
        invalid(
            "obsolete-key-still-validated",
            4,
            """
            [127.0.0.2]
            host = 127.0.0.1
            port = 65534
            swap broken dates = 2
            """),
        invalid(
            "invalid-boolean-in-second-duplicate-section",
            6,
            """
            [127.0.0.2]
            host = 127.0.0.1
            port = 65534
            [other]
            [127.0.0.2]
            check certificate hostname = nope
            """),
        invalid(
            "empty-encryption-value",
            4,
            """
            [127.0.0.2]
            host = 127.0.0.1
            port = 65534
            encryption =
            """));
  }

  private static DiffCase invalid(String name, int line, String conf) {
    return of(name, "127.0.0.2", conf).invalidAt(line);
  }

  /** The first file of FREETDS.md 5.3, ports moved to the closed range. */
  private static DiffCase specSample() {
    return of("spec-sample-5.3-MyServer", "MyServer", SPEC_SAMPLE)
        .documents(
            "server_name",
            "MyServer",
            "host",
            "127.0.0.1",
            "port",
            65534,
            "tds_version",
            "7.4",
            "initial_block_size",
            8192,
            "connect_timeout",
            7,
            "client_charset",
            "UTF-8",
            "encryption",
            "require",
            "database",
            "mydb",
            "text_size",
            1000,
            "ca_file",
            "/nonexistent/none.pem",
            "check_certificate_hostname",
            false,
            "read_only_intent",
            true,
            "config_file",
            FILE);
  }

  /** FREETDS.md 1.5: a [global] port silently disables the section's instance. */
  private static DiffCase specSampleOther() {
    return of("spec-sample-5.3-other-instance-ignored", "other", SPEC_SAMPLE)
        .documents("port", 65533, "instance", "SQLEXPRESS", "tds_version", "7.3");
  }

  private static final String SPEC_SAMPLE =
      """
      # test file A: global + two servers
      [global]
      \ttds version = 7.3
      \tport = 65533
      \tconnect timeout = 7
      \tText   Size = 1000    ; comment after value
      \tclient charset = UTF-8

      [MyServer]
      \thost = 127.0.0.1
      \tport = 65534
      \tTDS VERSION = 7.4
      \tencryption = require
      \tca file = /nonexistent/none.pem
      \tcheck certificate hostname = no
      \tdatabase = mydb
      \t   initial   block   size = 8192
      \tunknown directive = whatever
      \tread-only intent = yes

      [other]
      \thost = 127.0.0.1
      \tinstance = SQLEXPRESS
      """;

  /** 1.1 step 6: "database = " + 244 x fills the 255-byte buffer; the tail is its own line. */
  private static DiffCase longLineTailIsANewLine() {
    String x = "x".repeat(244);
    return of(
            "long-line-tail-becomes-a-directive",
            "long1",
            "[long1]\nhost = 127.0.0.1\nport = 65534\ndatabase = " + x + "port = 65530\n")
        .documents("database", x, "port", 65530);
  }

  /** 1.1 step 6: a 311-byte line; the value keeps 244 bytes, the tail is an unknown key. */
  private static DiffCase longLineTailIsUnknown() {
    return of(
            "long-line-tail-is-unknown-key",
            "long2",
            "[long2]\nhost = 127.0.0.1\nport = 65534\ndatabase = " + "y".repeat(300) + "\n")
        .documents("database", "y".repeat(244));
  }

  /** 1.1 step 6: the tail of a comment longer than the buffer is parsed as a directive. */
  private static DiffCase longCommentTailIsADirective() {
    return of(
            "long-comment-tail-becomes-a-directive",
            "long3",
            "[long3]\nhost = 127.0.0.1\nport = 65534\n#" + "c".repeat(254) + "port = 65531\n")
        .documents("port", 65531);
  }
}
