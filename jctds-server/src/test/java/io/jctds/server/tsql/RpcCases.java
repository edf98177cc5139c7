package io.jctds.server.tsql;

import io.jctds.protocol.BufferWriter;
import io.jctds.protocol.rpc.RpcParameter;
import io.jctds.protocol.rpc.RpcRequest;
import io.jctds.protocol.type.Collation;
import io.jctds.protocol.type.PlpCodec;
import io.jctds.protocol.type.TdsType;
import io.jctds.protocol.type.TypeInfo;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * RPC parameters of every type of issue 7, as a client sends them, with the value a client reads
 * back. The values are each type's limits from "Data types (Transact-SQL)" and its per-type pages
 * (the same sources as interop/EveryType): integer ranges, real +-3.40E+38 and 1.18E-38, float
 * +-1.79E+308 and 2.23E-308, decimal 10^38 - 1, money and smallmoney limits, char/nchar padding,
 * date 0001-01-01 to 9999-12-31, time to 23:59:59.9999999, datetime 1753-01-01 to 9999-12-31
 * 23:59:59.997, smalldatetime 1900-01-01 to 2079-06-06 23:59, datetimeoffset offsets -14:00 to
 * +14:00, uniqueidentifier's example 6F9619FF-8B86-D011-B42D-00C04FC964FF.
 */
final class RpcCases {
  static final Collation LATIN = Collation.SQL_LATIN1_GENERAL_CP1_CI_AS;
  static final TypeInfo NVARCHAR_MAX = TypeInfo.nvarchar(TypeInfo.MAX, LATIN);

  /**
   * One parameter type.
   *
   * @param declaration the type as sp_executesql's @params declares it
   * @param wire the TYPE_INFO a client sends
   * @param max the largest (or longest) value sent, and {@code maxBack} what comes back
   * @param min the smallest (or empty) value sent, and {@code minBack} what comes back
   * @param large whether SQL Server sends it among the large-value outputs ((max), xml, text)
   */
  record Case(
      String declaration,
      TypeInfo wire,
      Object max,
      Object maxBack,
      Object min,
      Object minBack,
      boolean large) {}

