package io.jctds;

import io.jctds.server.EncryptionPolicy;
import io.jctds.server.TdsServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * An embedded server for one test class (127.0.0.1, an ephemeral port, encryption off, login {@code
 * sa}/{@code pw}) and connections to it through a freetds.conf of its own, in autocommit:
 * {@code @RegisterExtension static final PlainServer SERVER = new PlainServer();}.
 */
final class PlainServer implements BeforeAllCallback, AfterAllCallback {
  private TdsServer server;
  private Path dir;

  @Override
  public void beforeAll(ExtensionContext context) throws IOException {
    dir = Files.createTempDirectory("jctds-plain-server");
    server =
        TdsServer.builder()
            .port(0)
            .encryption(EncryptionPolicy.OFF)
            .user("sa", "pw")
            .build()
            .start();
  }

  @Override
  public void afterAll(ExtensionContext context) throws IOException {
    try {
      server.close();
    } finally {
      try (Stream<Path> files = Files.walk(dir)) {
        files.sorted(Comparator.reverseOrder()).forEach(PlainServer::delete);
      }
    }
  }

  private static void delete(Path p) {
    try {
      Files.deleteIfExists(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The running server. */
  TdsServer server() {
    return server;
  }

  /** A new connection in autocommit. */
  Connection connect() {
    TestWorld w = new TestWorld(dir);
    Path conf = w.conf(server.port(), "encryption = off");
    Connection c = Jctds.connect("rogue", w.options(conf, "pw").build());
    c.autocommit(true);
    return c;
  }
}
