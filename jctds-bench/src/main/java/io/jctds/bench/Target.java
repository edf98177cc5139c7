package io.jctds.bench;

import java.nio.file.Path;

/**
 * Where the clients connect: the embedded server's port, whether TLS is required, and the PEM of
 * the certificate to trust.
 */
record Target(String host, int port, boolean tls, Path caPem, String user, String password) {
  static final String USER = "bench";
  static final String PASSWORD = "Bench-pw-1";
}
