package io.jctds.jdbc.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.jctds.server.TdsServer;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.SqlOutParameter;
import org.springframework.jdbc.core.SqlParameter;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.SimpleJdbcCall;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Spring JDBC 7.0.10 over jctds-jdbc (issue 13): JdbcTemplate CRUD and batch,
 * NamedParameterJdbcTemplate, SimpleJdbcCall with OUT parameters, and a transaction rolled back by
 * an exception (DataSourceTransactionManager).
 */
class SpringJdbcIT {
  private static TdsServer server;
  private static HikariDataSource ds;
  private JdbcTemplate jdbc;

  @BeforeAll
  static void start() {
    server = ItServer.start();
    HikariConfig c = new HikariConfig();
    c.setJdbcUrl(ItServer.url(server));
    c.setUsername("sa");
    c.setPassword("pw");
    c.setMaximumPoolSize(4);
    ds = new HikariDataSource(c);
    new JdbcTemplate(ds)
        .execute(
            "CREATE PROCEDURE dbo.person_count @min_age int, @n int OUTPUT, @oldest nvarchar(50)"
                + " OUTPUT AS\n"
                + "SELECT @n = COUNT(*) FROM dbo.person WHERE age >= @min_age\n"
                + "SELECT TOP 1 @oldest = name FROM dbo.person ORDER BY age DESC");
  }

  @AfterAll
  static void stop() {
    ds.close();
    server.close();
  }

  @BeforeEach
  void table() {
    jdbc = new JdbcTemplate(ds);
    jdbc.execute("IF OBJECT_ID('dbo.person') IS NOT NULL DROP TABLE dbo.person");
    jdbc.execute(
        "CREATE TABLE dbo.person (id int IDENTITY PRIMARY KEY, name nvarchar(50) NOT NULL UNIQUE,"
            + " age int NOT NULL)");
  }

  @Test
  void crudAndBatch() {
    assertThat(jdbc.update("INSERT INTO dbo.person (name, age) VALUES (?, ?)", "Ada", 36))
        .isEqualTo(1);
    int[] counts =
        jdbc.batchUpdate(
            "INSERT INTO dbo.person (name, age) VALUES (?, ?)",
            List.of(new Object[] {"Grace", 85}, new Object[] {"Edsger", 72}));
    assertThat(counts).containsExactly(1, 1);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM dbo.person", Integer.class)).isEqualTo(3);
    List<Integer> ages =
        jdbc.query("SELECT age FROM dbo.person ORDER BY age", (rs, i) -> rs.getInt("age"));
    assertThat(ages).containsExactly(36, 72, 85);
    assertThat(jdbc.update("UPDATE dbo.person SET age = age + 1 WHERE age > ?", 50)).isEqualTo(2);
    assertThat(jdbc.update("DELETE FROM dbo.person WHERE age = ?", 37)).isZero();
    assertThatThrownBy(
            () -> jdbc.update("INSERT INTO dbo.person (name, age) VALUES (?, ?)", "Ada", 1))
        .isInstanceOf(DataIntegrityViolationException.class);
  }

  @Test
  void namedParameters() {
    NamedParameterJdbcTemplate named = new NamedParameterJdbcTemplate(ds);
    named.update(
        "INSERT INTO dbo.person (name, age) VALUES (:name, :age)",
        new MapSqlParameterSource().addValue("name", "Alan").addValue("age", 41));
    named.update(
        "INSERT INTO dbo.person (name, age) VALUES (:name, :age)",
        new MapSqlParameterSource().addValue("name", "Barbara").addValue("age", 60));
    Integer n =
        named.queryForObject(
            "SELECT COUNT(*) FROM dbo.person WHERE age BETWEEN :lo AND :hi",
            Map.of("lo", 40, "hi", 50),
            Integer.class);
    assertThat(n).isEqualTo(1);
  }

  @Test
  void simpleJdbcCallWithOutParameters() {
    jdbc.update("INSERT INTO dbo.person (name, age) VALUES (?, ?)", "Ada", 36);
    jdbc.update("INSERT INTO dbo.person (name, age) VALUES (?, ?)", "Grace", 85);
    SimpleJdbcCall call =
        new SimpleJdbcCall(ds)
            .withSchemaName("dbo")
            .withProcedureName("person_count")
            .withoutProcedureColumnMetaDataAccess()
            .declareParameters(
                new SqlParameter("min_age", Types.INTEGER),
                new SqlOutParameter("n", Types.INTEGER),
                new SqlOutParameter("oldest", Types.NVARCHAR));
    Map<String, Object> out = call.execute(Map.of("min_age", 30));
    assertThat(out).containsEntry("n", 2).containsEntry("oldest", "Grace");
  }

  @Test
  void anExceptionRollsTheTransactionBack() {
    TransactionTemplate tx = new TransactionTemplate(new DataSourceTransactionManager(ds));
    assertThatThrownBy(
            () ->
                tx.executeWithoutResult(
                    s -> {
                      jdbc.update("INSERT INTO dbo.person (name, age) VALUES (?, ?)", "Tx", 1);
                      throw new IllegalStateException("boom");
                    }))
        .isInstanceOf(IllegalStateException.class);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM dbo.person", Integer.class)).isZero();
    tx.executeWithoutResult(
        s -> jdbc.update("INSERT INTO dbo.person (name, age) VALUES (?, ?)", "Kept", 2));
    List<String> names =
        new ArrayList<>(jdbc.queryForList("SELECT name FROM dbo.person", String.class));
    assertThat(names).containsExactly("Kept");
  }
}
