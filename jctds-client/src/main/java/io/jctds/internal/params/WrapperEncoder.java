package io.jctds.internal.params;

import io.jctds.DataError;
import io.jctds.InterfaceError;
import io.jctds.SqlBigInt;
import io.jctds.SqlBinary;
import io.jctds.SqlChar;
import io.jctds.SqlDate;
import io.jctds.SqlDateTime;
import io.jctds.SqlDecimal;
import io.jctds.SqlInt;
import io.jctds.SqlMoney;
import io.jctds.SqlNChar;
import io.jctds.SqlNVarChar;
import io.jctds.SqlSmallInt;
import io.jctds.SqlTinyInt;
import io.jctds.SqlValue;
import io.jctds.SqlVarBinary;
import io.jctds.SqlVarChar;
import io.jctds.SqlVariant;
import io.jctds.SqlXml;
import io.jctds.protocol.type.Collation;
import io.jctds.protocol.type.TdsType;
import io.jctds.protocol.type.TypeInfo;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.util.function.IntFunction;

/** Encodes the {@link SqlValue} wrappers: their declared type, their value checked against it. */
final class WrapperEncoder {
  private WrapperEncoder() {}

  static Encoded encode(SqlValue<?> w, EncodeContext ctx) {
    Collation c = ctx.collation();
    if (w instanceof SqlVarChar s) {
      byte[] b = s.isNull() ? null : codePage(s.value(), c);
      int n = size(s.size(), b == null ? 0 : b.length, ParamEncoder.VARBYTE_MAX_N, "varchar", w);
      TypeInfo t =
          variable(
              n, ctx, w, m -> TypeInfo.varchar(m, c), TypeInfo.longText(TdsType.TEXT, LONG, c));
      return ParamEncoder.of(t, b);
    } else if (w instanceof SqlNVarChar s) {
      int len = s.isNull() ? 0 : s.value().length();
      int n = size(s.size(), len, ParamEncoder.NVARCHAR_MAX_N, "nvarchar", w);
      TypeInfo t =
          variable(
              n, ctx, w, m -> TypeInfo.nvarchar(m, c), TypeInfo.longText(TdsType.NTEXT, LONG, c));
      return ParamEncoder.of(t, s.value());
    } else if (w instanceof SqlChar s) {
      byte[] b = s.isNull() ? null : codePage(s.value(), c);
      int n = fixedSize(s.size(), b == null ? 1 : b.length, ParamEncoder.VARBYTE_MAX_N, "char", w);
      return ParamEncoder.of(TypeInfo.charType(n, c), b);
    } else if (w instanceof SqlNChar s) {
      int len = s.isNull() ? 1 : s.value().length();
      int n = fixedSize(s.size(), len, ParamEncoder.NVARCHAR_MAX_N, "nchar", w);
      return ParamEncoder.of(TypeInfo.nchar(n, c), s.value());
    } else if (w instanceof SqlBinary s) {
      int len = s.isNull() ? 1 : s.value().length;
      int n = fixedSize(s.size(), len, ParamEncoder.VARBYTE_MAX_N, "binary", w);
      return ParamEncoder.of(TypeInfo.binary(n), s.value());
    } else if (w instanceof SqlVarBinary s) {
      int len = s.isNull() ? 0 : s.value().length;
      int n = size(s.size(), len, ParamEncoder.VARBYTE_MAX_N, "varbinary", w);
      TypeInfo t =
          variable(n, ctx, w, TypeInfo::varbinary, TypeInfo.longText(TdsType.IMAGE, LONG, null));
      return ParamEncoder.of(t, s.value());
    }
    return encodeFixed(w, ctx);
  }

