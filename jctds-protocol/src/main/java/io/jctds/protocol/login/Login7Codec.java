package io.jctds.protocol.login;

import io.jctds.protocol.TdsProtocolException;
import io.jctds.protocol.TdsTruncatedException;
import io.jctds.protocol.TdsWriter;
import io.jctds.protocol.Wire;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The byte layout of {@link Login7}: offsets table, strings, FeatureExt. */
final class Login7Codec {
  private Login7Codec() {}

  /**
   * Field indexes (0 HostName .. 8 Database, 9 SSPI, 10 AtchDBFile, 11 ChangePassword) in the order
   * their data is written: SSPI last, so a long SSPI (cbSSPILong) never pushes another field's
   * 16-bit offset past 65535.
   */
  private static final int[] DATA_ORDER = {0, 1, 2, 3, 4, 5, 6, 7, 8, 10, 11, 9};

  /** Variable-part sizes, indexed by field. */
  private record Layout(int fixed, int extData, int featureBytes, int[] sizes, int total) {}

  private static Layout layout(Login7 l) {
    int fixed = l.longLayout() ? Login7.FIXED_LENGTH : Login7.FIXED_LENGTH_71;
    boolean ext = l.hasExtension();
    int[] sizes = {
      2 * l.hostName().length(),
      2 * l.userName().length(),
      2 * l.password().length(),
      2 * l.appName().length(),
      2 * l.serverName().length(),
      ext ? 4 : 0,
      2 * l.cltIntName().length(),
      2 * l.language().length(),
      2 * l.database().length(),
      l.sspi().length,
      2 * l.attachDbFile().length(),
      fixed == Login7.FIXED_LENGTH ? 2 * l.changePassword().length() : 0
    };
    int total = fixed;
    for (int s : sizes) {
      total += s;
    }
    int featureBytes = 0;
    if (ext) {
      featureBytes = 1;
      for (FeatureExt f : l.features()) {
        featureBytes += f.encodedLength();
      }
    }
    return new Layout(fixed, ext ? 4 : 0, featureBytes, sizes, total + featureBytes);
  }

  static int encodedLength(Login7 l) {
    return layout(l).total();
  }

  static void encode(Login7 l, TdsWriter out) {
    Layout lay = layout(l);
    int[] off = new int[lay.sizes().length];
    int at = lay.fixed();
    for (int i : DATA_ORDER) {
      off[i] = at;
      at += lay.sizes()[i];
    }
    for (int i = 0; i < off.length; i++) {
      if (off[i] > 0xFFFF || i != 9 && lay.sizes()[i] > 0x1FFFE) {
        throw new IllegalArgumentException(
            "LOGIN7 field "
                + (i + 1)
                + " starts at byte "
                + off[i]
                + " or is too long; offsets and lengths are 16-bit");
      }
    }
    int featureOffset = at;
    out.i32(lay.total())
        .i32(l.tdsVersion())
        .i32(l.packetSize())
        .i32(l.clientProgVer())
        .i32(l.clientPid())
        .i32(l.connectionId())
        .u8(l.optionFlags1())
        .u8(l.optionFlags2())
        .u8(l.typeFlags())
        .u8(l.optionFlags3())
        .i32(l.clientTimeZone())
        .i32(l.clientLcid());
    String[] strings = {l.hostName(), l.userName(), l.password(), l.appName(), l.serverName()};
    for (int i = 0; i < 5; i++) {
      out.u16(off[i]).u16(strings[i].length());
    }
    out.u16(off[5]).u16(lay.extData());
    out.u16(off[6]).u16(l.cltIntName().length());
    out.u16(off[7]).u16(l.language().length());
    out.u16(off[8]).u16(l.database().length());
    out.bytes(l.clientId());
    int sspiLen = l.sspi().length;
    out.u16(off[9]).u16(Math.min(sspiLen, 0xFFFF));
    out.u16(off[10]).u16(l.attachDbFile().length());
    if (lay.fixed() == Login7.FIXED_LENGTH) {
      out.u16(off[11]).u16(l.changePassword().length());
      out.i32(sspiLen >= 0xFFFF ? sspiLen : 0);
    }
    writeData(l, out, lay, featureOffset);
  }

