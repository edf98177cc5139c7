package io.jctds.tls.legacy;

import io.jctds.protocol.tls.spi.CertificateRefusal;
import io.jctds.protocol.tls.spi.LegacyTlsRequest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Vector;
import org.bouncycastle.tls.AlertDescription;
import org.bouncycastle.tls.CipherSuite;
import org.bouncycastle.tls.DefaultTlsClient;
import org.bouncycastle.tls.ProtocolName;
import org.bouncycastle.tls.ProtocolVersion;
import org.bouncycastle.tls.ServerOnlyTlsAuthentication;
import org.bouncycastle.tls.TlsAuthentication;
import org.bouncycastle.tls.TlsFatalAlert;
import org.bouncycastle.tls.TlsServerCertificate;
import org.bouncycastle.tls.crypto.TlsCertificate;
import org.bouncycastle.tls.crypto.TlsCrypto;

/**
 * The BouncyCastle client for one legacy connection, as FreeTDS's TLS client behaves: the versions
 * of the request, the request's ALPN protocol (if any), no SNI, no session resumption, no
 * finite-field Diffie-Hellman suites (FreeTDS's {@code -DH}), and the request's trust manager
 * deciding on the server's chain.
 */
final class LegacyTlsClient extends DefaultTlsClient {
  private static final Set<Integer> FINITE_FIELD_DH = finiteFieldDhSuites();
  private static final Map<String, Short> ALERTS = alertsByName();

  private final LegacyTlsRequest request;
  private final ProtocolVersion[] versions;

  LegacyTlsClient(TlsCrypto crypto, LegacyTlsRequest request) {
    super(crypto);
    this.request = request;
    this.versions = versions(request.protocols());
  }

  private static ProtocolVersion[] versions(List<String> protocols) {
    ProtocolVersion[] out = new ProtocolVersion[protocols.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] =
          switch (protocols.get(i)) {
            case "TLSv1" -> ProtocolVersion.TLSv10;
            case "TLSv1.1" -> ProtocolVersion.TLSv11;
            case "TLSv1.2" -> ProtocolVersion.TLSv12;
            case "TLSv1.3" -> ProtocolVersion.TLSv13;
            default ->
                throw new IllegalArgumentException(
                    "unknown TLS protocol '" + protocols.get(i) + "' in the legacy TLS request");
          };
    }
    return out;
  }

  @Override
  protected ProtocolVersion[] getSupportedVersions() {
    return versions.clone();
  }

  @Override
  protected int[] getSupportedCipherSuites() {
    return Arrays.stream(super.getSupportedCipherSuites())
        .filter(s -> !FINITE_FIELD_DH.contains(s))
        .toArray();
  }

  @Override
  protected Vector<ProtocolName> getProtocolNames() {
    if (request.applicationProtocol() == null) {
      return null;
    }
    Vector<ProtocolName> names = new Vector<>();
    names.add(ProtocolName.asUtf8Encoding(request.applicationProtocol()));
    return names;
  }

  @Override
  public TlsAuthentication getAuthentication() {
    return new ServerOnlyTlsAuthentication() {
      @Override
      public void notifyServerCertificate(TlsServerCertificate serverCertificate)
          throws IOException {
        X509Certificate[] chain = chain(serverCertificate);
        try {
          request.trustManager().checkServerTrusted(chain, "UNKNOWN");
        } catch (CertificateException e) {
          throw new TlsFatalAlert(alertFor(e), e);
        }
      }
    };
  }

  private static X509Certificate[] chain(TlsServerCertificate serverCertificate)
      throws IOException {
    TlsCertificate[] list = serverCertificate.getCertificate().getCertificateList();
    X509Certificate[] chain = new X509Certificate[list.length];
    try {
      CertificateFactory factory = CertificateFactory.getInstance("X.509");
      for (int i = 0; i < list.length; i++) {
        chain[i] =
            (X509Certificate)
                factory.generateCertificate(new ByteArrayInputStream(list[i].getEncoded()));
      }
    } catch (CertificateException e) {
      throw new TlsFatalAlert(AlertDescription.bad_certificate, e);
    }
    return chain;
  }

  /**
   * The alert that tells the server why its certificate was refused: the one the refusal names
   * ({@link CertificateRefusal}), else certificate_unknown.
   */
  private static short alertFor(CertificateException e) {
    String name = e instanceof CertificateRefusal r ? r.tlsAlert() : "";
    return ALERTS.getOrDefault(name, AlertDescription.certificate_unknown);
  }

  /** Alert descriptions by RFC name ({@code unknown_ca} to 48, ...). */
  private static Map<String, Short> alertsByName() {
    Map<String, Short> alerts = new HashMap<>();
    for (short d = 0; d < 256; d++) {
      String name = AlertDescription.getName(d);
      if (!name.startsWith("UNKNOWN")) {
        alerts.put(name, d);
      }
    }
    return Map.copyOf(alerts);
  }

  private static Set<Integer> finiteFieldDhSuites() {
    Set<Integer> codes = new HashSet<>();
    for (Field f : CipherSuite.class.getFields()) {
      if (f.getType() == int.class
          && Modifier.isStatic(f.getModifiers())
          && (f.getName().contains("_DHE_") || f.getName().contains("_DH_"))) {
        try {
          codes.add(f.getInt(null));
        } catch (IllegalAccessException e) {
          throw new IllegalStateException("BouncyCastle's cipher suite constants are public", e);
        }
      }
    }
    return Set.copyOf(codes);
  }
}
