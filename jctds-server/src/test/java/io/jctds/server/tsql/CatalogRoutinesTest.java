package io.jctds.server.tsql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Procedures and functions in the catalog. Sources: "sys.objects (Transact-SQL)" (type P
 * SQL_STORED_PROCEDURE, FN SQL_SCALAR_FUNCTION), "sys.procedures", "sys.parameters",
 * "sys.sql_modules", "OBJECT_ID", "OBJECT_DEFINITION", "ROUTINES" and "PARAMETERS" (Transact-SQL),
 * "sys.types" for the type ids (int 56, varchar 167, decimal 106).
 */
class CatalogRoutinesTest extends EngineTest {

  private static final String PROC =
      "CREATE PROCEDURE dbo.ship @order int, @carrier varchar(10) = 'post', @cost decimal(8,2)"
          + " OUTPUT\nAS\nSET @cost = 4.5";
  private static final String FUNC =
      "CREATE FUNCTION dbo.net(@gross decimal(8,2)) RETURNS decimal(8,2)\nAS BEGIN RETURN"
          + " @gross / 1.2 END";

  /** A sys.parameters row: system_type_id, precision, scale tinyint, max_length smallint. */
  private static List<Object> param(
      String object,
      String name,
      int id,
      int type,
      int length,
      int precision,
      int scale,
      boolean output) {
    return Arrays.asList(
        object,
        name,
        id,
        (short) type,
        (short) length,
        (short) precision,
        (short) scale,
        output,
        false);
  }

  @BeforeEach
  void dropRoutines() {
    ok("DROP PROCEDURE IF EXISTS ship; DROP FUNCTION IF EXISTS net");
  }

  @Test
  void proceduresAndFunctionsAreObjects() {
    ok(PROC);
    ok(FUNC);
    RecordingSink s =
        ok(
            "SELECT name, type, type_desc, schema_id, parent_object_id FROM sys.objects"
                + " WHERE name IN ('ship', 'net') ORDER BY name");
    assertThat(s.rows())
        .containsExactly(
            List.of("net", "FN", "SQL_SCALAR_FUNCTION", 1, 0),
            List.of("ship", "P ", "SQL_STORED_PROCEDURE", 1, 0));
    // "sys.procedures": sys.objects' procedures only
    assertThat(ok("SELECT name FROM sys.procedures").rows()).containsExactly(List.of("ship"));
    // "OBJECT_ID": the id sys.objects shows; with a type, only an object of that type
    assertThat(
            scalar(
                "SELECT CASE WHEN OBJECT_ID('dbo.ship') = (SELECT object_id FROM sys.objects"
                    + " WHERE name = 'ship') THEN 1 ELSE 0 END"))
        .isEqualTo(1);
    assertThat(scalar("SELECT CASE WHEN OBJECT_ID(N'ship', N'P') IS NULL THEN 0 ELSE 1 END"))
        .isEqualTo(1);
    assertThat(scalar("SELECT OBJECT_ID(N'ship', N'U')")).isNull();
    assertThat(scalar("SELECT OBJECT_NAME(OBJECT_ID('net'))")).isEqualTo("net");
  }

  @Test
  void parametersAndReturnValues() {
    ok(PROC);
    ok(FUNC);
    RecordingSink s =
        ok(
            "SELECT OBJECT_NAME(object_id), name, parameter_id, system_type_id, max_length,"
                + " [precision], scale, is_output, has_default_value FROM sys.parameters"
                + " ORDER BY OBJECT_NAME(object_id), parameter_id");
    // "sys.parameters": a scalar function's return value is parameter 0 with an empty name;
    // has_default_value is 0 for Transact-SQL modules
    assertThat(s.rows())
        .containsExactly(
            param("net", "", 0, 106, 5, 8, 2, true),
            param("net", "@gross", 1, 106, 5, 8, 2, false),
            param("ship", "@order", 1, 56, 4, 10, 0, false),
            param("ship", "@carrier", 2, 167, 10, 0, 0, false),
            param("ship", "@cost", 3, 106, 5, 8, 2, true));
    s =
        ok(
            "SELECT SPECIFIC_NAME, ORDINAL_POSITION, PARAMETER_MODE, IS_RESULT, PARAMETER_NAME,"
                + " DATA_TYPE FROM INFORMATION_SCHEMA.PARAMETERS"
                + " ORDER BY SPECIFIC_NAME, ORDINAL_POSITION");
    // "PARAMETERS": ordinal 0 is a function's return value, OUT, IS_RESULT YES, no name
    assertThat(s.rows())
        .containsExactly(
            Arrays.asList("net", 0, "OUT", "YES", null, "decimal"),
            Arrays.asList("net", 1, "IN", "NO", "@gross", "decimal"),
            Arrays.asList("ship", 1, "IN", "NO", "@order", "int"),
            Arrays.asList("ship", 2, "IN", "NO", "@carrier", "varchar"),
            Arrays.asList("ship", 3, "INOUT", "NO", "@cost", "decimal"));
  }

  @Test
  void definitionsAndRoutines() {
    ok(PROC);
    ok(FUNC);
    // "sys.sql_modules" / "OBJECT_DEFINITION": the text of the CREATE statement
    assertThat(scalar("SELECT definition FROM sys.sql_modules WHERE object_id = OBJECT_ID('ship')"))
        .isEqualTo(PROC);
    assertThat(scalar("SELECT OBJECT_DEFINITION(OBJECT_ID('dbo.net'))")).isEqualTo(FUNC);
    RecordingSink s =
        ok(
            "SELECT ROUTINE_CATALOG, ROUTINE_SCHEMA, ROUTINE_NAME, ROUTINE_TYPE, DATA_TYPE,"
                + " NUMERIC_PRECISION, ROUTINE_BODY FROM INFORMATION_SCHEMA.ROUTINES"
                + " ORDER BY ROUTINE_NAME");
    // "ROUTINES": the return value's columns are NULL for procedures
    assertThat(s.rows())
        .containsExactly(
            Arrays.asList("master", "dbo", "net", "FUNCTION", "decimal", (short) 8, "SQL"),
            Arrays.asList("master", "dbo", "ship", "PROCEDURE", null, null, "SQL"));
  }

  @Test
  void aRolledBackCreateIsGoneAndDropRemovesIt() {
    ok("BEGIN TRAN");
    ok(PROC);
    assertThat(scalar("SELECT COUNT(*) FROM sys.procedures")).isEqualTo(1);
    ok("ROLLBACK");
    // transactional DDL: the procedure created in the rolled back transaction does not exist
    assertThat(scalar("SELECT COUNT(*) FROM sys.procedures")).isEqualTo(0);
    assertThat(error("EXEC ship 1")).isEqualTo(2812);
    ok(PROC);
    ok("DROP PROCEDURE ship");
    assertThat(scalar("SELECT OBJECT_ID('ship')")).isNull();
  }
}
