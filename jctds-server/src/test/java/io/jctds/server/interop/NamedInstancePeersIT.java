package io.jctds.server.interop;

import static org.assertj.core.api.Assertions.assertThat;

import io.jctds.server.EncryptionPolicy;
import io.jctds.server.TdsServer;
import io.jctds.server.interop.FreeTds.Run;
import io.jctds.server.interop.FreeTds.Section;
import io.jctds.testkit.Precondition;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real clients resolve the embedded server's named instance through its SQL Server Browser on UDP
 * 1434 ([MC-SQLR]): FreeTDS 1.3.17 {@code tsql -S '127.0.0.1\JCTDS'} and a freetds.conf {@code
 * instance}, mssql-jdbc {@code instanceName=}, jTDS {@code instance=}. They always ask UDP 1434, so
 * this is the only class in the build that binds it: one server for the class, its tests run one
 * after another, and the class fails (never skips) when 1434 is taken, naming the port.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class NamedInstancePeersIT {
  @RegisterExtension static final Precondition TSQL = FreeTds.INSTALLED;

  private static final String INSTANCE = "JCTDS";

  @TempDir static Path tmp;

  private static TdsServer server;

  @BeforeAll
  static void start() {
    // fails with "cannot answer SQL Server Browser requests on UDP 127.0.0.1:1434: ..." when taken
    server = Interop.start(b -> b.encryption(EncryptionPolicy.ON).instanceName(INSTANCE));
    assertThat(server.browserPort()).isEqualTo(1434);
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  private static void assertConnected(Run run) {
    assertThat(run.process().exitCode()).as(run.describe()).isZero();
    assertThat(run.row()).as(run.describe()).isPresent();
    // FreeTDS logged the port the Browser gave (net.c: "instance port is N")
    assertThat(run.dump()).as(run.describe()).contains("instance port is " + server.port());
  }

  @Test
  void freetdsTsqlWithHostBackslashInstance() {
    FreeTds freetds = FreeTds.in(tmp);
    Map<String, String> unrelated = new LinkedHashMap<>();
    unrelated.put("host", "127.0.0.2");
    Run run =
        freetds.tsql(
            "127.0.0.1\\" + INSTANCE,
            new Section("unrelated", unrelated),
            Interop.PASSWORD,
            Interop.QUERY);
    assertConnected(run);
  }

  @Test
  void freetdsTsqlWithAnInstanceDirective() {
    FreeTds freetds = FreeTds.in(tmp);
    Map<String, String> d = new LinkedHashMap<>();
    d.put("host", "127.0.0.1");
    d.put("instance", INSTANCE.toLowerCase(java.util.Locale.ROOT));
    d.put("tds version", "7.4");
    Run run = freetds.tsql(new Section("named", d), Interop.PASSWORD, Interop.QUERY);
    assertConnected(run);
  }

  @Test
  void mssqlJdbcWithInstanceName() throws Exception {
    try (Connection c =
        DriverManager.getConnection(
            "jdbc:sqlserver://127.0.0.1;instanceName="
                + INSTANCE
                + ";databaseName=master;user="
                + Interop.USER
                + ";password="
                + Interop.PASSWORD
                + ";encrypt=false;loginTimeout="
                + Interop.CLIENT_TIMEOUT_SECONDS)) {
      assertThat(Jdbc.scalar(c, "SELECT 42")).isEqualTo(42);
    }
  }

  @Test
  void jtdsWithInstance() throws Exception {
    Properties p = new Properties();
    p.setProperty("user", Interop.USER);
    p.setProperty("password", Interop.PASSWORD);
    try (Connection c =
        new net.sourceforge.jtds.jdbc.Driver()
            .connect(
                "jdbc:jtds:sqlserver://127.0.0.1/master;instance="
                    + INSTANCE
                    + ";tds=8.0;ssl=off;loginTimeout="
                    + Interop.CLIENT_TIMEOUT_SECONDS,
                p)) {
      assertThat(Jdbc.scalar(c, "SELECT 42")).isEqualTo(42);
    }
  }
}
