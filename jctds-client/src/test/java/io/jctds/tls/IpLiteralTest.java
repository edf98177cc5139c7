package io.jctds.tls;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class IpLiteralTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "256.1.1.1",
        "1.2.3",
        "1.2.3.4.5",
        "01.2.3.4",
        "1.2.3.",
        "a.b.c.d",
        "1..3.4",
        ":::",
        "1:2:3:4:5:6:7:8:9",
        "1::2::3",
        "12345::",
        "fe80::1%eth0",
        "g::1",
        "[::1]",
        "1:2:3:4:5:6:7",
        "::1.2.3",
        "1:2:3:4:5:6:7:8::",
        "localhost",
        ""
      })
  void rejects(String text) {
    assertThat(IpLiteral.parse(text)).isNull();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "1.2.3.4              | 1.2.3.4",
        "0.0.0.0              | 0.0.0.0",
        "255.255.255.255      | 255.255.255.255",
        "::1                  | ::1",
        "::                   | ::",
        "1::                  | 1::",
        "2001:DB8::1          | 2001:db8::1",
        "0:0:0:0:0:0:0:1      | ::1",
        "1:0:0:1:0:0:0:1      | 1:0:0:1::1",
        "1:0:3:4:5:6:7:8      | 1:0:3:4:5:6:7:8",
        "1:2:3:4:5:6:7:8      | 1:2:3:4:5:6:7:8",
        "::ffff:1.2.3.4       | ::ffff:102:304",
        "1:2:3:4:5:6:1.2.3.4  | 1:2:3:4:5:6:102:304",
      })
  void parsesAndFormats(String text, String formatted) {
    byte[] address = IpLiteral.parse(text);
    assertThat(address).isNotNull();
    assertThat(address).hasSize(text.contains(":") ? 16 : 4);
    assertThat(IpLiteral.format(address)).isEqualTo(formatted);
    assertThat(IpLiteral.parse(formatted)).isEqualTo(address);
  }

  @Test
  void ipv4MappedStaysSixteenBytes() {
    byte[] mapped = IpLiteral.parse("::ffff:127.0.0.1");
    assertThat(mapped).hasSize(16);
    assertThat(mapped[10]).isEqualTo((byte) 0xff);
    assertThat(mapped[15]).isEqualTo((byte) 1);
  }
}
