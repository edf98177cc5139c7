package io.jctds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.jctds.config.ConfigResolver;
import io.jctds.config.ServerEntry;
import io.jctds.protocol.tls.TlsSessionInfo;
import io.jctds.server.EncryptionPolicy;
import io.jctds.server.TdsServer;
import io.jctds.server.tls.CertificateAuthority;
import io.jctds.server.tls.Pem;
import io.jctds.tls.EncryptionReport;
import java.net.SocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link ConnectObserver} sees a connect step by step, in order: the resolved entry, each login
 * phase, TCP, the PRELOGIN bytes ([MS-TDS] 2.2.6.5: ENCRYPT_ON 0x01 from a {@code require} client,
 * ENCRYPT_ON back from a server that encrypts on request), the chain also when it was refused, and
 * an exception it throws ends the connect with it as the cause.
 */
class ConnectObserverIT {
  @TempDir static Path dir;
  private static TdsServer server;
  private static CertificateAuthority ca;
  private static Path caPem;
  private static Path otherCaPem;

  @BeforeAll
  static void start() throws Exception {
    ca = CertificateAuthority.generate("observer test CA");
    caPem =
        Files.writeString(dir.resolve("ca.pem"), Pem.encodeCertificates(List.of(ca.certificate())));
    otherCaPem =
        Files.writeString(
            dir.resolve("other.pem"),
            Pem.encodeCertificates(List.of(CertificateAuthority.generate("other").certificate())));
    server =
        TdsServer.builder()
            .port(0)
            .encryption(EncryptionPolicy.ON)
            .credentials(ca.issueServerCredentials(List.of()))
            .user("sa", "pw")
            .build()
            .start();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  /** Records every call as one line. */
  private static class Recorder implements ConnectObserver {
    final List<String> calls = new ArrayList<>();
    List<X509Certificate> chain = List.of();

    @Override
    public void resolved(ServerEntry entry) {
      calls.add("resolved " + entry.serverName());
    }

    @Override
    public void step(String phase) {
      calls.add("step " + phase);
    }

    @Override
    public void tcpConnected(SocketAddress remote) {
      calls.add("tcp");
    }

    @Override
    public void preloginSent(int encryptionByte, boolean insideTls) {
      calls.add("prelogin sent " + encryptionByte + " " + insideTls);
    }

    @Override
    public void preloginAnswered(Integer encryptionByte, String serverVersion) {
      calls.add("prelogin answered " + encryptionByte);
    }

    @Override
    public void certificates(List<X509Certificate> certificates) {
      chain = certificates;
      calls.add("certificates " + certificates.size());
    }

    @Override
    public void tlsEstablished(TlsSessionInfo session, EncryptionReport.Level level) {
      calls.add("tls " + level);
    }
  }

  private static Connection connect(String caFile, ConnectObserver observer) throws Exception {
    String conf =
        "[s]\nhost = 127.0.0.1\nport = "
            + server.port()
            + "\nencryption = require\nca file = "
            + caFile
            + "\n";
    Path file = Files.writeString(dir.resolve("freetds-" + conf.hashCode() + ".conf"), conf);
    ConfigResolver r =
        ConfigResolver.builder()
            .environment(Map.of("FREETDSCONF", file.toString()))
            .userHome(null)
            .systemFiles(List.of())
            .interfacesDirectory(dir.resolve("none"))
            .build();
    return Jctds.connect(
        "s",
        ConnectOptions.builder()
            .user("sa")
            .password("pw")
            .loginTimeout(10)
            .configResolver(r)
            .observer(observer)
            .build());
  }

  @Test
  void aGoodConnectIsSeenStepByStep() throws Exception {
    Recorder r = new Recorder();
    try (Connection c = connect(caPem.toString(), r)) {
      assertThat(c.encryption().level()).isEqualTo(EncryptionReport.Level.FULL);
    }
    assertThat(r.calls)
        .containsExactly(
            "resolved s",
            "step connecting over TCP",
            "tcp",
            "step the PRELOGIN exchange",
            "prelogin sent 1 false",
            "prelogin answered 1",
            "step the TLS handshake inside PRELOGIN packets",
            "certificates 2",
            "tls FULL",
            "step sending LOGIN7",
            "step reading the login response");
    assertThat(r.chain.get(0).getIssuerX500Principal())
        .isEqualTo(ca.certificate().getSubjectX500Principal());
  }

  @Test
  void aRefusedChainIsStillReported() {
    Recorder r = new Recorder();
    Throwable t = catchThrowable(() -> connect(otherCaPem.toString(), r).close());
    assertThat(t).isInstanceOf(OperationalError.class);
    assertThat(((OperationalError) t).reason()).isEqualTo(OperationalError.Reason.CERTIFICATE);
    assertThat(r.calls).contains("certificates 2").doesNotContain("tls FULL");
    assertThat(r.chain.get(0).getIssuerX500Principal())
        .isEqualTo(ca.certificate().getSubjectX500Principal());
  }

  @Test
  void anExceptionFromTheObserverEndsTheConnectAsItsCause() {
    IllegalStateException stop = new IllegalStateException("stop before the login");
    Recorder r =
        new Recorder() {
          @Override
          public void step(String phase) {
            super.step(phase);
            if (phase.equals("sending LOGIN7")) {
              throw stop;
            }
          }
        };
    Throwable t = catchThrowable(() -> connect(caPem.toString(), r).close());
    assertThat(t).isInstanceOf(OperationalError.class).hasCause(stop);
    assertThat(r.calls).endsWith("step sending LOGIN7");
  }
}
