package io.jctds.protocol.type;

import static io.jctds.protocol.Bytes.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jctds.protocol.Bytes;
import io.jctds.protocol.TdsProtocolException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CollationTest {
  @Test
  void sqlLatin1GeneralCp1CiAsIsSortId52OnCp1252() {
    Collation c = Collation.fromBytes(hex("09 04 D0 00 34"));
    assertThat(c).isEqualTo(Collation.SQL_LATIN1_GENERAL_CP1_CI_AS);
    assertThat(c.lcid()).isEqualTo(1033);
    assertThat(c.sortId()).isEqualTo(52);
    assertThat(c.flags())
        .isEqualTo(Collation.IGNORE_CASE | Collation.IGNORE_KANA | Collation.IGNORE_WIDTH);
    assertThat(c.codePage()).isEqualTo(1252);
    assertThat(c.charset()).isEqualTo(Charset.forName("windows-1252"));
    assertThat(c.toBytes()).containsExactly(hex("09 04 D0 00 34"));
    assertThat(Bytes.encode(c::encode)).containsExactly(hex("09 04 D0 00 34"));
  }

  @Test
  void windowsCollationsUseTheLcid() {
    assertThat(Collation.fromBytes(hex("09 04 D0 00 00")).codePage()).isEqualTo(1252);
    assertThat(new Collation(0x0419, 1, 0, 0).codePage()).isEqualTo(1251); // Cyrillic_General
    assertThat(new Collation(0x0411, 1, 0, 0).codePage()).isEqualTo(932); // Japanese
    assertThat(new Collation(0x0804, 1, 0, 0).codePage()).isEqualTo(936); // Chinese_PRC
    assertThat(new Collation(0x0404, 1, 0, 0).codePage()).isEqualTo(950); // Chinese_Taiwan
    assertThat(new Collation(0x0412, 1, 0, 0).codePage()).isEqualTo(949); // Korean
    assertThat(new Collation(0x0405, 1, 0, 0).codePage()).isEqualTo(1250); // Czech
    assertThat(new Collation(0x0408, 1, 0, 0).codePage()).isEqualTo(1253); // Greek
    assertThat(new Collation(0x041F, 1, 0, 0).codePage()).isEqualTo(1254); // Turkish
    assertThat(new Collation(0x040D, 1, 0, 0).codePage()).isEqualTo(1255); // Hebrew
    assertThat(new Collation(0x0401, 1, 0, 0).codePage()).isEqualTo(1256); // Arabic
    assertThat(new Collation(0x0425, 1, 0, 0).codePage()).isEqualTo(1257); // Estonian
    assertThat(new Collation(0x042A, 1, 0, 0).codePage()).isEqualTo(1258); // Vietnamese
    assertThat(new Collation(0x041E, 1, 0, 0).codePage()).isEqualTo(874); // Thai
    assertThat(new Collation(0x0C1A, 1, 0, 0).codePage()).isEqualTo(1251); // Serbian Cyrillic
    assertThat(new Collation(0x081A, 1, 0, 0).codePage()).isEqualTo(1250); // Serbian Latin
    assertThat(new Collation(0x0439, 1, 0, 0).codePage()).isZero(); // Hindi: Unicode only
    assertThat(new Collation(0x0439, 1, 0, 0).charset()).isEqualTo(Charset.forName("windows-1252"));
  }

  @Test
  void sqlSortIdsDecideTheCodePage() {
    assertThat(new Collation(0x409, 0, 0, 30).codePage()).isEqualTo(437);
    assertThat(new Collation(0x409, 0, 0, 42).codePage()).isEqualTo(850);
    assertThat(new Collation(0x409, 0, 0, 51).codePage()).isEqualTo(1252);
    assertThat(new Collation(0x409, 0, 0, 82).codePage()).isEqualTo(1250);
    assertThat(new Collation(0x409, 0, 0, 106).codePage()).isEqualTo(1251);
    assertThat(new Collation(0x409, 0, 0, 114).codePage()).isEqualTo(1253);
    assertThat(new Collation(0x409, 0, 0, 130).codePage()).isEqualTo(1254);
    assertThat(new Collation(0x409, 0, 0, 138).codePage()).isEqualTo(1255);
    assertThat(new Collation(0x409, 0, 0, 146).codePage()).isEqualTo(1256);
    assertThat(new Collation(0x409, 0, 0, 154).codePage()).isEqualTo(1257);
    assertThat(new Collation(0x409, 0, 0, 193).codePage()).isEqualTo(932);
    assertThat(new Collation(0x409, 0, 0, 198).codePage()).isEqualTo(936);
    assertThat(new Collation(0x409, 0, 0, 195).codePage()).isEqualTo(949);
    assertThat(new Collation(0x409, 0, 0, 197).codePage()).isEqualTo(950);
    assertThat(new Collation(0x409, 0, 0, 205).codePage()).isEqualTo(874);
    for (int cp : new int[] {437, 850, 874, 932, 936, 949, 950, 1250, 1258}) {
      int sort = cp == 437 ? 30 : cp == 850 ? 40 : cp == 874 ? 204 : cp == 932 ? 192 : 0;
      if (sort != 0) {
        assertThat(new Collation(0x409, 0, 0, sort).charset()).isNotNull();
      }
    }
  }

  @Test
  void utf8CollationsAreUtf8() {
    Collation c = Collation.LATIN1_GENERAL_100_CI_AS_SC_UTF8;
    assertThat(c.isUtf8()).isTrue();
    assertThat(c.codePage()).isEqualTo(65001);
    assertThat(c.charset()).isEqualTo(StandardCharsets.UTF_8);
    assertThat(Collation.fromBytes(c.toBytes())).isEqualTo(c);
    assertThat(Collation.of(c.info(), c.sortId())).isEqualTo(c);
  }

  @Test
  void rejectsBadInput() {
    assertThatThrownBy(() -> Collation.fromBytes(new byte[4]))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Collation(1 << 20, 0, 0, 0))
        .isInstanceOf(IllegalArgumentException.class);
    Bytes.assertEveryPrefixFails(hex("09 04 D0 00 34"), Collation::decode);
    assertThatThrownBy(() -> Collation.decode(Bytes.buf("09 04")))
        .isInstanceOf(TdsProtocolException.class)
        .hasMessageContaining("collation");
  }
}
