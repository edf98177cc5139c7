package io.jctds.tls.legacy;

import io.jctds.protocol.tls.TlsEngine;
import io.jctds.protocol.tls.TlsException;
import io.jctds.protocol.tls.TlsHandshakeException;
import io.jctds.protocol.tls.TlsSessionInfo;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.ByteBuffer;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bouncycastle.tls.AlertDescription;
import org.bouncycastle.tls.Certificate;
import org.bouncycastle.tls.CipherSuite;
import org.bouncycastle.tls.ProtocolName;
import org.bouncycastle.tls.ProtocolVersion;
import org.bouncycastle.tls.SecurityParameters;
import org.bouncycastle.tls.TlsClient;
import org.bouncycastle.tls.TlsClientProtocol;
import org.bouncycastle.tls.TlsFatalAlert;
import org.bouncycastle.tls.TlsFatalAlertReceived;
import org.bouncycastle.tls.crypto.TlsCertificate;

/**
 * A client {@link TlsEngine} over BouncyCastle's non-blocking {@link TlsClientProtocol}: bytes in
 * through {@code offerInput}, records out through {@code readOutput}, no I/O of its own.
 */
final class BcClientEngine implements TlsEngine {
  private static final Map<Integer, String> CIPHER_SUITE_NAMES = cipherSuiteNames();

  private final Protocol protocol = new Protocol();
  private final TlsClient client;
  private boolean handshakeComplete;

  BcClientEngine(TlsClient client) {
    this.client = client;
  }

  @Override
  public boolean isClientMode() {
    return true;
  }

  @Override
  public void beginHandshake() throws IOException {
    try {
      protocol.connect(client);
    } catch (IOException | RuntimeException e) {
      throw failure(e);
    }
    handshakeComplete |= protocol.isConnected();
  }

  @Override
  public boolean isHandshakeComplete() {
    return handshakeComplete;
  }

  @Override
  public void offerInput(ByteBuffer src) throws IOException {
    byte[] bytes = new byte[src.remaining()];
    src.get(bytes);
    try {
      protocol.offerInput(bytes);
    } catch (IOException | RuntimeException e) {
      throw failure(e);
    }
    handshakeComplete |= protocol.isConnected();
  }

  @Override
  public boolean isInboundDone() {
    return protocol.isClosed();
  }

  @Override
  public int availableOutput() {
    return protocol.getAvailableOutputBytes();
  }

  @Override
  public int readOutput(ByteBuffer dst) {
    return protocol.readOutput(dst, Math.min(dst.remaining(), protocol.getAvailableOutputBytes()));
  }

  @Override
  public int availableApplicationData() {
    return protocol.getAvailableInputBytes();
  }

  @Override
  public int readApplicationData(ByteBuffer dst) {
    return protocol.readInput(dst, Math.min(dst.remaining(), protocol.getAvailableInputBytes()));
  }

  @Override
  public void writeApplicationData(ByteBuffer src) throws IOException {
    int n = Math.min(src.remaining(), protocol.getApplicationDataLimit());
    byte[] bytes = new byte[n];
    src.get(bytes);
    try {
      protocol.writeApplicationData(bytes, 0, n);
    } catch (IOException | RuntimeException e) {
      throw failure(e);
    }
  }

  @Override
  public void closeOutbound() throws IOException {
    try {
      protocol.close();
    } catch (IOException e) {
      throw new TlsException("could not produce the TLS close_notify alert: " + e.getMessage(), e);
    }
  }

  @Override
  public TlsSessionInfo sessionInfo() {
    if (!handshakeComplete) {
      throw new IllegalStateException("the TLS handshake has not completed");
    }
    SecurityParameters parameters = protocol.context().getSecurityParametersConnection();
    ProtocolName alpn = parameters.getApplicationProtocol();
    int suite = parameters.getCipherSuite();
    return new TlsSessionInfo(
        jsseName(parameters.getNegotiatedVersion()),
        CIPHER_SUITE_NAMES.getOrDefault(suite, String.format("0x%04X", suite)),
        alpn == null ? "" : alpn.getUtf8Decoding(),
        x509(parameters.getPeerCertificate()),
        List.of());
  }

  /** The JSSE spelling of a version ({@code TLSv1}, {@code TLSv1.1}, ...), as JSSE reports it. */
  static String jsseName(ProtocolVersion version) {
    return ProtocolVersion.TLSv10.equals(version)
        ? "TLSv1"
        : "TLSv1." + (version.getMinorVersion() - 1);
  }

  private static List<X509Certificate> x509(Certificate certificate) {
    List<X509Certificate> list = new ArrayList<>();
    if (certificate == null) {
      return list;
    }
    try {
      CertificateFactory factory = CertificateFactory.getInstance("X.509");
      for (TlsCertificate c : certificate.getCertificateList()) {
        list.add(
            (X509Certificate)
                factory.generateCertificate(new ByteArrayInputStream(c.getEncoded())));
      }
    } catch (CertificateException | IOException e) {
      throw new IllegalStateException("the server's certificate cannot be decoded: " + e, e);
    }
    return list;
  }

  private TlsException failure(Exception e) {
    String message = e.getMessage() == null ? e.toString() : e.getMessage();
    if (handshakeComplete) {
      return new TlsException("TLS failed: " + message, e);
    }
    if (e instanceof TlsFatalAlertReceived received) {
      String alert = AlertDescription.getName(received.getAlertDescription());
      return new TlsHandshakeException(
          "TLS handshake failed: the server refused the handshake with the alert " + alert,
          alert,
          null,
          e);
    }
    String local =
        e instanceof TlsFatalAlert fatal
            ? AlertDescription.getName(fatal.getAlertDescription())
            : null;
    Throwable cause = e.getCause() != null ? e.getCause() : e;
    String reason = cause.getMessage() == null ? message : cause.getMessage();
    return new TlsHandshakeException("TLS handshake failed: " + reason, null, local, e);
  }

  private static Map<Integer, String> cipherSuiteNames() {
    Map<Integer, String> names = new HashMap<>();
    for (Field f : CipherSuite.class.getFields()) {
      if (f.getType() == int.class && Modifier.isStatic(f.getModifiers())) {
        try {
          names.putIfAbsent(f.getInt(null), f.getName());
        } catch (IllegalAccessException e) {
          throw new IllegalStateException("BouncyCastle's cipher suite constants are public", e);
        }
      }
    }
    return Map.copyOf(names);
  }

  /** Opens up the protocol's context, which BouncyCastle keeps protected. */
  private static final class Protocol extends TlsClientProtocol {
    org.bouncycastle.tls.TlsContext context() {
      return getContext();
    }
  }
}