  private static void writeData(Login7 l, TdsWriter out, Layout lay, int featureOffset) {
    out.ucs2(l.hostName()).ucs2(l.userName()).bytes(Login7.obfuscate(l.password()));
    out.ucs2(l.appName()).ucs2(l.serverName());
    if (lay.extData() > 0) {
      out.i32(featureOffset);
    }
    out.ucs2(l.cltIntName()).ucs2(l.language()).ucs2(l.database());
    out.ucs2(l.attachDbFile());
    if (lay.fixed() == Login7.FIXED_LENGTH) {
      out.bytes(Login7.obfuscate(l.changePassword()));
    }
    out.bytes(l.sspi());
    if (lay.featureBytes() > 0) {
      FeatureExt.encodeList(out, l.features());
    }
  }

  static Login7 decode(ByteBuffer in) {
    ByteBuffer p = in.slice().order(ByteOrder.LITTLE_ENDIAN);
    long declared = Wire.u32(p, "LOGIN7 Length (DWORD)");
    if (declared < Login7.FIXED_LENGTH_71) {
      throw new TdsProtocolException(
          "LOGIN7 Length " + declared + " is smaller than the fixed part (86 bytes)", 0);
    }
    if (declared > p.limit()) {
      throw new TdsTruncatedException(
          "LOGIN7 of " + declared + " bytes (Length field)",
          p.limit(),
          (int) (declared - p.limit()));
    }
    p.limit((int) declared);
    Login7Builder b = Login7.builder();
    int tdsVersion = Wire.i32(p, "TDSVersion");
    b.tdsVersion(tdsVersion)
        .packetSize(Wire.i32(p, "PacketSize"))
        .clientProgVer(Wire.i32(p, "ClientProgVer"))
        .clientPid(Wire.i32(p, "ClientPID"))
        .connectionId(Wire.i32(p, "ConnectionID"))
        .optionFlags1(Wire.u8(p, "OptionFlags1"))
        .optionFlags2(Wire.u8(p, "OptionFlags2"))
        .typeFlags(Wire.u8(p, "TypeFlags"))
        .optionFlags3(Wire.u8(p, "OptionFlags3"))
        .clientTimeZone(Wire.i32(p, "ClientTimeZone"))
        .clientLcid(Wire.i32(p, "ClientLCID"));
    int[] ib = new int[12];
    int[] cch = new int[12];
    for (int i = 0; i < 9; i++) {
      ib[i] = Wire.u16(p, "LOGIN7 offset table");
      cch[i] = Wire.u16(p, "LOGIN7 offset table");
    }
    b.clientId(Wire.bytes(p, 6, "ClientID"));
    for (int i = 9; i < 11; i++) {
      ib[i] = Wire.u16(p, "LOGIN7 offset table");
      cch[i] = Wire.u16(p, "LOGIN7 offset table");
    }
    long sspiLong = 0;
    boolean longLayout = isLongLayout(ib, p.limit());
    if (longLayout) {
      ib[11] = Wire.u16(p, "ibChangePassword");
      cch[11] = Wire.u16(p, "cchChangePassword");
      sspiLong = Wire.u32(p, "cbSSPILong");
    }
    readVariable(p, b, ib, cch, sspiLong);
    if ((b.optionFlags3() & Login7.OF3_EXTENSION) != 0) {
      if (definesExtension(tdsVersion)) {
        b.features(readFeatures(p, ib[5], cch[5]));
      } else {
        // [MS-TDS] defines fExtension only from TDS 7.4 and SQL Server ignores it below: tedious
        // sets it at every version but writes the FeatureExt block only for 7.4.
        b.optionFlags3(b.optionFlags3() & ~Login7.OF3_EXTENSION);
      }
    }
    in.position(in.position() + p.limit());
    return b.build();
  }

