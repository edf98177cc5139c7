package io.jctds;

import io.jctds.protocol.TdsVersion;
import io.jctds.protocol.TdsWriter;
import io.jctds.protocol.batch.SqlBatch;
import io.jctds.protocol.framing.MessageAssembler;
import io.jctds.protocol.framing.PacketHeader;
import io.jctds.protocol.framing.PacketType;
import io.jctds.protocol.framing.PacketWriter;
import io.jctds.protocol.login.Login7;
import io.jctds.protocol.prelogin.PreLogin;
import io.jctds.protocol.tls.TdsTlsTransport;
import io.jctds.protocol.tls.TlsEngine;
import io.jctds.protocol.tls.Transport;
import io.jctds.protocol.token.Done;
import io.jctds.protocol.token.EnvChange;
import io.jctds.protocol.token.LoginAck;
import io.jctds.protocol.token.Token;
import io.jctds.protocol.token.TokenType;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/**
 * The server side of one connection of the {@link RogueServer}: reads client messages packet by
 * packet, sends scripted responses, runs the server side of TLS, and records the raw bytes.
 */
final class Peer {
  static final int SPID = 57;

  private final Socket socket;
  private final Transport raw;
  private final ByteArrayOutputStream recorded = new ByteArrayOutputStream();
  private Transport transport;
  private final MessageAssembler assembler = new MessageAssembler(65535, 1 << 24);
  private final List<PacketHeader> headers = new ArrayList<>();
  private final List<byte[]> packets = new ArrayList<>();
  private int packetSize = 4096;
  private boolean setupDue;
  private String setup;
  TdsVersion version = TdsVersion.V7_4;

  Peer(Socket socket) throws IOException {
    this.socket = socket;
    Transport plain = Transport.of(socket.getInputStream(), socket.getOutputStream());
    this.raw =
        new Transport() {
          @Override
          public int read(ByteBuffer dst) throws IOException {
            int start = dst.position();
            int n = plain.read(dst);
            synchronized (recorded) {
              for (int i = 0; i < n; i++) {
                recorded.write(dst.get(start + i));
              }
            }
            return n;
          }

          @Override
          public void write(ByteBuffer src) throws IOException {
            plain.write(src);
          }

          @Override
          public void close() throws IOException {
            plain.close();
          }
        };
    this.transport = raw;
  }

  byte[] rawReceived() {
    synchronized (recorded) {
      return recorded.toByteArray();
    }
  }

  /** The headers of the packets received so far. */
  List<PacketHeader> headers() {
    return headers;
  }

  /** The packets received so far (header included, decrypted). */
  List<byte[]> packets() {
    return packets;
  }

  void packetSize(int size) {
    this.packetSize = size;
  }

  private void readFully(ByteBuffer dst) throws IOException {
    while (dst.hasRemaining()) {
      if (transport.read(dst) < 0) {
        throw new EOFException("the client closed the connection");
      }
    }
  }

  /**
   * Reads one whole message and returns its payload. When the client's setup is due ({@link
   * #expectSetup}) and {@code expectedType} is not a SQL batch, the setup must come first as a
   * batch of its own; it is read and answered with DONE.
   */
  ByteBuffer readMessage(int expectedType) throws IOException {
    if (setupDue && expectedType != PacketType.SQL_BATCH && takeSetup() != null) {
      throw new AssertionError(
          "expected the setup batch alone before " + PacketType.name(expectedType));
    }
    return readRawMessage(expectedType);
  }

  private ByteBuffer readRawMessage(int expectedType) throws IOException {
    assembler.reset();
    do {
      ByteBuffer header = ByteBuffer.allocate(PacketHeader.SIZE);
      readFully(header);
      header.flip();
      PacketHeader h = PacketHeader.decode(header.duplicate());
      ByteBuffer packet = ByteBuffer.allocate(h.length());
      packet.put(header);
      readFully(packet);
      packet.flip();
      headers.add(h);
      packets.add(Arrays.copyOf(packet.array(), h.length()));
      if (h.type() != expectedType) {
        throw new AssertionError(
            "expected " + PacketType.name(expectedType) + ", got " + PacketType.name(h.type()));
      }
      assembler.add(packet);
    } while (!assembler.isComplete());
    ByteBuffer p = assembler.payload();
    return ByteBuffer.wrap(Arrays.copyOfRange(p.array(), p.position(), p.limit()))
        .order(java.nio.ByteOrder.LITTLE_ENDIAN);
  }

  PreLogin readPrelogin() throws IOException {
    return PreLogin.decode(readMessage(PacketType.PRELOGIN));
  }

