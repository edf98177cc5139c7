package io.jctds.protocol.tls;

import io.jctds.protocol.TdsProtocolException;
import io.jctds.protocol.framing.PacketHeader;
import io.jctds.protocol.framing.PacketType;
import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * Cuts the inbound stream into whole TLS records, either straight from the stream or out of the
 * payloads of PRELOGIN packets (TDS 7.x handshake). Handing the engine one record at a time means
 * no byte after the record that ends the encrypted part is ever consumed.
 */
final class RecordReader {
  static final int HEADER = 5;

  /** Largest TLS record body: 2^14 plus the 2048 bytes of expansion TLS 1.2 allows. */
  static final int MAX_BODY = 16384 + 2048;

  static final int MAX_RECORD = HEADER + MAX_BODY;

  private final InboundBuffer in;
  private boolean wrapped;
  private int packetRemaining;
  private ByteBuffer assembly;

  /** Set once a TDS 7.x wrapped handshake ended: late PRELOGIN-wrapped records are tolerated. */
  private boolean lateWrappingAllowed;

  RecordReader(InboundBuffer in, boolean wrapped) {
    this.in = in;
    this.wrapped = wrapped;
  }

  /**
   * The next whole record, as a view valid until the next call.
   *
   * @return the record, or null if the stream ended cleanly at a record boundary
   * @throws java.io.EOFException if the stream ended inside a record or packet
   * @throws TlsException if the bytes are not a TLS record or not a PRELOGIN packet
   */
  ByteBuffer next() throws IOException {
    if (wrapped) {
      return nextWrapped();
    }
    if (!in.fill(HEADER, "TLS record header")) {
      return null;
    }
    if (packetRemaining > 0
        || lateWrappingAllowed && in.buffer().get(in.buffer().position()) == PacketType.PRELOGIN) {
      // With TLS 1.3 the client finishes its handshake first; the server's post-handshake
      // messages (NewSessionTicket) may still come wrapped in PRELOGIN packets. 0x12 is no TLS
      // content type, so such a packet cannot be mistaken for a record.
      return nextWrapped();
    }
    int length = bodyLength(in.buffer(), in.buffer().position());
    in.require(HEADER + length, "TLS record");
    return in.take(HEADER + length);
  }

  /**
   * Whether a whole record can be returned without reading from the stream. Only raw records are
   * looked at; while PRELOGIN-wrapped this answers false.
   */
  boolean hasBufferedRecord() {
    if (wrapped || in.available() < HEADER) {
      return false;
    }
    try {
      return in.available() >= HEADER + bodyLength(in.buffer(), in.buffer().position());
    } catch (TlsException e) {
      return false;
    }
  }

  private ByteBuffer nextWrapped() throws IOException {
    if (assembly == null) {
      assembly = ByteBuffer.allocate(MAX_RECORD);
    }
    assembly.clear();
    copyPayload(HEADER);
    int length = bodyLength(assembly, 0);
    copyPayload(length);
    return assembly.flip();
  }

  /** Copies {@code n} payload bytes of PRELOGIN packets into the assembly buffer. */
  private void copyPayload(int n) throws IOException {
    while (n > 0) {
      if (packetRemaining == 0) {
        readPacketHeader();
        continue;
      }
      int k = Math.min(n, packetRemaining);
      in.require(k, "PRELOGIN packet carrying the TLS handshake");
      assembly.put(in.take(k));
      packetRemaining -= k;
      n -= k;
    }
  }

  private void readPacketHeader() throws IOException {
    in.require(PacketHeader.SIZE, "PRELOGIN packet header");
    PacketHeader header;
    try {
      header = PacketHeader.decode(in.buffer());
    } catch (TdsProtocolException e) {
      throw new TlsException(
          "expected a PRELOGIN packet carrying the TLS handshake: " + e.getMessage(), e);
    }
    // [MS-TDS] says 0x12; some servers answer with 0x04 (the pre-7.2 convention). Accept both.
    if (header.type() != PacketType.PRELOGIN && header.type() != PacketType.TABULAR_RESULT) {
      throw new TlsException(
          "expected a PRELOGIN (0x12) packet carrying the TLS handshake but got " + header);
    }
    packetRemaining = header.payloadLength();
  }

  /**
   * Ends PRELOGIN unwrapping once the handshake is complete: the rest of the current packet is
   * discarded (as FreeTDS does) and later records are read straight from the stream.
   */
  void endWrapping() throws IOException {
    while (packetRemaining > 0) {
      int k = Math.min(packetRemaining, MAX_RECORD);
      in.require(k, "PRELOGIN packet carrying the TLS handshake");
      in.take(k);
      packetRemaining -= k;
    }
    wrapped = false;
    lateWrappingAllowed = true;
  }

  /** Checks a record header at {@code at} and returns its body length. */
  static int bodyLength(ByteBuffer buffer, int at) throws TlsException {
    int type = buffer.get(at) & 0xFF;
    int major = buffer.get(at + 1) & 0xFF;
    int length = (buffer.get(at + 3) & 0xFF) << 8 | buffer.get(at + 4) & 0xFF;
    if (type < 20 || type > 24 || major != 3 || length > MAX_BODY) {
      throw new TlsException(
          String.format(
              "expected a TLS record but the peer sent %02X %02X %02X %02X %02X; it is not"
                  + " speaking TLS here (plaintext TDS where encryption was negotiated?)",
              type,
              major,
              buffer.get(at + 2) & 0xFF,
              buffer.get(at + 3) & 0xFF,
              buffer.get(at + 4) & 0xFF));
    }
    return length;
  }
}
