package io.jctds.session;

import io.jctds.net.PacketChannel;
import io.jctds.protocol.TdsProtocolException;
import io.jctds.protocol.framing.MessageAssembler;
import io.jctds.protocol.framing.PacketType;
import io.jctds.protocol.token.Token;
import io.jctds.protocol.token.TokenDecoder;
import io.jctds.protocol.token.TokenType;
import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * Streams the tokens of one server response: decodes what has arrived, and reads the next packet
 * only when a token is incomplete. Consumed bytes are compacted away when the next packet would not
 * fit, so memory holds a buffer of a few packets plus one partial token; rows a caller keeps either
 * were detached or {@linkplain #lend() lent} (the buffer then moves instead of being overwritten).
 */
final class TokenReader {
  private final PacketChannel channel;
  private final TokenDecoder decoder;
  private boolean started;

  TokenReader(PacketChannel channel, TokenDecoder decoder) {
    this.channel = channel;
    this.decoder = decoder;
  }

  TokenDecoder decoder() {
    return decoder;
  }

  /** Starts a new response: forgets what is left of the previous message. */
  void begin() {
    channel.assembler().reset();
    started = true;
  }

  /**
   * The next token of the response.
   *
   * @return the token, or null at the end of the response message
   * @throws TdsProtocolException if the response is not tabular or ends inside a token
   */
  Token next() throws IOException {
    if (!started) {
      throw new IllegalStateException("begin() a response first");
    }
    MessageAssembler a = channel.assembler();
    while (true) {
      ByteBuffer p = a.payload();
      Token t = p.hasRemaining() ? decoder.next(p) : null;
      if (t != null) {
        return t;
      }
      if (a.isComplete()) {
        if (p.hasRemaining()) {
          throw new TdsProtocolException(
              "the response ends inside a "
                  + TokenType.name(p.get(p.position()) & 0xFF)
                  + " token ("
                  + decoder.missing()
                  + " more byte(s) were needed)",
              p.position());
        }
        started = false;
        return null;
      }
      a.makeRoom();
      int type = channel.readPacket().type();
      if (type != PacketType.TABULAR_RESULT) {
        throw new TdsProtocolException(
            "expected a TabularResult (0x04) packet, the server sent " + PacketType.name(type), 0);
      }
    }
  }

  /**
   * The tokens handed out so far may be kept: their bytes are not overwritten later (see {@link
   * MessageAssembler#lend()}).
   */
  void lend() {
    channel.assembler().lend();
  }

  /** Whether a response is being read. */
  boolean inResponse() {
    return started;
  }
}
