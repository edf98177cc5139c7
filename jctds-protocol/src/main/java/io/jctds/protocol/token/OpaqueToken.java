package io.jctds.protocol.token;

import io.jctds.protocol.TdsVersion;
import io.jctds.protocol.TdsWriter;
import java.util.Arrays;

/**
 * A length-prefixed token kept as raw bytes: COLINFO, TABNAME, SSPI (USHORT length) and
 * SESSIONSTATE, FEDAUTHINFO (DWORD length). The client can skip them or parse the body later.
 *
 * @param type the token type
 * @param body the bytes after the length field
 */
public record OpaqueToken(int type, byte[] body) implements Token {
  /** Copies the body. */
  public OpaqueToken {
    body = body.clone();
  }

  @Override
  public byte[] body() {
    return body.clone();
  }

  /** Whether the token's length field is a DWORD (else a USHORT). */
  static boolean longLength(int type) {
    return type == TokenType.SESSIONSTATE || type == TokenType.FEDAUTHINFO;
  }

  @Override
  public void encode(TdsWriter out, TdsVersion v) {
    out.u8(type);
    if (longLength(type)) {
      out.i32(body.length);
    } else {
      out.u16(body.length);
    }
    out.bytes(body);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof OpaqueToken t && t.type == type && Arrays.equals(t.body, body);
  }

  @Override
  public int hashCode() {
    return type * 31 + Arrays.hashCode(body);
  }

  @Override
  public String toString() {
    return TokenType.name(type) + "(" + body.length + " bytes)";
  }
}
