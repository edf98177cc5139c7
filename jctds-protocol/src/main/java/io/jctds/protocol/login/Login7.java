package io.jctds.protocol.login;

import io.jctds.protocol.TdsProtocolException;
import io.jctds.protocol.TdsWriter;
import io.jctds.protocol.Wire;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The LOGIN7 message ([MS-TDS] 2.2.6.4), packet type 0x10: a fixed part (lengths, versions, flags,
 * then an offset/length table) followed by UCS-2 strings and, when {@link #OF3_EXTENSION} is set, a
 * FeatureExt block whose offset is stored in a DWORD that {@code ibExtension} points to.
 *
 * <p>Two fixed-part layouts exist: 94 bytes (TDS 7.2+, with ChangePassword and cbSSPILong) and 86
 * bytes (TDS 7.0/7.1 clients such as jTDS 1.3.1 and FreeTDS downgraded to 7.1). {@link #decode}
 * recognises the layout from the offsets; {@link #encode} writes the 94-byte layout unless the
 * version is 7.0 or 7.1.
 *
 * <p>{@link #toString()} never shows the password or new password. Build instances with {@link
 * #builder()}.
 *
 * @param tdsVersion TDSVersion DWORD, e.g. {@code TdsVersion.V7_4.wire()}
 * @param packetSize requested packet size
 * @param clientProgVer client program version DWORD (little-endian on the wire)
 * @param clientPid client process id
 * @param connectionId connection id (0)
 * @param optionFlags1 OptionFlags1, see {@code OF1_}
 * @param optionFlags2 OptionFlags2, see {@code OF2_}
 * @param typeFlags TypeFlags, see {@code TYPE_}
 * @param optionFlags3 OptionFlags3, see {@code OF3_}
 * @param clientTimeZone minutes from UTC (signed)
 * @param clientLcid client LCID (collation)
 * @param hostName client host name
 * @param userName SQL login name
 * @param password SQL login password (obfuscated on the wire, never shown)
 * @param appName application name
 * @param serverName server name the client connected to
 * @param cltIntName client interface library name, e.g. "DB-Library"
 * @param language initial language
 * @param database initial database
 * @param clientId 6 bytes, usually the client's MAC address
 * @param sspi SSPI / NTLM token bytes
 * @param attachDbFile database file to attach
 * @param changePassword new password (7.2+ layout only), never shown
 * @param features FeatureExt list; written only when {@link #OF3_EXTENSION} is set
 */
public record Login7(
    int tdsVersion,
    int packetSize,
    int clientProgVer,
    int clientPid,
    int connectionId,
    int optionFlags1,
    int optionFlags2,
    int typeFlags,
    int optionFlags3,
    int clientTimeZone,
    int clientLcid,
    String hostName,
    String userName,
    String password,
    String appName,
    String serverName,
    String cltIntName,
    String language,
    String database,
    byte[] clientId,
    byte[] sspi,
    String attachDbFile,
    String changePassword,
    List<FeatureExt> features) {

  /** OptionFlags1: fDumpLoad off (no bulk copy). */
  public static final int OF1_DUMPLOAD_OFF = 0x10;

  /** OptionFlags1: fUseDB, notify of database changes. */
  public static final int OF1_USE_DB_ON = 0x20;

  /** OptionFlags1: fDatabase, failing to change to the initial database is fatal. */
  public static final int OF1_INIT_DB_FATAL = 0x40;

  /** OptionFlags1: fSetLang, notify of language changes. */
  public static final int OF1_SET_LANG_ON = 0x80;

  /** OptionFlags2: fLanguage, failing to set the initial language is fatal. */
  public static final int OF2_INIT_LANG_FATAL = 0x01;

  /** OptionFlags2: fODBC, apply ODBC session defaults. */
  public static final int OF2_ODBC_ON = 0x02;

  /** OptionFlags2: fIntSecurity, integrated (SSPI/NTLM/Kerberos) authentication. */
  public static final int OF2_INTEGRATED_SECURITY = 0x80;

  /** TypeFlags: fSQLType = TSQL. */
  public static final int TYPE_SQL_TSQL = 0x01;

  /** TypeFlags: fOLEDB. */
  public static final int TYPE_OLEDB = 0x10;

  /** TypeFlags: fReadOnlyIntent (7.4; FreeTDS sends it from 7.1). */
  public static final int TYPE_READ_ONLY_INTENT = 0x20;

  /** OptionFlags3: fChangePassword. */
  public static final int OF3_CHANGE_PASSWORD = 0x01;

  /** OptionFlags3: fSendYukonBinaryXML. */
  public static final int OF3_BINARY_XML = 0x02;

  /** OptionFlags3: fUserInstance. */
  public static final int OF3_USER_INSTANCE = 0x04;

  /** OptionFlags3: fUnknownCollationHandling. */
  public static final int OF3_UNKNOWN_COLLATION_HANDLING = 0x08;

  /** OptionFlags3: fExtension, ibExtension points to the FeatureExt offset. */
  public static final int OF3_EXTENSION = 0x10;

  /** Fixed part of the TDS 7.2+ layout. */
  public static final int FIXED_LENGTH = 94;

  /** Fixed part of the TDS 7.0/7.1 layout (no ChangePassword, no cbSSPILong). */
  public static final int FIXED_LENGTH_71 = 86;

  private static final String MASK = "********";

  /** Normalises nulls to empty values and copies arrays. */
  public Login7 {
    hostName = nz(hostName);
    userName = nz(userName);
    password = nz(password);
    appName = nz(appName);
    serverName = nz(serverName);
    cltIntName = nz(cltIntName);
    language = nz(language);
    database = nz(database);
    attachDbFile = nz(attachDbFile);
    changePassword = nz(changePassword);
    clientId = clientId == null ? new byte[6] : clientId.clone();
    if (clientId.length != 6) {
      throw new IllegalArgumentException("ClientID must be 6 bytes, got " + clientId.length);
    }
    sspi = sspi == null ? new byte[0] : sspi.clone();
    features = features == null ? List.of() : List.copyOf(features);
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }

  /** A builder with FreeTDS-like defaults for TDS 7.4. */
  public static Login7Builder builder() {
    return new Login7Builder();
  }

  /** A builder initialised from this message. */
  public Login7Builder toBuilder() {
    return new Login7Builder(this);
  }

  @Override
  public byte[] clientId() {
    return clientId.clone();
  }

  @Override
  public byte[] sspi() {
    return sspi.clone();
  }

  /** Whether {@link #encode} writes the 94-byte (TDS 7.2+) fixed part. */
  public boolean longLayout() {
    int major = tdsVersion >>> 24;
    boolean old = major == 0x70 || major == 0x71 || major == 0x07;
    return !old || !changePassword.isEmpty() || sspi.length > 0xFFFF;
  }

  /** Whether the FeatureExt block is present (OptionFlags3 bit 0x10). */
  public boolean hasExtension() {
    return (optionFlags3 & OF3_EXTENSION) != 0;
  }

  /** The first feature with {@code id}, or null. */
  public FeatureExt feature(int id) {
    for (FeatureExt f : features) {
      if (f.id() == id) {
        return f;
      }
    }
    return null;
  }

  /** Size of the encoded payload in bytes. */
  public int encodedLength() {
    return Login7Codec.encodedLength(this);
  }

  /** Writes the LOGIN7 payload (without the packet header). */
  public void encode(TdsWriter out) {
    Login7Codec.encode(this, out);
  }

  /**
   * Decodes a LOGIN7 payload from the buffer's position; the position moves past the Length the
   * message declares.
   *
   * @throws TdsProtocolException if the payload is malformed
   */
  public static Login7 decode(ByteBuffer in) {
    return Login7Codec.decode(in);
  }

  /**
   * Obfuscates a password the LOGIN7 way: UTF-16LE, then each byte has its nibbles swapped and is
   * XORed with 0xA5. This is not encryption.
   */
  public static byte[] obfuscate(String password) {
    byte[] b = password.getBytes(java.nio.charset.StandardCharsets.UTF_16LE);
    for (int i = 0; i < b.length; i++) {
      int v = b[i] & 0xFF;
      b[i] = (byte) (((v << 4) | (v >>> 4)) ^ 0xA5);
    }
    return b;
  }

  /** Reverses {@link #obfuscate}: XOR 0xA5, swap nibbles, decode UTF-16LE. */
  public static String deobfuscate(byte[] wire) {
    byte[] b = wire.clone();
    for (int i = 0; i < b.length; i++) {
      int v = (b[i] & 0xFF) ^ 0xA5;
      b[i] = (byte) ((v << 4) | (v >>> 4));
    }
    String s = new String(b, java.nio.charset.StandardCharsets.UTF_16LE);
    Arrays.fill(b, (byte) 0);
    return s;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Login7 l
        && tdsVersion == l.tdsVersion
        && packetSize == l.packetSize
        && clientProgVer == l.clientProgVer
        && clientPid == l.clientPid
        && connectionId == l.connectionId
        && optionFlags1 == l.optionFlags1
        && optionFlags2 == l.optionFlags2
        && typeFlags == l.typeFlags
        && optionFlags3 == l.optionFlags3
        && clientTimeZone == l.clientTimeZone
        && clientLcid == l.clientLcid
        && List.of(hostName, userName, password, appName, serverName, cltIntName)
            .equals(
                List.of(l.hostName, l.userName, l.password, l.appName, l.serverName, l.cltIntName))
        && List.of(language, database, attachDbFile, changePassword)
            .equals(List.of(l.language, l.database, l.attachDbFile, l.changePassword))
        && Arrays.equals(clientId, l.clientId)
        && Arrays.equals(sspi, l.sspi)
        && features.equals(l.features);
  }

  @Override
  public int hashCode() {
    return Objects.hash(tdsVersion, packetSize, clientPid, hostName, userName, appName, database)
        ^ Arrays.hashCode(sspi);
  }

  /** Everything but the secrets: the password and new password show as a fixed mask. */
  @Override
  public String toString() {
    return String.format(
        "Login7[tdsVersion=0x%08X packetSize=%d clientProgVer=0x%08X clientPid=%d connectionId=%d"
            + " optionFlags1=0x%02X optionFlags2=0x%02X typeFlags=0x%02X optionFlags3=0x%02X"
            + " clientTimeZone=%d clientLcid=0x%08X hostName=%s userName=%s password=%s appName=%s"
            + " serverName=%s cltIntName=%s language=%s database=%s clientId=%s sspi=%d bytes"
            + " attachDbFile=%s changePassword=%s features=%s]",
        tdsVersion,
        packetSize,
        clientProgVer,
        clientPid,
        connectionId,
        optionFlags1,
        optionFlags2,
        typeFlags,
        optionFlags3,
        clientTimeZone,
        clientLcid,
        hostName,
        userName,
        password.isEmpty() ? "" : MASK,
        appName,
        serverName,
        cltIntName,
        language,
        database,
        Wire.hex(ByteBuffer.wrap(clientId)).replace(' ', ':'),
        sspi.length,
        attachDbFile,
        changePassword.isEmpty() ? "" : MASK,
        features);
  }
}
