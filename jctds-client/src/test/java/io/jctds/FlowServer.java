package io.jctds;

import io.jctds.config.ConfigResolver;
import io.jctds.server.TdsServer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** The embedded server for the request-flow tests, and connections to it that read no config. */
final class FlowServer {
  private FlowServer() {}

  static TdsServer start() {
    return start(io.jctds.server.EncryptionPolicy.OFF);
  }

  /** A server with {@code policy}; REQUIRED makes the default client encrypt everything. */
  static TdsServer start(io.jctds.server.EncryptionPolicy policy) {
    try {
      return TdsServer.builder().port(0).encryption(policy).user("sa", "pw").build().start();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  static Connection connect(TdsServer server) {
    return connect(server, true);
  }

  static Connection connect(TdsServer server, boolean autocommit) {
    ConfigResolver r =
        ConfigResolver.builder()
            .environment(Map.of())
            .userHome(null)
            .systemFiles(List.of())
            .interfacesDirectory(Path.of("/nonexistent-jctds-interfaces"))
            .build();
    ConnectOptions o =
        ConnectOptions.builder()
            .user("sa")
            .password("pw")
            .loginTimeout(10)
            .autocommit(autocommit)
            .port(server.port())
            .configResolver(r)
            .build();
    return Jctds.connect("127.0.0.1", o);
  }
}
