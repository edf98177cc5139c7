package io.jctds.tls;

import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLEngine;

/**
 * The client's trust decision for one connection: {@link ChainValidator} on every server chain,
 * whichever overload the TLS implementation calls (JSSE calls the {@link SSLEngine} one,
 * BouncyCastle the plain one). Being an X509ExtendedTrustManager, JSSE adds no checks of its own
 * (no endpoint identification: the host name rules are ours). Each outcome is reported to the
 * listener, success or failure.
 */
final class ValidatingTrustManager extends ServerTrustManager {
  /** What one check found. */
  interface Listener {
    void accepted(X509Certificate[] chain, String matchedName);

    void refused(X509Certificate[] chain, TlsValidationException failure);
  }

  private final ChainValidator validator;
  private final Listener listener;
  private final X509Certificate[] acceptedIssuers;

  ValidatingTrustManager(ChainValidator validator, TrustMaterial trust, Listener listener) {
    this.validator = validator;
    this.listener = listener;
    this.acceptedIssuers = trust.caCertificates().toArray(X509Certificate[]::new);
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType)
      throws CertificateException {
    try {
      listener.accepted(chain, validator.check(chain));
    } catch (TlsValidationException e) {
      listener.refused(chain, e);
      throw e;
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
  public X509Certificate[] getAcceptedIssuers() {
    return acceptedIssuers.clone();
  }
}
