package io.jctds.protocol.login;

import io.jctds.protocol.TdsVersion;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds a {@link Login7}. Defaults: TDS 7.4, packet size 4096, OptionFlags1 0xE0, OptionFlags2
 * 0x03, LCID 0x0409, everything else zero or empty. Adding a feature sets {@link
 * Login7#OF3_EXTENSION}.
 */
public final class Login7Builder {
  private int tdsVersion = TdsVersion.V7_4.wire();
  private int packetSize = 4096;
  private int clientProgVer;
  private int clientPid;
  private int connectionId;
  private int optionFlags1 =
      Login7.OF1_SET_LANG_ON | Login7.OF1_USE_DB_ON | Login7.OF1_INIT_DB_FATAL;
  private int optionFlags2 = Login7.OF2_INIT_LANG_FATAL | Login7.OF2_ODBC_ON;
  private int typeFlags;
  private int optionFlags3;
  private int clientTimeZone;
  private int clientLcid = 0x0409;
  private String hostName = "";
  private String userName = "";
  private String password = "";
  private String appName = "";
  private String serverName = "";
  private String cltIntName = "";
  private String language = "";
  private String database = "";
  private byte[] clientId = new byte[6];
  private byte[] sspi = new byte[0];
  private String attachDbFile = "";
  private String changePassword = "";
  private final List<FeatureExt> features = new ArrayList<>();

  Login7Builder() {}

  Login7Builder(Login7 l) {
    tdsVersion = l.tdsVersion();
    packetSize = l.packetSize();
    clientProgVer = l.clientProgVer();
    clientPid = l.clientPid();
    connectionId = l.connectionId();
    optionFlags1 = l.optionFlags1();
    optionFlags2 = l.optionFlags2();
    typeFlags = l.typeFlags();
    optionFlags3 = l.optionFlags3();
    clientTimeZone = l.clientTimeZone();
    clientLcid = l.clientLcid();
    hostName = l.hostName();
    userName = l.userName();
    password = l.password();
    appName = l.appName();
    serverName = l.serverName();
    cltIntName = l.cltIntName();
    language = l.language();
    database = l.database();
    clientId = l.clientId();
    sspi = l.sspi();
    attachDbFile = l.attachDbFile();
    changePassword = l.changePassword();
    features.addAll(l.features());
  }

  /** TDSVersion DWORD. */
  public Login7Builder tdsVersion(int v) {
    tdsVersion = v;
    return this;
  }

  /** TDSVersion from the enum. */
  public Login7Builder tdsVersion(TdsVersion v) {
    return tdsVersion(v.wire());
  }

  /** Requested packet size. */
  public Login7Builder packetSize(int v) {
    packetSize = v;
    return this;
  }

  /** ClientProgVer DWORD. */
  public Login7Builder clientProgVer(int v) {
    clientProgVer = v;
    return this;
  }

  /** ClientPID. */
  public Login7Builder clientPid(int v) {
    clientPid = v;
    return this;
  }

  /** ConnectionID. */
  public Login7Builder connectionId(int v) {
    connectionId = v;
    return this;
  }

  /** OptionFlags1. */
  public Login7Builder optionFlags1(int v) {
    optionFlags1 = v & 0xFF;
    return this;
  }

  /** OptionFlags2. */
  public Login7Builder optionFlags2(int v) {
    optionFlags2 = v & 0xFF;
    return this;
  }

  /** TypeFlags. */
  public Login7Builder typeFlags(int v) {
    typeFlags = v & 0xFF;
    return this;
  }

  /** OptionFlags3. */
  public Login7Builder optionFlags3(int v) {
    optionFlags3 = v & 0xFF;
    return this;
  }

  int optionFlags3() {
    return optionFlags3;
  }

  /** ClientTimeZone in minutes. */
  public Login7Builder clientTimeZone(int v) {
    clientTimeZone = v;
    return this;
  }

  /** ClientLCID. */
  public Login7Builder clientLcid(int v) {
    clientLcid = v;
    return this;
  }

  /** HostName. */
  public Login7Builder hostName(String v) {
    hostName = v;
    return this;
  }

  /** UserName. */
  public Login7Builder userName(String v) {
    userName = v;
    return this;
  }

  /** Password (obfuscated on the wire, never shown by toString). */
  public Login7Builder password(String v) {
    password = v;
    return this;
  }

  /** AppName. */
  public Login7Builder appName(String v) {
    appName = v;
    return this;
  }

  /** ServerName. */
  public Login7Builder serverName(String v) {
    serverName = v;
    return this;
  }

  /** CltIntName (client interface library). */
  public Login7Builder cltIntName(String v) {
    cltIntName = v;
    return this;
  }

  /** Language. */
  public Login7Builder language(String v) {
    language = v;
    return this;
  }

  /** Database. */
  public Login7Builder database(String v) {
    database = v;
    return this;
  }

  /** ClientID (6 bytes). */
  public Login7Builder clientId(byte[] v) {
    clientId = v;
    return this;
  }

  /** SSPI data. */
  public Login7Builder sspi(byte[] v) {
    sspi = v;
    return this;
  }

  /** AtchDBFile. */
  public Login7Builder attachDbFile(String v) {
    attachDbFile = v;
    return this;
  }

  /** ChangePassword (also set {@link Login7#OF3_CHANGE_PASSWORD}). */
  public Login7Builder changePassword(String v) {
    changePassword = v;
    return this;
  }

  /** Replaces the feature list; a non-empty list sets {@link Login7#OF3_EXTENSION}. */
  public Login7Builder features(List<FeatureExt> v) {
    features.clear();
    v.forEach(this::feature);
    return this;
  }

  /** Adds a feature and sets {@link Login7#OF3_EXTENSION}. */
  public Login7Builder feature(FeatureExt f) {
    features.add(f);
    optionFlags3 |= Login7.OF3_EXTENSION;
    return this;
  }

  /** Builds the message. */
  public Login7 build() {
    return new Login7(
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
        password,
        appName,
        serverName,
        cltIntName,
        language,
        database,
        clientId,
        sspi,
        attachDbFile,
        changePassword,
        features);
  }

  @Override
  public String toString() {
    return "Login7Builder for " + build();
  }
}
