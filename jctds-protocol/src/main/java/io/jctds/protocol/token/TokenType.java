package io.jctds.protocol.token;

/** Token type bytes of the tabular result stream ([MS-TDS] 2.2.7). */
public final class TokenType {
  private TokenType() {}

  /** OFFSET (legacy). */
  public static final int OFFSET = 0x78;

  /** RETURNSTATUS. */
  public static final int RETURNSTATUS = 0x79;

  /** COLMETADATA. */
  public static final int COLMETADATA = 0x81;

  /** ALTMETADATA (COMPUTE BY, removed in SQL Server 2012). */
  public static final int ALTMETADATA = 0x88;

  /** DATACLASSIFICATION. */
  public static final int DATACLASSIFICATION = 0xA3;

  /** TABNAME. */
  public static final int TABNAME = 0xA4;

  /** COLINFO. */
  public static final int COLINFO = 0xA5;

  /** ORDER. */
  public static final int ORDER = 0xA9;

  /** ERROR. */
  public static final int ERROR = 0xAA;

  /** INFO. */
  public static final int INFO = 0xAB;

  /** RETURNVALUE. */
  public static final int RETURNVALUE = 0xAC;

  /** LOGINACK. */
  public static final int LOGINACK = 0xAD;

  /** FEATUREEXTACK. */
  public static final int FEATUREEXTACK = 0xAE;

  /** ROW. */
  public static final int ROW = 0xD1;

  /** NBCROW (null-bitmap compressed row, TDS 7.3+). */
  public static final int NBCROW = 0xD2;

  /** ALTROW (COMPUTE BY). */
  public static final int ALTROW = 0xD3;

  /** ENVCHANGE. */
  public static final int ENVCHANGE = 0xE3;

  /** SESSIONSTATE. */
  public static final int SESSIONSTATE = 0xE4;

  /** SSPI. */
  public static final int SSPI = 0xED;

  /** FEDAUTHINFO. */
  public static final int FEDAUTHINFO = 0xEE;

  /** DONE. */
  public static final int DONE = 0xFD;

  /** DONEPROC. */
  public static final int DONEPROC = 0xFE;

  /** DONEINPROC. */
  public static final int DONEINPROC = 0xFF;

  /** A name for messages and dumps. */
  public static String name(int type) {
    return switch (type) {
      case OFFSET -> "OFFSET";
      case RETURNSTATUS -> "RETURNSTATUS";
      case COLMETADATA -> "COLMETADATA";
      case ALTMETADATA -> "ALTMETADATA";
      case DATACLASSIFICATION -> "DATACLASSIFICATION";
      case TABNAME -> "TABNAME";
      case COLINFO -> "COLINFO";
      case ORDER -> "ORDER";
      case ERROR -> "ERROR";
      case INFO -> "INFO";
      case RETURNVALUE -> "RETURNVALUE";
      case LOGINACK -> "LOGINACK";
      case FEATUREEXTACK -> "FEATUREEXTACK";
      case ROW -> "ROW";
      case NBCROW -> "NBCROW";
      case ALTROW -> "ALTROW";
      case ENVCHANGE -> "ENVCHANGE";
      case SESSIONSTATE -> "SESSIONSTATE";
      case SSPI -> "SSPI";
      case FEDAUTHINFO -> "FEDAUTHINFO";
      case DONE -> "DONE";
      case DONEPROC -> "DONEPROC";
      case DONEINPROC -> "DONEINPROC";
      default -> String.format("0x%02X", type);
    };
  }
}
