package io.jctds.jdbc;

import io.jctds.ConnectOptions;
import io.jctds.Jctds;
import io.jctds.config.ConfigResolver;
import io.jctds.server.TdsServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** The embedded server for the driver's tests, and JDBC connections to it that read no config. */
final class JdbcServer {
  private JdbcServer() {}

  static TdsServer start() {
    try {
      return TdsServer.builder().port(0).user("sa", "pw").build().start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static ConnectOptions options(TdsServer server) {
    return options(server.port());
  }

  static ConnectOptions options(int port) {
    ConfigResolver r =
        ConfigResolver.builder()
            .environment(Map.of())
            .userHome(null)
            .systemFiles(List.of())
            .interfacesDirectory(Path.of("/nonexistent-jctds-interfaces"))
            .build();
    return ConnectOptions.builder()
        .user("sa")
        .password("pw")
        .loginTimeout(10)
        .autocommit(true) // JDBC: a new connection is in auto-commit mode
        .port(port)
        .configResolver(r)
        .build();
  }

  /** A JDBC connection over a native one, as the driver makes it. */
  static JctdsConnection connect(TdsServer server) {
    return connect(server.port());
  }

  static JctdsConnection connect(int port) {
    ConnectOptions o = options(port);
    JdbcConfig cfg = new JdbcConfig("jdbc:jctds://127.0.0.1:" + port, "127.0.0.1", o, true);
    return new JctdsConnection(cfg, Jctds.connect("127.0.0.1", o));
  }
}
