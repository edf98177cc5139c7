package io.jctds.session;

import io.jctds.config.ServerEntry;
import io.jctds.protocol.BufferWriter;
import io.jctds.protocol.TdsVersion;
import io.jctds.protocol.login.FeatureExt;
import io.jctds.protocol.login.Login7;
import io.jctds.protocol.prelogin.PreLogin;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The PRELOGIN and LOGIN7 messages exactly as FreeTDS 1.5 (db-lib, as k-cTDS uses it) sends them
 * (FREETDS.md 6.3 and 6.5), except that CltIntName is {@code jctds} instead of {@code DB-Library}.
 */
public final class LoginMessages {
  /** CltIntName: the client interface library (FreeTDS's db-lib sends "DB-Library"). */
  public static final String CLIENT_INTERFACE = "jctds";

  /** ClientProgVer: the bytes {@code 06 83 F2 F8} FreeTDS sends, as a little-endian DWORD. */
  public static final int CLIENT_PROG_VER = 0xF8F28306;

  /** ClientLCID: FreeTDS's fixed {@code 36 04 00 00}. */
  public static final int CLIENT_LCID = 0x0436;

  /** ClientTimeZone: FreeTDS sends -120. */
  public static final int CLIENT_TIME_ZONE = -120;

  /** The INSTOPT FreeTDS sends when no instance is configured. */
  public static final String DEFAULT_INSTANCE = "MSSQLServer";

  /** Packet size requested when {@code initial block size} is not 4096..65535 (FREETDS.md 6.7). */
  public static final int DEFAULT_PACKET_SIZE = 4096;

  /** Offset of ibPassword in the LOGIN7 fixed part (cchPassword follows). */
  private static final int IB_PASSWORD = 44;

  private LoginMessages() {}

  /**
   * The client's PRELOGIN: VERSION {@code 09 00 00 00 00 00} (TDS 7.2+) or {@code 08 00 01 55 00
   * 00} (7.1), ENCRYPTION, INSTOPT (the instance or {@code MSSQLServer}, NUL-terminated), THREADID
   * (the process id) and, from 7.2, MARS 0.
   *
   * @param version the requested version (8.0 sends the 7.2+ form, inside TLS)
   * @param encryptionByte the ENCRYPTION byte ({@link EncryptionDecision#clientByte})
   * @param instance the configured instance, or null
   * @param pid the process id
   */
  public static PreLogin prelogin(
      TdsVersion version, int encryptionByte, String instance, int pid) {
    boolean modern = version.atLeast(TdsVersion.V7_2);
    PreLogin p =
        PreLogin.empty()
            .withVersion(
                modern ? new PreLogin.Version(9, 0, 0, 0) : new PreLogin.Version(8, 0, 0x155, 0))
            .withEncryption(encryptionByte)
            .withInstanceName(instance == null || instance.isEmpty() ? DEFAULT_INSTANCE : instance)
            .withThreadId(pid);
    return modern ? p.withMars(false) : p;
  }

  /** The packet size to request: {@code initial block size} if 4096 ≤ v < 65536, else 4096. */
  public static int requestedPacketSize(ServerEntry entry) {
    Integer v = entry.initialBlockSize();
    return v != null && v >= 4096 && v < 65536 ? v : DEFAULT_PACKET_SIZE;
  }

  /**
   * The LOGIN7 FreeTDS sends.
   *
   * @param s the settings
   * @param layout the layout to write: the requested version, or 7.1 after the MARS downgrade
   * @param serverName the ServerName field (the section or host part of the server name)
   * @param pid the process id
   * @param clientId the 6-byte ClientID (a MAC address, or zeros)
   */
  public static Login7 login7(
      ConnectSettings s, TdsVersion layout, String serverName, int pid, byte[] clientId) {
    ServerEntry e = s.entry();
    TdsVersion wire = layout == TdsVersion.V8_0 ? TdsVersion.V7_4 : layout;
    int flags1 =
        Login7.OF1_SET_LANG_ON
            | Login7.OF1_USE_DB_ON
            | Login7.OF1_INIT_DB_FATAL
            | (s.enableBcp() ? 0 : Login7.OF1_DUMPLOAD_OFF);
    int typeFlags =
        e.readOnlyIntent() && wire.atLeast(TdsVersion.V7_1) ? Login7.TYPE_READ_ONLY_INTENT : 0;
    int flags3 = wire.atLeast(TdsVersion.V7_3A) ? Login7.OF3_UNKNOWN_COLLATION_HANDLING : 0;
    var b =
        Login7.builder()
            .tdsVersion(wire)
            .packetSize(requestedPacketSize(e))
            .clientProgVer(CLIENT_PROG_VER)
            .clientPid(pid)
            .optionFlags1(flags1)
            .optionFlags2(Login7.OF2_INIT_LANG_FATAL)
            .typeFlags(typeFlags)
            .optionFlags3(flags3)
            .clientTimeZone(CLIENT_TIME_ZONE)
            .clientLcid(CLIENT_LCID)
            .hostName(
                cap(
                    s.clientHostName().isEmpty() ? ClientIdentity.hostName() : s.clientHostName(),
                    128))
            .userName(cap(s.user(), 128))
            .password(cap(s.password(), 128))
            .appName(cap(s.appName(), 128))
            .serverName(cap(serverName, 128))
            .cltIntName(CLIENT_INTERFACE)
            .language(cap(nz(e.language()), 128))
            .database(cap(nz(e.database()), 128))
            .clientId(clientId)
            .attachDbFile(cap(nz(e.databaseFilename()), 260));
    if (wire.atLeast(TdsVersion.V7_4)) {
      b.feature(new FeatureExt(FeatureExt.UTF8_SUPPORT, new byte[] {1}));
    }
    return b.build();
  }

  /**
   * A LOGIN7 payload ready to send.
   *
   * @param payload the bytes (position 0)
   * @param passwordFrom the first byte of the obfuscated password
   * @param passwordTo one past its last byte
   */
  public record EncodedLogin(ByteBuffer payload, int passwordFrom, int passwordTo) {}

  /**
   * Encodes {@code login}; with {@code wireVersion} different from the layout's version, the
   * TDSVersion field is replaced afterwards (FreeTDS after the MARS downgrade sends the configured
   * version number in the 7.1 layout).
   */
  public static EncodedLogin encode(Login7 login, int wireVersion) {
    BufferWriter w = new BufferWriter();
    login.encode(w);
    ByteBuffer payload = ByteBuffer.wrap(w.toByteArray()).order(ByteOrder.LITTLE_ENDIAN);
    payload.putInt(4, wireVersion);
    int from = payload.getShort(IB_PASSWORD) & 0xFFFF;
    int chars = payload.getShort(IB_PASSWORD + 2) & 0xFFFF;
    return new EncodedLogin(payload, from, from + 2 * chars);
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }

  private static String cap(String s, int max) {
    return s == null ? "" : s.length() > max ? s.substring(0, max) : s;
  }
}
