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
import org.bouncycastle.tls.TlsContext;
import org.bouncycastle.tls.TlsFatalAlert;
import org.bouncycastle.tls.TlsFatalAlertReceived;
import org.bouncycastle.tls.TlsProtocol;
import org.bouncycastle.tls.TlsServer;
import org.bouncycastle.tls.TlsServerProtocol;
import org.bouncycastle.tls.crypto.TlsCertificate;

/**
 * {@link TlsEngine} over BouncyCastle's non-blocking {@link TlsProtocol} (bytes in through {@code
 * offerInput}, records out through {@code readOutput}, no I/O of its own), which, unlike JSSE, can
 * speak TLS 1.0 and 1.1 for one connection without changing the whole JVM's security policy. One
 * adapter for both roles: jctds-client's legacy connections ({@link BcLegacyTlsProvider}) and the
 * embedded server's TLS 1.0/1.1 path.
 */
public final class BcTlsEngine implements TlsEngine {
  private static final Map<Integer, String> CIPHER_SUITE_NAMES = cipherSuiteNames();

  private final TlsProtocol protocol;
  private final ContextAccess access;
  private final TlsServer server;
  private final TlsClient client;
  private boolean handshakeComplete;

  private BcTlsEngine(
      TlsProtocol protocol, ContextAccess access, TlsServer server, TlsClient client) {
    this.protocol = protocol;
    this.access = access;
    this.server = server;
    this.client = client;
  }

  /** A server engine for {@code server}, which decides versions, suites and credentials. */
  public static BcTlsEngine server(TlsServer server) {
    ServerProtocol protocol = new ServerProtocol();
    return new BcTlsEngine(protocol, protocol, server, null);
  }

  /** A client engine for {@code client}, which decides versions, suites and authentication. */
  public static BcTlsEngine client(TlsClient client) {
    ClientProtocol protocol = new ClientProtocol();
    return new BcTlsEngine(protocol, protocol, null, client);
  }

  @Override
  public boolean isClientMode() {
    return client != null;
  }

  @Override
  public void beginHandshake() throws IOException {
    try {
      if (client != null) {
        ((TlsClientProtocol) protocol).connect(client);
      } else {
        ((TlsServerProtocol) protocol).accept(server);
      }
    } catch (IOException | RuntimeException e) {
      throw failure(e);
    }
    noteComplete();
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
    noteComplete();
  }

  private void noteComplete() {
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
    SecurityParameters parameters = access.context().getSecurityParametersConnection();
    ProtocolName alpn = parameters.getApplicationProtocol();
    int suite = parameters.getCipherSuite();
    return new TlsSessionInfo(
        jsseName(parameters.getNegotiatedVersion()),
        CIPHER_SUITE_NAMES.getOrDefault(suite, String.format("0x%04X", suite)),
        alpn == null ? "" : alpn.getUtf8Decoding(),
        x509(parameters.getPeerCertificate()),
        x509(parameters.getLocalCertificate()));
  }

  /** The JSSE spelling of a version, so both engines report alike. */
  private static String jsseName(ProtocolVersion version) {
    if (ProtocolVersion.TLSv10.equals(version)) {
      return "TLSv1";
    }
    return "TLSv1." + (version.getMinorVersion() - 1);
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
      throw new IllegalStateException("the negotiated certificate cannot be decoded: " + e, e);
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
          "TLS handshake failed: the peer refused the handshake with the alert " + alert,
          alert,
          null,
          e);
    }
    if (e instanceof TlsFatalAlert fatal) {
      short description = fatal.getAlertDescription();
      String local = AlertDescription.getName(description);
      String detail = refusalDetail(fatal, message.equals(AlertDescription.getText(description)));
      return new TlsHandshakeException(
          "TLS handshake failed: this side refused the peer with the alert " + local + detail,
          null,
          local,
          e);
    }
    return new TlsHandshakeException("TLS handshake failed: " + message, null, null, e);
  }

  /**
   * Why this side sent its alert: the reason a certificate check (or other callback) gave, else the
   * alert's own detail message, else nothing.
   */
  private static String refusalDetail(TlsFatalAlert fatal, boolean bareAlert) {
    Throwable cause = fatal.getCause();
    if (cause != null && cause.getMessage() != null) {
      return ": " + cause.getMessage();
    }
    return bareAlert ? "" : ": " + fatal.getMessage();
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

  /** Access to the protocol's context, which BouncyCastle keeps protected. */
  private interface ContextAccess {
    TlsContext context();
  }

  private static final class ServerProtocol extends TlsServerProtocol implements ContextAccess {
    @Override
    public TlsContext context() {
      return getContext();
    }
  }

  private static final class ClientProtocol extends TlsClientProtocol implements ContextAccess {
    @Override
    public TlsContext context() {
      return getContext();
    }
  }
}
