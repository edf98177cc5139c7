package io.jctds.server.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.jctds.protocol.BufferWriter;
import io.jctds.protocol.Wire;
import io.jctds.protocol.prelogin.PreLogin;
import io.jctds.server.EncryptionPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PreloginAnswerTest {

  @ParameterizedTest(name = "{0} policy, client {1} -> {2}, {3}, refuse {4}")
  @CsvSource({
    "OFF, 0, 2, NONE, false",
    "OFF, 1, 2, NONE, false",
    "OFF, 2, 2, NONE, false",
    "ON, 0, 0, LOGIN_ONLY, false",
    "ON, 1, 1, FULL, false",
    "ON, 2, 2, NONE, false",
    "ON, 3, 1, FULL, false",
    "ON, 129, 1, FULL, false",
    "ON, 128, 0, LOGIN_ONLY, false",
    "ON, 66, 1, FULL, false",
    "REQUIRED, 0, 3, FULL, false",
    "REQUIRED, 1, 1, FULL, false",
    "REQUIRED, 2, 3, NONE, true",
  })
  void msTdsTable(EncryptionPolicy p, int client, int answer, EncryptionState state, boolean no) {
    PreloginAnswer.Decision d = PreloginAnswer.decide(p, client);
    assertThat(d.answer()).isEqualTo(answer);
    assertThat(d.state()).isEqualTo(state);
    assertThat(d.refuse()).isEqualTo(no);
  }

  @Test
  void missingEncryptionOptionMeansNotSupported() {
    assertThat(PreloginAnswer.decide(EncryptionPolicy.ON, null).answer()).isEqualTo(2);
  }

  @Test
  void strictAnswersNotSupportedUnlessAskedOn() {
    assertThat(PreloginAnswer.strictAnswer(2)).isEqualTo(2);
    assertThat(PreloginAnswer.strictAnswer(0)).isEqualTo(2);
    assertThat(PreloginAnswer.strictAnswer(null)).isEqualTo(2);
    assertThat(PreloginAnswer.strictAnswer(1)).isEqualTo(1);
  }

  @Test
  void sqlServer2022Layout() {
    BufferWriter w = new BufferWriter();
    new PreloginAnswer(1, false).encode(w);
    assertThat(Wire.hex(w.view()))
        .isEqualToIgnoringWhitespace(
            "00 00 1A 00 06  01 00 20 00 01  02 00 21 00 01  03 00 22 00 00  04 00 22 00 01  FF"
                + " 10 00 03 E8 00 00  01  00  00");
    PreLogin p = PreLogin.decode(w.view());
    assertThat(p.version()).isEqualTo(new PreLogin.Version(16, 0, 1000, 0));
    assertThat(p.encryption()).isEqualTo(1);
    assertThat(p.instance()).containsExactly(0);
    assertThat(p.threadId()).isNull();
    assertThat(p.mars()).isFalse();
    assertThat(p.fedAuthRequired()).isNull();
  }

  @Test
  void fedAuthRequiredIsEchoedAsZeroWhenTheClientSentIt() {
    PreLogin client = PreLogin.empty().withEncryption(0).withFedAuthRequired(true);
    BufferWriter w = new BufferWriter();
    PreloginAnswer.to(client, 0).encode(w);
    assertThat(PreLogin.decode(w.view()).fedAuthRequired()).isFalse();
  }
}
