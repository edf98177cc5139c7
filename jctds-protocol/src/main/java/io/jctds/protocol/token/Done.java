package io.jctds.protocol.token;

import io.jctds.protocol.TdsProtocolException;
import io.jctds.protocol.TdsVersion;
import io.jctds.protocol.TdsWriter;
import io.jctds.protocol.Wire;
import java.nio.ByteBuffer;

/**
 * DONE, DONEPROC and DONEINPROC ([MS-TDS] 2.2.7.6-8): the end of a statement, procedure or batch.
 * The row count is 8 bytes from TDS 7.2 and 4 bytes before.
 *
 * @param tokenType {@link TokenType#DONE}, {@link TokenType#DONEPROC} or {@link
 *     TokenType#DONEINPROC}
 * @param status status bits, see the constants
 * @param curCmd the current command token (e.g. 0xC1 SELECT)
 * @param rowCount rows affected or returned, valid when {@link #STATUS_COUNT} is set
 */
public record Done(int tokenType, int status, int curCmd, long rowCount) implements Token {
  /** More results follow in this response. */
  public static final int STATUS_MORE = 0x01;

  /** The statement failed. */
  public static final int STATUS_ERROR = 0x02;

  /** A transaction is in progress. */
  public static final int STATUS_INXACT = 0x04;

  /** The row count is valid. */
  public static final int STATUS_COUNT = 0x10;

  /** Acknowledges an attention (cancel). */
  public static final int STATUS_ATTN = 0x20;

  /** A severe error occurred; discard the results. */
  public static final int STATUS_SRVERROR = 0x100;

  /** Validates the token type. */
  public Done {
    if (tokenType != TokenType.DONE
        && tokenType != TokenType.DONEPROC
        && tokenType != TokenType.DONEINPROC) {
      throw new IllegalArgumentException("not a DONE token type: " + TokenType.name(tokenType));
    }
  }

  /** A final DONE with a row count. */
  public static Done count(long rows) {
    return new Done(TokenType.DONE, STATUS_COUNT, 0, rows);
  }

  @Override
  public int type() {
    return tokenType;
  }

  /** Whether more results follow (MORE bit). */
  public boolean hasMore() {
    return (status & STATUS_MORE) != 0;
  }

  /** Whether the statement failed (ERROR or SRVERROR bit). */
  public boolean isError() {
    return (status & (STATUS_ERROR | STATUS_SRVERROR)) != 0;
  }

  /** Whether {@link #rowCount()} is valid. */
  public boolean hasCount() {
    return (status & STATUS_COUNT) != 0;
  }

  /** Whether this acknowledges an attention. */
  public boolean isAttentionAck() {
    return (status & STATUS_ATTN) != 0;
  }

  /** Whether a transaction is open. */
  public boolean inTransaction() {
    return (status & STATUS_INXACT) != 0;
  }

  /** Encoded size including the type byte. */
  public static int size(TdsVersion v) {
    return v.atLeast(TdsVersion.V7_2) ? 13 : 9;
  }

  static Done decode(ByteBuffer in, TdsVersion v, int type) {
    Wire.need(in, size(v) - 1, TokenType.name(type) + " token");
    int status = Wire.u16(in, "DONE status");
    int curCmd = Wire.u16(in, "DONE current command");
    long count =
        v.atLeast(TdsVersion.V7_2)
            ? Wire.i64(in, "DONE row count")
            : Wire.u32(in, "DONE row count");
    if (count < 0) {
      throw new TdsProtocolException(
          "DONE row count " + Long.toUnsignedString(count), in.position() - 8);
    }
    return new Done(type, status, curCmd, count);
  }

  @Override
  public void encode(TdsWriter out, TdsVersion v) {
    out.u8(tokenType).u16(status).u16(curCmd);
    if (v.atLeast(TdsVersion.V7_2)) {
      out.i64(rowCount);
    } else {
      out.i32((int) rowCount);
    }
  }
}
