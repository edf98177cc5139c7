package io.jctds.jdbc.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.jctds.jdbc.JctdsDataSource;
import io.jctds.server.TdsServer;
import java.math.BigDecimal;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Flyway 12.4.0 (flyway-core + flyway-sqlserver) over a {@link JctdsDataSource} (issue 13). Through
 * a DataSource Flyway picks its database support by {@code
 * DatabaseMetaData.getDatabaseProductName()} ("Microsoft SQL Server"), so these tests run Flyway's
 * SQL Server code: sp_getapplock around the migration, SERVERPROPERTY, DB_NAME(), @@OPTIONS, the
 * schema history table it creates, the GO batch separator, and one transaction per migration.
 * Expected behaviour is Flyway's documented behaviour (documentation.red-gate.com/fd: migrate,
 * info, validate; "Migrations / Transactions": on a database with transactional DDL a failed
 * migration is rolled back and not recorded in the schema history). clean() needs what the embedded
 * server cannot do (see {@link #cleanIsRefusedByTheEmbeddedServerAndChangesNothing}).
 */
class FlywayIT {
  private static final String SHOP = "classpath:db/migration/shop";
  private static final String BROKEN = "classpath:db/migration/broken";

  private TdsServer server;
  private JctdsDataSource dataSource;

  /**
   * A fresh server and an application database of its own, as Flyway is used (master's dbo holds
   * the server's jctds_bench_sink table, and Flyway refuses to migrate a non-empty schema that has
   * no schema history).
   */
  @BeforeEach
  void start() throws SQLException {
    server = ItServer.start();
    dataSource = new JctdsDataSource();
    dataSource.setURL(ItServer.url(server));
    dataSource.setUser("sa");
    dataSource.setPassword("pw");
    try (Connection c = dataSource.getConnection()) {
      update(c, "CREATE DATABASE shop");
    }
    dataSource.setDatabaseName("shop");
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private Flyway flyway(String... locations) {
    return Flyway.configure().dataSource(dataSource).locations(locations).load();
  }

  @Test
  void migratesFourScriptsValidatesAndRerunsIdempotently() throws SQLException {
    Flyway flyway = flyway(SHOP);
    assertThat(flyway.info().pending()).hasSize(4);

    MigrateResult first = flyway.migrate();
    assertThat(first.success).isTrue();
    assertThat(first.migrationsExecuted).isEqualTo(4);
    assertThat(first.targetSchemaVersion).isEqualTo("4");
    assertThat(first.database).isEqualTo("shop");

    MigrationInfo[] applied = flyway.info().applied();
    assertThat(Arrays.stream(applied).map(m -> m.getVersion().getVersion()))
        .containsExactly("1", "2", "3", "4");
    assertThat(Arrays.stream(applied).map(MigrationInfo::getDescription))
        .containsExactly("tables", "indexes", "procedure", "seed data");
    assertThat(Arrays.stream(applied).map(MigrationInfo::getState))
        .containsOnly(MigrationState.SUCCESS);
    assertThat(Arrays.stream(applied).map(MigrationInfo::getInstalledBy)).containsOnly("sa");
    assertThat(flyway.info().pending()).isEmpty();
    assertThat(flyway.info().current().getVersion().getVersion()).isEqualTo("4");

    flyway.validate();
    assertThat(flyway.validateWithResult().validationSuccessful).isTrue();

    MigrateResult second = flyway(SHOP).migrate();
    assertThat(second.success).isTrue();
    assertThat(second.migrationsExecuted).isZero();
    assertThat(historyRows()).containsExactly("1:1", "2:1", "3:1", "4:1");

    try (Connection c = dataSource.getConnection()) {
      assertThat(queryInt(c, "SELECT COUNT(*) FROM dbo.customer")).isEqualTo(3);
      assertThat(queryInt(c, "SELECT COUNT(*) FROM dbo.orders")).isEqualTo(3);
      assertThat(customerTotal(c, 1)).isEqualByComparingTo("14.75");
      assertThat(customerTotal(c, 3)).isEqualByComparingTo("0");
      // V1's foreign key and V2's unique index are in force
      assertThatThrownBy(
              () -> update(c, "INSERT INTO dbo.orders (customer_id, amount) VALUES (9, 1)"))
          .isInstanceOf(SQLException.class)
          .satisfies(e -> assertThat(((SQLException) e).getErrorCode()).isEqualTo(547));
      assertThatThrownBy(
              () ->
                  update(
                      c,
                      "INSERT INTO dbo.customer (id, name, email) VALUES (4, N'x', 'ada@example.org')"))
          .isInstanceOf(SQLException.class)
          .satisfies(e -> assertThat(((SQLException) e).getErrorCode()).isEqualTo(2601));
      assertThat(
              queryInt(
                  c,
                  "SELECT COUNT(*) FROM sys.indexes WHERE name IN"
                      + " ('ix_orders_customer', 'ux_customer_email')"))
          .isEqualTo(2);
    }
  }

  @Test
  void aFailingScriptFailsMigrateAndIsRolledBack() throws SQLException {
    assertThat(flyway(SHOP).migrate().migrationsExecuted).isEqualTo(4);

    Flyway withBroken = flyway(SHOP, BROKEN);
    assertThatThrownBy(withBroken::migrate)
        .isInstanceOf(FlywayException.class)
        .hasMessageContaining("V5__broken.sql")
        .hasMessageContaining("no_such_table");

    // SQL Server has transactional DDL: V5 ran in one transaction that was rolled back, so its
    // table is gone and the schema history has no row for it (no failed entry to repair)
    assertThat(historyRows()).containsExactly("1:1", "2:1", "3:1", "4:1");
    try (Connection c = dataSource.getConnection()) {
      assertThat(queryInt(c, "SELECT COUNT(*) FROM sys.objects WHERE name = 'audit'")).isZero();
      assertThat(queryInt(c, "SELECT COUNT(*) FROM dbo.customer")).isEqualTo(3);
    }
    MigrationInfo v5 = withBroken.info().pending()[0];
    assertThat(v5.getVersion().getVersion()).isEqualTo("5");
    assertThat(v5.getState()).isEqualTo(MigrationState.PENDING);
    assertThat(flyway(SHOP).validateWithResult().validationSuccessful).isTrue();
  }

  /**
   * Flyway cleans a SQL Server schema inside one transaction (SQL Server has transactional DDL): it
   * drops the foreign keys, tables and procedure that existed before that transaction. The embedded
   * server cannot undo a DROP or ALTER of an existing object (H2 commits DDL), so it refuses the
   * first one with SQL Server's error 226 instead of cleaning half the schema: clean() fails, the
   * transaction is rolled back, and the migrated schema is intact.
   */
  @Test
  void cleanIsRefusedByTheEmbeddedServerAndChangesNothing() throws SQLException {
    assertThat(flyway(SHOP).migrate().migrationsExecuted).isEqualTo(4);
    Flyway cleaning =
        Flyway.configure().dataSource(dataSource).locations(SHOP).cleanDisabled(false).load();

    FlywayException failure = catchThrowableOfType(FlywayException.class, cleaning::clean);
    assertThat(failure).isNotNull();
    SQLException cause = sqlCause(failure);
    assertThat(cause.getErrorCode()).isEqualTo(226);
    assertThat(cause.getMessage()).contains("not allowed within multi-statement transaction");

    assertThat(historyRows()).containsExactly("1:1", "2:1", "3:1", "4:1");
    try (Connection c = dataSource.getConnection()) {
      assertThat(
              queryInt(
                  c,
                  "SELECT COUNT(*) FROM sys.objects WHERE name IN ('customer', 'orders',"
                      + " 'customer_total', 'fk_orders_customer', 'flyway_schema_history')"))
          .isEqualTo(5);
      assertThat(queryInt(c, "SELECT COUNT(*) FROM dbo.orders")).isEqualTo(3);
      assertThat(customerTotal(c, 2)).isEqualByComparingTo("99.99");
    }
    assertThat(cleaning.migrate().migrationsExecuted).isZero();
  }

  /** version:success of each row of Flyway's schema history, in installed order. */
  private List<String> historyRows() throws SQLException {
    List<String> rows = new ArrayList<>();
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT [version], [success] FROM dbo.flyway_schema_history"
                    + " ORDER BY installed_rank")) {
      while (rs.next()) {
        rows.add(rs.getString(1) + ":" + (rs.getBoolean(2) ? 1 : 0));
      }
    }
    return rows;
  }

  /** The first SQLException in the cause chain of {@code t}. */
  private static SQLException sqlCause(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c instanceof SQLException e) {
        return e;
      }
    }
    throw new AssertionError("no SQLException in the causes of " + t, t);
  }

  private static BigDecimal customerTotal(Connection c, int customer) throws SQLException {
    try (CallableStatement call = c.prepareCall("{call dbo.customer_total(?, ?)}")) {
      call.setInt(1, customer);
      call.registerOutParameter(2, Types.DECIMAL, 2);
      call.execute();
      return call.getBigDecimal(2);
    }
  }

  private static int queryInt(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      assertThat(rs.next()).isTrue();
      return rs.getInt(1);
    }
  }

  private static void update(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.executeUpdate(sql);
    }
  }
}
