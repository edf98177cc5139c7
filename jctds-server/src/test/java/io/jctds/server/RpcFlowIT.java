package io.jctds.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.jctds.protocol.TdsVersion;
import io.jctds.protocol.framing.PacketType;
import io.jctds.protocol.rpc.RpcParameter;
import io.jctds.protocol.rpc.RpcRequest;
import io.jctds.protocol.token.Done;
import io.jctds.protocol.token.ReturnStatus;
import io.jctds.protocol.token.ReturnValue;
import io.jctds.protocol.token.Row;
import io.jctds.protocol.token.ServerMessage;
import io.jctds.protocol.token.Token;
import io.jctds.protocol.token.TokenType;
import io.jctds.protocol.type.Collation;
import io.jctds.protocol.type.TypeInfo;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The token stream of RPC requests over a socket, as [MS-TDS] defines it: each call of a request
 * ends with its own DONEPROC (2.2.7.8: "a separate DONEPROC token sent for each stored procedure
 * called", DONE_MORE on all but the last), statements inside a call end with DONEINPROC (2.2.7.7),
 * RETURNSTATUS (2.2.7.18) and RETURNVALUE (2.2.7.19) come before the call's DONEPROC.
 */
class RpcFlowIT {
  private static final TypeInfo NVARCHAR =
      TypeInfo.nvarchar(4000, Collation.SQL_LATIN1_GENERAL_CP1_CI_AS);
  private static TdsServer server;

  @BeforeAll
  static void start() throws IOException {
    server = TestServers.builder(EncryptionPolicy.OFF).build().start();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static RawClient loggedIn() throws IOException {
    RawClient c = RawClient.connect(server);
    c.loginOk();
    return c;
  }

  private static List<Token> rpc(RawClient c, RpcRequest... calls) {
    c.sendMessage(
        PacketType.RPC,
        out -> RpcRequest.encodeMessage(out, TdsVersion.V7_4, null, List.of(calls)));
    try {
      return c.tokens();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static RpcRequest executeSql(String stmt, RpcParameter... more) {
    List<RpcParameter> p = new ArrayList<>();
    p.add(RpcParameter.of("", NVARCHAR, stmt));
    p.addAll(List.of(more));
    return RpcRequest.byId(RpcRequest.SP_EXECUTESQL, p);
  }

  /** The token types in order, with DONE status bits for the DONE family. */
  private static List<String> shape(List<Token> tokens) {
    List<String> out = new ArrayList<>();
    for (Token t : tokens) {
      if (t instanceof Done d) {
        String name =
            d.tokenType() == TokenType.DONEPROC
                ? "DONEPROC"
                : d.tokenType() == TokenType.DONEINPROC ? "DONEINPROC" : "DONE";
        List<String> bits = new ArrayList<>();
        if ((d.status() & Done.STATUS_MORE) != 0) {
          bits.add("MORE");
        }
        if ((d.status() & Done.STATUS_ERROR) != 0) {
          bits.add("ERROR");
        }
        if ((d.status() & Done.STATUS_COUNT) != 0) {
          bits.add("COUNT");
        }
        out.add(name + bits);
      } else if (t instanceof ServerMessage m) {
        out.add(m.error() ? "ERROR " + m.number() : "INFO " + m.number());
      } else if (t instanceof ReturnStatus s) {
        out.add("RETURNSTATUS");
      } else if (t instanceof ReturnValue v) {
        out.add("RETURNVALUE " + v.ordinal());
      } else if (t instanceof Row) {
        out.add("ROW");
      } else {
        out.add(t.getClass().getSimpleName().toUpperCase(java.util.Locale.ROOT));
      }
    }
    return out;
  }

  @Test
  void severalCallsInOneRequestAreAnsweredInOrderEachWithItsDoneProc() throws IOException {
    try (RawClient c = loggedIn()) {
      List<Token> t =
          rpc(
              c,
              executeSql("SELECT 1 AS a"),
              executeSql(
                  "SET @o = @i + 1",
                  RpcParameter.of("", NVARCHAR, "@i int, @o int OUTPUT"),
                  RpcParameter.of("@i", TypeInfo.intN(4), 1),
                  RpcParameter.output("@o", TypeInfo.intN(4), null)),
              executeSql("SELECT 3 AS c"));
      assertThat(shape(t))
          .containsExactly(
              "COLMETADATA",
              "ROW",
              "DONEINPROC[MORE, COUNT]",
              "RETURNSTATUS",
              "DONEPROC[MORE]",
              "DONEINPROC[MORE]",
              "RETURNSTATUS",
              "RETURNVALUE 3",
              "DONEPROC[MORE]",
              "COLMETADATA",
              "ROW",
              "DONEINPROC[MORE, COUNT]",
              "RETURNSTATUS",
              "DONEPROC[]");
    }
  }

  @Test
  void aStatementErrorEndsItsStatementAndMarksTheCall() throws IOException {
    try (RawClient c = loggedIn()) {
      List<Token> t =
          rpc(c, executeSql("SELECT 1 / 0 AS q; SELECT 2 AS r"), executeSql("SELECT 4"));
      // 2.2.7.7 DONE_ERROR on the failed statement; 2.2.7.8 DONE_ERROR: "an error occurred on the
      // current stored procedure"; the next call runs as usual (result metadata left out: whether
      // a failing SELECT sends its COLMETADATA first is the SELECT's business, not the call's)
      assertThat(shape(t).stream().filter(x -> !x.equals("COLMETADATA")))
          .containsExactly(
              "ERROR 8134",
              "DONEINPROC[MORE, ERROR]",
              "ROW",
              "DONEINPROC[MORE, COUNT]",
              "RETURNSTATUS",
              "DONEPROC[MORE, ERROR]",
              "ROW",
              "DONEINPROC[MORE, COUNT]",
              "RETURNSTATUS",
              "DONEPROC[]");
    }
  }

  @Test
  void anUnknownProcedureIsItsErrorAndDoneProcOnly() throws IOException {
    try (RawClient c = loggedIn()) {
      List<Token> t = rpc(c, RpcRequest.named("no_such_proc", List.of()), executeSql("SELECT 5"));
      assertThat(shape(t))
          .containsExactly(
              "ERROR 2812",
              "DONEPROC[MORE, ERROR]",
              "COLMETADATA",
              "ROW",
              "DONEINPROC[MORE, COUNT]",
              "RETURNSTATUS",
              "DONEPROC[]");
    }
  }
}