  /**
   * Whether LOGIN7's fExtension bit means anything at this TDSVersion (7.4 and 8.0, not 7.0-7.3).
   */
  private static boolean definesExtension(int tdsVersion) {
    int major = tdsVersion >>> 24;
    return major < 0x70 || major > 0x73;
  }

  /** The 94-byte layout is present when every non-zero offset points at or after byte 94. */
  private static boolean isLongLayout(int[] ib, int length) {
    if (length < Login7.FIXED_LENGTH) {
      return false;
    }
    int min = Integer.MAX_VALUE;
    for (int i = 0; i < 11; i++) {
      if (ib[i] != 0) {
        min = Math.min(min, ib[i]);
      }
    }
    return min >= Login7.FIXED_LENGTH;
  }

  private static void readVariable(
      ByteBuffer p, Login7Builder b, int[] ib, int[] cch, long sspiLong) {
    b.hostName(str(p, ib[0], cch[0], "HostName"))
        .userName(str(p, ib[1], cch[1], "UserName"))
        .password(Login7.deobfuscate(raw(p, ib[2], 2L * cch[2], "Password")))
        .appName(str(p, ib[3], cch[3], "AppName"))
        .serverName(str(p, ib[4], cch[4], "ServerName"))
        .cltIntName(str(p, ib[6], cch[6], "CltIntName"))
        .language(str(p, ib[7], cch[7], "Language"))
        .database(str(p, ib[8], cch[8], "Database"))
        .attachDbFile(str(p, ib[10], cch[10], "AtchDBFile"))
        .changePassword(Login7.deobfuscate(raw(p, ib[11], 2L * cch[11], "ChangePassword")));
    long sspiLen = cch[9] == 0xFFFF && sspiLong > 0 ? sspiLong : cch[9];
    b.sspi(raw(p, ib[9], sspiLen, "SSPI"));
  }

  private static String str(ByteBuffer p, int ib, int cch, String what) {
    return new String(raw(p, ib, 2L * cch, what), StandardCharsets.UTF_16LE);
  }

  private static byte[] raw(ByteBuffer p, int ib, long len, String what) {
    if (len == 0) {
      return new byte[0];
    }
    if (ib + len > p.limit()) {
      throw new TdsProtocolException(
          "LOGIN7 "
              + what
              + " at offset "
              + ib
              + " with "
              + len
              + " bytes reaches past the declared Length "
              + p.limit(),
          ib);
    }
    return Wire.copy(p, ib, (int) len);
  }

  private static List<FeatureExt> readFeatures(ByteBuffer p, int ibExtension, int cbExtension) {
    // cbExtension is not checked: tedious 19 sets fExtension with cbExtension 0 and a valid
    // ibExtension, and SQL Server accepts that; only the 4-byte DWORD must be inside the message.
    if (ibExtension < Login7.FIXED_LENGTH_71 || ibExtension + 4 > p.limit()) {
      throw new TdsProtocolException(
          "LOGIN7 fExtension is set but ibExtension "
              + ibExtension
              + "/cbExtension "
              + cbExtension
              + " does not hold a 4-byte FeatureExt offset inside the message",
          ibExtension);
    }
    int featureOffset = Wire.i32At(p, ibExtension);
    if (featureOffset < Login7.FIXED_LENGTH_71 || featureOffset >= p.limit()) {
      throw new TdsProtocolException(
          "LOGIN7 FeatureExt offset "
              + Integer.toUnsignedString(featureOffset)
              + " lies outside the variable part (86.."
              + (p.limit() - 1)
              + ")",
          ibExtension);
    }
    return FeatureExt.decodeList(
        p.duplicate().order(ByteOrder.LITTLE_ENDIAN).position(featureOffset));
  }
}
