package io.jctds.server.sql;

import io.jctds.protocol.type.Collation;
import io.jctds.protocol.type.TdsType;
import io.jctds.protocol.type.TypeInfo;

/**
 * The SQL Server type of an expression or column and whether it may be NULL. NOT NULL integers,
 * bit, float and datetime use the fixed-length wire types as SQL Server does; nullable ones the N
 * types.
 *
 * @param type the wire type
 * @param nullable whether NULL is possible
 */
record Typed(TypeInfo type, boolean nullable) {
  /** The server's collation for character columns. */
  static final Collation COLLATION = Collation.SQL_LATIN1_GENERAL_CP1_CI_AS;

  static Typed integer(int size, boolean nullable) {
    if (nullable) {
      return new Typed(TypeInfo.intN(size), true);
    }
    TdsType t =
        switch (size) {
          case 1 -> TdsType.INT1;
          case 2 -> TdsType.INT2;
          case 4 -> TdsType.INT4;
          default -> TdsType.INT8;
        };
    return new Typed(TypeInfo.fixed(t), false);
  }

  static Typed intType(boolean nullable) {
    return integer(4, nullable);
  }

  static Typed nvarchar(int chars, boolean nullable) {
    return new Typed(TypeInfo.nvarchar(Math.max(1, Math.min(chars, 4000)), COLLATION), nullable);
  }

  static Typed varchar(int bytes, boolean nullable) {
    return new Typed(TypeInfo.varchar(Math.max(1, Math.min(bytes, 8000)), COLLATION), nullable);
  }

  static Typed datetime(boolean nullable) {
    return nullable
        ? new Typed(TypeInfo.datetimeN(8), true)
        : new Typed(TypeInfo.fixed(TdsType.DATETIME), false);
  }

  static Typed numeric(int precision, int scale, boolean nullable) {
    return new Typed(TypeInfo.numeric(precision, scale), nullable);
  }

  static Typed float8(boolean nullable) {
    return nullable
        ? new Typed(TypeInfo.fltN(8), true)
        : new Typed(TypeInfo.fixed(TdsType.FLT8), false);
  }

  static Typed varbinary(int bytes, boolean nullable) {
    return new Typed(TypeInfo.varbinary(Math.max(1, Math.min(bytes, 8000))), nullable);
  }

  static Typed guid(boolean nullable) {
    return new Typed(TypeInfo.guid(), nullable);
  }

  static Typed variant() {
    return new Typed(TypeInfo.variant(), true);
  }

  /** The same type, nullable (for the N form of fixed types). */
  Typed asNullable() {
    if (nullable) {
      return this;
    }
    return switch (type.type()) {
      case INT1 -> integer(1, true);
      case INT2 -> integer(2, true);
      case INT4 -> integer(4, true);
      case INT8 -> integer(8, true);
      case FLT8 -> float8(true);
      case DATETIME -> datetime(true);
      default -> new Typed(type, true);
    };
  }

  /** Whether values are character strings. */
  boolean isCharacter() {
    return switch (type.type()) {
      case BIGVARCHAR, BIGCHAR, NVARCHAR, NCHAR, VARCHAR, CHAR -> true;
      default -> false;
    };
  }

  /** Whether values are Unicode strings. */
  boolean isUnicode() {
    return type.type() == TdsType.NVARCHAR || type.type() == TdsType.NCHAR;
  }

  /** Whether values are exact or approximate numbers. */
  boolean isNumeric() {
    return switch (type.type()) {
      case INT1, INT2, INT4, INT8, INTN, FLT8, FLTN, NUMERICN, DECIMALN, BIT, BITN -> true;
      default -> false;
    };
  }

  /** Whether values are integers (tinyint ... bigint). */
  boolean isInteger() {
    return switch (type.type()) {
      case INT1, INT2, INT4, INT8, INTN -> true;
      default -> false;
    };
  }

  /** The declared length in characters of a string type. */
  int characters() {
    return isUnicode() ? type.maxLength() / 2 : type.maxLength();
  }
}
