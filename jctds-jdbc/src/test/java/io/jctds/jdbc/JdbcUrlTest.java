package io.jctds.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.jctds.ConnectOptions;
import io.jctds.ParamStyle;
import io.jctds.config.ApplicationSettings.Directive;
import io.jctds.tls.TlsVersion;
import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.time.Duration;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * URL forms, property spellings, aliases and precedence. The references: the brief's URL forms
 * (issue 13); mssql-jdbc 13.6's documented connection-string rules for braces ({@code {a;b}}, with
 * {@code }}} for a brace), trimming and "Properties override the URL" (SQLServerDriver
 * mergeURLAndSuppliedProperties: "supplied properties have precedence"); mssql-jdbc's encrypt
 * values (EncryptOption: False/No/Optional, True/Mandatory, Strict) and their PRELOGIN bytes (false
 * sends ENCRYPT_OFF 0x00, which FreeTDS sends for {@code request}: FREETDS.md 4.1); JDBC 4.3
 * section 10.1 (a new connection is in auto-commit mode).
 */
class JdbcUrlTest {
  private static final JdbcUrl.Context CONTEXT =
      new JdbcUrl.Context("connection property", null, 0);

  private static JdbcConfig parse(String url) throws SQLException {
    return JdbcUrl.parse(url, new Properties(), CONTEXT);
  }

  private static JdbcConfig parse(String url, Properties info) throws SQLException {
    return JdbcUrl.parse(url, info, CONTEXT);
  }

  private static Properties props(String... kv) {
    Properties p = new Properties();
    for (int i = 0; i < kv.length; i += 2) {
      p.setProperty(kv[i], kv[i + 1]);
    }
    return p;
  }

  private static SQLException failure(String url) {
    return catchThrowableOfType(SQLException.class, () -> parse(url));
  }

  private static Directive directive(JdbcConfig c, String key) {
    return c.options().directives().stream()
        .filter(d -> d.key().equals(key))
        .reduce((a, b) -> b)
        .orElse(null);
  }

