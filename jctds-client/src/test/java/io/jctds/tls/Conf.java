package io.jctds.tls;

import io.jctds.config.ConfigResolver;
import io.jctds.config.ServerEntry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Resolves freetds.conf text written to a temp file, isolated from the machine's files and DNS. */
final class Conf {
  private Conf() {}

  /** Writes {@code text} to {@code dir/freetds.conf} and resolves {@code server} from it. */
  static ServerEntry resolve(Path dir, String text, String server) {
    return resolve(dir, text, server, Map.of());
  }

  static ServerEntry resolve(Path dir, String text, String server, Map<String, String> env) {
    Path file = dir.resolve("freetds.conf");
    try {
      Files.writeString(file, text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return ConfigResolver.builder()
        .file(file)
        .environment(env)
        .userHome(null)
        .systemFiles(List.of())
        .interfacesDirectory(dir)
        .hostResolver(host -> List.of(InetAddress.getByAddress(host, new byte[] {127, 0, 0, 1})))
        .build()
        .resolve(server);
  }
}
