package io.jctds.server;

import io.jctds.protocol.BufferWriter;
import io.jctds.protocol.TdsVersion;
import io.jctds.protocol.TdsWriter;
import io.jctds.protocol.batch.SqlBatch;
import io.jctds.protocol.framing.MessageAssembler;
import io.jctds.protocol.framing.PacketHeader;
import io.jctds.protocol.framing.PacketType;
import io.jctds.protocol.framing.PacketWriter;
import io.jctds.protocol.login.FeatureExt;
import io.jctds.protocol.login.Login7;
import io.jctds.protocol.login.Login7Builder;
import io.jctds.protocol.prelogin.PreLogin;
import io.jctds.protocol.tls.JsseTlsContext;
import io.jctds.protocol.tls.TdsTlsTransport;
import io.jctds.protocol.tls.TlsParameters;
import io.jctds.protocol.tls.Transport;
import io.jctds.protocol.token.Token;
import io.jctds.protocol.token.TokenDecoder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketException;
import java.nio.ByteBuffer;
import java.security.KeyStore;
import java.util.List;
import java.util.function.Consumer;
import javax.net.ssl.TrustManagerFactory;

/**
 * A TDS client made of jctds-protocol encoders over a raw socket, for flow tests of the server:
 * sends exactly what a test asks, reads whole response messages and decodes their tokens. Reads
 * time out after 30 s so that a broken server fails the test instead of hanging the build.
 */
final class RawClient implements AutoCloseable {
  private final Socket socket;
  private Transport transport;
  private final ByteBuffer chunk = ByteBuffer.allocate(70_000).flip();
  private final MessageAssembler assembler = new MessageAssembler(65535, 1 << 24);
  private final PacketWriter writer;
  private TdsVersion version = TdsVersion.V7_4;
  private final TokenDecoder decoder = new TokenDecoder(TdsVersion.V7_4);
  private int spid;

  /** One response: the header of its last packet, each packet's length, and the payload. */
  record Message(int type, PacketHeader lastHeader, ByteBuffer payload, int packets) {}

  private RawClient(Socket socket) throws IOException {
    this.socket = socket;
    this.transport = Transport.of(socket.getInputStream(), socket.getOutputStream());
    this.writer = new PacketWriter(4096, this::send);
    this.writer.firstPacketId(1);
  }

  static RawClient connect(TdsServer server) throws IOException {
    Socket s = new Socket(server.host(), server.port());
    s.setSoTimeout(30_000);
    return new RawClient(s);
  }

