package io.jctds.server.session;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LoginsTest {
  @Test
  void namesIgnoreCasePasswordsDoNot() {
    Logins l = new Logins();
    l.add("Admin", "S3cret");
    assertThat(l.check("admin", "S3cret")).isTrue();
    assertThat(l.check("ADMIN", "S3cret")).isTrue();
    assertThat(l.check("admin", "s3cret")).isFalse();
    assertThat(l.check("other", "S3cret")).isFalse();
    assertThat(l.check("admin", null)).isFalse();
    assertThat(l.canonicalName("ADMIN")).isEqualTo("Admin");
  }

  @Test
  void emptyPasswordIsAPassword() {
    Logins l = new Logins();
    l.add("guest", "");
    assertThat(l.check("guest", "")).isTrue();
    assertThat(l.check("guest", null)).isTrue();
    assertThat(l.check("guest", " ")).isFalse();
  }

  @Test
  void toStringShowsNoSecret() {
    Logins l = new Logins();
    l.add("sa", "TopSecret");
    assertThat(l.toString()).contains("sa").doesNotContain("TopSecret");
  }
}