  static final List<Case> ALL =
      List.of(
          same("bit", TypeInfo.bitN(), true, false),
          new Case("tinyint", TypeInfo.intN(1), 255, (short) 255, 0, (short) 0, false),
          new Case(
              "smallint", TypeInfo.intN(2), 32767, (short) 32767, -32768, (short) -32768, false),
          same("int", TypeInfo.intN(4), Integer.MAX_VALUE, Integer.MIN_VALUE),
          same("bigint", TypeInfo.intN(8), Long.MAX_VALUE, Long.MIN_VALUE),
          same("real", TypeInfo.fltN(4), 3.40E+38f, -1.18E-38f),
          same("float", TypeInfo.fltN(8), 1.79E+308, -2.23E-308),
          same(
              "decimal(38,0)",
              TypeInfo.decimal(38, 0),
              new BigDecimal("99999999999999999999999999999999999999"),
              new BigDecimal("-99999999999999999999999999999999999999")),
          same(
              "numeric(10,5)",
              TypeInfo.numeric(10, 5),
              new BigDecimal("12345.67891"),
              new BigDecimal("-0.00001")),
          same(
              "money",
              TypeInfo.moneyN(8),
              new BigDecimal("922337203685477.5807"),
              new BigDecimal("-922337203685477.5808")),
          same(
              "smallmoney",
              TypeInfo.moneyN(4),
              new BigDecimal("214748.3647"),
              new BigDecimal("-214748.3648")),
          new Case(
              "char(10)",
              TypeInfo.charType(10, LATIN),
              "abc",
              "abc       ",
              "",
              "          ",
              false),
          same("varchar(10)", TypeInfo.varchar(10, LATIN), "abcdefghij", ""),
          new Case(
              "varchar(max)",
              TypeInfo.varchar(TypeInfo.MAX, LATIN),
              "x".repeat(10_000),
              "x".repeat(10_000),
              "",
              "",
              true),
          new Case("nchar(5)", TypeInfo.nchar(5, LATIN), "żółw", "żółw ", "", "     ", false),
          same("nvarchar(10)", TypeInfo.nvarchar(10, LATIN), "𝄞𝄞𝄞𝄞𝄞", ""),
          new Case("nvarchar(max)", NVARCHAR_MAX, "ż".repeat(5000), "ż".repeat(5000), "", "", true),
          new Case(
              "text",
              TypeInfo.longText(TdsType.TEXT, 0x7FFFFFFF, LATIN),
              "text",
              "text",
              "",
              "",
              true),
          new Case(
              "ntext",
              TypeInfo.longText(TdsType.NTEXT, 0x7FFFFFFE, LATIN),
              "ntext ż",
              "ntext ż",
              "",
              "",
              true),
          new Case(
              "binary(4)",
              TypeInfo.binary(4),
              bytes(1, 2, 3, 4),
              bytes(1, 2, 3, 4),
              bytes(1),
              bytes(1, 0, 0, 0), // "binary and varbinary": binary(n) pads with 0x00
              false),
          same(
              "varbinary(10)",
              TypeInfo.varbinary(10),
              bytes(0, 1, 2, 3, 4, 5, 6, 7, 8, 9),
              bytes()),
          new Case(
              "varbinary(max)",
              TypeInfo.varbinary(TypeInfo.MAX),
              ab(5000),
              ab(5000),
              bytes(),
              bytes(),
              true),
          new Case(
              "image",
              TypeInfo.longText(TdsType.IMAGE, 0x7FFFFFFF, null),
              bytes(0xCA, 0xFE),
              bytes(0xCA, 0xFE),
              bytes(0),
              bytes(0),
              true),
          same("date", TypeInfo.date(), LocalDate.of(9999, 12, 31), LocalDate.of(1, 1, 1)),
          same("time(7)", TypeInfo.time(7), LocalTime.of(23, 59, 59, 999_999_900), LocalTime.MIN),
          same(
              "datetime",
              TypeInfo.datetimeN(8),
              LocalDateTime.of(9999, 12, 31, 23, 59, 59, 997_000_000),
              LocalDateTime.of(1753, 1, 1, 0, 0)),
          same(
              "smalldatetime",
              TypeInfo.datetimeN(4),
              LocalDateTime.of(2079, 6, 6, 23, 59),
              LocalDateTime.of(1900, 1, 1, 0, 0)),
          same(
              "datetime2(7)",
              TypeInfo.datetime2(7),
              LocalDateTime.of(9999, 12, 31, 23, 59, 59, 999_999_900),
              LocalDateTime.of(1, 1, 1, 0, 0)),
          same(
              "datetimeoffset(7)",
              TypeInfo.datetimeOffset(7),
              OffsetDateTime.parse("2007-05-08T12:35:29.1234567+12:15"),
              OffsetDateTime.parse("0001-01-01T00:00-14:00")),
          same(
              "uniqueidentifier",
              TypeInfo.guid(),
              UUID.fromString("6F9619FF-8B86-D011-B42D-00C04FC964FF"),
              new UUID(0, 0)),
          new Case("xml", TypeInfo.xml(), "<a>ż</a>", "<a>ż</a>", "<b/>", "<b/>", true),
          // "sql_variant": the value keeps its base type (int, nvarchar)
          same("sql_variant", TypeInfo.variant(), 42, "abc"));

  private RpcCases() {}

  private static Case same(String declaration, TypeInfo wire, Object max, Object min) {
    return new Case(declaration, wire, max, max, min, min, false);
  }

  static byte[] bytes(int... b) {
    byte[] out = new byte[b.length];
    for (int i = 0; i < b.length; i++) {
      out[i] = (byte) b[i];
    }
    return out;
  }

  /** "ab" repeated {@code n} times, as bytes. */
  static byte[] ab(int n) {
    byte[] out = new byte[2 * n];
    for (int i = 0; i < out.length; i += 2) {
      out[i] = 'a';
      out[i + 1] = 'b';
    }
    return out;
  }

