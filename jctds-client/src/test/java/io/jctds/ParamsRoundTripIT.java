package io.jctds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jctds.config.ConfigResolver;
import io.jctds.internal.params.EncodeContext;
import io.jctds.internal.params.Rpcs;
import io.jctds.protocol.rpc.RpcRequest;
import io.jctds.protocol.token.ColMetadata;
import io.jctds.protocol.token.Row;
import io.jctds.protocol.token.Token;
import io.jctds.server.EncryptionPolicy;
import io.jctds.server.TdsServer;
import io.jctds.session.ResponseStream;
import io.jctds.session.Session;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every parameter encoding sent through sp_executesql ({@code SELECT :0}) to the embedded server
 * reads back equal, with the declared type as the column's type (SELECT of a parameter has the
 * parameter's type, "sp_executesql (Transact-SQL)"). The RPCs are built by {@link Rpcs} and sent by
 * {@link Session#call}; the same value goes over TDS 7.4 and, for the down-level forms (ntext,
 * image, nvarchar literals for date and time), TDS 7.1.
 */
class ParamsRoundTripIT {
  private static TdsServer server;

  @TempDir static Path dir;

  @BeforeAll
  static void start() throws Exception {
    server =
        TdsServer.builder()
            .port(0)
            .encryption(EncryptionPolicy.OFF)
            .user("u", "pw")
            .build()
            .start();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static Connection connect(String tdsVersion) throws Exception {
    Path conf =
        Files.writeString(
            dir.resolve("freetds-" + tdsVersion + ".conf"),
            "[s]\nhost = 127.0.0.1\nport = "
                + server.port()
                + "\ntds version = "
                + tdsVersion
                + "\nencryption = off\n");
    ConfigResolver r =
        ConfigResolver.builder()
            .environment(Map.of("FREETDSCONF", conf.toString()))
            .userHome(null)
            .systemFiles(List.of())
            .interfacesDirectory(dir.resolve("none"))
            .build();
    return Jctds.connect(
        "s", ConnectOptions.builder().user("u").password("pw").configResolver(r).build());
  }

  /** The columns' SQL type names, then the values of the first row. */
  private static List<Object> run(Connection c, RpcRequest call) {
    ResponseStream rs = c.session().call(List.of(call));
    List<Object> out = new ArrayList<>();
    Token t;
    while ((t = rs.next()) != null) {
      if (t instanceof ColMetadata md && out.isEmpty()) {
        md.columns().forEach(col -> out.add(col.typeInfo().sqlName()));
      } else if (t instanceof Row row && out.size() == row.size()) {
        for (int i = 0; i < row.size(); i++) {
          out.add(row.getObject(i));
        }
      }
    }
    return out;
  }

  private static EncodeContext ctx(Connection c) {
    return new EncodeContext(c.session().version(), c.session().collation());
  }

  /** SELECT :0 with {@code value}: [type name, value]. */
  private static List<Object> select(Connection c, Object value) {
    return run(c, Rpcs.executeSql("SELECT :0", Arrays.asList(value), ctx(c)));
  }

  private static void roundTrips(Connection c, Object value, String type, Object expected) {
    List<Object> r = select(c, value);
    assertThat(r).as("SELECT of %s", value).hasSize(2);
    assertThat(r.get(0)).as("type of %s", value).isEqualTo(type);
    Object got = r.get(1);
    if (expected instanceof Number n && got instanceof Number g && !(n instanceof BigDecimal)) {
      assertThat(g.doubleValue()).as("value of %s", value).isEqualTo(n.doubleValue());
    } else {
      assertThat(got).as("value of %s", value).isEqualTo(expected);
    }
  }

  @Test
  void javaValuesOverTds74() throws Exception {
    try (Connection c = connect("7.4")) {
      roundTrips(c, null, "nvarchar(4000)", null);
      roundTrips(c, true, "bit", true);
      roundTrips(c, (byte) -5, "smallint", -5);
      roundTrips(c, (short) -32768, "smallint", -32768);
      roundTrips(c, Integer.MIN_VALUE, "int", Integer.MIN_VALUE);
      roundTrips(c, Long.MAX_VALUE, "bigint", Long.MAX_VALUE);
      roundTrips(c, 1.5f, "real", 1.5);
      roundTrips(c, -1.0e300, "float", -1.0e300);
      BigDecimal max = new BigDecimal("-" + "9".repeat(38));
      roundTrips(c, max, "decimal(38,0)", max);
      roundTrips(c, new BigDecimal("1.5E-3"), "decimal(38,4)", new BigDecimal("0.0015"));
      roundTrips(c, new BigDecimal("12345.67891"), "decimal(38,5)", new BigDecimal("12345.67891"));
      roundTrips(
          c, BigInteger.TEN.pow(30), "decimal(38,0)", new BigDecimal(BigInteger.TEN.pow(30)));
      roundTrips(c, "", "nvarchar(4000)", "");
      roundTrips(c, "żółw 😀", "nvarchar(4000)", "żółw 😀");
      String longText = "ab".repeat(3000);
      roundTrips(c, longText, "nvarchar(max)", longText);
      roundTrips(c, new char[] {'h', 'i'}, "nvarchar(4000)", "hi");
      UUID u = UUID.fromString("6f9619ff-8b86-d011-b42d-00c04fc964ff");
      roundTrips(c, u, "uniqueidentifier", u);
    }
  }

  @Test
  void binaryDateTimeAndStreamsOverTds74() throws Exception {
    try (Connection c = connect("7.4")) {
      assertThat((byte[]) select(c, new byte[] {1, 2, 3}).get(1)).containsExactly(1, 2, 3);
      assertThat((byte[]) select(c, new byte[0]).get(1)).isEmpty();
      byte[] big = new byte[20_000];
      Arrays.fill(big, (byte) 7);
      assertThat(select(c, big)).first().isEqualTo("varbinary(max)");
      assertThat((byte[]) select(c, new ByteArrayInputStream(big)).get(1)).isEqualTo(big);
      String text = "x".repeat(9000) + "😀";
      roundTrips(c, new StringReader(text), "nvarchar(max)", text);
      roundTrips(c, LocalDate.of(1, 1, 1), "date", LocalDate.of(1, 1, 1));
      roundTrips(
          c,
          LocalTime.of(23, 59, 59, 999_999_900),
          "time(7)",
          LocalTime.of(23, 59, 59, 999_999_900));
      LocalDateTime dt = LocalDateTime.of(9999, 12, 31, 23, 59, 59, 999_999_900);
      roundTrips(c, dt, "datetime2(7)", dt);
      OffsetDateTime o =
          OffsetDateTime.of(2007, 5, 8, 12, 35, 29, 123_456_700, ZoneOffset.ofHours(-14));
      roundTrips(c, o, "datetimeoffset(7)", o);
      roundTrips(c, o.toInstant(), "datetimeoffset(7)", o.withOffsetSameInstant(ZoneOffset.UTC));
    }
  }

  @Test
  void wrappersOverTds74() throws Exception {
    try (Connection c = connect("7.4")) {
      roundTrips(c, new SqlVarChar("café"), "varchar(8000)", "café");
      roundTrips(c, new SqlVarChar("ab", 5), "varchar(5)", "ab");
      roundTrips(c, SqlVarChar.nullOf(10), "varchar(10)", null);
      roundTrips(c, new SqlNVarChar("ж", 1), "nvarchar(1)", "ж");
      roundTrips(c, new SqlChar("ab", 4), "char(4)", "ab  ");
      roundTrips(c, new SqlNChar("ab", 3), "nchar(3)", "ab ");
      assertThat((byte[]) select(c, new SqlBinary(new byte[] {1}, 3)).get(1))
          .containsExactly(1, 0, 0);
      assertThat(select(c, SqlVarBinary.nullOf(SqlValue.MAX)))
          .containsExactly("varbinary(max)", null);
      roundTrips(
          c, new SqlDecimal(new BigDecimal("1.235"), 5, 2), "decimal(5,2)", new BigDecimal("1.24"));
      roundTrips(c, SqlDecimal.nullOf(10, 2), "decimal(10,2)", null);
      roundTrips(c, new SqlTinyInt(255), "tinyint", 255);
      roundTrips(c, new SqlSmallInt(-1), "smallint", -1);
      roundTrips(c, new SqlInt(7), "int", 7);
      roundTrips(c, new SqlBigInt(Long.MIN_VALUE), "bigint", Long.MIN_VALUE);
      roundTrips(
          c,
          new SqlMoney(new BigDecimal("-922337203685477.5808")),
          "money",
          new BigDecimal("-922337203685477.5808"));
      roundTrips(
          c,
          new SqlDateTime(LocalDateTime.of(1753, 1, 1, 0, 0)),
          "datetime",
          LocalDateTime.of(1753, 1, 1, 0, 0));
      roundTrips(c, new SqlDate(LocalDate.of(9999, 12, 31)), "date", LocalDate.of(9999, 12, 31));
      roundTrips(c, new SqlXml("<a>1</a>"), "xml", "<a>1</a>");
      assertThat(select(c, new SqlVariant(42))).containsExactly("sql_variant", 42);
    }
  }

  @Test
  void namedParamStyleAndUnusedParameters() throws Exception {
    try (Connection c = connect("7.4")) {
      Map<String, Object> p = new LinkedHashMap<>();
      p.put("b", "x");
      p.put("a", 2);
      p.put("unused", new byte[] {1});
      List<Object> r = run(c, Rpcs.executeSql("SELECT :a + 1, ':a', :b -- :zz", p, ctx(c)));
      assertThat(r.subList(3, 6)).containsExactly(3, ":a", "x");
      assertThatThrownBy(() -> Rpcs.executeSql("SELECT :zz", p, ctx(c)))
          .isInstanceOf(ProgrammingError.class);
    }
  }

  @Test
  void proceduresAndOutputParameters() throws Exception {
    try (Connection c = connect("7.4")) {
      c.session()
          .run(
              "CREATE PROCEDURE params_echo @a int, @b nvarchar(10) OUTPUT, @c varbinary(max) AS"
                  + " BEGIN SET @b = @b + N'!'; SELECT @a + 1, @b, @c; END");
      Map<String, Object> named = new LinkedHashMap<>();
      named.put("@c", SqlVarBinary.nullOf(SqlValue.MAX));
      named.put("a", 41);
      named.put("b", Parameter.output("hi"));
      assertThat(run(c, Rpcs.procedure("params_echo", named, ctx(c))).subList(3, 6))
          .containsExactly(42, "hi!", null);
      List<Object> positional = Arrays.asList(1, Parameter.output(new SqlNVarChar("x", 10)), null);
      assertThat(run(c, Rpcs.procedure("params_echo", positional, ctx(c))).subList(3, 5))
          .containsExactly(2, "x!");
      List<Object> out = Arrays.asList(5, Parameter.output(Integer.class));
      assertThat(run(c, Rpcs.executeSql("SET :1 = :0 * 2; SELECT :1", out, ctx(c))))
          .containsExactly("int", 10);
    }
  }

  @Test
  void downLevelFormsOverTds71() throws Exception {
    try (Connection c = connect("7.1")) {
      String longText = "ab".repeat(3000);
      roundTrips(c, longText, "ntext", longText);
      String longVarChar = "é".repeat(9000);
      roundTrips(c, new SqlVarChar(longVarChar), "text", longVarChar);
      byte[] big = new byte[9000];
      Arrays.fill(big, (byte) 3);
      assertThat((byte[]) select(c, new ByteArrayInputStream(big)).get(1)).isEqualTo(big);
      // date and time values travel as nvarchar literals; CAST gives them their type back
      LocalDateTime dt = LocalDateTime.of(2007, 5, 8, 12, 35, 29, 123_000_000);
      List<Object> r = run(c, Rpcs.executeSql("SELECT CAST(:0 AS datetime)", List.of(dt), ctx(c)));
      assertThat(r.get(1)).isEqualTo(dt);
      roundTrips(c, LocalDate.of(2024, 2, 29), "nvarchar(4000)", "2024-02-29");
      roundTrips(c, 42, "int", 42);
      roundTrips(c, "żółw", "nvarchar(4000)", "żółw");
    }
  }
}
