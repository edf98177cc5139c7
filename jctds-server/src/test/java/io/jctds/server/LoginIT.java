package io.jctds.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.jctds.protocol.TdsVersion;
import io.jctds.protocol.login.FeatureExt;
import io.jctds.protocol.login.Login7;
import io.jctds.protocol.token.EnvChange;
import io.jctds.protocol.token.FeatureExtAck;
import io.jctds.protocol.token.LoginAck;
import io.jctds.protocol.token.ServerMessage;
import io.jctds.protocol.token.Token;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** LOGIN7 handling: credentials, databases, the login response, versions, packet size. */
class LoginIT {
  private static final RecordingLogger LOG = new RecordingLogger();
  private static TdsServer server;

  @BeforeAll
  static void start() throws IOException {
    server =
        TestServers.builder(EncryptionPolicy.ON)
            .user("Second", "another-Secret")
            .database("sales")
            .logger(LOG)
            .build()
            .start();
  }

  @AfterAll
  static void stop() {
    server.close();
    assertThat(LOG.all()).doesNotContain(TestServers.PASSWORD, "another-Secret", "wrong-one");
  }

  private static List<Token> login(Login7 login) throws IOException {
    try (RawClient c = RawClient.connect(server)) {
      return c.login(login);
    }
  }

  private static void assertRefused(Login7 login, int... numbers) throws IOException {
    try (RawClient c = RawClient.connect(server)) {
      List<Token> t = c.login(login);
      assertThat(Responses.errors(t))
          .extracting(ServerMessage::number)
          .containsExactly(java.util.Arrays.stream(numbers).boxed().toArray(Integer[]::new));
      assertThat(t).noneMatch(LoginAck.class::isInstance);
      assertThat(Responses.lastDone(t).isError()).isTrue();
      assertThat(c.closedByServer()).isTrue();
    }
  }

  @Test
  void wrongPasswordIs18456AndClosed() throws IOException {
    try (RawClient c = RawClient.connect(server)) {
      List<Token> t = c.login(RawClient.login().password("wrong-one").build());
      ServerMessage e = Responses.errors(t).get(0);
      assertThat(e.number()).isEqualTo(18456);
      assertThat(e.severity()).isEqualTo(14);
      assertThat(e.state()).isEqualTo(1);
      assertThat(e.message()).isEqualTo("Login failed for user 'tester'.");
      assertThat(c.closedByServer()).isTrue();
    }
    assertThat(LOG.all()).contains("login failed for user 'tester'");
  }

  @Test
  void unknownLoginIs18456() throws IOException {
    assertRefused(RawClient.login().userName("nobody").build(), 18456);
  }

  @Test
  void passwordsAreCaseSensitiveLoginNamesAreNot() throws IOException {
    assertRefused(RawClient.login().password(TestServers.PASSWORD.toUpperCase()).build(), 18456);
    assertThat(login(RawClient.login().userName("TESTER").build()))
        .anyMatch(LoginAck.class::isInstance);
    assertThat(login(RawClient.login().userName("second").password("another-Secret").build()))
        .anyMatch(LoginAck.class::isInstance);
  }

