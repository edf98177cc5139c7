package io.jctds.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** FREETDS.md 1.5 step 3: splitting a server name. */
class ServerNameTest {

  @Test
  void hostColonPortUsesTheLastColon() {
    assertThat(ServerName.split("h:1500")).isEqualTo(new ServerName("h", 1500, null));
    assertThat(ServerName.split("a:b:1500")).isEqualTo(new ServerName("a:b", 1500, null));
  }

  @Test
  void nonNumericPortIsZero() {
    assertThat(ServerName.split("h:abc")).isEqualTo(new ServerName("h", 0, null));
    assertThat(ServerName.split("h:")).isEqualTo(new ServerName("h", 0, null));
  }

  @Test
  void bareIpv6IsMisSplitAsFreeTdsDoes() {
    assertThat(ServerName.split("::1")).isEqualTo(new ServerName(":", 1, null));
  }

  @Test
  void bracketedIpv6WithPort() {
    assertThat(ServerName.split("[::1]:1433")).isEqualTo(new ServerName("::1", 1433, null));
    assertThat(ServerName.split("[fe80::1]:99")).isEqualTo(new ServerName("fe80::1", 99, null));
  }

  @Test
  void bracketsWithoutPortAreNotSplit() {
    assertThat(ServerName.split("[::1]")).isNull();
  }

  @Test
  void backslashGivesAnInstance() {
    assertThat(ServerName.split("h\\SQLEXPRESS")).isEqualTo(new ServerName("h", -1, "SQLEXPRESS"));
    assertThat(ServerName.split("a\\b\\c")).isEqualTo(new ServerName("a\\b", -1, "c"));
    assertThat(ServerName.split("[::1]\\inst")).isEqualTo(new ServerName("::1", -1, "inst"));
  }

  @Test
  void colonWinsOverBackslash() {
    assertThat(ServerName.split("h\\i:5")).isEqualTo(new ServerName("h\\i", 5, null));
  }

  @Test
  void separatorInFirstPositionDoesNotCount() {
    assertThat(ServerName.split(":1433")).isNull();
    assertThat(ServerName.split("\\inst")).isNull();
  }

  @Test
  void commaIsNotASeparator() {
    assertThat(ServerName.split("h,1433")).isNull();
    assertThat(ServerName.split("plain")).isNull();
  }
}
