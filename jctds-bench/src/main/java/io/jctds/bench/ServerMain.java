package io.jctds.bench;

import io.jctds.server.EncryptionPolicy;
import io.jctds.server.TdsServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The benchmark's server JVM: an embedded server on 127.0.0.1 (an ephemeral port) with a generated
 * certificate (encryption ON: clients choose plain or TLS). Prints {@code PORT n} and {@code PEM
 * file}, then serves until its standard input closes.
 */
public final class ServerMain {
  private ServerMain() {}

  /** Argument: the file to write the certificate to trust. */
  public static void main(String[] args) throws IOException {
    Path pem = Path.of(args[0]);
    try (TdsServer server =
        TdsServer.builder()
            .port(0)
            .encryption(EncryptionPolicy.ON)
            .user(Target.USER, Target.PASSWORD)
            .build()) {
      server.start();
      Files.writeString(pem, server.trustedCertificatePem(), StandardCharsets.US_ASCII);
      System.out.println("PORT " + server.port());
      System.out.println("CEILING " + Ceiling.serve(server));
      System.out.println("PEM " + pem);
      System.out.flush();
      while (System.in.read() >= 0) {
        // serve until the harness closes our standard input (or dies)
      }
    }
  }
}
