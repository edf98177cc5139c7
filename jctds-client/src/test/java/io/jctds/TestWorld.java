package io.jctds;

import io.jctds.config.ConfigResolver;
import io.jctds.server.tls.CertificateAuthority;
import io.jctds.server.tls.ServerCredentials;
import io.jctds.server.tls.ServerTlsContext;
import io.jctds.server.tls.ServerTlsPolicy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An isolated world for flow tests: a freetds.conf in a temp directory, a resolver that reads only
 * it (no environment, no home, no system file), and TLS server engines with a generated CA.
 */
final class TestWorld {
  private static final ServerTlsContext TLS;
  private static final String CA_PEM;

  static {
    CertificateAuthority ca = CertificateAuthority.generate("jctds test CA");
    ServerCredentials credentials = ca.issueServerCredentials(List.of());
    TLS = new ServerTlsContext(credentials, ServerTlsPolicy.DEFAULT);
    CA_PEM = credentials.trustAnchorPem();
  }

  final Path dir;
  final Map<String, String> env = new HashMap<>();

  TestWorld(Path dir) {
    this.dir = dir;
  }

  /** A server engine for the TDS 7.x path (TLS 1.2). */
  static io.jctds.protocol.tls.TlsEngine tds7Engine() {
    return TLS.newTds7Engine();
  }

  /** A server engine for the TDS 8.0 path (ALPN tds/8.0 required). */
  static io.jctds.protocol.tls.TlsEngine tds8Engine() {
    return TLS.newTds8Engine();
  }

  /** Writes the CA that signed the server certificate as a PEM file. */
  Path caFile() {
    return write("ca.pem", CA_PEM);
  }

  /** Writes {@code text} to {@code name} in the directory. */
  Path write(String name, String text) {
    try {
      return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A freetds.conf with a section {@code [rogue]} for 127.0.0.1:{@code port} plus {@code lines}.
   */
  Path conf(int port, String... lines) {
    StringBuilder s = new StringBuilder("[rogue]\n\thost = 127.0.0.1\n\tport = " + port + "\n");
    for (String line : lines) {
      s.append('\t').append(line).append('\n');
    }
    return write("freetds.conf", s.toString());
  }

  /** A resolver that reads {@code file} only. */
  ConfigResolver resolver(Path file) {
    return ConfigResolver.builder()
        .file(file)
        .environment(env)
        .userHome(null)
        .systemFiles(List.of())
        .interfacesDirectory(dir.resolve("no-interfaces"))
        .build();
  }

  /** Options for user sa with password {@code pw}, reading {@code file} only. */
  ConnectOptions.Builder options(Path file, String password) {
    return ConnectOptions.builder()
        .user("sa")
        .password(password)
        .loginTimeout(10)
        .configResolver(resolver(file));
  }
}