  Login7 readLogin7() throws IOException {
    return Login7.decode(readMessage(PacketType.LOGIN7));
  }

  /**
   * Reads a SQL batch and returns its text. When the client's setup is due ({@link #expectSetup}),
   * the batch must start with it: it is cut off (see {@link #setup()}); a batch that is the setup
   * alone is answered with DONE and the next batch is read.
   */
  String readBatch() throws IOException {
    if (setupDue) {
      String rest = takeSetup();
      if (rest != null) {
        return rest;
      }
    }
    return SqlBatch.decode(readRawMessage(PacketType.SQL_BATCH), version).sql();
  }

  /**
   * The client's setup comes with its first request (k-cTDS's SET statements, which jctds sends at
   * the start of the first SQL batch, or alone before an RPC or a bulk load).
   */
  void expectSetup() {
    setupDue = true;
  }

  /** The setup SET statements the client sent (after {@link #expectSetup}), or null. */
  String setup() {
    return setup;
  }

  /** Reads the batch that starts with the setup: the rest of it, or null when it was alone. */
  private String takeSetup() throws IOException {
    setupDue = false;
    String sql = SqlBatch.decode(readRawMessage(PacketType.SQL_BATCH), version).sql();
    int end = sql.indexOf(';', sql.indexOf("SET IMPLICIT_TRANSACTIONS ")) + 1;
    if (!sql.startsWith("SET ") || end <= 0) {
      throw new AssertionError("expected the client's setup SET statements first, got: " + sql);
    }
    setup = sql.substring(0, end);
    if (end < sql.length()) {
      return sql.substring(end);
    }
    sendTokens(new Done(TokenType.DONE, 0, 0, 0));
    return null;
  }

  /** Sends a message of {@code type} written by {@code body}. */
  void send(int type, Consumer<TdsWriter> body) throws IOException {
    PacketWriter w =
        new PacketWriter(
            packetSize,
            p -> {
              try {
                transport.write(p);
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            });
    w.spid(SPID);
    w.beginMessage(type);
    body.accept(w);
    w.endMessage();
  }

  /** Sends raw bytes as they are. */
  void sendRaw(byte[] bytes) throws IOException {
    transport.write(ByteBuffer.wrap(bytes));
  }

  /** Sends a PRELOGIN answer with {@code encryption} (null: no ENCRYPTION option). */
  void answerPrelogin(Integer encryption, boolean mars) throws IOException {
    PreLogin p =
        PreLogin.empty()
            .withVersion(new PreLogin.Version(16, 0, 1000, 0))
            .withInstance(new byte[] {0});
    if (encryption != null) {
      p = p.withEncryption(encryption);
    }
    if (mars) {
      p = p.withMars(false);
    }
    PreLogin answer = p;
    send(PacketType.TABULAR_RESULT, answer::encode);
  }

  /** Sends tokens as one response. */
  void sendTokens(Token... tokens) throws IOException {
    send(
        PacketType.TABULAR_RESULT,
        w -> {
          for (Token t : tokens) {
            t.encode(w, version);
          }
        });
  }

  /** A successful login response: LOGINACK, database, packet size, DONE. */
  void loginOk(int tdsVersionWire, int packetSize) throws IOException {
    sendTokens(
        new EnvChange.Text(EnvChange.DATABASE, "master", ""),
        new LoginAck(1, tdsVersionWire, "Microsoft SQL Server", 16, 0, 0x03, 0xE8),
        new EnvChange.Text(EnvChange.PACKET_SIZE, Integer.toString(packetSize), "4096"),
        new Done(TokenType.DONE, 0, 0, 0));
  }

  /** Runs the server side of the TDS 7.x handshake in PRELOGIN packets. */
  void tls(TlsEngine engine, TdsTlsTransport.Scope scope) throws IOException {
    transport = TdsTlsTransport.handshakeInPrelogin(raw, engine, scope);
  }

  /** Runs the server side of the TLS-first (TDS 8.0) handshake. */
  void tlsFirst(TlsEngine engine) throws IOException {
    transport = TdsTlsTransport.handshakeFirst(raw, engine);
  }

  /** Whether the client closes the connection (EOF) within the socket timeout. */
  boolean seesEof(int millis) throws IOException {
    socket.setSoTimeout(millis);
    ByteBuffer sink = ByteBuffer.allocate(4096);
    try {
      while (true) {
        sink.clear();
        if (transport.read(sink) < 0) {
          return true;
        }
      }
    } catch (SocketTimeoutException e) {
      return false;
    } catch (IOException e) {
      return true; // reset by the client also means the socket is gone
    }
  }

  /** Closes the connection. */
  void close() throws IOException {
    socket.close();
  }
}
