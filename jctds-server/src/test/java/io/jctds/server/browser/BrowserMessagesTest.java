package io.jctds.server.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The SQL Server Resolution Protocol datagrams as [MC-SQLR] 2.2 lays them out: CLNT_BCAST_EX is the
 * single byte 0x02, CLNT_UCAST_EX 0x03, CLNT_UCAST_INST 0x04 + INSTANCENAME (at most 32 bytes) +
 * NUL; SVR_RESP is 0x05, RESP_SIZE (2 bytes, little-endian), RESP_DATA {@code
 * ServerName;..;InstanceName;..;IsClustered;..;Version;..;tcp;PORT;;}.
 */
class BrowserMessagesTest {
  private static final BrowserMessages.Instance SQLEXPRESS =
      new BrowserMessages.Instance("DB1", "SQLEXPRESS", "16.0.1000.6", 51433);

  private static byte[] bytes(String latin1) {
    return latin1.getBytes(StandardCharsets.ISO_8859_1);
  }

  private static byte[] answer(byte[] request) {
    return BrowserMessages.answer(request, request.length, List.of(SQLEXPRESS)).orElse(null);
  }

  @Test
  void answersClntUcastInstWithTheInstanceAndItsTcpPort() {
    String data =
        "ServerName;DB1;InstanceName;SQLEXPRESS;IsClustered;No;Version;16.0.1000.6;tcp;51433;;";
    byte[] expected = new byte[3 + data.length()];
    expected[0] = 0x05;
    expected[1] = (byte) data.length(); // 84 bytes: RESP_SIZE 0x0054, little-endian
    expected[2] = 0x00;
    System.arraycopy(bytes(data), 0, expected, 3, data.length());

    assertThat(answer(bytes("\u0004SQLEXPRESS\u0000"))).isEqualTo(expected);
    assertThat(answer(bytes("\u0004sqlexpress\u0000")))
        .as("names compare case-insensitively")
        .isEqualTo(expected);
    assertThat(answer(bytes("\u0004SQLEXPRESS")))
        .as("without the NUL, as mssql-jdbc sends it (SQLServerConnection.getInstancePort)")
        .isEqualTo(expected);
  }

  @Test
  void answersClntUcastExAndClntBcastExWithEveryInstance() {
    BrowserMessages.Instance other = new BrowserMessages.Instance("DB1", "B", "16.0.1000.6", 2000);
    String data =
        "ServerName;DB1;InstanceName;SQLEXPRESS;IsClustered;No;Version;16.0.1000.6;tcp;51433;;"
            + "ServerName;DB1;InstanceName;B;IsClustered;No;Version;16.0.1000.6;tcp;2000;;";
    for (byte kind : new byte[] {0x02, 0x03}) {
      byte[] a = BrowserMessages.answer(new byte[] {kind}, 1, List.of(SQLEXPRESS, other)).get();
      assertThat(a[0]).isEqualTo((byte) 0x05);
      assertThat((a[1] & 0xff) | (a[2] & 0xff) << 8).isEqualTo(data.length());
      assertThat(new String(a, 3, a.length - 3, StandardCharsets.ISO_8859_1)).isEqualTo(data);
    }
  }

  @Test
  void respSizeIsLittleEndianAboveByteRange() {
    byte[] a = BrowserMessages.svrResp("x".repeat(300), 65535).get();
    assertThat(Arrays.copyOf(a, 3)).containsExactly(0x05, 0x2C, 0x01); // 300 = 0x012C
    assertThat(BrowserMessages.svrResp("x".repeat(1025), 1024)).isEmpty();
  }

  @Test
  void unknownInstanceAndMalformedDatagramsGetNoAnswer() {
    assertThat(answer(bytes("\u0004OTHER\u0000"))).as("unknown instance").isNull();
    assertThat(answer(bytes("\u0004\u0000"))).as("empty name").isNull();
    assertThat(answer(bytes("\u0004SQL\u0000EXPRESS\u0000"))).as("NUL inside").isNull();
    assertThat(answer(bytes("\u0004" + "A".repeat(33) + "\u0000"))).as("name > 32 bytes").isNull();
    assertThat(answer(new byte[0])).as("empty datagram").isNull();
    assertThat(answer(new byte[] {0x03, 0x00})).as("CLNT_UCAST_EX with trailing bytes").isNull();
    assertThat(answer(bytes("\u000fSQLEXPRESS"))).as("CLNT_UCAST_DAC: not served").isNull();
    assertThat(answer(new byte[] {0x05, 0, 0})).as("a SVR_RESP sent to the Browser").isNull();
    assertThat(BrowserMessages.answer(new byte[] {0x03}, 1, List.of())).isEmpty();
  }

  @Test
  void instanceNamesFollowSqlServerSetupRules() {
    BrowserMessages.checkInstanceName("SQLEXPRESS");
    BrowserMessages.checkInstanceName("_a1$b");
    for (String bad :
        new String[] {"", "1ABC", "A B", "A\\B", "ABCDEFGHIJKLMNOPQ", "MSSQLServer", "default"}) {
      assertThatThrownBy(() -> BrowserMessages.checkInstanceName(bad))
          .as(bad)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("instance name");
    }
  }
}