  /** {@code @p1 T1, @p2 T2, ...} for every case (with OUTPUT when {@code output}). */
  static String declarations(String prefix, boolean output) {
    return IntStream.range(0, ALL.size())
        .mapToObj(
            i ->
                "@" + prefix + (i + 1) + " " + ALL.get(i).declaration() + (output ? " OUTPUT" : ""))
        .collect(Collectors.joining(", "));
  }

  /** {@code SELECT @p1 AS c1, @p2 AS c2, ...}. */
  static String selectAll() {
    return "SELECT "
        + IntStream.range(1, ALL.size() + 1)
            .mapToObj(i -> "@p" + i + " AS c" + i)
            .collect(Collectors.joining(", "));
  }

  /** One value of each case: the maximum, the minimum or NULL. */
  static List<RpcParameter> values(String prefix, int which, boolean output) {
    List<RpcParameter> out = new ArrayList<>();
    for (int i = 0; i < ALL.size(); i++) {
      Case c = ALL.get(i);
      Object v = which > 0 ? c.max() : which < 0 ? c.min() : null;
      String name = prefix == null ? "" : "@" + prefix + (i + 1);
      out.add(output ? RpcParameter.output(name, c.wire(), v) : param(name, c.wire(), v));
    }
    return out;
  }

  /**
   * A parameter as a client sends it: text, ntext and image carry a 4-byte length and the data, -1
   * for NULL (tedious's text, ntext and image types; FreeTDS's tds_generic_put for TDS 7+), not the
   * text pointer of a ROW.
   */
  static RpcParameter param(String name, TypeInfo t, Object v) {
    if (t.type() != TdsType.TEXT && t.type() != TdsType.NTEXT && t.type() != TdsType.IMAGE) {
      return RpcParameter.of(name, t, v);
    }
    BufferWriter w = new BufferWriter();
    if (v == null) {
      w.i32(-1);
    } else {
      byte[] data =
          v instanceof byte[] b
              ? b
              : v.toString()
                  .getBytes(
                      t.type() == TdsType.NTEXT
                          ? java.nio.charset.StandardCharsets.UTF_16LE
                          : java.nio.charset.Charset.forName("windows-1252"));
      w.i32(data.length).bytes(data);
    }
    return new RpcParameter(name, 0, t, w.toByteArray());
  }

  /** An nvarchar(max) parameter whose value travels as PLP chunks of {@code chunk} bytes. */
  static RpcParameter chunked(String name, int status, TypeInfo t, byte[] data, int chunk) {
    BufferWriter w = new BufferWriter();
    PlpCodec.writeUnknownLengthHeader(w);
    for (int at = 0; at < data.length; at += chunk) {
      PlpCodec.writeChunk(w, data, at, Math.min(chunk, data.length - at));
    }
    w.i32(0);
    return new RpcParameter(name, status, t, w.toByteArray());
  }

  /** sp_executesql by id: the statement, the declarations (null: none), then the values. */
  static RpcRequest executeSql(String stmt, String params, List<RpcParameter> values) {
    List<RpcParameter> all = new ArrayList<>();
    all.add(RpcParameter.of("", NVARCHAR_MAX, stmt));
    if (params != null) {
      all.add(RpcParameter.of("", NVARCHAR_MAX, params));
    }
    all.addAll(values);
    return RpcRequest.byId(RpcRequest.SP_EXECUTESQL, all);
  }

  /** An nvarchar(max) argument. */
  static RpcParameter text(String name, String value) {
    return RpcParameter.of(name, NVARCHAR_MAX, value);
  }

  /** An int argument. */
  static RpcParameter integer(String name, Integer value) {
    return RpcParameter.of(name, TypeInfo.intN(4), value);
  }

  /** An int OUTPUT argument. */
  static RpcParameter intOutput(String name, Integer value) {
    return RpcParameter.output(name, TypeInfo.intN(4), value);
  }

  /** What comes back for each case: the maxima, minima or NULLs (for assertions). */
  static List<Object> back(int which) {
    return ALL.stream()
        .map(c -> which > 0 ? c.maxBack() : which < 0 ? c.minBack() : null)
        .map(v -> v instanceof byte[] b ? Arrays.toString(b) : v)
        .toList();
  }
}
