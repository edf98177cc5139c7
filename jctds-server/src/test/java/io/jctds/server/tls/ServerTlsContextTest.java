package io.jctds.server.tls;

import static io.jctds.server.tls.Loopback.join;
import static io.jctds.server.tls.Loopback.onClientThread;
import static io.jctds.server.tls.Loopback.packet;
import static io.jctds.server.tls.Loopback.readPacket;
import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.jctds.protocol.framing.PacketType;
import io.jctds.protocol.tls.JsseTlsContext;
import io.jctds.protocol.tls.JsseTlsEngine;
import io.jctds.protocol.tls.TdsTlsTransport;
import io.jctds.protocol.tls.TdsTlsTransport.Scope;
import io.jctds.protocol.tls.TlsEngine;
import io.jctds.protocol.tls.TlsHandshakeException;
import io.jctds.protocol.tls.TlsParameters;
import io.jctds.protocol.tls.TlsSessionInfo;
import io.jctds.tls.legacy.BcTlsEngine;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.tls.ProtocolVersion;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The server's engines against JSSE and BouncyCastle clients over loopback sockets. */
class ServerTlsContextTest {
  private static final byte[] REQUEST = packet(PacketType.SQL_BATCH, "ping".getBytes(US_ASCII));
  private static ServerCredentials credentials;
  private static TrustManager[] trustCa;

  @BeforeAll
  static void generate() throws Exception {
    credentials =
        CertificateAuthority.generate("context test CA").issueServerCredentials(List.of());
    KeyStore store = KeyStore.getInstance("PKCS12");
    store.load(null, null);
    store.setCertificateEntry("ca", credentials.trustAnchor());
    TrustManagerFactory factory = TrustManagerFactory.getInstance("PKIX");
    factory.init(store);
    trustCa = factory.getTrustManagers();
  }

  private static JsseTlsContext jsseClient() {
    return new JsseTlsContext(null, trustCa, null);
  }

  /** Runs a TDS 7.x wrapped handshake and one echoed packet; returns [client, server] sessions. */
  private static TlsSessionInfo[] tds7(TlsEngine client, TlsEngine server) throws Exception {
    try (Loopback wire = Loopback.open()) {
      Future<TlsSessionInfo> peer =
          onClientThread(
              () -> {
                try (TdsTlsTransport t =
                    TdsTlsTransport.handshakeInPrelogin(
                        wire.client(), client, Scope.WHOLE_CONNECTION)) {
                  t.write(ByteBuffer.wrap(REQUEST));
                  assertThat(readPacket(t)).isEqualTo(REQUEST);
                  return t.session();
                }
              });
      try (TdsTlsTransport s =
          TdsTlsTransport.handshakeInPrelogin(wire.server(), server, Scope.WHOLE_CONNECTION)) {
        s.write(ByteBuffer.wrap(readPacket(s)));
        return new TlsSessionInfo[] {join(peer), s.session()};
      }
    }
  }

