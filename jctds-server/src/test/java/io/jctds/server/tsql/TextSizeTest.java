package io.jctds.server.tsql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * "SET TEXTSIZE (Transact-SQL)": the size, in bytes, of varchar(max), nvarchar(max),
 * varbinary(max), text, ntext and image data a SELECT returns (freebcp sets 4096 by default).
 */
class TextSizeTest extends EngineTest {
  @Test
  void textSizeCutsLargeValuesOfEveryKindToItsBytes() {
    RecordingSink s =
        ok(
            "SET TEXTSIZE 4\nSELECT CAST(0x0102030405 AS varbinary(max)) AS b,"
                + " CAST('abcdef' AS varchar(max)) AS v, CAST(N'abcdef' AS nvarchar(max)) AS n,"
                + " CAST(0x0102030405 AS varbinary(5)) AS small");
    // nvarchar(max) holds two bytes a character; varbinary(5) is no large type
    assertThat(s.rows().get(0).get(0)).isEqualTo(new byte[] {1, 2, 3, 4});
    assertThat(s.rows().get(0).subList(1, 3)).isEqualTo(List.of("abcd", "ab"));
    assertThat(s.rows().get(0).get(3)).isEqualTo(new byte[] {1, 2, 3, 4, 5});
  }
}
