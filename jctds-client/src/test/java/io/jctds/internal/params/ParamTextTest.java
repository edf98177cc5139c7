package io.jctds.internal.params;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jctds.ProgrammingError;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Marker rewriting. The lexical rules come from the T-SQL reference: string literals are '...' or
 * N'...' with a doubled quote inside ("Constants (Transact-SQL)"), delimited identifiers are "..."
 * or [...] with ]] / "" doubled ("Database identifiers"), comments are -- to the end of the line
 * and /* ... *&#47; which nest ("Slash Star (Transact-SQL)": nested comments are supported), and
 * {@code ::} is the scope operator ("::" in "Operators"). The marker syntax is k-cTDS's (docs
 * "Executing SQL Statements": numeric {@code :0}, named {@code :name}).
 */
class ParamTextTest {

  @Test
  void numericMarkersBecomePNames() {
    ParamText.Rewritten r =
        ParamText.numeric("SELECT * FROM MyTable WHERE Id = :0 AND OtherId = :1", 2);
    assertThat(r.sql()).isEqualTo("SELECT * FROM MyTable WHERE Id = @P0 AND OtherId = @P1");
    assertThat(r.used()).containsExactly("0", "1");
  }

  @Test
  void usedInOrderOfFirstUseAndRepeatsOnce() {
    ParamText.Rewritten r = ParamText.numeric("SELECT :1, :0, :1, :10", 11);
    assertThat(r.sql()).isEqualTo("SELECT @P1, @P0, @P1, @P10");
    assertThat(r.used()).containsExactly("1", "0", "10");
  }

  @Test
  void namedMarkers() {
    ParamText.Rewritten r =
        ParamText.named("SELECT :id, :Name_2 WHERE x=:id", Set.of("id", "Name_2", "unused"));
    assertThat(r.sql()).isEqualTo("SELECT @id, @Name_2 WHERE x=@id");
    assertThat(r.used()).containsExactly("id", "Name_2");
  }

  @Test
  void colonsInsideLiteralsIdentifiersAndCommentsStay() {
    String sql =
        "SELECT ':0', N'it''s :0', \"a:0\", [b:0]]:1], x::y -- :0 here\n"
            + "/* outer /* :0 nested */ still :0 */ :0";
    ParamText.Rewritten r = ParamText.numeric(sql, 1);
    assertThat(r.sql())
        .isEqualTo(
            "SELECT ':0', N'it''s :0', \"a:0\", [b:0]]:1], x::y -- :0 here\n"
                + "/* outer /* :0 nested */ still :0 */ @P0");
    assertThat(r.used()).containsExactly("0");
  }

  @Test
  void aLineCommentEndsAtTheLineAndDoubleColonIsLeftAlone() {
    ParamText.Rewritten r = ParamText.numeric("SELECT 1 -- :5\r:0, geometry::Point(:0::1)", 1);
    assertThat(r.sql()).isEqualTo("SELECT 1 -- :5\r@P0, geometry::Point(@P0::1)");
  }

  @Test
  void textWithoutMarkersIsReturnedAsIs() {
    String sql = "SELECT 'a:b', 1 : 2";
    ParamText.Rewritten r = ParamText.numeric(sql, 0);
    assertThat(r.sql()).isSameAs(sql);
    assertThat(r.used()).isEmpty();
  }

  @Test
  void unusedParametersAreAllowed() {
    assertThat(ParamText.numeric("SELECT :1", 3).used()).containsExactly("1");
  }

  @Test
  void aMissingNumericParameterIsAProgrammingErrorNamingIt() {
    assertThatThrownBy(() -> ParamText.numeric("SELECT :0, :2", 2))
        .isInstanceOf(ProgrammingError.class)
        .hasMessageContaining(":2")
        .hasMessageContaining("2 parameters were given");
    assertThatThrownBy(() -> ParamText.numeric("SELECT :99999999999999", 2))
        .isInstanceOf(ProgrammingError.class)
        .hasMessageContaining(":99999999999999");
  }

  @Test
  void aMissingNamedParameterIsAProgrammingErrorNamingIt() {
    assertThatThrownBy(() -> ParamText.named("SELECT :a, :missing", List.of("a")))
        .isInstanceOf(ProgrammingError.class)
        .hasMessageContaining(":missing");
  }

  @Test
  void namedStyleIgnoresNumericMarkersAndUnterminatedTextIsLeftToTheServer() {
    assertThat(ParamText.named("SELECT '12:30', :0", List.of()).sql())
        .isEqualTo("SELECT '12:30', :0");
    assertThat(ParamText.numeric("SELECT ':0", 1).sql()).isEqualTo("SELECT ':0");
    assertThat(ParamText.numeric("SELECT /* :0", 1).sql()).isEqualTo("SELECT /* :0");
  }
}