  /** Runs a TLS-first handshake and one echoed packet; returns [client, server] sessions. */
  private static TlsSessionInfo[] tds8(TlsEngine client, TlsEngine server) throws Exception {
    try (Loopback wire = Loopback.open()) {
      Future<TlsSessionInfo> peer =
          onClientThread(
              () -> {
                try (TdsTlsTransport t = TdsTlsTransport.handshakeFirst(wire.client(), client)) {
                  t.write(ByteBuffer.wrap(REQUEST));
                  assertThat(readPacket(t)).isEqualTo(REQUEST);
                  return t.session();
                }
              });
      try (TdsTlsTransport s = TdsTlsTransport.handshakeFirst(wire.server(), server)) {
        s.write(ByteBuffer.wrap(readPacket(s)));
        return new TlsSessionInfo[] {join(peer), s.session()};
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"TLSv1", "TLSv1.1"})
  void enableTlsV1ServesTls10And11ThroughBouncyCastle(String version) throws Exception {
    ServerTlsContext server =
        new ServerTlsContext(credentials, new ServerTlsPolicy(TlsVersion.TLS_1_3, true));
    ProtocolVersion offered =
        version.equals("TLSv1") ? ProtocolVersion.TLSv10 : ProtocolVersion.TLSv11;
    TlsSessionInfo[] sessions =
        tds7(BcTlsEngine.client(new LegacyTestClient(offered)), server.newTds7Engine());

    assertThat(sessions[0].protocol()).isEqualTo(version);
    assertThat(sessions[1].protocol()).isEqualTo(version);
    assertThat(sessions[1].cipherSuite()).isEqualTo(sessions[0].cipherSuite()).startsWith("TLS_");
    assertThat(sessions[0].peerCertificates()).isEqualTo(credentials.chain());
    assertThat(sessions[1].localCertificates()).isEqualTo(credentials.chain());
  }

  @Test
  void enableTlsV1WorksWithAnEcKey() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(new ECGenParameterSpec("secp256r1"));
    KeyPair keys = generator.generateKeyPair();
    X500Name name = new X500Name("CN=localhost");
    Instant now = Instant.now();
    X509Certificate certificate =
        new JcaX509CertificateConverter()
            .getCertificate(
                new JcaX509v3CertificateBuilder(
                        name,
                        BigInteger.TWO,
                        Date.from(now.minusSeconds(60)),
                        Date.from(now.plusSeconds(3600)),
                        name,
                        keys.getPublic())
                    .build(
                        new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate())));
    ServerCredentials ec =
        new ServerCredentials(keys.getPrivate(), List.of(certificate), certificate);
    ServerTlsContext server =
        new ServerTlsContext(ec, new ServerTlsPolicy(TlsVersion.TLS_1_2, true));

