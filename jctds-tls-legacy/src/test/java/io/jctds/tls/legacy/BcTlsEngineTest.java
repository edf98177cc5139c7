package io.jctds.tls.legacy;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.jctds.protocol.tls.TlsEngine;
import io.jctds.protocol.tls.TlsHandshakeException;
import io.jctds.protocol.tls.TlsSessionInfo;
import io.jctds.protocol.tls.spi.CertificateRefusal;
import io.jctds.protocol.tls.spi.LegacyTlsRequest;
import java.io.IOException;
import java.math.BigInteger;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.tls.Certificate;
import org.bouncycastle.tls.DefaultTlsServer;
import org.bouncycastle.tls.ProtocolVersion;
import org.bouncycastle.tls.TlsCredentialedSigner;
import org.bouncycastle.tls.crypto.TlsCertificate;
import org.bouncycastle.tls.crypto.TlsCryptoParameters;
import org.bouncycastle.tls.crypto.impl.jcajce.JcaDefaultTlsCredentialedSigner;
import org.bouncycastle.tls.crypto.impl.jcajce.JcaTlsCrypto;
import org.bouncycastle.tls.crypto.impl.jcajce.JcaTlsCryptoProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The one BouncyCastle adapter in both roles, in memory: the legacy client engine that {@link
 * BcLegacyTlsProvider} makes against {@link BcTlsEngine#server} over a TLS 1.0-only server, and the
 * alert a refused certificate sends ({@link CertificateRefusal}).
 */
class BcTlsEngineTest {
  private static final BouncyCastleProvider BC = new BouncyCastleProvider();
  private static KeyPair keys;
  private static X509Certificate certificate;

  @BeforeAll
  static void selfSigned() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    keys = generator.generateKeyPair();
    X500Name name = new X500Name("CN=oldbox.example");
    Instant now = Instant.now();
    var builder =
        new JcaX509v3CertificateBuilder(
            name,
            BigInteger.ONE,
            Date.from(now.minus(1, ChronoUnit.DAYS)),
            Date.from(now.plus(1, ChronoUnit.DAYS)),
            name,
            keys.getPublic());
    certificate =
        new JcaX509CertificateConverter()
            .getCertificate(
                builder.build(
                    new JcaContentSignerBuilder("SHA256withRSA").build(keys.getPrivate())));
  }

  @Test
  void aLegacyClientAndATls10ServerHandshakeAndCarryDataBothWays() throws Exception {
    Trust trust = new Trust(null);
    TlsEngine client = new BcLegacyTlsProvider().clientEngine(request(trust));
    TlsEngine server = BcTlsEngine.server(new Tls10Server());
    assertThat(client.isClientMode()).isTrue();
    assertThat(server.isClientMode()).isFalse();

    handshake(client, server);

    assertThat(client.isHandshakeComplete()).isTrue();
    assertThat(server.isHandshakeComplete()).isTrue();
    assertThat(trust.seen).containsExactly(certificate);
    TlsSessionInfo clientSide = client.sessionInfo();
    assertThat(clientSide.protocol()).isEqualTo("TLSv1");
    assertThat(clientSide.cipherSuite()).isEqualTo("TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA");
    assertThat(clientSide.applicationProtocol()).isEmpty();
    assertThat(clientSide.peerCertificates()).containsExactly(certificate);
    assertThat(clientSide.localCertificates()).isEmpty();
    TlsSessionInfo serverSide = server.sessionInfo();
    assertThat(serverSide.protocol()).isEqualTo("TLSv1");
    assertThat(serverSide.cipherSuite()).isEqualTo(clientSide.cipherSuite());
    assertThat(serverSide.localCertificates()).containsExactly(certificate);
    assertThat(serverSide.peerCertificates()).isEmpty();

    assertThat(send(client, server, "ping")).isEqualTo("ping");
    assertThat(send(server, client, "pong")).isEqualTo("pong");
  }

  @Test
  void aRefusalSendsTheAlertItNamesAndTheReason() throws Exception {
    TlsEngine client =
        new BcLegacyTlsProvider()
            .clientEngine(request(new Trust(new Refused("unknown_ca", "not issued by ca.pem"))));
    TlsEngine server = BcTlsEngine.server(new Tls10Server());

    TlsHandshakeException refused =
        catchThrowableOfType(TlsHandshakeException.class, () -> handshake(client, server));

    assertThat(refused).isNotNull();
    assertThat(refused.localAlert()).contains("unknown_ca");
    assertThat(refused.peerAlert()).isEmpty();
    assertThat(refused.getMessage())
        .isEqualTo(
            "TLS handshake failed: this side refused the peer with the alert unknown_ca:"
                + " not issued by ca.pem");
    TlsHandshakeException atServer =
        catchThrowableOfType(TlsHandshakeException.class, () -> move(client, server));
    assertThat(atServer.peerAlert()).contains("unknown_ca");
    assertThat(atServer.getMessage())
        .isEqualTo(
            "TLS handshake failed: the peer refused the handshake with the alert unknown_ca");
  }

  @Test
  void aRefusalThatNamesNoAlertIsCertificateUnknown() {
    TlsEngine client =
        new BcLegacyTlsProvider()
            .clientEngine(request(new Trust(new CertificateException("no reason given"))));
    TlsHandshakeException refused =
        catchThrowableOfType(
            TlsHandshakeException.class,
            () -> handshake(client, BcTlsEngine.server(new Tls10Server())));
    assertThat(refused.localAlert()).contains("certificate_unknown");
    assertThat(refused.getMessage()).endsWith("certificate_unknown: no reason given");
  }

  @Test
  void theSessionIsUnknownBeforeTheHandshake() {
    TlsEngine server = BcTlsEngine.server(new Tls10Server());
    assertThat(server.isHandshakeComplete()).isFalse();
    assertThatThrownBy(server::sessionInfo)
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("the TLS handshake has not completed");
  }

  private static LegacyTlsRequest request(Trust trust) {
    return new LegacyTlsRequest(
        List.of("TLSv1", "TLSv1.1", "TLSv1.2"), "oldbox", 1433, trust, null);
  }

  private static void handshake(TlsEngine client, TlsEngine server) throws IOException {
    client.beginHandshake();
    server.beginHandshake();
    for (int round = 0; round < 20; round++) {
      if (client.isHandshakeComplete() && server.isHandshakeComplete()) {
        return;
      }
      move(client, server);
      move(server, client);
    }
    throw new AssertionError("the handshake did not complete in 20 flights");
  }

  /** Everything {@code from} has to send, offered to {@code to}. */
  private static void move(TlsEngine from, TlsEngine to) throws IOException {
    ByteBuffer wire = ByteBuffer.allocate(Math.max(from.availableOutput(), 1));
    while (from.availableOutput() > 0) {
      from.readOutput(wire);
    }
    if (wire.flip().hasRemaining()) {
      to.offerInput(wire);
    }
  }

  private static String send(TlsEngine from, TlsEngine to, String text) throws IOException {
    from.writeApplicationData(ByteBuffer.wrap(text.getBytes(US_ASCII)));
    move(from, to);
    ByteBuffer received = ByteBuffer.allocate(to.availableApplicationData());
    to.readApplicationData(received);
    return US_ASCII.decode(received.flip()).toString();
  }

  /** A TLS 1.0-only server with an RSA key, BouncyCastle's default suites. */
  private static final class Tls10Server extends DefaultTlsServer {
    private final JcaTlsCrypto crypto;

    Tls10Server() {
      this(new JcaTlsCryptoProvider().setProvider(BC).create(new SecureRandom()));
    }

    private Tls10Server(JcaTlsCrypto crypto) {
      super(crypto);
      this.crypto = crypto;
    }

    @Override
    protected ProtocolVersion[] getSupportedVersions() {
      return new ProtocolVersion[] {ProtocolVersion.TLSv10};
    }

    @Override
    protected TlsCredentialedSigner getRSASignerCredentials() throws IOException {
      // TLS 1.0 fixes the signature algorithm (MD5+SHA-1): none to choose
      return new JcaDefaultTlsCredentialedSigner(
          new TlsCryptoParameters(context), crypto, keys.getPrivate(), chain(), null);
    }

    private Certificate chain() throws IOException {
      try {
        TlsCertificate tls = crypto.createCertificate(certificate.getEncoded());
        return new Certificate(new TlsCertificate[] {tls});
      } catch (CertificateEncodingException e) {
        throw new IOException("the test certificate cannot be encoded", e);
      }
    }
  }

  /** A refusal that names its alert, as jctds-client's TlsValidationException does. */
  private static final class Refused extends CertificateException implements CertificateRefusal {
    private static final long serialVersionUID = 1L;
    private final String alert;

    Refused(String alert, String message) {
      super(message);
      this.alert = alert;
    }

    @Override
    public String tlsAlert() {
      return alert;
    }
  }

  /** Records the chains it is asked about; refuses them with {@code refusal} when set. */
  private static final class Trust extends X509ExtendedTrustManager {
    private final CertificateException refusal;
    final List<X509Certificate> seen = new ArrayList<>();

    Trust(CertificateException refusal) {
      this.refusal = refusal;
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType)
        throws CertificateException {
      seen.addAll(List.of(chain));
      if (refusal != null) {
        throw refusal;
      }
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
        throws CertificateException {
      checkServerTrusted(chain, authType);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
        throws CertificateException {
      checkServerTrusted(chain, authType);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType)
        throws CertificateException {
      throw new CertificateException("a TLS client never checks client certificates");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
        throws CertificateException {
      checkClientTrusted(chain, authType);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
        throws CertificateException {
      checkClientTrusted(chain, authType);
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      return new X509Certificate[0];
    }
  }
}
