package io.jctds.protocol.token;

import io.jctds.protocol.TdsProtocolException;
import io.jctds.protocol.TdsTruncatedException;
import io.jctds.protocol.TdsVersion;
import io.jctds.protocol.Wire;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads tokens one at a time from a buffer window, for a response that may still be arriving:
 * {@link #next} either returns a whole token and moves the position past it, or returns null ("need
 * more bytes") and consumes nothing. Malformed input is a {@link TdsProtocolException}.
 *
 * <p>The decoder remembers the last COLMETADATA, which ROW and NBCROW need. Version-dependent
 * fields follow {@link #version()}: call {@link #version(TdsVersion)} as soon as a LOGINACK names
 * the negotiated version, before decoding the next token. Not thread-safe.
 */
public final class TokenDecoder {
  private TdsVersion version;
  private ColMetadata metadata;
  private RowLayout layout;
  private boolean reuseRows;
  private Row reusable;
  private int missing;

  /**
   * @param version the TDS version of the stream
   */
  public TokenDecoder(TdsVersion version) {
    this.version = version;
  }

  /** The version used for version-dependent fields. */
  public TdsVersion version() {
    return version;
  }

  /** Switches the version (after LOGINACK). */
  public void version(TdsVersion v) {
    this.version = v;
  }

  /** The column metadata rows are decoded with, or null before the first COLMETADATA. */
  public ColMetadata metadata() {
    return metadata;
  }

  /** Sets the metadata (e.g. after a NoMetaData COLMETADATA of a cursor fetch). */
  public void metadata(ColMetadata md) {
    this.metadata = md;
  }

  /**
   * Whether {@link #next} returns one {@link Row} object for every ROW and NBCROW, overwritten by
   * the next one, instead of a new row each time (default: false). With reuse, decoding a row
   * allocates nothing; a row must then be used or {@link Row#detach() detached} before the next
   * call, and {@link #decodeAll} must not be used.
   */
  public void reuseRows(boolean reuse) {
    this.reuseRows = reuse;
    this.reusable = null;
  }

  /** Whether rows are reused (see {@link #reuseRows(boolean)}). */
  public boolean reusesRows() {
    return reuseRows;
  }

  /** After {@link #next} returned null: at least how many more bytes are needed. */
  public int missing() {
    return missing;
  }

  /**
   * Decodes the next token.
   *
   * @return the token, or null when the buffer ends inside it (nothing is consumed)
   * @throws TdsProtocolException on malformed input
   */
  public Token next(ByteBuffer in) {
    int start = in.position();
    if (!in.hasRemaining()) {
      missing = 1;
      return null;
    }
    try {
      Token t = decode(in);
      if (t instanceof ColMetadata md && md != ColMetadata.NONE) {
        metadata = md;
      }
      missing = 0;
      return t;
    } catch (TdsTruncatedException e) {
      in.position(start);
      missing = e.missing();
      return null;
    }
  }

  /**
   * Decodes every token of a complete message.
   *
   * @throws TdsProtocolException if the message ends inside a token or is malformed
   */
  public List<Token> decodeAll(ByteBuffer in) {
    List<Token> out = new ArrayList<>();
    while (in.hasRemaining()) {
      int at = in.position();
      Token t = next(in);
      if (t == null) {
        throw new TdsProtocolException(
            "the message ends inside a "
                + TokenType.name(in.get(at) & 0xFF)
                + " token; "
                + missing
                + " more byte(s) needed",
            at);
      }
      out.add(t);
    }
    return out;
  }

  private Token decode(ByteBuffer in) {
    int at = in.position();
    int type = Wire.u8(in, "token type");
    return switch (type) {
      case TokenType.LOGINACK -> LoginAck.decode(in, version);
      case TokenType.ENVCHANGE -> EnvChange.decode(in, version);
      case TokenType.ERROR -> ServerMessage.decode(in, version, true);
      case TokenType.INFO -> ServerMessage.decode(in, version, false);
      case TokenType.DONE, TokenType.DONEPROC, TokenType.DONEINPROC ->
          Done.decode(in, version, type);
      case TokenType.FEATUREEXTACK -> FeatureExtAck.decode(in);
      case TokenType.RETURNSTATUS -> ReturnStatus.decode(in);
      case TokenType.COLMETADATA -> ColMetadata.decode(in, version);
      case TokenType.ROW, TokenType.NBCROW -> row(in, type, at);
      case TokenType.ORDER -> Order.decode(in);
      case TokenType.RETURNVALUE -> ReturnValue.decode(in, version);
      case TokenType.COLINFO, TokenType.TABNAME, TokenType.SSPI ->
          new OpaqueToken(
              type,
              Bounded.read(in, Wire.u16(in, "token length"), TokenType.name(type), Wire::rest));
      case TokenType.SESSIONSTATE, TokenType.FEDAUTHINFO -> opaqueLong(in, type, at);
      default ->
          throw new TdsProtocolException(
              "unexpected token "
                  + TokenType.name(type)
                  + (type == TokenType.ALTMETADATA || type == TokenType.ALTROW
                      ? " (COMPUTE BY results are not supported)"
                      : type == TokenType.DATACLASSIFICATION
                          ? " (data classification was not requested)"
                          : "")
                  + " in the result stream",
              at);
    };
  }

  private Row row(ByteBuffer in, int type, int at) {
    if (metadata == null) {
      throw new TdsProtocolException(TokenType.name(type) + " token before any COLMETADATA", at);
    }
    if (layout == null || layout.metadata != metadata) {
      layout = new RowLayout(metadata);
    }
    Row r = Row.decode(in, layout, type == TokenType.NBCROW, reusable);
    if (reuseRows) {
      reusable = r;
    }
    return r;
  }

  private static OpaqueToken opaqueLong(ByteBuffer in, int type, int at) {
    long len = Wire.u32(in, TokenType.name(type) + " length");
    if (len > Integer.MAX_VALUE - 16) {
      throw new TdsProtocolException(TokenType.name(type) + " length " + len + " is too large", at);
    }
    return new OpaqueToken(type, Bounded.read(in, (int) len, TokenType.name(type), Wire::rest));
  }
}