    TlsSessionInfo[] sessions =
        tds7(
            BcTlsEngine.client(new LegacyTestClient(ProtocolVersion.TLSv10)),
            server.newTds7Engine());
    assertThat(sessions[1].protocol()).isEqualTo("TLSv1");
    assertThat(sessions[1].cipherSuite()).contains("ECDSA");
    TlsSessionInfo[] modern = tds7(jsseClientTrusting(certificate), server.newTds7Engine());
    assertThat(modern[0].protocol()).isEqualTo("TLSv1.2");
  }

  private static TlsEngine jsseClientTrusting(X509Certificate certificate) throws Exception {
    KeyStore store = KeyStore.getInstance("PKCS12");
    store.load(null, null);
    store.setCertificateEntry("self", certificate);
    TrustManagerFactory factory = TrustManagerFactory.getInstance("PKIX");
    factory.init(store);
    return new JsseTlsContext(null, factory.getTrustManagers(), null)
        .newClientEngine(TlsParameters.TDS7);
  }

  @Test
  void enableTlsV1StillServesTls12ToAModernClient() throws Exception {
    ServerTlsContext server =
        new ServerTlsContext(credentials, new ServerTlsPolicy(TlsVersion.TLS_1_3, true));
    TlsSessionInfo[] sessions =
        tds7(jsseClient().newClientEngine(TlsParameters.TDS7), server.newTds7Engine());
    assertThat(sessions[0].protocol()).isEqualTo("TLSv1.2");
    assertThat(sessions[1].protocol()).isEqualTo("TLSv1.2");
  }

  @Test
  void defaultPolicyRefusesTls10() throws Exception {
    ServerTlsContext server = new ServerTlsContext(credentials, ServerTlsPolicy.DEFAULT);
    TlsEngine client = BcTlsEngine.client(new LegacyTestClient(ProtocolVersion.TLSv10));
    try (Loopback wire = Loopback.open()) {
      Future<TlsHandshakeException> peer =
          onClientThread(
              () ->
                  catchThrowableOfType(
                      TlsHandshakeException.class,
                      () ->
                          TdsTlsTransport.handshakeInPrelogin(
                              wire.client(), client, Scope.WHOLE_CONNECTION)));
      TlsHandshakeException refused =
          catchThrowableOfType(
              TlsHandshakeException.class,
              () ->
                  TdsTlsTransport.handshakeInPrelogin(
                      wire.server(), server.newTds7Engine(), Scope.WHOLE_CONNECTION));
      assertThat(refused).hasMessageContaining("(server)");
      assertThat(join(peer).peerAlert()).contains("protocol_version");
      assertThat(wire.serverClosed()).isTrue();
    }
  }

  @Test
  void tds7PathNegotiatesTls12EvenWhenTheClientOffers13() throws Exception {
    ServerTlsContext server = new ServerTlsContext(credentials, ServerTlsPolicy.DEFAULT);
    TlsParameters both = TlsParameters.TDS7.withProtocols("TLSv1.3", "TLSv1.2");
    TlsSessionInfo[] sessions = tds7(jsseClient().newClientEngine(both), server.newTds7Engine());
    assertThat(sessions[0].protocol()).isEqualTo("TLSv1.2");
  }

  @Test
  void tds8NegotiatesTls13WithAlpn() throws Exception {
    ServerTlsContext server = new ServerTlsContext(credentials, ServerTlsPolicy.DEFAULT);
    TlsSessionInfo[] sessions =
        tds8(jsseClient().newClientEngine(TlsParameters.TDS8), server.newTds8Engine());
    assertThat(sessions[0].protocol()).isEqualTo("TLSv1.3");
    assertThat(sessions[0].applicationProtocol()).isEqualTo("tds/8.0");
    assertThat(sessions[1].applicationProtocol()).isEqualTo("tds/8.0");
  }

  @Test
  void tds8HonoursAMaximumOfTls12() throws Exception {
    ServerTlsContext server =
        new ServerTlsContext(credentials, new ServerTlsPolicy(TlsVersion.TLS_1_2, false));
    TlsSessionInfo[] sessions =
        tds8(jsseClient().newClientEngine(TlsParameters.TDS8), server.newTds8Engine());
    assertThat(sessions[1].protocol()).isEqualTo("TLSv1.2");
  }

  @Test
  void tds8RefusesAJsseClientWithoutAlpn() throws Exception {
    ServerTlsContext server = new ServerTlsContext(credentials, ServerTlsPolicy.DEFAULT);
    TlsEngine client =
        jsseClient().newClientEngine(TlsParameters.TDS8.withApplicationProtocol(null));
    try (Loopback wire = Loopback.open()) {
      Future<TlsHandshakeException> peer =
          onClientThread(
              () ->
                  catchThrowableOfType(
                      TlsHandshakeException.class,
                      () -> TdsTlsTransport.handshakeFirst(wire.client(), client)));
      TlsHandshakeException refused =
          catchThrowableOfType(
              TlsHandshakeException.class,
              () -> TdsTlsTransport.handshakeFirst(wire.server(), server.newTds8Engine()));
      assertThat(refused.localAlert()).contains("no_application_protocol");
      assertThat(join(peer).peerAlert()).contains("no_application_protocol");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"localhost", "127.0.0.1"})
  void jdkHostnameVerificationAcceptsTheGeneratedCertificate(String host) throws Exception {
    ServerTlsContext server = new ServerTlsContext(credentials, ServerTlsPolicy.DEFAULT);
    TlsSessionInfo[] sessions = tds8(verifyingClient(host), server.newTds8Engine());
    assertThat(sessions[0].peerCertificates()).first().isEqualTo(credentials.leaf());
  }

  @Test
  void jdkHostnameVerificationRefusesAnotherName() throws Exception {
    ServerTlsContext server = new ServerTlsContext(credentials, ServerTlsPolicy.DEFAULT);
    TlsEngine client = verifyingClient("db.example.test");
    try (Loopback wire = Loopback.open()) {
      Future<TlsHandshakeException> peer =
          onClientThread(
              () ->
                  catchThrowableOfType(
                      TlsHandshakeException.class,
                      () -> TdsTlsTransport.handshakeFirst(wire.client(), client)));
      TlsHandshakeException refused =
          catchThrowableOfType(
              TlsHandshakeException.class,
              () -> TdsTlsTransport.handshakeFirst(wire.server(), server.newTds8Engine()));
      assertThat(join(peer)).hasMessageContaining("db.example.test");
      assertThat(refused.peerAlert()).isPresent();
    }
  }

  /** A JSSE client checking the name as HTTPS does (RFC 2818), trusting only the CA. */
  private static TlsEngine verifyingClient(String host) throws Exception {
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, trustCa, null);
    SSLEngine engine = context.createSSLEngine(host, 1433);
    engine.setUseClientMode(true);
    SSLParameters parameters = engine.getSSLParameters();
    parameters.setEndpointIdentificationAlgorithm("HTTPS");
    engine.setSSLParameters(parameters);
    return new JsseTlsEngine(engine, TlsParameters.TDS8_APPLICATION_PROTOCOL);
  }

  @ParameterizedTest
  @ValueSource(booleans = {true, false})
  void serverEnginesNeverResume(boolean tds8) throws Exception {
    ServerTlsContext server = new ServerTlsContext(credentials, ServerTlsPolicy.DEFAULT);
    SSLContext client = SSLContext.getInstance("TLS");
    client.init(null, trustCa, null);
    long[] created = new long[2];
    for (int i = 0; i < 2; i++) {
      SSLEngine engine = client.createSSLEngine("localhost", 1433); // resumable, if allowed
      engine.setUseClientMode(true);
      if (tds8) {
        tds8(new JsseTlsEngine(engine, "tds/8.0"), server.newTds8Engine());
      } else {
        tds7(new JsseTlsEngine(engine, null), server.newTds7Engine());
      }
      created[i] = engine.getSession().getCreationTime();
    }
    assertThat(created[1]).as("a resumed session keeps its creation time").isNotEqualTo(created[0]);
  }

  @Test
  void deferredCredentialsAreMadeOnPrepareAndServeTheHandshake() throws Exception {
    AtomicInteger made = new AtomicInteger();
    CountDownLatch release = new CountDownLatch(1);
    ServerTlsContext server =
        ServerTlsContext.deferred(
            () -> {
              made.incrementAndGet();
              try {
                release.await();
              } catch (InterruptedException e) {
                throw new IllegalStateException(e);
              }
              return credentials;
            },
            ServerTlsPolicy.DEFAULT);
    assertThat(server.policy()).as("available at once").isEqualTo(ServerTlsPolicy.DEFAULT);
    assertThat(made).as("nothing made before prepare()").hasValue(0);
    server.prepare();
    server.prepare();
    release.countDown();
    TlsSessionInfo[] sessions =
        tds8(jsseClient().newClientEngine(TlsParameters.TDS8), server.newTds8Engine());
    assertThat(sessions[0].protocol()).isEqualTo("TLSv1.3");
    assertThat(server.credentials()).isSameAs(credentials);
    assertThat(made).as("made once").hasValue(1);
  }

  @Test
  void theFirstNeedMakesDeferredCredentialsAndRethrowsTheirFailure() {
    ServerTlsContext server =
        ServerTlsContext.deferred(
            () -> {
              throw new TlsCredentialsException("no key today");
            },
            ServerTlsPolicy.DEFAULT);
    assertThatThrownBy(server::credentials)
        .isInstanceOf(TlsCredentialsException.class)
        .hasMessage("no key today");
    assertThatThrownBy(server::newTds7Engine)
        .isInstanceOf(TlsCredentialsException.class)
        .hasMessage("no key today");
  }

  @Test
  void policyAndVersionChecks() {
    assertThatThrownBy(() -> new ServerTlsPolicy(TlsVersion.TLS_1_1, false))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("enableTlsV1");
    ServerTlsContext legacyOnly =
        new ServerTlsContext(credentials, new ServerTlsPolicy(TlsVersion.TLS_1_1, true));
    assertThat(legacyOnly.policy().allowsTds8()).isFalse();
    assertThatThrownBy(legacyOnly::newTds8Engine)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("TLS 1.1");
    assertThat(TlsVersion.parse("1.2")).isEqualTo(TlsVersion.TLS_1_2);
    assertThat(TlsVersion.parse("TLSv1")).isEqualTo(TlsVersion.TLS_1_0);
    assertThat(TlsVersion.parse(" tls 1.3 ")).isEqualTo(TlsVersion.TLS_1_3);
    assertThatThrownBy(() -> TlsVersion.parse("1.4")).hasMessageContaining("1.0, 1.1, 1.2 or 1.3");
  }
}
