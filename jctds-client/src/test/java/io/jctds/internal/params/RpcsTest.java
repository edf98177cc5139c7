package io.jctds.internal.params;

import static io.jctds.internal.params.ParamEncoderTest.TDS74;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jctds.Parameter;
import io.jctds.ProgrammingError;
import io.jctds.SqlVarChar;
import io.jctds.protocol.BufferWriter;
import io.jctds.protocol.TdsVersion;
import io.jctds.protocol.rpc.RpcParameter;
import io.jctds.protocol.rpc.RpcRequest;
import java.io.ByteArrayInputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * RPC calls. sp_executesql's parameters are @stmt, @params, then the values in the order declared
 * ("sp_executesql (Transact-SQL)"); ProcID 10 is sp_executesql ([MS-TDS] 2.2.6.6); a named RPC
 * parameter carries its '@' ([MS-TDS] 2.2.6.6 ParamName).
 */
class RpcsTest {

  @Test
  void namedParamStyle() {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("b", "x");
    p.put("a", 1);
    p.put("unused", true);
    RpcRequest r = Rpcs.executeSql("SELECT :a, :b", p, TDS74);
    assertThat(r.procId()).isEqualTo(RpcRequest.SP_EXECUTESQL);
    List<RpcParameter> ps = r.parameters();
    assertThat(ps.get(0).getObject()).isEqualTo("SELECT @a, @b");
    assertThat(ps.get(1).getObject()).isEqualTo("@b nvarchar(4000),@a int,@unused bit");
    assertThat(ps.get(2).getObject()).isEqualTo("x");
    assertThat(ps.get(3).getObject()).isEqualTo(1);
    assertThat(ps.get(4).getObject()).isEqualTo(true);
    assertThat(ps).allMatch(x -> x.name().isEmpty());
  }

  @Test
  void badNamesAndMissingParameters() {
    assertThatThrownBy(() -> Rpcs.executeSql("SELECT :a", Map.of("a b", 1), TDS74))
        .isInstanceOf(ProgrammingError.class)
        .hasMessageContaining("'a b'");
    assertThatThrownBy(() -> Rpcs.executeSql("SELECT :1", List.of(1), TDS74))
        .isInstanceOf(ProgrammingError.class)
        .hasMessageContaining(":1");
    assertThatThrownBy(() -> Rpcs.procedure(" ", List.of(), TDS74))
        .isInstanceOf(ProgrammingError.class);
  }

  @Test
  void outputParametersInSpExecuteSql() {
    RpcRequest r =
        Rpcs.executeSql(
            "SET :1 = :0 + 1", List.of(Parameter.of(1), Parameter.output(Integer.class)), TDS74);
    assertThat(r.parameters().get(1).getObject()).isEqualTo("@P0 int,@P1 int OUTPUT");
    assertThat(r.parameters().get(2).isOutput()).isFalse();
    assertThat(r.parameters().get(3).isOutput()).isTrue();
    assertThat(r.parameters().get(3).getObject()).isNull();
  }

  @Test
  void withoutParametersOnlyStmtIsSent() {
    RpcRequest r = Rpcs.executeSql("SELECT 1", List.of(), TDS74);
    assertThat(r.parameters()).hasSize(1);
  }

  @Test
  void procedures() {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("@in", new SqlVarChar("a", 5));
    p.put("out", Parameter.output(5L));
    RpcRequest r = Rpcs.procedure("dbo.proc", p, TDS74);
    assertThat(r.procName()).isEqualTo("dbo.proc");
    assertThat(r.parameters()).extracting(RpcParameter::name).containsExactly("@in", "@out");
    assertThat(r.parameters().get(1).isOutput()).isTrue();
    assertThat(r.parameters().get(1).getObject()).isEqualTo(5L);
    RpcRequest q = Rpcs.procedure("p", List.of(1, Parameter.output("x")), TDS74);
    assertThat(q.parameters()).extracting(RpcParameter::name).containsExactly("", "");
    assertThat(q.parameters().get(1).isOutput()).isTrue();
    RpcParameter typedNull =
        Rpcs.procedure("p", List.of(Parameter.output(SqlVarChar.nullOf(10))), TDS74)
            .parameters()
            .get(0);
    assertThat(typedNull.isOutput()).isTrue();
    assertThat(typedNull.typeInfo().sqlName()).isEqualTo("varchar(10)");
    assertThat(typedNull.getObject()).isNull();
  }

