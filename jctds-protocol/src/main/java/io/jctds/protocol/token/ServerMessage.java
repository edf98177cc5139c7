package io.jctds.protocol.token;

import io.jctds.protocol.TdsVersion;
import io.jctds.protocol.TdsWriter;
import io.jctds.protocol.Wire;
import java.nio.ByteBuffer;

/**
 * ERROR and INFO ([MS-TDS] 2.2.7.10, 2.2.7.13): the same layout, told apart by the token type. The
 * line number is 4 bytes from TDS 7.2 and 2 bytes before.
 *
 * @param error true for ERROR (0xAA), false for INFO (0xAB)
 * @param number SQL Server message number
 * @param state error state
 * @param severity class (severity); 0-10 informational, 11+ errors, 20+ fatal to the connection
 * @param message message text
 * @param serverName server name
 * @param procName procedure name, empty outside a procedure
 * @param lineNumber line in the batch or procedure
 */
public record ServerMessage(
    boolean error,
    int number,
    int state,
    int severity,
    String message,
    String serverName,
    String procName,
    int lineNumber)
    implements Token {

  @Override
  public int type() {
    return error ? TokenType.ERROR : TokenType.INFO;
  }

  static ServerMessage decode(ByteBuffer in, TdsVersion v, boolean error) {
    String token = error ? "ERROR" : "INFO";
    int len = Wire.u16(in, token + " length");
    return Bounded.read(
        in,
        len,
        token,
        b ->
            new ServerMessage(
                error,
                Wire.i32(b, token + " number"),
                Wire.u8(b, token + " state"),
                Wire.u8(b, token + " class"),
                Wire.usVarchar(b, token + " message text"),
                Wire.bVarchar(b, token + " server name"),
                Wire.bVarchar(b, token + " procedure name"),
                v.atLeast(TdsVersion.V7_2)
                    ? Wire.i32(b, token + " line number")
                    : Wire.u16(b, token + " line number")));
  }

  @Override
  public void encode(TdsWriter out, TdsVersion v) {
    Bounded.writeUshort(
        out,
        type(),
        b -> {
          b.i32(number).u8(state).u8(severity);
          b.usVarchar(message).bVarchar(serverName).bVarchar(procName);
          if (v.atLeast(TdsVersion.V7_2)) {
            b.i32(lineNumber);
          } else {
            b.u16(lineNumber);
          }
        });
  }

  @Override
  public String toString() {
    return (error ? "Error " : "Info ")
        + number
        + ", severity "
        + severity
        + ", state "
        + state
        + (procName.isEmpty() ? "" : ", procedure " + procName)
        + ", line "
        + lineNumber
        + ": "
        + message;
  }
}
