package io.jctds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jctds.config.ServerEntry;
import io.jctds.session.ConnectSettings;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the application leaves unset, freetds.conf decides; what neither sets has k-cTDS defaults.
 */
class ConnectOptionsTest {
  @TempDir Path dir;

  private ServerEntry resolve(ConnectOptions o, String... conf) {
    TestWorld w = new TestWorld(dir);
    return w.resolver(w.conf(1433, conf)).resolve("rogue", Jctds.application(o));
  }

  @Test
  void defaultsWhenNeitherSetsAValue() {
    ConnectOptions o = ConnectOptions.none();
    ConnectSettings s = Jctds.settings(resolve(o), o);
    assertThat(s.loginTimeout()).isEqualTo(Duration.ofSeconds(15));
    assertThat(s.queryTimeout()).isNull();
    assertThat(s.autocommit()).isFalse();
    assertThat(s.ansiDefaults()).isTrue();
    assertThat(s.enableBcp()).isTrue();
    assertThat(s.version()).isEqualTo(io.jctds.protocol.TdsVersion.V7_4);
  }

  @Test
  void theFileDecidesWhatTheOptionsLeaveUnset() {
    ConnectOptions o = ConnectOptions.none();
    ConnectSettings s =
        Jctds.settings(
            resolve(o, "connect timeout = 7", "timeout = 30", "tds version = 7.2", "port = 2000"),
            o);
    assertThat(s.loginTimeout()).isEqualTo(Duration.ofSeconds(7));
    assertThat(s.loginTimeoutOrigin()).contains("connect timeout in [rogue] of");
    assertThat(s.queryTimeout()).isEqualTo(Duration.ofSeconds(30));
    assertThat(s.version()).isEqualTo(io.jctds.protocol.TdsVersion.V7_2);
    assertThat(s.entry().port()).isEqualTo(2000);
  }

  @Test
  void theOptionsWinOverTheFile() {
    ConnectOptions o =
        ConnectOptions.builder()
            .loginTimeout(Duration.ofMillis(1500))
            .timeout(3)
            .tdsVersion("7.3")
            .port(2001)
            .database("db1")
            .autocommit(true)
            .ansiDefaults(false)
            .build();
    ConnectSettings s =
        Jctds.settings(
            resolve(o, "connect timeout = 7", "timeout = 30", "tds version = 7.2", "port = 2000"),
            o);
    assertThat(s.loginTimeout()).isEqualTo(Duration.ofMillis(1500));
    assertThat(s.queryTimeout()).isEqualTo(Duration.ofSeconds(3));
    assertThat(s.version()).isEqualTo(io.jctds.protocol.TdsVersion.V7_3B);
    assertThat(s.entry().port()).isEqualTo(2001);
    assertThat(s.entry().database()).isEqualTo("db1");
    assertThat(s.autocommit()).isTrue();
    assertThat(s.ansiDefaults()).isFalse();
  }

  @Test
  void sybaseVersionsAreNotSupportedDomainLoginsAre() {
    ConnectOptions o = ConnectOptions.none();
    assertThatThrownBy(() -> Jctds.settings(resolve(o, "tds version = 5.0"), o))
        .isInstanceOf(NotSupportedError.class)
        .hasMessageContaining("tds version = 5.0 in [rogue]");
    assertThat(Jctds.application(ConnectOptions.builder().user("DOM\\me").build())).isNotNull();
    assertThatThrownBy(() -> Jctds.application(ConnectOptions.builder().tdsVersion("9.9").build()))
        .isInstanceOf(InterfaceError.class)
        .hasMessageContaining("unsupported TDS version \"9.9\"");
  }

  @Test
  void passwordNeverShows() {
    ConnectOptions o = ConnectOptions.builder().user("sa").password("hunter2").build();
    assertThat(o.toString()).contains("user=sa").contains("password=***").doesNotContain("hunter2");
    assertThat(Jctds.application(o).toString()).doesNotContain("hunter2");
    ConnectSettings s = Jctds.settings(resolve(o), o);
    assertThat(s.toString()).doesNotContain("hunter2");
  }

  @Test
  void invalidValuesAreInterfaceErrors() {
    assertThatThrownBy(() -> ConnectOptions.builder().port(0)).isInstanceOf(InterfaceError.class);
    assertThatThrownBy(() -> ConnectOptions.builder().loginTimeout(Duration.ZERO))
        .isInstanceOf(InterfaceError.class);
    assertThatThrownBy(
            () ->
                ConnectOptions.builder()
                    .configFile(dir.resolve("x"))
                    .configResolver(new TestWorld(dir).resolver(null))
                    .build())
        .isInstanceOf(InterfaceError.class);
  }
}
