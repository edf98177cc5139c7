package io.jctds.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jctds.protocol.TdsVersion;
import io.jctds.protocol.prelogin.PreLogin;
import io.jctds.protocol.tls.TdsTlsTransport;
import io.jctds.protocol.tls.TlsHandshakeException;
import io.jctds.protocol.tls.TlsParameters;
import io.jctds.protocol.token.LoginAck;
import io.jctds.protocol.token.Token;
import java.io.IOException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The PRELOGIN answer for each policy and client ENCRYPTION byte ([MS-TDS] 2.2.6.5, the issue's
 * table), and that the session then runs as negotiated: plain, login-only TLS, full TLS, TLS first
 * (TDS 8.0), or closed. The server's own view ({@code sys.dm_exec_connections.encrypt_option}) is
 * checked from inside each session.
 */
class EncryptionNegotiationIT {
  private static final Map<EncryptionPolicy, TdsServer> SERVERS =
      new EnumMap<>(EncryptionPolicy.class);

  @BeforeAll
  static void start() throws IOException {
    for (EncryptionPolicy p : EncryptionPolicy.values()) {
      SERVERS.put(p, TestServers.builder(p).build().start());
    }
  }

  @AfterAll
  static void stop() {
    SERVERS.values().forEach(TdsServer::close);
  }

  private static String encryptOption(RawClient c) throws IOException {
    List<Token> t =
        c.batch("SELECT encrypt_option FROM sys.dm_exec_connections WHERE session_id = @@SPID");
    return (String) Responses.scalar(t);
  }

  @ParameterizedTest(name = "{0} policy, client 0x0{1} -> 0x0{2}, {3}")
  @CsvSource({
    "OFF, 0, 2, PLAIN",
    "OFF, 1, 2, PLAIN",
    "OFF, 2, 2, PLAIN",
    "OFF, 3, 2, PLAIN",
    "ON, 0, 0, LOGIN_ONLY",
    "ON, 1, 1, FULL",
    "ON, 2, 2, PLAIN",
    "ON, 3, 1, FULL",
    "REQUIRED, 0, 3, FULL",
    "REQUIRED, 1, 1, FULL",
    "REQUIRED, 3, 1, FULL",
    "REQUIRED, 2, 3, CLOSED",
  })
  void preloginAnswerAndOutcome(EncryptionPolicy policy, int client, int answer, String outcome)
      throws IOException {
    try (RawClient c = RawClient.connect(SERVERS.get(policy))) {
      PreLogin reply = c.prelogin(client);
      assertThat(reply.encryption()).isEqualTo(answer);
      assertThat(reply.version().major()).isEqualTo(16);
      switch (outcome) {
        case "CLOSED" -> {
          assertThat(c.closedByServer()).isTrue();
          return;
        }
        case "LOGIN_ONLY" -> {
          TdsTlsTransport tls = c.tls(TdsTlsTransport.Scope.LOGIN_ONLY);
          assertThat(tls.session().protocol()).isEqualTo("TLSv1.2");
          c.loginOk();
          assertThat(tls.isEncrypting()).isFalse();
        }
        case "FULL" -> {
          TdsTlsTransport tls = c.tls(TdsTlsTransport.Scope.WHOLE_CONNECTION);
          assertThat(tls.session().protocol()).isEqualTo("TLSv1.2");
          c.loginOk();
        }
        default -> c.loginOk();
      }
      assertThat(encryptOption(c)).isEqualTo(outcome.equals("FULL") ? "TRUE" : "FALSE");
      SessionInfo me = c.info(SERVERS.get(policy));
      assertThat(me.loginOnlyEncryption()).isEqualTo(outcome.equals("LOGIN_ONLY"));
      assertThat(me.tlsProtocol()).isEqualTo(outcome.equals("PLAIN") ? null : "TLSv1.2");
    }
  }

  @Test
  void strictRefusesTds7Prelogin() throws IOException {
    try (RawClient c = RawClient.connect(SERVERS.get(EncryptionPolicy.STRICT))) {
      assertThat(c.prelogin(1)).isNull();
    }
  }

  @ParameterizedTest
  @EnumSource(
      value = EncryptionPolicy.class,
      names = {"ON", "REQUIRED", "STRICT"})
  void tlsFirstIsTds8(EncryptionPolicy policy) throws IOException {
    try (RawClient c = RawClient.connect(SERVERS.get(policy))) {
      TdsTlsTransport tls = c.tlsFirst(TlsParameters.TDS8_APPLICATION_PROTOCOL);
      assertThat(tls.session().protocol()).isEqualTo("TLSv1.3");
      assertThat(tls.session().applicationProtocol()).isEqualTo("tds/8.0");
      PreLogin reply = c.prelogin(2);
      assertThat(reply.encryption()).isEqualTo(2);
      List<Token> login = c.login(RawClient.login().tdsVersion(TdsVersion.V8_0.wire()).build());
      LoginAck ack =
          login.stream()
              .filter(LoginAck.class::isInstance)
              .map(LoginAck.class::cast)
              .findFirst()
              .orElseThrow();
      assertThat(ack.tdsVersion()).isEqualTo(0x74000004);
      assertThat(encryptOption(c)).isEqualTo("TRUE");
      assertThat(c.info(SERVERS.get(policy)).tdsVersion()).isEqualTo("8.0");
    }
  }

  @Test
  void tlsFirstWithoutAlpnFails() throws IOException {
    try (RawClient c = RawClient.connect(SERVERS.get(EncryptionPolicy.STRICT))) {
      assertThatThrownBy(() -> c.tlsFirst(null)).isInstanceOf(TlsHandshakeException.class);
    }
  }

  @Test
  void tlsFirstRefusedWhenOff() throws IOException {
    try (RawClient c = RawClient.connect(SERVERS.get(EncryptionPolicy.OFF))) {
      assertThatThrownBy(() -> c.tlsFirst(TlsParameters.TDS8_APPLICATION_PROTOCOL))
          .isInstanceOf(IOException.class);
    }
  }

  @ParameterizedTest
  @EnumSource(
      value = EncryptionPolicy.class,
      names = {"OFF", "ON"})
  void loginWithoutPreloginIsPlain(EncryptionPolicy policy) throws IOException {
    try (RawClient c = RawClient.connect(SERVERS.get(policy))) {
      c.loginOk();
      assertThat(encryptOption(c)).isEqualTo("FALSE");
    }
  }

  @ParameterizedTest
  @EnumSource(
      value = EncryptionPolicy.class,
      names = {"REQUIRED", "STRICT"})
  void loginWithoutPreloginRefusedWhenEncryptionRequired(EncryptionPolicy policy)
      throws IOException {
    try (RawClient c = RawClient.connect(SERVERS.get(policy))) {
      List<Token> t = c.login(RawClient.login().tdsVersion(TdsVersion.V7_1.wire()).build());
      assertThat(Responses.errors(t))
          .singleElement()
          .satisfies(
              e -> {
                assertThat(e.number()).isEqualTo(17835);
                assertThat(e.severity()).isEqualTo(20);
              });
      assertThat(Responses.lastDone(t).isError()).isTrue();
      assertThat(c.closedByServer()).isTrue();
    }
  }
}
