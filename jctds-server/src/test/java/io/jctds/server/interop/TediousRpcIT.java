package io.jctds.server.interop;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jctds.server.EncryptionPolicy;
import io.jctds.server.TdsServer;
import io.jctds.server.interop.Tedious.Step;
import io.jctds.server.interop.Tedious.Steps;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * tedious 19 (TDS 7.4) through RPC: execSql with parameters of every type (tedious sends them
 * through sp_executesql), callProcedure with an output parameter, the transaction-manager requests
 * beginTransaction / saveTransaction / rollbackTransaction / commitTransaction, errors with their
 * numbers. Each proof runs without TLS ({@code encrypt: false}) and in TDS 8.0 ({@code encrypt:
 * 'strict'}, the certificate validated against the test CA: tedious's strongest mode).
 *
 * <p>What tedious cannot send as such goes as text, which SQL Server converts: decimal(38,0) and
 * money (tedious's Decimal and Money scale a JavaScript double into at most 64 bits:
 * data-types/decimal.ts, money.ts), xml and sql_variant (its Xml and Variant types throw "not
 * implemented" for parameters). A DateTimeOffset parameter carries the instant with the process's
 * own offset (datetimeoffset.ts: {@code -value.getTimezoneOffset()}), and tedious reads one back as
 * that instant, so rows compare equal as tedious sees them.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class TediousRpcIT {
  private static Tedious tedious;
  private static TdsServer server;
  private static Path ca;

  @BeforeAll
  static void start() throws Exception {
    tedious = Tedious.find();
    server = Interop.start(EncryptionPolicy.ON);
    ca =
        Interop.writePem(
            Interop.authority().certificate(),
            Files.createTempDirectory("tedious-rpc").resolve("ca.pem"));
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  private static List<Step> run(String encrypt, Steps steps) {
    Consumer<ObjectNode> options =
        "strict".equals(encrypt)
            ? o -> o.put("encrypt", "strict").put("caFile", ca.toString())
            : o -> o.put("encrypt", false);
    return tedious.run(server, null, steps, options);
  }

  private static Instant utc(LocalDateTime t) {
    return t.toInstant(ZoneOffset.UTC);
  }

  /** One of EveryType's values as the tedious parameter an application would pass. */
  private static void add(ArrayNode list, EveryType.Column c, Object v) {
    String name = c.name();
    switch (name) {
      case "c_bit" -> Tedious.param(list, name, "Bit", v);
      case "c_tinyint" -> Tedious.param(list, name, "TinyInt", v);
      case "c_smallint" -> Tedious.param(list, name, "SmallInt", v);
      case "c_int" -> Tedious.param(list, name, "Int", v);
      case "c_bigint" -> Tedious.param(list, name, "BigInt", v == null ? null : v.toString());
      case "c_real" -> Tedious.param(list, name, "Real", v);
      case "c_float" -> Tedious.param(list, name, "Float", v);
      case "c_numeric" ->
          Tedious.param(list, name, "Numeric", v == null ? null : ((BigDecimal) v).doubleValue())
              .put("precision", 10)
              .put("scale", 5);
      case "c_smallmoney" ->
          Tedious.param(
              list, name, "SmallMoney", v == null ? null : ((BigDecimal) v).doubleValue());
      case "c_decimal", "c_money" ->
          Tedious.param(
              list, name, "NVarChar", v == null ? null : ((BigDecimal) v).toPlainString());
      case "c_char" -> Tedious.param(list, name, "Char", v);
      case "c_varchar", "c_varchar_max" -> Tedious.param(list, name, "VarChar", v);
      case "c_nchar" -> Tedious.param(list, name, "NChar", v);
      case "c_nvarchar", "c_nvarchar_max", "c_xml" -> Tedious.param(list, name, "NVarChar", v);
      case "c_text" -> Tedious.param(list, name, "Text", v);
      case "c_ntext" -> Tedious.param(list, name, "NText", v);
      case "c_binary" -> Tedious.param(list, name, "Binary", v);
      case "c_varbinary", "c_varbinary_max" -> Tedious.param(list, name, "VarBinary", v);
      case "c_image" -> Tedious.param(list, name, "Image", v);
      default -> temporalOrOther(list, c, v);
    }
  }

  private static void temporalOrOther(ArrayNode list, EveryType.Column c, Object v) {
    String name = c.name();
    Object date = v;
    if (v instanceof LocalDate d) {
      date = Tedious.date(utc(d.atStartOfDay()));
    } else if (v instanceof LocalTime t) {
      date = Tedious.date(utc(LocalDate.EPOCH.atTime(t)));
    } else if (v instanceof LocalDateTime dt) {
      date = Tedious.date(utc(dt));
    } else if (v instanceof OffsetDateTime o) {
      date = Tedious.date(o.toInstant());
    }
    switch (name) {
      case "c_date" -> Tedious.param(list, name, "Date", date);
      case "c_time" -> Tedious.param(list, name, "Time", date).put("scale", 7);
      case "c_datetime" -> Tedious.param(list, name, "DateTime", date);
      case "c_smalldatetime" -> Tedious.param(list, name, "SmallDateTime", date);
      // the rounding cases go as datetime2, so that the server (not tedious) rounds them
      case "c_datetime_rounded", "c_smalldatetime_rounded", "c_datetime2" ->
          Tedious.param(list, name, "DateTime2", date).put("scale", 7);
      case "c_datetimeoffset" -> Tedious.param(list, name, "DateTimeOffset", date).put("scale", 7);
      case "c_uniqueidentifier" ->
          Tedious.param(list, name, "UniqueIdentifier", v == null ? null : v.toString());
      case "c_sql_variant" ->
          Tedious.param(list, name, v instanceof Integer || v == null ? "Int" : "NVarChar", v);
      default -> throw new IllegalArgumentException("no tedious type for " + name);
    }
  }

  private static String insertSql(String table) {
    StringBuilder sb = new StringBuilder("INSERT INTO " + table + " VALUES (@id");
    EveryType.COLUMNS.forEach(c -> sb.append(", @").append(c.name()));
    return sb.append(")").toString();
  }

  private static ArrayNode row(int id) {
    ArrayNode p = Tedious.params();
    Tedious.param(p, "id", "Int", id);
    for (EveryType.Column c : EveryType.COLUMNS) {
      add(p, c, EveryTypeValues.of(c, id));
    }
    return p;
  }

  private static ArrayNode intParam(String name, Integer value) {
    ArrayNode p = Tedious.params();
    Tedious.param(p, name, "Int", value);
    return p;
  }

  @ParameterizedTest
  @ValueSource(strings = {"false", "strict"})
  void everyTypeProceduresAndErrors(String encrypt) {
    String literal = "rpc_tedious_literal_" + encrypt;
    String params = "rpc_tedious_params_" + encrypt;
    ArrayNode call = Tedious.params();
    Tedious.param(call, "stmt", "NVarChar", "SET @o = @i * 2");
    Tedious.param(call, "params", "NVarChar", "@i int, @o int OUTPUT");
    Tedious.param(call, "i", "Int", 21);
    Tedious.param(call, "o", "Int", null).put("output", true);
    Steps steps =
        new Steps()
            .sql(EveryType.create(literal) + EveryTypeValues.create(params))
            .sql(0, insertSql(params), row(1))
            .sql(0, insertSql(params), row(2))
            .sql(0, insertSql(params), row(3))
            .sql(EveryType.select(literal))
            .sql(EveryType.select(params))
            // 6: callProcedure with an output parameter; 7: an error; 8: the session goes on
            .proc(0, "sp_executesql", call)
            .sql(0, "SELECT a FROM no_such_table WHERE a = @a", intParam("a", 1))
            .sql("SELECT 42 AS after_error");
    List<Step> out = run(encrypt, steps);
    for (int i = 0; i < 6; i++) {
      assertThat(out.get(i).error()).as("step %d", i).isNull();
    }
    // the maxima, minima and NULLs read back as the batch's literals were stored
    List<List<Object>> expected = out.get(4).rows();
    List<List<Object>> actual = out.get(5).rows();
    assertThat(actual).hasSize(3);
    for (int r = 0; r < 3; r++) {
      for (int c = 0; c < expected.get(r).size(); c++) {
        assertThat(actual.get(r).get(c))
            .as("row %d column %d", r + 1, c + 1)
            .isEqualTo(expected.get(r).get(c));
      }
    }
    // "sp_executesql": OUTPUT parameters come back, the return code is 0
    assertThat(out.get(6).error()).isNull();
    assertThat(out.get(6).returnValues()).isEqualTo(Map.of("o", 42L));
    assertThat(out.get(6).returnStatuses()).containsExactly(0);
    // "Database engine events and errors": 208
    assertThat(out.get(7).errorNumbers()).containsExactly(208);
    assertThat(out.get(7).error().get("number").asInt()).isEqualTo(208);
    assertThat(out.get(8).rows()).containsExactly(List.of(42L));
  }
}
