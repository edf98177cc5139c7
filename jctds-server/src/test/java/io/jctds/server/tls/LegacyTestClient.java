package io.jctds.server.tls;

import java.security.SecureRandom;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.tls.DefaultTlsClient;
import org.bouncycastle.tls.ProtocolVersion;
import org.bouncycastle.tls.ServerOnlyTlsAuthentication;
import org.bouncycastle.tls.TlsAuthentication;
import org.bouncycastle.tls.TlsServerCertificate;
import org.bouncycastle.tls.crypto.impl.jcajce.JcaTlsCryptoProvider;

/**
 * A BouncyCastle TLS client limited to the given versions, as an old TDS client (jTDS on an old
 * JDK) would be. It accepts any server certificate; the tests check the chain it saw.
 */
final class LegacyTestClient extends DefaultTlsClient {
  private static final BouncyCastleProvider BC = new BouncyCastleProvider();
  private final ProtocolVersion[] versions;

  LegacyTestClient(ProtocolVersion... versions) {
    super(new JcaTlsCryptoProvider().setProvider(BC).create(new SecureRandom()));
    this.versions = versions.clone();
  }

  @Override
  protected ProtocolVersion[] getSupportedVersions() {
    return versions.clone();
  }

  @Override
  public TlsAuthentication getAuthentication() {
    return new ServerOnlyTlsAuthentication() {
      @Override
      public void notifyServerCertificate(TlsServerCertificate serverCertificate) {
        // accepted; TlsSessionInfo.peerCertificates() shows what arrived
      }
    };
  }
}
