package io.jctds.jdbc;

import io.jctds.ConnectOptions;
import io.jctds.Connection;
import io.jctds.Jctds;
import io.jctds.config.ConfigResolver;
import io.jctds.server.EncryptionPolicy;
import io.jctds.server.TdsServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/** The embedded server for the values tests: native jctds and mssql-jdbc connections to it. */
final class ValuesServer {
  private ValuesServer() {}

  static TdsServer start() {
    try {
      return TdsServer.builder()
          .port(0)
          .encryption(EncryptionPolicy.OFF)
          .user("sa", "pw")
          .build()
          .start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A native connection in auto-commit mode that reads no freetds.conf. */
  static Connection jctds(TdsServer server) {
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
            .autocommit(true)
            .port(server.port())
            .configResolver(r)
            .build();
    return Jctds.connect("127.0.0.1", o);
  }

  /** mssql-jdbc 13.6.2, the reference. */
  static java.sql.Connection mssql(TdsServer server) throws SQLException {
    return DriverManager.getConnection(
        "jdbc:sqlserver://127.0.0.1:"
            + server.port()
            + ";encrypt=false;trustServerCertificate=true;responseBuffering=full;user=sa;password=pw");
  }
}
