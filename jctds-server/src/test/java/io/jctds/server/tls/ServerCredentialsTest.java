package io.jctds.server.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import javax.net.ssl.X509KeyManager;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcePEMEncryptorBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** PEM and PKCS#12 round trips, key formats, and what is refused. */
class ServerCredentialsTest {
  private static final char[] PASSWORD = "s3cret-pw".toCharArray();
  private static ServerCredentials generated;

  @TempDir Path dir;

  @BeforeAll
  static void generate() {
    generated =
        CertificateAuthority.generate("round trip CA").issueServerCredentials(List.of("a.test"));
  }

  @Test
  void pemRoundTripKeepsKeyAndChainAndTheRootBecomesTheTrustAnchor() throws Exception {
    Path chain = dir.resolve("server.crt");
    Path key = dir.resolve("server.key");
    generated.writePem(chain, key);

    assertThat(Files.readString(chain)).startsWith("-----BEGIN CERTIFICATE-----");
    assertThat(Files.readString(key)).startsWith("-----BEGIN PRIVATE KEY-----");
    if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key)))
          .isEqualTo("rw-------");
    }
    ServerCredentials loaded = ServerCredentials.fromPem(chain, key);
    assertThat(loaded.chain()).isEqualTo(generated.chain());
    assertThat(loaded.privateKey().getEncoded()).isEqualTo(generated.privateKey().getEncoded());
    assertThat(loaded.trustAnchor()).isEqualTo(generated.trustAnchor());
  }

  @Test
  void theKeyManagerHandsOutTheKeyItHoldsInsteadOfDecryptingItPerHandshake() {
    // JSSE chooses an alias and gets its key at every handshake; the PKIX key manager makes a new
    // alias each time and answers it from its PKCS#12 store, a PBKDF2 derivation per handshake
    // (server JFR of TLS connects, NOTES-tlsconn.md)
    X509KeyManager km = (X509KeyManager) generated.keyManagers()[0];
    String alias = km.chooseServerAlias("RSA", null, null);
    assertThat(alias).isNotNull();
    PrivateKey first = km.getPrivateKey(alias);
    assertThat(first.getEncoded()).isEqualTo(generated.privateKey().getEncoded());
    assertThat(km.getCertificateChain(alias)).containsExactlyElementsOf(generated.chain());
    String next = km.chooseServerAlias("RSA", null, null); // the next handshake
    assertThat(km.getPrivateKey(next)).isSameAs(first);
  }

  @Test
  void trustAnchorPemIsTheCaWhenGeneratedAndTheLeafOfASingleSelfSignedCertificate()
      throws Exception {
    Path anchor = dir.resolve("ca.pem");
    generated.writeTrustAnchorPem(anchor);
    assertThat(Pem.readCertificates(anchor)).containsExactly(generated.chain().get(1));

    KeyPair keys = KeyPairGenerator.getInstance("RSA").generateKeyPair();
    X509Certificate self = selfSigned(keys, "SHA256withRSA");
    Path chain = dir.resolve("self.crt");
    Path key = dir.resolve("self.key");
    new ServerCredentials(keys.getPrivate(), List.of(self), self).writePem(chain, key);
    ServerCredentials loaded = ServerCredentials.fromPem(chain, key);
    assertThat(loaded.trustAnchor()).isEqualTo(self);
    assertThat(loaded.trustAnchorPem()).isEqualTo(Pem.encodeCertificates(List.of(self)));
  }

  @Test
  void pkcs1RsaAndSec1EcKeysAreRead() throws Exception {
    KeyPair rsa = KeyPairGenerator.getInstance("RSA").generateKeyPair();
    Path rsaFile = writePemObject("rsa.key", rsa, null);
    assertThat(Files.readString(rsaFile)).startsWith("-----BEGIN RSA PRIVATE KEY-----");
    assertThat(Pem.readPrivateKey(rsaFile).getEncoded()).isEqualTo(rsa.getPrivate().getEncoded());

    // BouncyCastle's EC keys carry the curve inside the SEC1 structure, as OpenSSL writes them
    KeyPairGenerator ec = KeyPairGenerator.getInstance("EC", new BouncyCastleProvider());
    ec.initialize(new ECGenParameterSpec("secp256r1"));
    KeyPair ecKeys = ec.generateKeyPair();
    Path ecFile = writePemObject("ec.key", ecKeys, null);
    assertThat(Files.readString(ecFile)).startsWith("-----BEGIN EC PRIVATE KEY-----");
    PrivateKey read = Pem.readPrivateKey(ecFile);
    X509Certificate ecCert = selfSigned(ecKeys, "SHA256withECDSA");
    ServerCredentials credentials = new ServerCredentials(read, List.of(ecCert), ecCert);
    assertThat(credentials.privateKey().getAlgorithm()).isEqualTo("EC");
  }

  @Test
  void pkcs12RoundTrip() {
    Path p12 = dir.resolve("server.p12");
    generated.writePkcs12(p12, PASSWORD);
    ServerCredentials loaded = ServerCredentials.fromPkcs12(p12, PASSWORD);
    assertThat(loaded.chain()).isEqualTo(generated.chain());
    assertThat(loaded.privateKey().getEncoded()).isEqualTo(generated.privateKey().getEncoded());
    assertThat(loaded.trustAnchor()).isEqualTo(generated.trustAnchor());
  }

  @Test
  void wrongPkcs12PasswordNamesTheFileButNotThePassword() {
    Path p12 = dir.resolve("server.p12");
    generated.writePkcs12(p12, PASSWORD);
    assertThatThrownBy(() -> ServerCredentials.fromPkcs12(p12, "nope".toCharArray()))
        .isInstanceOf(TlsCredentialsException.class)
        .hasMessageContaining(p12.toString())
        .hasMessageContaining("wrong password")
        .hasMessageNotContaining("nope")
        .hasMessageNotContaining("s3cret");
  }

  @Test
  void keyOfAnotherCertificateIsRefused() throws Exception {
    PrivateKey other = KeyPairGenerator.getInstance("RSA").generateKeyPair().getPrivate();
    Path chain = dir.resolve("server.crt");
    Path key = dir.resolve("other.key");
    generated.writePem(chain, dir.resolve("server.key"));
    Pem.write(key, Pem.encodePrivateKey(other), true);
    assertThatThrownBy(() -> ServerCredentials.fromPem(chain, key))
        .isInstanceOf(TlsCredentialsException.class)
        .hasMessageContaining("does not belong to the certificate CN=a.test")
        .hasMessageContaining(key.toString());
  }

  @Test
  void encryptedKeysMissingFilesAndEmptyFilesSayWhatToDo() throws Exception {
    KeyPair rsa = KeyPairGenerator.getInstance("RSA").generateKeyPair();
    Path encrypted = writePemObject("enc.key", rsa, "pw");
    assertThatThrownBy(() -> Pem.readPrivateKey(encrypted))
        .isInstanceOf(TlsCredentialsException.class)
        .hasMessageContaining("is encrypted");
    Path missing = dir.resolve("missing.crt");
    assertThatThrownBy(() -> Pem.readCertificates(missing))
        .isInstanceOf(TlsCredentialsException.class)
        .hasMessageContaining(missing.toString());
    Path empty = Files.writeString(dir.resolve("empty.pem"), "nothing here\n");
    assertThatThrownBy(() -> Pem.readCertificates(empty))
        .hasMessageContaining("holds no PEM certificate");
    assertThatThrownBy(() -> Pem.readPrivateKey(empty))
        .hasMessageContaining("holds no PEM private key");
  }

  private Path writePemObject(String name, Object object, String password) throws Exception {
    StringWriter out = new StringWriter();
    try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
      if (password == null) {
        writer.writeObject(object);
      } else {
        writer.writeObject(
            object,
            new JcePEMEncryptorBuilder("AES-128-CBC")
                .setProvider(new BouncyCastleProvider())
                .build(password.toCharArray()));
      }
    }
    return Files.writeString(dir.resolve(name), out.toString());
  }

  private static X509Certificate selfSigned(KeyPair keys, String algorithm) throws Exception {
    X500Name name = new X500Name("CN=self.test");
    Instant now = Instant.now();
    var builder =
        new JcaX509v3CertificateBuilder(
            name,
            BigInteger.ONE,
            Date.from(now.minusSeconds(60)),
            Date.from(now.plusSeconds(3600)),
            name,
            keys.getPublic());
    return new JcaX509CertificateConverter()
        .getCertificate(
            builder.build(new JcaContentSignerBuilder(algorithm).build(keys.getPrivate())));
  }
}
