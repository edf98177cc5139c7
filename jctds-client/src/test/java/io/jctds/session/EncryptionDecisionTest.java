package io.jctds.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.jctds.config.Encryption;
import io.jctds.protocol.tls.TdsTlsTransport.Scope;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** FREETDS.md 4.1 and 4.2 as a table, with jctds's two refusals. */
class EncryptionDecisionTest {

  @ParameterizedTest(name = "{0} sends 0x{1}")
  @CsvSource({"OFF, 2", "DEFAULT, 0", "REQUEST, 0", "REQUIRE, 1", "STRICT, 2"})
  void clientByte(Encryption mode, int expected) {
    assertThat(EncryptionDecision.clientByte(mode)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "client {0}, server {1} → {2}")
  @CsvSource({
    // server NOT_SUP
    "OFF, 2, plain",
    "DEFAULT, 2, plain",
    "REQUEST, 2, plain",
    "REQUIRE, 2, refuse-client",
    // server OFF: login-only, even for require (FreeTDS)
    "OFF, 0, login-only",
    "DEFAULT, 0, login-only",
    "REQUEST, 0, login-only",
    "REQUIRE, 0, login-only",
    // server ON
    "OFF, 1, full",
    "REQUEST, 1, full",
    "REQUIRE, 1, full",
    // server REQ: jctds refuses for off (FreeTDS would do TLS)
    "OFF, 3, refuse-server",
    "DEFAULT, 3, full",
    "REQUEST, 3, full",
    "REQUIRE, 3, full",
    // anything else means TLS
    "OFF, 128, full",
    "REQUEST, 129, full",
    "REQUIRE, 255, full",
    // no ENCRYPTION option: NOT_SUP
    "REQUEST, , plain",
    "REQUIRE, , refuse-client"
  })
  void decision(Encryption mode, Integer server, String expected) {
    EncryptionDecision d = EncryptionDecision.decide(mode, server);
    String actual =
        d instanceof EncryptionDecision.Plain
            ? "plain"
            : d instanceof EncryptionDecision.Tls t
                ? (t.scope() == Scope.LOGIN_ONLY ? "login-only" : "full")
                : ((EncryptionDecision.Refuse) d).serverRequires()
                    ? "refuse-server"
                    : "refuse-client";
    assertThat(actual).isEqualTo(expected);
  }
}