  private void send(ByteBuffer packet) {
    try {
      transport.write(packet);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Sends raw bytes, unframed. */
  void sendRaw(byte[] bytes) throws IOException {
    transport.write(ByteBuffer.wrap(bytes));
  }

  /** Sends one message of {@code type} whose payload {@code body} writes. */
  void sendMessage(int type, Consumer<TdsWriter> body) {
    writer.beginMessage(type);
    body.accept(writer);
    writer.endMessage();
  }

  /**
   * Sends a message whose last packet carries EOM + IGNORE: the client abandons it ([MS-TDS]
   * 2.2.1.7).
   */
  void sendAbandoned(int type, Consumer<TdsWriter> body) {
    writer.beginMessage(type);
    body.accept(writer);
    writer.abortMessage();
  }

  /** Sends a message with extra status bits on its first packet (e.g. RESETCONNECTION). */
  void sendMessage(int type, int statusBits, Consumer<TdsWriter> body) {
    writer.beginMessage(type, statusBits);
    body.accept(writer);
    writer.endMessage();
  }

  /**
   * Reads one whole message.
   *
   * @return the message, or null when the server closed the connection
   */
  Message read() throws IOException {
    while (true) {
      if (!chunk.hasRemaining()) {
        chunk.clear();
        int n;
        try {
          n = transport.read(chunk);
        } catch (SocketException e) {
          n = -1; // reset by the server: closed
        } finally {
          chunk.flip();
        }
        if (n < 0) {
          return null;
        }
      }
      if (assembler.feed(chunk)) {
        ByteBuffer copy = ByteBuffer.allocate(assembler.payload().remaining());
        copy.put(assembler.payload().duplicate()).flip();
        copy.order(java.nio.ByteOrder.LITTLE_ENDIAN);
        spid = assembler.lastHeader().spid();
        return new Message(assembler.type(), assembler.lastHeader(), copy, assembler.packets());
      }
    }
  }

  /** Whether the server closed the connection (reads until EOF, discarding messages). */
  boolean closedByServer() throws IOException {
    while (true) {
      Message m = read();
      if (m == null) {
        return true;
      }
    }
  }

  /** Sends PRELOGIN with {@code encryption} and returns the decoded answer. */
  PreLogin prelogin(int encryption) throws IOException {
    return prelogin(
        PreLogin.empty()
            .withVersion(new PreLogin.Version(9, 0, 0, 0))
            .withEncryption(encryption)
            .withInstanceName("MSSQLServer")
            .withThreadId(1234)
            .withMars(false));
  }

  /** Sends {@code p} and returns the decoded answer, or null when the server closed. */
  PreLogin prelogin(PreLogin p) throws IOException {
    BufferWriter w = new BufferWriter();
    p.encode(w);
    sendMessage(PacketType.PRELOGIN, out -> out.bytes(w.view()));
    Message m = read();
    return m == null ? null : PreLogin.decode(m.payload());
  }

  /** A client engine trusting the test CA. */
  static JsseTlsContext tlsContext() {
    try {
      KeyStore trust = KeyStore.getInstance("PKCS12");
      trust.load(null, null);
      trust.setCertificateEntry("ca", TestServers.credentials().trustAnchor());
      TrustManagerFactory tmf = TrustManagerFactory.getInstance("PKIX");
      tmf.init(trust);
      return new JsseTlsContext(null, tmf.getTrustManagers(), null);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** TDS 7.x: the TLS handshake inside PRELOGIN packets. */
  TdsTlsTransport tls(TdsTlsTransport.Scope scope) throws IOException {
    TdsTlsTransport t =
        TdsTlsTransport.handshakeInPrelogin(
            transport, tlsContext().newClientEngine(TlsParameters.TDS7), scope);
    transport = t;
    return t;
  }

  /** TDS 8.0: TLS first with ALPN {@code alpn} (null for none). */
  TdsTlsTransport tlsFirst(String alpn) throws IOException {
    TdsTlsTransport t =
        TdsTlsTransport.handshakeFirst(
            transport,
            tlsContext().newClientEngine(TlsParameters.TDS8.withApplicationProtocol(alpn)));
    transport = t;
    return t;
  }

  /** A LOGIN7 for the test login, TDS 7.4, with the UTF-8 feature. */
  static Login7Builder login() {
    return Login7.builder()
        .userName(TestServers.USER)
        .password(TestServers.PASSWORD)
        .appName("RawClient")
        .hostName("testhost")
        .serverName("localhost")
        .cltIntName("jctds-test")
        .language("us_english")
        .packetSize(4096)
        .feature(new FeatureExt(FeatureExt.UTF8_SUPPORT, new byte[] {1}));
  }

  /** Sends LOGIN7 and returns the response's tokens (empty when the server closed). */
  List<Token> login(Login7 login) throws IOException {
    BufferWriter w = new BufferWriter();
    login.encode(w);
    sendMessage(PacketType.LOGIN7, out -> out.bytes(w.view()));
    TdsVersion v = TdsVersion.fromWire(login.tdsVersion());
    version(v == TdsVersion.V8_0 ? TdsVersion.V7_4 : v);
    return tokens();
  }

  /** Logs in as the test user and checks it succeeded. */
  List<Token> loginOk() throws IOException {
    List<Token> t = login(login().build());
    if (t.stream().noneMatch(x -> x instanceof io.jctds.protocol.token.LoginAck)) {
      throw new AssertionError("login failed: " + t);
    }
    return t;
  }

  /** The version whose token layouts to decode. */
  void version(TdsVersion v) {
    this.version = v;
    decoder.version(v);
  }

  /** Reads one response and decodes its tokens; empty when the server closed. */
  List<Token> tokens() throws IOException {
    Message m = read();
    return m == null ? List.of() : decoder.decodeAll(m.payload());
  }

  /** Runs a SQL batch and returns the response tokens. */
  List<Token> batch(String sql) throws IOException {
    sendMessage(PacketType.SQL_BATCH, out -> SqlBatch.of(sql).encode(out, version));
    return tokens();
  }

  /** Sends one RPC request message with {@code calls} (no ALL_HEADERS) and returns the answer. */
  List<Token> rpc(io.jctds.protocol.rpc.RpcRequest... calls) throws IOException {
    sendMessage(
        PacketType.RPC,
        out -> io.jctds.protocol.rpc.RpcRequest.encodeMessage(out, version, null, List.of(calls)));
    return tokens();
  }

  /** The packet size responses are split at (after ENVCHANGE). */
  void packetSize(int size) {
    writer.packetSize(size);
  }

  /** The SPID of the last response's packet header (the server's session id after login). */
  int spid() {
    return spid;
  }

  /** The server's snapshot of this client's session. */
  SessionInfo info(TdsServer server) {
    return server.sessions().stream()
        .filter(s -> s.spid() == spid)
        .findFirst()
        .orElseThrow(() -> new AssertionError("no live session " + spid));
  }

  Socket socket() {
    return socket;
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
