package io.jctds.jdbc.it;

import io.jctds.server.TdsServer;
import java.io.IOException;
import java.io.UncheckedIOException;

/** The embedded server the framework tests run against, and its jdbc:jctds URL. */
final class ItServer {
  private ItServer() {}

  static TdsServer start() {
    try {
      return TdsServer.builder().port(0).user("sa", "pw").build().start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A URL naming host and port, so no freetds.conf section is needed; encryption as a property. */
  static String url(TdsServer server) {
    return "jdbc:jctds://127.0.0.1:" + server.port() + ";encryption=off";
  }
}
