package io.jctds.server.tsql;

import static org.assertj.core.api.Assertions.assertThat;

import io.jctds.server.catalog.ObjectIds;
import org.junit.jupiter.api.Test;

/** OBJECT_ID, OBJECT_NAME and OBJECT_SCHEMA_NAME for every kind of schema-scoped object. */
class CatalogObjectNamesTest extends EngineTest {

  @Test
  void constraintsAndSequencesHaveIdsAndNames() {
    ok("CREATE TABLE dbo.on_t (id int CONSTRAINT pk_on_t PRIMARY KEY)");
    ok("CREATE SEQUENCE dbo.on_s");
    // "OBJECT_ID (Transact-SQL)": the id of a schema-scoped object, i.e. any object sys.objects
    // lists ("sys.objects (Transact-SQL)": PRIMARY KEY constraints and sequence objects included)
    assertThat(scalar("SELECT OBJECT_ID('dbo.pk_on_t')"))
        .isEqualTo(ObjectIds.of("master", "dbo", "pk_on_t"));
    assertThat(scalar("SELECT OBJECT_ID('on_s')")).isEqualTo(ObjectIds.of("master", "dbo", "on_s"));
    // "OBJECT_NAME (Transact-SQL)" / "OBJECT_SCHEMA_NAME (Transact-SQL)": name and schema of the id
    assertThat(scalar("SELECT OBJECT_NAME(OBJECT_ID('pk_on_t'))")).isEqualTo("pk_on_t");
    assertThat(scalar("SELECT OBJECT_SCHEMA_NAME(OBJECT_ID('pk_on_t'))")).isEqualTo("dbo");
    assertThat(scalar("SELECT OBJECT_NAME(OBJECT_ID('dbo.on_s'))")).isEqualTo("on_s");
  }

  @Test
  void missingObjectsHaveNoId() {
    // "OBJECT_ID (Transact-SQL)": NULL when there is no such object
    assertThat(scalar("SELECT OBJECT_ID('dbo.on_nothing')")).isNull();
    assertThat(scalar("SELECT OBJECT_NAME(12345)")).isNull();
  }

  @Test
  void temporaryTablesAreNamedAsTempdbStoresThem() {
    ok("CREATE TABLE #on_tmp (a int)");
    // "OBJECT_NAME (Transact-SQL)": with database_id 2 (tempdb, "tempdb database") the name in
    // tempdb; "CREATE TABLE (Transact-SQL)", temporary tables: the name plus a suffix, the name
    // limited to 116 characters so that the whole is 128
    String name = (String) scalar("SELECT OBJECT_NAME(OBJECT_ID('tempdb..#on_tmp'), 2)");
    assertThat(name).startsWith("#on_tmp_").hasSize(128);
    // "OBJECT_NAME (Transact-SQL)": without database_id, the current database (master) is searched
    assertThat(scalar("SELECT OBJECT_NAME(OBJECT_ID('tempdb..#on_tmp'))")).isNull();
  }
}
