package io.jctds.internal.values;

import io.jctds.protocol.type.TypeInfo;

/**
 * {@code Column}'s display and internal sizes of a TYPE_INFO. Display sizes follow the ODBC rules
 * (Microsoft's ODBC reference, "Column Size, Decimal Digits, Transfer Octet Length, and Display
 * Size": signed integers digits + sign, tinyint 3, bit 1, real 14, float 24, decimal precision + 2,
 * character types their length in characters, binary types twice their length, date 10, time 8 or 9
 * + scale, timestamps 19 or 20 + scale, GUID 36) with SQL Server's money (precision 19 and 10,
 * scale 4), smalldatetime (16, as SQL Server's ODBC driver reports it) and datetimeoffset (26 or 27
 * + scale: the timestamp plus " +hh:mm").
 */
public final class Sizes {
  private Sizes() {}

  /** Characters needed to show any value of {@code t}; 0 when unlimited or not defined. */
  public static int display(TypeInfo t) {
    int n = t.maxLength();
    int fraction = t.scale() > 0 ? t.scale() + 1 : 0;
    return switch (t.family()) {
      case NULL, VARIANT, UDT, XML -> 0;
      case BIT -> 1;
      case INTEGER -> n == 1 ? 3 : n == 2 ? 6 : n == 4 ? 11 : 20;
      case FLOAT -> n == 4 ? 14 : 24;
      case DECIMAL -> t.precision() + 2;
      case MONEY -> n == 4 ? 12 : 21;
      case DATETIME -> n == 4 ? 16 : 23;
      case DATE -> 10;
      case TIME -> 8 + fraction;
      case DATETIME2 -> 19 + fraction;
      case DATETIMEOFFSET -> 26 + fraction;
      case GUID -> 36;
      case CHAR -> t.isPlp() || isLong(t) ? 0 : n;
      case NCHAR -> t.isPlp() || isLong(t) ? 0 : n / 2;
      case BINARY -> t.isPlp() || isLong(t) ? 0 : 2 * n;
    };
  }

  /** The declared size in bytes; -1 for the (max) types and xml. */
  public static int internal(TypeInfo t) {
    return t.isPlp() ? -1 : t.maxLength();
  }

  private static boolean isLong(TypeInfo t) {
    return switch (t.type()) {
      case TEXT, NTEXT, IMAGE -> true;
      default -> false;
    };
  }
}
