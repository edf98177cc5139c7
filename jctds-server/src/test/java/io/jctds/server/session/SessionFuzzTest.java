package io.jctds.server.session;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.jctds.protocol.BufferWriter;
import io.jctds.protocol.TdsVersion;
import io.jctds.protocol.framing.PacketType;
import io.jctds.protocol.framing.PacketWriter;
import io.jctds.protocol.login.FeatureExt;
import io.jctds.protocol.login.Login7;
import io.jctds.protocol.prelogin.PreLogin;
import io.jctds.server.EncryptionPolicy;
import io.jctds.server.tls.CertificateAuthority;
import io.jctds.server.tls.ServerTlsContext;
import io.jctds.server.tls.ServerTlsPolicy;
import io.jctds.server.tsql.TsqlEngine;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.List;
import java.util.ResourceBundle;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A whole session driven by arbitrary client bytes — raw, or after a valid PRELOGIN and LOGIN7, or
 * as well-framed requests with arbitrary payloads — ends without an internal error: every malformed
 * input is a logged protocol error, a SQL error or a closed session, and the session closes its
 * connection.
 */
class SessionFuzzTest {
  private static final int[] TYPES = {
    PacketType.SQL_BATCH,
    PacketType.RPC,
    PacketType.TRANSACTION_MANAGER,
    PacketType.ATTENTION,
    PacketType.BULK_LOAD,
    PacketType.PRELOGIN
  };
  private static final int[] VERSIONS = {
    TdsVersion.V7_1.wire(),
    TdsVersion.V7_2.wire(),
    TdsVersion.V7_3B.wire(),
    TdsVersion.V7_4.wire(),
    TdsVersion.V8_0.wire()
  };
  private static ServerSettings settings;
  private static final List<String> ERRORS = new CopyOnWriteArrayList<>();

  private static synchronized ServerSettings settings() {
    if (settings == null) {
      Logins logins = new Logins();
      logins.add("sa", "pw");
      ServerTlsContext tls =
          new ServerTlsContext(
              CertificateAuthority.generate("fuzz CA").issueServerCredentials(List.of()),
              ServerTlsPolicy.DEFAULT);
      settings =
          new ServerSettings(
              EncryptionPolicy.ON,
              tls,
              logins,
              "master",
              "FUZZ",
              Duration.ofSeconds(5),
              new TsqlEngine(null, List.of(), new ErrorCollector()),
              new ErrorCollector());
    }
    return settings;
  }

  /** Keeps ERROR-level lines: a RuntimeException that escaped the session's handling. */
  private static final class ErrorCollector implements System.Logger {
    @Override
    public String getName() {
      return "io.jctds.server";
    }

    @Override
    public boolean isLoggable(Level level) {
      return level == Level.ERROR;
    }

    @Override
    public void log(Level level, ResourceBundle bundle, String msg, Throwable thrown) {
      if (level == Level.ERROR) {
        ERRORS.add(msg + " " + thrown);
      }
    }

    @Override
    public void log(Level level, ResourceBundle bundle, String format, Object... params) {
      log(level, bundle, format, (Throwable) null);
    }
  }

  @FuzzTest(maxDuration = "60s")
  void serve(FuzzedDataProvider data) {
    ByteArrayOutputStream script = new ByteArrayOutputStream();
    PacketWriter out =
        new PacketWriter(
            512 + data.consumeInt(0, 4000),
            p -> script.write(p.array(), p.arrayOffset() + p.position(), p.remaining()));
    int mode = data.consumeInt(0, 2);
    if (mode > 0) {
      login(out, data);
    }
    if (mode == 2) {
      while (data.remainingBytes() > 2) {
        out.beginMessage(TYPES[data.consumeInt(0, TYPES.length - 1)], data.consumeInt(0, 0x1E));
        out.bytes(data.consumeBytes(data.consumeInt(0, 20_000)));
        out.endMessage();
      }
    }
    script.writeBytes(data.consumeRemainingAsBytes());
    ScriptedConnection c = new ScriptedConnection(script.toByteArray());
    ServerSettings s = settings();
    new Session(51, c, s, new SessionRegistry(s)).run();
    assertThat(ERRORS).isEmpty();
    assertThat(c.closed).isTrue();
  }

  private static void login(PacketWriter out, FuzzedDataProvider data) {
    BufferWriter p = new BufferWriter();
    PreLogin.empty().withVersion(new PreLogin.Version(9, 0, 0, 0)).withEncryption(2).encode(p);
    out.writeMessage(PacketType.PRELOGIN, p.view());
    BufferWriter l = new BufferWriter();
    Login7.builder()
        .tdsVersion(VERSIONS[data.consumeInt(0, VERSIONS.length - 1)])
        .userName("sa")
        .password(data.consumeBoolean() ? "pw" : "wrong")
        .database(data.consumeBoolean() ? "" : "tempdb")
        .packetSize(data.consumeInt(0, 40000))
        .feature(new FeatureExt(FeatureExt.UTF8_SUPPORT, new byte[] {1}))
        .build()
        .encode(l);
    out.writeMessage(PacketType.LOGIN7, l.view());
  }
}
