package io.jctds.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Map;
import java.util.Properties;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The java.sql.Driver contract (JDBC 4.3 section 9.2 and the Driver javadoc): found through
 * ServiceLoader and DriverManager, null for another driver's URL, SQLException for a null URL,
 * getPropertyInfo listing every property.
 */
class JctdsDriverTest {
  private final JctdsDriver driver = new JctdsDriver();

  @Test
  void registeredForServiceLoaderOnTheClassPathAndTheModulePath() throws Exception {
    try (InputStream in =
        JctdsDriver.class.getResourceAsStream("/META-INF/services/java.sql.Driver")) {
      assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8).trim())
          .isEqualTo(JctdsDriver.class.getName());
    }
    Module m = JctdsDriver.class.getModule();
    if (m.isNamed()) {
      assertThat(m.getDescriptor().provides())
          .anySatisfy(
              p -> {
                assertThat(p.service()).isEqualTo(Driver.class.getName());
                assertThat(p.providers()).containsExactly(JctdsDriver.class.getName());
              });
    }
  }

  @Test
  void loadingTheClassRegistersItWithDriverManager() throws SQLException {
    assertThat(DriverManager.getDriver("jdbc:jctds:myserver")).isInstanceOf(JctdsDriver.class);
  }

  @Test
  void acceptsOnlyJctdsUrls() throws SQLException {
    assertThat(driver.acceptsURL("jdbc:jctds:myserver")).isTrue();
    assertThat(driver.acceptsURL("jdbc:jctds://h:1433/db")).isTrue();
    assertThat(driver.acceptsURL("jdbc:sqlserver://h")).isFalse();
    assertThatThrownBy(() -> driver.acceptsURL(null)).isInstanceOf(SQLException.class);
  }

  @Test
  void connectReturnsNullForAnotherDriversUrl() throws SQLException {
    assertThat(driver.connect("jdbc:sqlserver://localhost;user=sa", new Properties())).isNull();
    assertThatThrownBy(() -> driver.connect(null, new Properties()))
        .isInstanceOf(SQLException.class);
  }

  @Test
  void connectRejectsAnUnknownPropertyBeforeAnyNetworkIo() {
    assertThatThrownBy(() -> driver.connect("jdbc:jctds:127.0.0.1:1;bogus=1", new Properties()))
        .isInstanceOf(SQLException.class)
        .hasMessageContaining("'bogus'");
  }

  @Test
  void driverManagerReachesTheDriverForJctdsUrls() {
    assertThatThrownBy(() -> DriverManager.getConnection("jdbc:jctds:s;bogus=1", "sa", "pw"))
        .isInstanceOf(SQLException.class)
        .hasMessageContaining("'bogus'")
        .hasMessageNotContaining("pw");
  }

  @Test
  void versionJdbcComplianceAndLogger() {
    assertThat(driver.getMajorVersion()).isZero();
    assertThat(driver.getMinorVersion()).isEqualTo(1);
    assertThat(driver.jdbcCompliant()).isFalse();
    assertThat(driver.getParentLogger().getName()).isEqualTo("io.jctds.jdbc");
  }

  private static Map<String, DriverPropertyInfo> info(String url, Properties p)
      throws SQLException {
    return Arrays.stream(new JctdsDriver().getPropertyInfo(url, p))
        .collect(Collectors.toMap(i -> i.name, Function.identity()));
  }

  @Test
  void propertyInfoListsEveryPropertyWithDescriptionAndChoices() throws SQLException {
    Map<String, DriverPropertyInfo> all = info("jdbc:jctds:s", new Properties());
    for (JdbcProperty p : JdbcProperty.values()) {
      if (p == JdbcProperty.PARAMSTYLE) {
        assertThat(all).doesNotContainKey(p.displayName());
        continue;
      }
      DriverPropertyInfo i = all.get(p.displayName());
      assertThat(i).as(p.displayName()).isNotNull();
      assertThat(i.required).isFalse();
      assertThat(i.description).isNotBlank();
    }
    assertThat(all.get("encryption").choices)
        .containsExactly("off", "request", "require", "strict");
    assertThat(all.get("trustServerCertificate").choices).containsExactly("true", "false");
    assertThat(all.get("caFile").description).contains("ca file");
    assertThat(all.get("database").description).contains("databaseName");
  }

  @Test
  void propertyInfoShowsCurrentValuesButNeverThePassword() throws SQLException {
    Properties p = new Properties();
    p.setProperty("password", "hunter2");
    p.setProperty("databaseName", "fromProps");
    Map<String, DriverPropertyInfo> all =
        info("jdbc:jctds://h:1444/fromUrl;user=sa;hostNameInCertificate=db.x", p);
    assertThat(all.get("server").value).isEqualTo("h");
    assertThat(all.get("port").value).isEqualTo("1444");
    assertThat(all.get("database").value).isEqualTo("fromProps");
    assertThat(all.get("user").value).isEqualTo("sa");
    assertThat(all.get("certificateHostname").value).isEqualTo("db.x");
    assertThat(all.get("password").value).isNull();
    assertThat(all.get("caFile").value).isNull();
  }

  @Test
  void propertyInfoForAnotherUrlIsAnError() {
    assertThatThrownBy(() -> driver.getPropertyInfo("jdbc:sqlserver://h", new Properties()))
        .isInstanceOf(SQLException.class);
  }
}
