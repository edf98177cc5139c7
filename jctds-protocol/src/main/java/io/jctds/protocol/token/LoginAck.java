package io.jctds.protocol.token;

import io.jctds.protocol.TdsVersion;
import io.jctds.protocol.TdsWriter;
import io.jctds.protocol.Wire;
import java.nio.ByteBuffer;

/**
 * LOGINACK ([MS-TDS] 2.2.7.14): the login succeeded. The TDS version here is big-endian on the
 * wire, unlike LOGIN7's.
 *
 * @param interfaceType 0 SQL_DFLT or 1 SQL_TSQL (FreeTDS also accepts 5)
 * @param tdsVersion the version DWORD the server speaks, e.g. 0x74000004
 * @param progName the server's program name, e.g. "Microsoft SQL Server"
 * @param major product major version
 * @param minor product minor version
 * @param buildHi build number high byte
 * @param buildLow build number low byte
 */
public record LoginAck(
    int interfaceType,
    int tdsVersion,
    String progName,
    int major,
    int minor,
    int buildHi,
    int buildLow)
    implements Token {

  /** Interface: SQL_DFLT. */
  public static final int SQL_DFLT = 0;

  /** Interface: SQL_TSQL. */
  public static final int SQL_TSQL = 1;

  @Override
  public int type() {
    return TokenType.LOGINACK;
  }

  /** The negotiated version. */
  public TdsVersion version() {
    return TdsVersion.fromWire(tdsVersion);
  }

  /** The product version as "major.minor.build", e.g. "16.0.4135". */
  public String productVersion() {
    return major + "." + minor + "." + (buildHi << 8 | buildLow);
  }

  static LoginAck decode(ByteBuffer in, TdsVersion v) {
    int len = Wire.u16(in, "LOGINACK length");
    return Bounded.read(
        in,
        len,
        "LOGINACK",
        b ->
            new LoginAck(
                Wire.u8(b, "LOGINACK interface"),
                Wire.i32be(b, "LOGINACK TDS version"),
                Wire.bVarchar(b, "LOGINACK program name"),
                Wire.u8(b, "LOGINACK major version"),
                Wire.u8(b, "LOGINACK minor version"),
                Wire.u8(b, "LOGINACK build high"),
                Wire.u8(b, "LOGINACK build low")));
  }

  @Override
  public void encode(TdsWriter out, TdsVersion v) {
    Bounded.writeUshort(
        out,
        type(),
        b ->
            b.u8(interfaceType)
                .i32be(tdsVersion)
                .bVarchar(progName)
                .u8(major)
                .u8(minor)
                .u8(buildHi)
                .u8(buildLow));
  }
}
