package io.jctds.server.session;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RequestLoopTest {
  @Test
  void passwordLiteralsAreMaskedInTraceLines() {
    assertThat(
            RequestLoop.withoutSecrets(
                "ALTER LOGIN sa WITH PASSWORD = N'it''s secret', CHECK_POLICY = OFF;"
                    + " CREATE CREDENTIAL c WITH IDENTITY = 'u', SECRET='x'"))
        .isEqualTo(
            "ALTER LOGIN sa WITH PASSWORD = N'********', CHECK_POLICY = OFF;"
                + " CREATE CREDENTIAL c WITH IDENTITY = 'u', SECRET='********'")
        .doesNotContain("it''s secret");
    assertThat(RequestLoop.withoutSecrets("SELECT 'password'")).isEqualTo("SELECT 'password'");
  }
}