  @Test
  void unknownDatabaseIs4060Then18456() throws IOException {
    try (RawClient c = RawClient.connect(server)) {
      List<Token> t = c.login(RawClient.login().database("nosuchdb").build());
      assertThat(Responses.errors(t))
          .extracting(ServerMessage::number, ServerMessage::severity)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple(4060, 11),
              org.assertj.core.groups.Tuple.tuple(18456, 14));
      assertThat(Responses.errors(t).get(0).message())
          .isEqualTo("Cannot open database \"nosuchdb\" requested by the login. The login failed.");
      assertThat(c.closedByServer()).isTrue();
    }
  }

  @Test
  void integratedSecurityIsRefused() throws IOException {
    assertRefused(
        RawClient.login().optionFlags2(Login7.OF2_INTEGRATED_SECURITY).userName("").build(), 18452);
  }

  @Test
  void loginResponseInSqlServersOrder() throws IOException {
    List<Token> t = login(RawClient.login().build());
    assertThat(t).hasSize(9);
    assertThat(t.get(0)).isEqualTo(new EnvChange.Text(EnvChange.DATABASE, "sales", "master"));
    assertThat(((ServerMessage) t.get(1)).number()).isEqualTo(5701);
    assertThat(((ServerMessage) t.get(1)).message())
        .isEqualTo("Changed database context to 'sales'.");
    EnvChange.Binary collation = (EnvChange.Binary) t.get(2);
    assertThat(collation.changeType()).isEqualTo(EnvChange.SQL_COLLATION);
    assertThat(collation.newValue()).containsExactly(0x09, 0x04, 0xD0, 0x00, 0x34);
    assertThat(t.get(3)).isEqualTo(new EnvChange.Text(EnvChange.LANGUAGE, "us_english", ""));
    assertThat(((ServerMessage) t.get(4)).number()).isEqualTo(5703);
    LoginAck ack = (LoginAck) t.get(5);
    assertThat(ack.interfaceType()).isEqualTo(LoginAck.SQL_TSQL);
    assertThat(ack.progName()).isEqualTo("Microsoft SQL Server");
    assertThat(ack.productVersion()).isEqualTo("16.0.1000");
    FeatureExtAck fx = (FeatureExtAck) t.get(6);
    assertThat(fx.feature(FeatureExt.UTF8_SUPPORT).data()).containsExactly(1);
    assertThat(t.get(7)).isEqualTo(new EnvChange.Text(EnvChange.PACKET_SIZE, "4096", "4096"));
    assertThat(Responses.lastDone(t).status()).isZero();
  }

  @Test
  void featureExtAckOnlyWhenTheClientSentFeatures() throws IOException {
    Login7 plain = RawClient.login().features(List.of()).optionFlags3(0).build();
    assertThat(plain.hasExtension()).isFalse();
    List<Token> t = login(plain);
    assertThat(t).anyMatch(LoginAck.class::isInstance).noneMatch(FeatureExtAck.class::isInstance);
    Login7 unknownOnly =
        RawClient.login()
            .features(List.of(new FeatureExt(FeatureExt.SESSIONRECOVERY, new byte[0])))
            .build();
    FeatureExtAck ack =
        login(unknownOnly).stream()
            .filter(FeatureExtAck.class::isInstance)
            .map(FeatureExtAck.class::cast)
            .findFirst()
            .orElseThrow();
    assertThat(ack.features()).isEmpty();
  }

  @ParameterizedTest(name = "LOGIN7 0x{0} -> LOGINACK 0x{1}")
  @CsvSource({
    "71000001, 71000001",
    "72090002, 72090002",
    "730A0003, 730A0003",
    "730B0003, 730B0003",
    "74000004, 74000004",
    "08000000, 74000004"
  })
  void loginAckEchoesTheVersion(String sent, String acked) throws IOException {
    int version = Integer.parseUnsignedInt(sent, 16);
    try (RawClient c = RawClient.connect(server)) {
      List<Token> t = c.login(RawClient.login().tdsVersion(version).build());
      LoginAck ack =
          t.stream()
              .filter(LoginAck.class::isInstance)
              .map(LoginAck.class::cast)
              .findFirst()
              .orElseThrow();
      assertThat(ack.tdsVersion()).isEqualTo(Integer.parseUnsignedInt(acked, 16));
      assertThat(
              Responses.scalar(
                  c.batch(
                      "SELECT protocol_version FROM sys.dm_exec_connections"
                          + " WHERE session_id = @@SPID")))
          .isEqualTo(version);
      assertThat(c.info(server).tdsVersion()).isEqualTo(TdsVersion.fromWire(version).label());
    }
  }

  /** tedious below 7.4 sets fExtension without a FeatureExt block; SQL Server ignores the bit. */
  @Test
  void extensionBitBelowTds74IsIgnored() throws IOException {
    io.jctds.protocol.BufferWriter w = new io.jctds.protocol.BufferWriter();
    RawClient.login()
        .tdsVersion(TdsVersion.V7_2.wire())
        .features(List.of())
        .optionFlags3(0)
        .cltIntName("Tedious")
        .build()
        .encode(w);
    byte[] bytes = w.toByteArray();
    bytes[27] |= Login7.OF3_EXTENSION;
    try (RawClient c = RawClient.connect(server)) {
      c.sendMessage(io.jctds.protocol.framing.PacketType.LOGIN7, out -> out.bytes(bytes));
      c.version(TdsVersion.V7_2);
      List<Token> t = c.tokens();
      assertThat(t).anyMatch(LoginAck.class::isInstance).noneMatch(FeatureExtAck.class::isInstance);
    }
  }

  @Test
  void tds70IsRefused() throws IOException {
    try (RawClient c = RawClient.connect(server)) {
      assertThat(c.login(RawClient.login().tdsVersion(TdsVersion.V7_0.wire()).build())).isEmpty();
    }
  }

  @ParameterizedTest(name = "requested {0} -> {1}")
  @CsvSource({"8000, 8000", "512, 512", "32767, 32767", "0, 4096", "100, 4096", "40000, 4096"})
  void packetSizeIsNegotiatedAndUsed(int requested, int granted) throws IOException {
    try (RawClient c = RawClient.connect(server)) {
      List<Token> t = c.login(RawClient.login().packetSize(requested).build());
      assertThat(Responses.envChanges(t))
          .contains(new EnvChange.Text(EnvChange.PACKET_SIZE, Integer.toString(granted), "4096"));
      String big = "x".repeat(4000);
      c.sendMessage(
          io.jctds.protocol.framing.PacketType.SQL_BATCH,
          out ->
              io.jctds.protocol.batch.SqlBatch.of(
                      "SELECT N'" + big + "', N'" + big + "', N'" + big + "'")
                  .encode(out, TdsVersion.V7_4));
      RawClient.Message m = c.read();
      assertThat(m.packets()).isEqualTo((3 * 8000 + 100) / granted + 1);
      assertThat(c.info(server).packetSize()).isEqualTo(granted);
    }
  }

  @Test
  void sessionRecordsTheLogin() throws IOException {
    try (RawClient c = RawClient.connect(server)) {
      c.login(
          RawClient.login()
              .database("tempdb")
              .appName("my app")
              .hostName("box1")
              .typeFlags(Login7.TYPE_READ_ONLY_INTENT)
              .build());
      SessionInfo me = c.info(server);
      assertThat(me.spid()).isEqualTo(c.spid()).isGreaterThanOrEqualTo(51);
      assertThat(me.login()).isEqualTo("tester");
      assertThat(me.database()).isEqualTo("tempdb");
      assertThat(me.appName()).isEqualTo("my app");
      assertThat(me.hostName()).isEqualTo("box1");
      assertThat(me.readOnlyIntent()).isTrue();
      assertThat(me.language()).isEqualTo("us_english");
      assertThat(me.clientAddress()).isEqualTo("127.0.0.1");
      assertThat(me.clientPort()).isEqualTo(c.socket().getLocalPort());
      assertThat(me.localPort()).isEqualTo(server.port());
      assertThat(Responses.scalar(c.batch("SELECT @@SPID"))).isEqualTo((short) c.spid());
    }
  }
}
