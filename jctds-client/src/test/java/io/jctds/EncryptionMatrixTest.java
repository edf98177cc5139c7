package io.jctds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jctds.protocol.TdsVersion;
import io.jctds.protocol.prelogin.PreLogin;
import io.jctds.protocol.tls.TdsTlsTransport.Scope;
import io.jctds.tls.EncryptionReport.Level;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every server PRELOGIN ENCRYPTION answer × every client {@code encryption} mode, against a rogue
 * server that really runs the TLS it promises (FREETDS.md 4.2 with jctds's two refusals).
 */
class EncryptionMatrixTest {
  @TempDir Path dir;

  /** The outcome: a TLS level, or the reason of the refusal. */
  record Outcome(Level level, OperationalError.Reason refusal) {
    static Outcome of(Level l) {
      return new Outcome(l, null);
    }

    static Outcome refused(OperationalError.Reason r) {
      return new Outcome(null, r);
    }
  }

  static Stream<Arguments> matrix() {
    String[] modes = {"off", "request", null, "require"};
    int[] clientBytes = {0x02, 0x00, 0x00, 0x01};
    List<Arguments> cases = new ArrayList<>();
    for (int i = 0; i < modes.length; i++) {
      String mode = modes[i];
      boolean require = "require".equals(mode);
      boolean off = "off".equals(mode);
      cases.add(
          Arguments.of(
              mode,
              clientBytes[i],
              0x02,
              require
                  ? Outcome.refused(OperationalError.Reason.ENCRYPTION_UNAVAILABLE)
                  : Outcome.of(Level.NONE)));
      cases.add(Arguments.of(mode, clientBytes[i], 0x00, Outcome.of(Level.LOGIN_ONLY)));
      cases.add(Arguments.of(mode, clientBytes[i], 0x01, Outcome.of(Level.FULL)));
      cases.add(
          Arguments.of(
              mode,
              clientBytes[i],
              0x03,
              off
                  ? Outcome.refused(OperationalError.Reason.ENCRYPTION_REQUIRED_BY_SERVER)
                  : Outcome.of(Level.FULL)));
      cases.add(Arguments.of(mode, clientBytes[i], 0x80, Outcome.of(Level.FULL)));
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "client {0} (sends 0x{1}), server answers 0x{2} → {3}")
  @MethodSource("matrix")
  void serverAnswerTimesClientMode(String mode, int clientByte, int serverByte, Outcome expected)
      throws Exception {
    TestWorld w = new TestWorld(dir);
    try (RogueServer server =
        new RogueServer(
            peer -> {
              PreLogin p = peer.readPrelogin();
              assertThat(p.encryption()).isEqualTo(clientByte);
              peer.answerPrelogin(serverByte, true);
              if (expected.refusal() != null) {
                assertThat(peer.seesEof(10_000)).isTrue();
                assertThat(peer.rawReceived())
                    .as("nothing after the 58-byte PRELOGIN: no TLS ClientHello, no LOGIN7")
                    .hasSize(58);
                return;
              }
              if (expected.level() != Level.NONE) {
                Scope scope =
                    expected.level() == Level.LOGIN_ONLY
                        ? Scope.LOGIN_ONLY
                        : Scope.WHOLE_CONNECTION;
                peer.tls(TestWorld.tds7Engine(), scope);
              }
              assertThat(peer.readLogin7().password()).isEqualTo("pw");
              peer.loginOk(TdsVersion.V7_4.wire(), 4096);
              peer.expectSetup();
              assertThat(peer.seesEof(10_000)).isTrue();
            })) {
      Path conf =
          mode == null ? w.conf(server.port()) : w.conf(server.port(), "encryption = " + mode);
      ConnectOptions options = w.options(conf, "pw").build();
      if (expected.refusal() != null) {
        assertThatThrownBy(() -> Jctds.connect("rogue", options))
            .isInstanceOfSatisfying(
                OperationalError.class, e -> assertThat(e.reason()).isEqualTo(expected.refusal()))
            .hasMessageContaining("encryption = " + mode + " in [rogue] of " + conf + ":4");
      } else {
        try (Connection c = Jctds.connect("rogue", options)) {
          assertThat(c.encryption().level()).isEqualTo(expected.level());
          if (expected.level() != Level.NONE) {
            assertThat(c.encryption().protocol()).contains("TLSv1.2");
            assertThat(c.messages())
                .anySatisfy(m -> assertThat(m.text()).contains("certificate not validated"));
          }
        }
      }
      server.await();
    }
  }
}