  @Test
  void nameFormPassesTheNameAsItIs() throws SQLException {
    JdbcConfig c = parse("jdbc:jctds:myserver;user=sa;database=sales");
    assertThat(c.server()).isEqualTo("myserver");
    assertThat(c.options().user()).contains("sa");
    assertThat(c.options().database()).contains("sales");
    assertThat(c.sendStringParametersAsUnicode()).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"db.example.com", "10.0.0.5:1444", "db\\SQLEXPRESS", "[::1]:1433"})
  void everyServerNameFormIsGivenToConnectUnchanged(String name) throws SQLException {
    assertThat(parse("jdbc:jctds:" + name).server()).isEqualTo(name);
    assertThat(parse("jdbc:jctds:" + name + ";user=u").server()).isEqualTo(name);
  }

  @Test
  void slashFormGivesHostPortAndDatabase() throws SQLException {
    JdbcConfig c = parse("jdbc:jctds://db.example.com:1444/sales;appname=billing");
    assertThat(c.server()).isEqualTo("db.example.com");
    assertThat(c.options().port()).contains(1444);
    assertThat(c.options().database()).contains("sales");
    assertThat(c.options().appname()).contains("billing");
  }

  @Test
  void slashFormWithoutPortOrDatabase() throws SQLException {
    JdbcConfig c = parse("jdbc:jctds://db.example.com");
    assertThat(c.server()).isEqualTo("db.example.com");
    assertThat(c.options().port()).isEmpty();
    assertThat(c.options().database()).isEmpty();
  }

  @Test
  void slashFormIpv6AndInstance() throws SQLException {
    JdbcConfig v6 = parse("jdbc:jctds://[::1]:1444/db");
    assertThat(v6.server()).isEqualTo("[::1]");
    assertThat(v6.options().port()).contains(1444);
    JdbcConfig named = parse("jdbc:jctds://db.example.com\\SQLEXPRESS/db");
    assertThat(named.server()).isEqualTo("db.example.com\\SQLEXPRESS");
    assertThat(named.options().port()).isEmpty();
  }

  @Test
  void serverNameCanComeFromAProperty() throws SQLException {
    assertThat(parse("jdbc:jctds:;serverName=s1").server()).isEqualTo("s1");
    assertThat(parse("jdbc:jctds://;serverName=s1;portNumber=1500").options().port())
        .contains(1500);
    assertThat(parse("jdbc:jctds:", props("serverName", "s2")).server()).isEqualTo("s2");
  }

  @Test
  void alwaysNumericParamstyleAndAutoCommitOn() throws SQLException {
    ConnectOptions o = parse("jdbc:jctds:s").options();
    assertThat(o.paramstyle()).contains(ParamStyle.NUMERIC);
    assertThat(o.autocommit()).contains(true);
    assertThat(parse("jdbc:jctds:s;autocommit=false").options().autocommit()).contains(false);
  }

  @Test
  void paramstyleIsRefused() {
    SQLException e = failure("jdbc:jctds:s;paramstyle=named");
    assertThat((Throwable) e).isInstanceOf(SQLNonTransientConnectionException.class);
    assertThat(e.getSQLState()).isEqualTo("08001");
    assertThat(e.getMessage()).contains("paramstyle").contains("cannot be set").contains("?");
  }

  @Test
  void aLaterUrlPropertyWinsAndPropertiesWinOverTheUrl() throws SQLException {
    assertThat(parse("jdbc:jctds://h:1444;port=1555").options().port()).contains(1555);
    assertThat(parse("jdbc:jctds:s;database=a;databaseName=b").options().database()).contains("b");
    JdbcConfig c = parse("jdbc:jctds://h:1444/a;user=u1", props("database", "b", "USER", "u2"));
    assertThat(c.options().database()).contains("b");
    assertThat(c.options().user()).contains("u2");
    assertThat(c.options().port()).contains(1444);
    assertThat(parse("jdbc:jctds:s", props("serverName", "t")).server()).isEqualTo("t");
  }

  @ParameterizedTest
  @ValueSource(strings = {"caFile", "ca file", "CA_FILE", "cafile", "Ca-File", "  CaFile "})
  void namesAreCaseInsensitiveWithOrWithoutSpaces(String name) throws SQLException {
    JdbcConfig c = parse("jdbc:jctds:s;" + name + "=/etc/ca.pem");
    Directive d = directive(c, "ca file");
    assertThat(d.value()).isEqualTo("/etc/ca.pem");
    assertThat(d.origin()).isEqualTo("JDBC URL property " + name.trim());
  }

  @Test
  void kctdsArgumentsAndTheirSpellings() throws SQLException {
    ConnectOptions o =
        parse(
                "jdbc:jctds:s;port=1500;instance=I;user=u;password=p;database=d;appname=a;"
                    + "hostname=client1;login_timeout=7;timeout=9;tds_version=7.3;"
                    + "ansi_defaults=false;enable_bcp=no;read_only=yes;ntlmv2=off;"
                    + "tlsMaxVersion=TLSv1.3;configFile=/tmp/x.conf")
            .options();
    assertThat(o.port()).contains(1500);
    assertThat(o.instance()).contains("I");
    assertThat(o.password()).contains("p");
    assertThat(o.appname()).contains("a");
    assertThat(o.hostname()).contains("client1");
    assertThat(o.loginTimeout()).contains(Duration.ofSeconds(7));
    assertThat(o.timeout()).contains(Duration.ofSeconds(9));
    assertThat(o.tdsVersion()).contains("7.3");
    assertThat(o.ansiDefaults()).contains(false);
    assertThat(o.enableBcp()).contains(false);
    assertThat(o.readOnly()).contains(true);
    assertThat(o.ntlmv2()).contains(false);
    assertThat(o.tlsMaxVersion()).contains(TlsVersion.TLS_1_3);
    assertThat(o.configFile()).contains(Path.of("/tmp/x.conf"));
  }

  @Test
  void freetdsDirectiveNamesAreDirectives() throws SQLException {
    JdbcConfig c =
        parse(
            "jdbc:jctds:s;encryption=require;crl file=/c.pem;certificate hostname=db.x;"
                + "check certificate hostname=yes;enable tls v1=no;text size=1000;"
                + "initial block size=8192;host=10.0.0.9;language=us_english");
    assertThat(directive(c, "encryption").value()).isEqualTo("require");
    assertThat(directive(c, "crl file").value()).isEqualTo("/c.pem");
    assertThat(directive(c, "certificate hostname").value()).isEqualTo("db.x");
    assertThat(directive(c, "check certificate hostname").value()).isEqualTo("yes");
    assertThat(directive(c, "enable tls v1").value()).isEqualTo("no");
    assertThat(directive(c, "text size").value()).isEqualTo("1000");
    assertThat(directive(c, "initial block size").value()).isEqualTo("8192");
    assertThat(directive(c, "host").value()).isEqualTo("10.0.0.9");
    assertThat(directive(c, "language").value()).isEqualTo("us_english");
  }

  @Test
  void connectTimeoutAndQueryTimeoutAreTheKctdsTimeouts() throws SQLException {
    ConnectOptions o = parse("jdbc:jctds:s;connect timeout=4;query timeout=6").options();
    assertThat(o.loginTimeout()).contains(Duration.ofSeconds(4));
    assertThat(o.timeout()).contains(Duration.ofSeconds(6));
    ConnectOptions none = parse("jdbc:jctds:s;loginTimeout=0;queryTimeout=-1").options();
    assertThat(none.loginTimeout()).isEmpty();
    assertThat(none.timeout()).isEmpty();
  }

  @Test
  void mssqlJdbcAliases() throws SQLException {
    JdbcConfig c =
        parse(
            "jdbc:jctds:;serverName=h;portNumber=1433;databaseName=d;instanceName=I;"
                + "applicationName=app;workstationID=ws;loginTimeout=5;packetSize=16384;"
                + "hostNameInCertificate=db.example.com;sendStringParametersAsUnicode=false;"
                + "applicationIntent=ReadOnly");
    ConnectOptions o = c.options();
    assertThat(c.server()).isEqualTo("h");
    assertThat(o.port()).contains(1433);
    assertThat(o.database()).contains("d");
    assertThat(o.instance()).contains("I");
    assertThat(o.appname()).contains("app");
    assertThat(o.hostname()).contains("ws");
    assertThat(o.loginTimeout()).contains(Duration.ofSeconds(5));
    assertThat(o.readOnly()).contains(true);
    assertThat(directive(c, "initial block size").value()).isEqualTo("16384");
    assertThat(directive(c, "certificate hostname").value()).isEqualTo("db.example.com");
    assertThat(directive(c, "certificate hostname").origin())
        .isEqualTo("JDBC URL property hostNameInCertificate");
    assertThat(c.sendStringParametersAsUnicode()).isFalse();
  }

  @ParameterizedTest
  @CsvSource({
    "true, require",
    "TRUE, require",
    "mandatory, require",
    "false, request",
    "Optional, request",
    "no, request",
    "strict, strict"
  })
  void encryptMapsToFreetdsEncryption(String encrypt, String encryption) throws SQLException {
    Directive d = directive(parse("jdbc:jctds:s;encrypt=" + encrypt), "encryption");
    assertThat(d.value()).isEqualTo(encryption);
    assertThat(d.origin()).isEqualTo("JDBC URL property encrypt");
  }

  @Test
  void encryptAndEncryptionAreOneSettingTheLastWins() throws SQLException {
    assertThat(directive(parse("jdbc:jctds:s;encryption=off;encrypt=true"), "encryption").value())
        .isEqualTo("require");
    assertThat(
            directive(
                    parse("jdbc:jctds:s;encryption=off", props("encrypt", "strict")), "encryption")
                .value())
        .isEqualTo("strict");
  }

  @Test
  void twoSpellingsOfOneSettingInPropertiesAreAnError() {
    assertThatThrownBy(() -> parse("jdbc:jctds:s", props("encrypt", "true", "encryption", "off")))
        .isInstanceOf(SQLException.class)
        .hasMessageContaining("'encrypt'")
        .hasMessageContaining("'encryption'")
        .hasMessageContaining("keep one");
    assertThatThrownBy(() -> parse("jdbc:jctds:s", props("password", "a", "PASSWORD", "b")))
        .isInstanceOf(SQLException.class)
        .hasMessageNotContaining("'a'");
  }

  @Test
  void applicationIntentAndReadOnlyAreOneSetting() throws SQLException {
    assertThat(parse("jdbc:jctds:s;readOnly=true;applicationIntent=ReadWrite").options().readOnly())
        .contains(false);
  }

  @Test
  void trustServerCertificateTrueUnsetsTheCaFile() throws SQLException {
    Directive d = directive(parse("jdbc:jctds:s;trustServerCertificate=true"), "ca file");
    assertThat(d.value()).isEmpty();
    assertThat(directive(parse("jdbc:jctds:s;trustServerCertificate=false"), "ca file")).isNull();
    SQLException e = failure("jdbc:jctds:s;caFile=/ca.pem;trustServerCertificate=true");
    assertThat(e.getMessage()).contains("caFile").contains("trustServerCertificate");
  }

  @Test
  void bracesHoldSemicolonsEqualsAndDoubledClosingBraces() throws SQLException {
    JdbcConfig c = parse("jdbc:jctds:s;password={a;b=c}}d} ;appname={ x }");
    assertThat(c.options().password()).contains("a;b=c}d");
    assertThat(c.options().appname()).contains(" x ");
  }

  @Test
  void valuesAreTrimmed() throws SQLException {
    assertThat(parse("jdbc:jctds:s; user =  sa  ").options().user()).contains("sa");
  }

  @Test
  void malformedBraces() {
    assertThat(failure("jdbc:jctds:s;password={secret").getMessage())
        .contains("password")
        .contains("'}'")
        .doesNotContain("secret");
    assertThat(failure("jdbc:jctds:s;password={secret}x;user=u").getMessage())
        .contains("after the closing '}'")
        .doesNotContain("secret");
  }

  @Test
  void urlDropsThePasswordOnly() throws SQLException {
    JdbcConfig c = parse("jdbc:jctds:s;user=sa;Password={hunter;2};database=d");
    assertThat(c.url()).isEqualTo("jdbc:jctds:s;user=sa;database=d");
    assertThat(c.options().toString()).doesNotContain("hunter");
    assertThat(c.toString()).doesNotContain("hunter");
    JdbcConfig last = parse("jdbc:jctds://h:1/x;password=hunter2");
    assertThat(last.url()).isEqualTo("jdbc:jctds://h:1/x");
  }

  @Test
  void unknownUrlPropertyIsNamedWithItsPositionNeverItsValue() {
    SQLException e = failure("jdbc:jctds:s;user=sa;colour=s3cr3t");
    assertThat((Throwable) e).isInstanceOf(SQLNonTransientConnectionException.class);
    assertThat(e.getSQLState()).isEqualTo("08001");
    assertThat(e.getMessage())
        .contains("'colour'")
        .contains("position 21 of the JDBC URL")
        .contains("getPropertyInfo")
        .contains("case-insensitive")
        .doesNotContain("s3cr3t");
  }

  @Test
  void unknownPropertiesEntryIsNamed() {
    assertThatThrownBy(() -> parse("jdbc:jctds:s", props("trustStore", "/x")))
        .isInstanceOf(SQLException.class)
        .hasMessageContaining("'trustStore'")
        .hasMessageContaining("java.util.Properties");
  }

  @Test
  void textWithoutEqualsIsNotEchoed() {
    SQLException e = failure("jdbc:jctds:s;user=sa;hunter2");
    assertThat(e.getMessage()).contains("position 21").doesNotContain("hunter2");
  }

  @Test
  void aNameValueWhereTheServerShouldBe() {
    assertThat(failure("jdbc:jctds:user=sa;password=pw").getMessage())
        .contains("no server name")
        .doesNotContain("pw");
  }

  @Test
  void aNameValueWhereTheHostShouldBe() {
    assertThat(failure("jdbc:jctds://password=pw;user=sa").getMessage())
        .contains("where its host should be")
        .doesNotContain("pw");
  }

  @Test
  void noServerAtAll() {
    assertThat(failure("jdbc:jctds:;user=sa").getMessage()).contains("names no server");
  }

  @Test
  void invalidValuesNameThePropertyAndTheAcceptedValues() {
    assertThat(failure("jdbc:jctds:s;portNumber=abc").getMessage())
        .contains("'abc'")
        .contains("JDBC URL property portNumber")
        .contains("1 to 65535");
    assertThat(failure("jdbc:jctds:s;encryption=maybe").getMessage())
        .contains("off, request, require, strict");
    assertThat(failure("jdbc:jctds:s;encrypt=perhaps").getMessage())
        .contains("true, false, mandatory, optional, strict");
    assertThat(failure("jdbc:jctds:s;packetSize=100").getMessage()).contains("512 to 65535");
    assertThat(failure("jdbc:jctds:s;trustServerCertificate=1").getMessage())
        .contains("true, false, yes, no, on, off");
    assertThat(failure("jdbc:jctds:s;tdsVersion=9.1").getMessage()).contains("7.4, 8.0, auto");
  }

  @Test
  void notOurUrl() throws SQLException {
    assertThat(parse("jdbc:sqlserver://h;user=sa")).isNull();
    assertThat(parse("jdbc:jtds:sqlserver://h")).isNull();
    assertThat(JdbcUrl.accepts(null)).isFalse();
    assertThat(parse("JDBC:JCTDS:s").server()).isEqualTo("s");
  }

  @Test
  void defaultLoginTimeoutAppliesWhenNoPropertySetsOne() throws SQLException {
    JdbcUrl.Context dm = new JdbcUrl.Context("connection property", null, 7);
    assertThat(JdbcUrl.parse("jdbc:jctds:s", null, dm).options().loginTimeout())
        .contains(Duration.ofSeconds(7));
    assertThat(JdbcUrl.parse("jdbc:jctds:s;loginTimeout=3", null, dm).options().loginTimeout())
        .contains(Duration.ofSeconds(3));
  }
}
