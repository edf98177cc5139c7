package io.jctds.jdbc;

import java.sql.SQLException;
import java.sql.Savepoint;

/**
 * A savepoint ({@code SAVE TRANSACTION name}): named ones keep the caller's name; unnamed ones are
 * numbered and named {@code jctds_sp_N} on the server.
 */
record JctdsSavepoint(int id, String name) implements Savepoint {
  String serverName() {
    return name != null ? name : "jctds_sp_" + id;
  }

  @Override
  public int getSavepointId() throws SQLException {
    if (name != null) {
      throw new SQLException("a named savepoint has no id: use getSavepointName", "HY000");
    }
    return id;
  }

  @Override
  public String getSavepointName() throws SQLException {
    if (name == null) {
      throw new SQLException("an unnamed savepoint has no name: use getSavepointId", "HY000");
    }
    return name;
  }
}