  private static Encoded encodeFixed(SqlValue<?> w, EncodeContext ctx) {
    if (w instanceof SqlDecimal d) {
      return ParamEncoder.of(TypeInfo.decimal(d.precision(), d.scale()), d.value());
    } else if (w instanceof SqlTinyInt) {
      return ParamEncoder.of(TypeInfo.intN(1), w.value());
    } else if (w instanceof SqlSmallInt) {
      return ParamEncoder.of(TypeInfo.intN(2), w.value());
    } else if (w instanceof SqlInt) {
      return ParamEncoder.of(TypeInfo.intN(4), w.value());
    } else if (w instanceof SqlBigInt) {
      return ParamEncoder.of(TypeInfo.intN(8), w.value());
    } else if (w instanceof SqlMoney) {
      return ParamEncoder.of(TypeInfo.moneyN(8), w.value());
    } else if (w instanceof SqlDateTime) {
      return ParamEncoder.of(TypeInfo.datetimeN(8), w.value());
    } else if (w instanceof SqlDate d) {
      if (!ctx.hasDateTypes()) {
        return ParamEncoder.nvarchar(d.isNull() ? null : Literals.of(d.value()), ctx);
      }
      return ParamEncoder.of(TypeInfo.date(), d.value());
    } else if (w instanceof SqlXml x) {
      TypeInfo t =
          ctx.hasMax()
              ? TypeInfo.xml()
              : TypeInfo.longText(TdsType.NTEXT, 0x3FFFFFFF, ctx.collation());
      return ParamEncoder.of(t, x.value());
    } else if (w instanceof SqlVariant v) {
      return variant(v);
    }
    throw new InterfaceError("unknown wrapper " + w.getClass().getName());
  }

  private static Encoded variant(SqlVariant v) {
    try {
      return ParamEncoder.of(TypeInfo.variant(), v.value());
    } catch (IllegalArgumentException e) {
      if (e.getMessage().contains("cannot be written")) {
        throw new InterfaceError(
            "a " + v.value().getClass().getName() + " cannot be sent as sql_variant", null, e);
      }
      throw e;
    }
  }

  /** The declared size of a variable-length type: the wrapper's, else n or MAX by length. */
  private static int size(int declared, int length, int limit, String type, SqlValue<?> w) {
    if (declared == 0) {
      return length <= limit ? limit : SqlValue.MAX;
    }
    if (declared != SqlValue.MAX && length > declared) {
      throw tooLong(type, declared, length, w);
    }
    return declared;
  }

  private static int fixedSize(int declared, int length, int limit, String type, SqlValue<?> w) {
    int n = declared == 0 ? Math.max(length, 1) : declared;
    if (length > n || length > limit) {
      throw tooLong(type, n, length, w);
    }
    return n;
  }

  private static DataError tooLong(String type, int n, int length, SqlValue<?> w) {
    String unit = type.startsWith("n") ? " UTF-16 units" : " bytes";
    return new DataError(
        w + " does not fit " + type + "(" + n + "): the value has " + length + unit);
  }

  /** The largest value text, ntext and image declare. */
  private static final int LONG = 0x3FFFFFFF;

  /**
   * The TYPE_INFO of a variable-length wrapper of declared size {@code n}: n (in characters for
   * nvarchar), or (max) — which TDS 7.1 lacks: there an unsized long value is text, ntext or image
   * ({@code legacy}), and an explicit MAX is a DataError.
   */
  private static TypeInfo variable(
      int n, EncodeContext ctx, SqlValue<?> w, IntFunction<TypeInfo> sized, TypeInfo legacy) {
    if (n != SqlValue.MAX) {
      return sized.apply(n);
    }
    if (ctx.hasMax()) {
      return sized.apply(TypeInfo.MAX);
    }
    if (w.size() == 0) {
      return legacy;
    }
    throw new DataError(w + " needs a (max) type, which TDS " + ctx.version() + " lacks");
  }

  /**
   * {@code s} in the collation's code page; a character the code page cannot hold is a DataError
   * naming it (never the '?' a replacing encoder would send).
   */
  static byte[] codePage(String s, Collation c) {
    CharsetEncoder enc =
        c.charset()
            .newEncoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    CharBuffer in = CharBuffer.wrap(s);
    ByteBuffer out = ByteBuffer.allocate((int) Math.ceil(s.length() * enc.maxBytesPerChar()) + 8);
    CoderResult r = enc.encode(in, out, true);
    if (!r.isError()) {
      r = enc.flush(out);
    }
    if (r.isError()) {
      int at = in.position();
      int cp = s.codePointAt(at);
      throw new DataError(
          String.format(
              "the character '%s' (U+%04X) at index %d cannot be encoded in code page %d of the"
                  + " server collation; send the value as nvarchar (a String or SqlNVarChar)",
              new String(Character.toChars(cp)), cp, at, c.codePage()));
    }
    out.flip();
    byte[] b = new byte[out.remaining()];
    out.get(b);
    return b;
  }
}
