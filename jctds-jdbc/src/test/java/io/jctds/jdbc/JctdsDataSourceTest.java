package io.jctds.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** JavaBeans round trip and what the bean's properties become (the same rules as the URL's). */
class JctdsDataSourceTest {

  @Test
  void beanPropertiesRoundTrip() throws SQLException {
    JctdsDataSource ds = new JctdsDataSource();
    ds.setServerName("myserver");
    ds.setPortNumber(1444);
    ds.setInstanceName("I");
    ds.setDatabaseName("sales");
    ds.setUser("sa");
    ds.setPassword("hunter2");
    ds.setApplicationName("billing");
    ds.setEncryption("require");
    ds.setCaFile("/etc/ca.pem");
    ds.setCrlFile("/etc/crl.pem");
    ds.setHostNameInCertificate("db.example.com");
    ds.setTdsVersion("7.4");
    ds.setConfigFile("/etc/my.conf");
    ds.setPacketSize(8192);
    ds.setSendStringParametersAsUnicode(false);
    ds.setDescription("d");
    ds.setLoginTimeout(9);
    ds.setProperty("text size", "1000");
    assertThat(ds.getServerName()).isEqualTo("myserver");
    assertThat(ds.getPortNumber()).isEqualTo(1444);
    assertThat(ds.getInstanceName()).isEqualTo("I");
    assertThat(ds.getDatabaseName()).isEqualTo("sales");
    assertThat(ds.getUser()).isEqualTo("sa");
    assertThat(ds.getApplicationName()).isEqualTo("billing");
    assertThat(ds.getEncryption()).isEqualTo("require");
    assertThat(ds.getCaFile()).isEqualTo("/etc/ca.pem");
    assertThat(ds.getCrlFile()).isEqualTo("/etc/crl.pem");
    assertThat(ds.getCertificateHostname()).isEqualTo("db.example.com");
    assertThat(ds.getHostNameInCertificate()).isEqualTo("db.example.com");
    assertThat(ds.getTdsVersion()).isEqualTo("7.4");
    assertThat(ds.getConfigFile()).isEqualTo("/etc/my.conf");
    assertThat(ds.getPacketSize()).isEqualTo(8192);
    assertThat(ds.getSendStringParametersAsUnicode()).isFalse();
    assertThat(ds.getDescription()).isEqualTo("d");
    assertThat(ds.getLoginTimeout()).isEqualTo(9);
    assertThat(ds.getProperty("textSize")).isEqualTo("1000");
    assertThat(ds.getProperty("password")).isNull();

    JdbcConfig c = ds.config(null, null);
    assertThat(c.server()).isEqualTo("myserver");
    assertThat(c.options().port()).contains(1444);
    assertThat(c.options().password()).contains("hunter2");
    assertThat(c.options().loginTimeout()).contains(Duration.ofSeconds(9));
    assertThat(c.sendStringParametersAsUnicode()).isFalse();
    assertThat(c.options().directives())
        .anySatisfy(
            d -> {
              assertThat(d.key()).isEqualTo("ca file");
              assertThat(d.origin()).isEqualTo("JDBC JctdsDataSource property caFile");
            });
  }

  @Test
  void getConnectionUserAndPasswordReplaceTheBeans() throws SQLException {
    JctdsDataSource ds = new JctdsDataSource();
    ds.setServerName("s");
    ds.setUser("a");
    ds.setPassword("p1");
    JdbcConfig c = ds.config("b", "p2");
    assertThat(c.options().user()).contains("b");
    assertThat(c.options().password()).contains("p2");
    assertThat(ds.getUser()).isEqualTo("a");
  }

  @Test
  void beanPropertiesWinOverTheUrl() throws SQLException {
    JctdsDataSource ds = new JctdsDataSource();
    ds.setURL("jdbc:jctds://h:1444/a;password=secret");
    ds.setDatabaseName("b");
    JdbcConfig c = ds.config(null, null);
    assertThat(c.server()).isEqualTo("h");
    assertThat(c.options().database()).contains("b");
    assertThat(ds.getURL()).isEqualTo("jdbc:jctds://h:1444/a");
    ds.setUrl("jdbc:jctds:other");
    assertThat(ds.getUrl()).isEqualTo("jdbc:jctds:other");
    assertThat(ds.config(null, null).server()).isEqualTo("other");
  }

  @Test
  void unknownPropertyNamesAreRefusedAtOnce() {
    JctdsDataSource ds = new JctdsDataSource();
    assertThatThrownBy(() -> ds.setProperty("colour", "x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'colour'");
    assertThatThrownBy(() -> ds.setURL("jdbc:sqlserver://h"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aBadValueFailsAtGetConnectionNamingTheProperty() {
    JctdsDataSource ds = new JctdsDataSource();
    ds.setServerName("s");
    ds.setEncryption("maybe");
    assertThatThrownBy(ds::getConnection)
        .isInstanceOf(SQLException.class)
        .hasMessageContaining("JctdsDataSource property encryption");
  }

  @Test
  void wrapperAndLoginTimeoutContract() throws SQLException {
    JctdsDataSource ds = new JctdsConnectionPoolDataSource();
    assertThat(ds.isWrapperFor(javax.sql.ConnectionPoolDataSource.class)).isTrue();
    assertThat(ds.unwrap(JctdsDataSource.class)).isSameAs(ds);
    assertThatThrownBy(() -> ds.unwrap(String.class)).isInstanceOf(SQLException.class);
    assertThatThrownBy(() -> ds.setLoginTimeout(-1)).isInstanceOf(SQLException.class);
  }
}