  @Test
  void estimatedSizeIsTheEncodedSizeForValuesGivenAsBytes() {
    RpcRequest byId = Rpcs.executeSql("SELECT :0, :1", List.of(1, "x".repeat(5000)), TDS74);
    RpcRequest byName = Rpcs.procedure("dbo.p", Map.of("a", 1), TDS74);
    for (RpcRequest r : List.of(byId, byName)) {
      BufferWriter w = new BufferWriter();
      r.encode(w, TdsVersion.V7_4);
      assertThat(Rpcs.estimatedSize(r)).isEqualTo(w.size());
    }
    RpcRequest streamed =
        Rpcs.procedure("p", List.of(new ByteArrayInputStream(new byte[1])), TDS74);
    assertThat(Rpcs.estimatedSize(streamed)).isGreaterThan(RpcParameter.STREAM_CHUNK);
  }

  @Test
  void batchesStayWithinTheBoundAndKeepTheOrder() {
    List<RpcRequest> calls = new java.util.ArrayList<>();
    for (int i = 0; i < 20; i++) {
      calls.add(Rpcs.executeSql("INSERT INTO t VALUES (:0, :1)", List.of(i, "v" + i), TDS74));
    }
    calls.add(Rpcs.executeSql("SELECT :0", List.of("x".repeat(3000)), TDS74));
    long bound = 1000;
    List<List<RpcRequest>> batches = Rpcs.batches(calls, bound);
    assertThat(batches.stream().flatMap(List::stream).toList()).isEqualTo(calls);
    assertThat(batches).hasSizeGreaterThan(2);
    for (List<RpcRequest> b : batches) {
      BufferWriter w = new BufferWriter();
      RpcRequest.encodeMessage(w, TdsVersion.V7_4, null, b);
      if (b.size() > 1) {
        assertThat((long) w.size()).isLessThanOrEqualTo(bound);
      } else {
        assertThat(b.get(0)).isSameAs(calls.get(20)); // the 6000-byte text goes alone
      }
    }
    assertThat(Rpcs.batches(List.of(), bound)).isEmpty();
  }

  /**
   * executeMany's calls share the encoded text and, while the types stay, the declaration; each
   * call must still be exactly what executeSql builds for that set alone (declarations per
   * "sp_executesql (Transact-SQL)": they follow the values' types, so they change with them).
   */
  @Test
  void executeManyCallsEqualSingleCallsAsTypesChange() {
    String sql = "INSERT INTO t VALUES (:0, :1, :2)";
    List<List<Object>> sets =
        List.of(
            List.of(1, "a", 1.5),
            List.of(2, "b", 2.5),
            java.util.Arrays.asList(3, null, 3.5),
            List.of(4L, "x".repeat(5000), 4.5),
            List.of(5L, "e", Parameter.output(Integer.class)),
            List.of(6, "f", 6.5));
    Rpcs.NumericCalls calls = new Rpcs.NumericCalls(sql, TDS74);
    for (List<Object> set : sets) {
      assertThat(bytes(calls.call(set))).isEqualTo(bytes(Rpcs.executeSql(sql, set, TDS74)));
    }
    assertThat(calls.call(List.of(7, "g", 7.5)).parameters().get(1).getObject())
        .isEqualTo("@P0 int,@P1 nvarchar(4000),@P2 float");
  }

  private static byte[] bytes(RpcRequest call) {
    BufferWriter w = new BufferWriter();
    RpcRequest.encodeMessage(w, TdsVersion.V7_4, null, List.of(call));
    return w.toByteArray();
  }
}
