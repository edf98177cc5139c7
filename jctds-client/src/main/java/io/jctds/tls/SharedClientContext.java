package io.jctds.tls;

import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;

/**
 * One JSSE client {@code SSLContext} for every connection of the JVM, because making and
 * initialising a context per connection was a measured share of a TLS connect (issue 12: 6 % of a
 * warm connect in JFR). Sharing it must change nothing a connection sees:
 *
 * <ul>
 *   <li>Trust: the context's trust manager decides nothing itself; it hands every server chain to
 *       the {@link ValidatingTrustManager} registered for the engine that received it (that
 *       connection's CA file, CRL, host name rules and listener). An engine it does not know is
 *       refused.
 *   <li>No resumption: engines are created without a peer host and port, so JSSE neither looks a
 *       session up for them nor offers one (TLS 1.2 session id or TLS 1.3 PSK); every handshake is
 *       full and every chain is checked — a resumed session would skip the trust manager, which is
 *       where jctds checks the host name and the CRL. {@code ClientTlsHandshakeTest} proves it
 *       against a server that does resume (TLS 1.2 and 1.3): refused certificates stay refused
 *       after accepted handshakes, and no ClientHello offers a pre-shared key. The client session
 *       cache is kept to one entry.
 * </ul>
 *
 * Protocols, cipher suites, ALPN and SNI are set per engine ({@link ClientTls#newEngine}).
 */
final class SharedClientContext {
  private static final Map<SSLEngine, ValidatingTrustManager> OWNERS =
      Collections.synchronizedMap(new WeakHashMap<>());

  private static final SSLContext CONTEXT = create();

  private SharedClientContext() {}

  /** A client engine whose server chain {@code trust} decides; no peer host (no resumption). */
  static SSLEngine engine(ValidatingTrustManager trust) {
    SSLEngine engine = CONTEXT.createSSLEngine();
    OWNERS.put(engine, trust);
    return engine;
  }

  private static SSLContext create() {
    try {
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, new TrustManager[] {new Dispatcher()}, null);
      context.getClientSessionContext().setSessionCacheSize(1);
      return context;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("this JDK cannot create a TLS client: " + e, e);
    }
  }

  /** Hands each check to the engine's own trust manager. */
  private static final class Dispatcher extends ServerTrustManager {
    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
        throws CertificateException {
      ValidatingTrustManager owner = engine == null ? null : OWNERS.get(engine);
      if (owner == null) {
        throw new CertificateException("no jctds connection owns this TLS engine: refused");
      }
      owner.checkServerTrusted(chain, authType, engine);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType)
        throws CertificateException {
      checkServerTrusted(chain, authType, (SSLEngine) null);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
        throws CertificateException {
      checkServerTrusted(chain, authType, (SSLEngine) null);
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      return new X509Certificate[0];
    }
  }
}
