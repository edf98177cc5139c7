package io.jctds.jdbc;

import java.sql.SQLException;
import javax.sql.ConnectionPoolDataSource;
import javax.sql.PooledConnection;

/**
 * A {@link ConnectionPoolDataSource} for pools that manage {@link PooledConnection}s themselves
 * (application servers): the same bean properties as {@link JctdsDataSource}.
 */
public class JctdsConnectionPoolDataSource extends JctdsDataSource
    implements ConnectionPoolDataSource {

  public JctdsConnectionPoolDataSource() {}

  @Override
  public PooledConnection getPooledConnection() throws SQLException {
    JdbcConfig config = config(null, null);
    return new JctdsPooledConnection(config, JctdsDriver.open(config));
  }

  @Override
  public PooledConnection getPooledConnection(String user, String password) throws SQLException {
    JdbcConfig config = config(user, password);
    return new JctdsPooledConnection(config, JctdsDriver.open(config));
  }
}
