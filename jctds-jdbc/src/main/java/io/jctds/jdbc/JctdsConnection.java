package io.jctds.jdbc;

/**
 * SKELETON (replaced by the lead's full java.sql.Connection): a JDBC connection over one jctds
 * connection. Helpers build against the constructor and {@link #nativeConnection()} only.
 */
public class JctdsConnection {
  private final JdbcConfig config;
  private final io.jctds.Connection nativeConnection;

  JctdsConnection(JdbcConfig config, io.jctds.Connection nativeConnection) {
    this.config = config;
    this.nativeConnection = nativeConnection;
  }

  JdbcConfig config() {
    return config;
  }

  io.jctds.Connection nativeConnection() {
    return nativeConnection;
  }

  public void close() {
    nativeConnection.close();
  }
}
