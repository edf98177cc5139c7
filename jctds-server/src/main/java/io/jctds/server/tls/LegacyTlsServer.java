package io.jctds.server.tls;

import java.io.IOException;
import java.security.PrivateKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Vector;
import org.bouncycastle.tls.AlertDescription;
import org.bouncycastle.tls.Certificate;
import org.bouncycastle.tls.CipherSuite;
import org.bouncycastle.tls.DefaultTlsServer;
import org.bouncycastle.tls.ProtocolVersion;
import org.bouncycastle.tls.SignatureAlgorithm;
import org.bouncycastle.tls.SignatureAndHashAlgorithm;
import org.bouncycastle.tls.TlsCredentialedDecryptor;
import org.bouncycastle.tls.TlsCredentialedSigner;
import org.bouncycastle.tls.TlsFatalAlert;
import org.bouncycastle.tls.TlsSession;
import org.bouncycastle.tls.TlsUtils;
import org.bouncycastle.tls.crypto.TlsCertificate;
import org.bouncycastle.tls.crypto.TlsCryptoParameters;
import org.bouncycastle.tls.crypto.impl.jcajce.JcaDefaultTlsCredentialedSigner;
import org.bouncycastle.tls.crypto.impl.jcajce.JcaTlsCrypto;
import org.bouncycastle.tls.crypto.impl.jcajce.JceDefaultTlsCredentialedDecryptor;

/**
 * BouncyCastle's server side for the TDS 7.x path when TLS 1.0/1.1 are enabled: the server's RSA or
 * EC key, versions from TLS 1.0 up to the policy's maximum (at most 1.2), CBC and GCM suites old
 * clients know, and no session resumption (no session IDs are issued and none is looked up).
 */
final class LegacyTlsServer extends DefaultTlsServer {
  private static final int[] RSA_SUITES = {
    CipherSuite.TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384,
    CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,
    CipherSuite.TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384,
    CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256,
    CipherSuite.TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA,
    CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA,
    CipherSuite.TLS_RSA_WITH_AES_256_GCM_SHA384,
    CipherSuite.TLS_RSA_WITH_AES_128_GCM_SHA256,
    CipherSuite.TLS_RSA_WITH_AES_256_CBC_SHA256,
    CipherSuite.TLS_RSA_WITH_AES_128_CBC_SHA256,
    CipherSuite.TLS_RSA_WITH_AES_256_CBC_SHA,
    CipherSuite.TLS_RSA_WITH_AES_128_CBC_SHA,
  };
  private static final int[] EC_SUITES = {
    CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384,
    CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256,
    CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA384,
    CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256,
    CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA,
    CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA,
  };

  private final JcaTlsCrypto crypto;
  private final PrivateKey key;
  private final Certificate certificate;
  private final boolean rsa;
  private final ProtocolVersion[] versions;

  LegacyTlsServer(JcaTlsCrypto crypto, ServerCredentials credentials, TlsVersion maxVersion) {
    super(crypto);
    this.crypto = crypto;
    this.key = credentials.privateKey();
    this.rsa = "RSA".equals(key.getAlgorithm());
    if (!rsa && !"EC".equals(key.getAlgorithm())) {
      throw new TlsCredentialsException(
          "TLS 1.0/1.1 (enableTlsV1) needs an RSA or EC server key, not " + key.getAlgorithm());
    }
    this.certificate = certificate(crypto, credentials.chain());
    ProtocolVersion max =
        maxVersion.compareTo(TlsVersion.TLS_1_2) > 0
            ? ProtocolVersion.TLSv12
            : maxVersion.bouncyCastle();
    this.versions = max.downTo(ProtocolVersion.TLSv10);
  }

  private static Certificate certificate(JcaTlsCrypto crypto, List<X509Certificate> chain) {
    TlsCertificate[] certificates = new TlsCertificate[chain.size()];
    try {
      for (int i = 0; i < certificates.length; i++) {
        certificates[i] = crypto.createCertificate(chain.get(i).getEncoded());
      }
    } catch (IOException | CertificateEncodingException e) {
      throw new TlsCredentialsException("BouncyCastle cannot read the server certificate: " + e, e);
    }
    return new Certificate(certificates);
  }

  @Override
  protected ProtocolVersion[] getSupportedVersions() {
    return versions.clone();
  }

  @Override
  protected int[] getSupportedCipherSuites() {
    return TlsUtils.getSupportedCipherSuites(crypto, rsa ? RSA_SUITES : EC_SUITES);
  }

  @Override
  public TlsSession getSessionToResume(byte[] sessionId) {
    return null;
  }

  @Override
  public byte[] getNewSessionID() {
    return null;
  }

  @Override
  protected TlsCredentialedSigner getRSASignerCredentials() throws IOException {
    return signer(
        SignatureAlgorithm.rsa,
        SignatureAlgorithm.rsa_pss_rsae_sha256,
        SignatureAlgorithm.rsa_pss_rsae_sha384,
        SignatureAlgorithm.rsa_pss_rsae_sha512);
  }

  @Override
  protected TlsCredentialedSigner getECDSASignerCredentials() throws IOException {
    return signer(SignatureAlgorithm.ecdsa);
  }

  @Override
  protected TlsCredentialedDecryptor getRSAEncryptionCredentials() throws IOException {
    return new JceDefaultTlsCredentialedDecryptor(crypto, certificate, key);
  }

  /**
   * A signer for the negotiated version: TLS 1.0/1.1 fix the algorithm (null here); TLS 1.2 takes
   * the first of the client's signature algorithms that the key can make.
   */
  private TlsCredentialedSigner signer(short... usable) throws IOException {
    SignatureAndHashAlgorithm chosen = null;
    if (TlsUtils.isTLSv12(context)) {
      @SuppressWarnings("unchecked")
      Vector<SignatureAndHashAlgorithm> offered =
          context.getSecurityParametersHandshake().getClientSigAlgs();
      if (offered == null) {
        offered = TlsUtils.getDefaultSignatureAlgorithms(usable[0]);
      }
      chosen = offered.stream().filter(a -> usableBy(a, usable)).findFirst().orElse(null);
      if (chosen == null) {
        throw new TlsFatalAlert(
            AlertDescription.handshake_failure,
            "the client accepts no signature algorithm the server's key can make");
      }
    }
    return new JcaDefaultTlsCredentialedSigner(
        new TlsCryptoParameters(context), crypto, key, certificate, chosen);
  }

  private boolean usableBy(SignatureAndHashAlgorithm algorithm, short... usable) {
    for (short s : usable) {
      if (algorithm.getSignature() == s && crypto.hasSignatureAndHashAlgorithm(algorithm)) {
        return true;
      }
    }
    return false;
  }
}
