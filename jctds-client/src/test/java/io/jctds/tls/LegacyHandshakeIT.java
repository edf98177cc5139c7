package io.jctds.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.jctds.config.ConfigResolver;
import io.jctds.config.ServerEntry;
import io.jctds.protocol.tls.TdsTlsTransport;
import io.jctds.protocol.tls.TlsEngine;
import io.jctds.protocol.tls.TlsHandshakeException;
import io.jctds.protocol.tls.TlsSessionInfo;
import io.jctds.protocol.tls.Transport;
import io.jctds.server.tls.CertificateAuthority;
import io.jctds.server.tls.Pem;
import io.jctds.server.tls.ServerTlsContext;
import io.jctds.server.tls.ServerTlsPolicy;
import io.jctds.server.tls.TlsVersion;
import io.jctds.tls.legacy.BcLegacyTlsProvider;
import io.jctds.tls.legacy.BcTlsEngine;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code enable tls v1 = yes} end to end: jctds-client finds jctds-tls-legacy through ServiceLoader
 * (an IT because the unit tests run without that module, see this module's pom) and its engine
 * completes a TDS 7.x handshake (inside PRELOGIN packets) with the embedded server's TLS 1.0-only
 * engine, validating the certificate through jctds-client's trust manager.
 */
class LegacyHandshakeIT {
  private static final ExecutorService SERVERS = Executors.newCachedThreadPool();
  private static CertificateAuthority ca;
  private static ServerTlsContext tls10Server;

  @TempDir Path dir;

  @BeforeAll
  static void pki() {
    ca = CertificateAuthority.generate("legacy CA");
    tls10Server =
        new ServerTlsContext(
            ca.issueServerCredentials(List.of("oldbox.example")),
            new ServerTlsPolicy(TlsVersion.TLS_1_0, true));
  }

  @AfterAll
  static void stop() {
    SERVERS.shutdownNow();
  }

  private ServerEntry entry(String host, String body) throws Exception {
    Path conf =
        Files.writeString(
            dir.resolve("freetds.conf"),
            "[legacy]\n  host = "
                + host
                + "\n  port = 1433\n  tds version = 7.1\n  encryption = require\n"
                + "  enable tls v1 = yes\n"
                + body);
    return ConfigResolver.builder()
        .file(conf)
        .environment(Map.of())
        .userHome(null)
        .systemFiles(List.of())
        .interfacesDirectory(dir)
        .hostResolver(h -> List.of(InetAddress.getByAddress(h, new byte[] {127, 0, 0, 1})))
        .build()
        .resolve("legacy");
  }

  private String caFile() throws Exception {
    Path file = dir.resolve("ca.pem");
    Files.writeString(file, Pem.encodeCertificates(List.of(ca.certificate())));
    return file.toString();
  }

  /** Handshake in PRELOGIN packets, then ping/echo; returns the client's session. */
  private static TlsSessionInfo handshake(ServerTlsContext server, TlsEngine client)
      throws Exception {
    try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      Future<String> serverSide =
          SERVERS.submit(
              () -> {
                try (Socket s = listener.accept()) {
                  s.setSoTimeout(30_000);
                  TdsTlsTransport t =
                      TdsTlsTransport.handshakeInPrelogin(
                          Transport.of(s.getInputStream(), s.getOutputStream()),
                          server.newTds7Engine(),
                          TdsTlsTransport.Scope.WHOLE_CONNECTION);
                  ByteBuffer ping = ByteBuffer.allocate(4);
                  while (ping.hasRemaining() && t.read(ping) >= 0) {
                    // whole ping
                  }
                  t.write(ping.flip());
                  return StandardCharsets.US_ASCII.decode(ping.flip()).toString();
                }
              });
      try (Socket socket = new Socket(listener.getInetAddress(), listener.getLocalPort())) {
        socket.setSoTimeout(30_000);
        TdsTlsTransport t =
            TdsTlsTransport.handshakeInPrelogin(
                Transport.of(socket.getInputStream(), socket.getOutputStream()),
                client,
                TdsTlsTransport.Scope.WHOLE_CONNECTION);
        t.write(ByteBuffer.wrap("ping".getBytes(StandardCharsets.US_ASCII)));
        ByteBuffer echo = ByteBuffer.allocate(4);
        while (echo.hasRemaining() && t.read(echo) >= 0) {
          // whole echo
        }
        assertThat(StandardCharsets.US_ASCII.decode(echo.flip()).toString()).isEqualTo("ping");
        assertThat(serverSide.get()).isEqualTo("ping");
        TlsSessionInfo session = t.session();
        t.close();
        return session;
      }
    }
  }

  @Test
  void theProviderIsFoundThroughServiceLoader() {
    assertThat(ClientTls.findLegacyProvider()).get().isInstanceOf(BcLegacyTlsProvider.class);
  }

  @Test
  void tls10WithAValidatedCertificate() throws Exception {
    ClientTls tls = ClientTls.forEntry(entry("oldbox.example", "  ca file = " + caFile() + "\n"));
    TlsEngine engine = tls.newEngine("127.0.0.1", 1433);
    assertThat(engine).isInstanceOf(BcTlsEngine.class);
    TlsSessionInfo session = handshake(tls10Server, engine);
    assertThat(session.protocol()).isEqualTo("TLSv1");
    assertThat(session.peerCertificates()).hasSize(2);
    EncryptionReport report = tls.report(session, "7.1", EncryptionReport.Level.FULL);
    assertThat(report.isCertificateValidated()).isTrue();
    assertThat(report.matchedName()).contains("DNS:oldbox.example");
    assertThat(report.describe()).contains("TLS protocol:  TLSv1\n");
  }

  @Test
  void theTrustManagerRefusesTheWrongHostOnTheLegacyPathToo() throws Exception {
    ClientTls tls = ClientTls.forEntry(entry("newbox.example", "  ca file = " + caFile() + "\n"));
    TlsHandshakeException e =
        catchThrowableOfType(
            TlsHandshakeException.class,
            () -> handshake(tls10Server, tls.newEngine("127.0.0.1", 1433)));
    assertThat(e).isNotNull();
    assertThat(e.localAlert()).contains("bad_certificate");
    assertThat(TlsValidationException.findIn(e).map(TlsValidationException::reason))
        .contains(TlsValidationException.Reason.HOSTNAME_MISMATCH);
    assertThat(tls.lastFailure()).isPresent();
  }

  @Test
  void withoutCaFileAnyCertificateIsAccepted() throws Exception {
    ClientTls tls = ClientTls.forEntry(entry("newbox.example", ""));
    TlsSessionInfo session = handshake(tls10Server, tls.newEngine("127.0.0.1", 1433));
    assertThat(session.protocol()).isEqualTo("TLSv1");
    assertThat(tls.report(session, "7.1", EncryptionReport.Level.FULL).isCertificateValidated())
        .isFalse();
  }

  @Test
  void aTls12ServerStillNegotiatesTls12() throws Exception {
    ServerTlsContext modern =
        new ServerTlsContext(
            ca.issueServerCredentials(List.of("oldbox.example")),
            new ServerTlsPolicy(TlsVersion.TLS_1_2, true));
    ClientTls tls = ClientTls.forEntry(entry("oldbox.example", "  ca file = " + caFile() + "\n"));
    assertThat(handshake(modern, tls.newEngine("127.0.0.1", 1433)).protocol()).isEqualTo("TLSv1.2");
  }
}
