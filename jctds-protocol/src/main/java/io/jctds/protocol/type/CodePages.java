package io.jctds.protocol.type;

/**
 * Code pages of SQL Server collations: by SQL sort id and by Windows LCID. Derived from the
 * documented collation list (sys.fn_helpcollations, COLLATIONPROPERTY(..., 'CodePage')).
 */
final class CodePages {
  private CodePages() {}

  /** Code page of a SQL collation sort id; 1252 when unknown. */
  static int forSortId(int sortId) {
    if (sortId >= 30 && sortId <= 35) {
      return 437;
    }
    if (sortId >= 50 && sortId <= 54 || sortId >= 71 && sortId <= 75) {
      return 1252;
    }
    if (sortId >= 40 && sortId <= 61) {
      return 850;
    }
    if (sortId >= 80 && sortId <= 98) {
      return 1250;
    }
    if (sortId >= 104 && sortId <= 108) {
      return 1251;
    }
    if (sortId >= 112 && sortId <= 124) {
      return 1253;
    }
    return forSortIdHigh(sortId);
  }

  private static int forSortIdHigh(int sortId) {
    if (sortId >= 128 && sortId <= 130) {
      return 1254;
    }
    if (sortId >= 136 && sortId <= 138) {
      return 1255;
    }
    if (sortId >= 144 && sortId <= 146) {
      return 1256;
    }
    if (sortId >= 152 && sortId <= 160) {
      return 1257;
    }
    return switch (sortId) {
      case 192, 193, 200 -> 932;
      case 194, 195, 201 -> 949;
      case 196, 197, 202 -> 950;
      case 198, 199, 203 -> 936;
      case 204, 205, 206 -> 874;
      default -> 1252; // 183-186 (Nordic CP1), 210-217 (EBCDIC on CP1) and unknown ids
    };
  }

  /** Code page of a Windows LCID (low 16 bits); 0 for Unicode-only locales, else 1252. */
  static int forLcid(int lcid) {
    int lang = lcid & 0x3FF;
    return switch (lang) {
      case 0x04 -> lcid == 0x0804 || lcid == 0x1004 ? 936 : 950;
      case 0x1A -> lcid == 0x0C1A || lcid == 0x1C1A || lcid == 0x201A ? 1251 : 1250;
      case 0x2C, 0x43 -> lcid >>> 10 == 2 ? 1251 : 1254;
      case 0x01, 0x20, 0x29, 0x80, 0x8C -> 1256;
      case 0x02, 0x19, 0x22, 0x23, 0x28, 0x2F, 0x3F, 0x40, 0x44, 0x50, 0x6D, 0x85 -> 1251;
      case 0x05, 0x0E, 0x15, 0x18, 0x1B, 0x1C, 0x24, 0x42 -> 1250;
      case 0x08 -> 1253;
      case 0x0D -> 1255;
      case 0x11 -> 932;
      case 0x12 -> 949;
      case 0x1E -> 874;
      case 0x1F -> 1254;
      case 0x25, 0x26, 0x27 -> 1257;
      case 0x2A -> 1258;
      case 0x39, 0x3A, 0x45, 0x46, 0x47, 0x48, 0x49, 0x4A, 0x4B, 0x4C, 0x4D, 0x4E, 0x4F -> 0;
      case 0x51, 0x53, 0x54, 0x57, 0x5A, 0x5B, 0x61, 0x63, 0x65, 0x81 -> 0;
      default -> 1252;
    };
  }
}
