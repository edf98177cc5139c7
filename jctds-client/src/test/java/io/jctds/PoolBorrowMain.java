package io.jctds;

import io.jctds.net.SocketTransport;
import io.jctds.server.EncryptionPolicy;
import io.jctds.server.TdsServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Not a test: measures what docs/pool.md quotes. (1) borrow+return of one healthy pooled connection
 * against the embedded server (the socket check is the only work: no round trip within
 * validationInterval); (2) the socket check alone, A/B in the same run: {@link
 * SocketTransport#quiet()} over a channel's socket (non-blocking read) and over a plain {@link
 * Socket} (1 ms timed read), alternating blocks. Prints medians and 90th percentiles.
 *
 * <p>Run from the worktree root after {@code mvn -o -B test-compile -pl jctds-client -am}: {@code
 * java -cp "$(cat jctds-client/target/cp.txt):jctds-client/target/classes:..."} — see docs/pool.md
 * for the exact command.
 */
public final class PoolBorrowMain {
  private PoolBorrowMain() {}

  /** Arguments: [borrows, default 10000]. */
  public static void main(String[] args) throws Exception {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
    Path dir = Files.createTempDirectory("poolprobe");
    try (TdsServer server =
        TdsServer.builder()
            .port(0)
            .encryption(EncryptionPolicy.OFF)
            .user("sa", "pw")
            .build()
            .start()) {
      TestWorld world = new TestWorld(dir);
      ConnectOptions o = world.options(world.conf(server.port(), "encryption = off"), "pw").build();
      try (ConnectionPool pool = ConnectionPool.builder("rogue", o).build()) {
        borrows(pool, n); // warm-up
        report("pool borrow+return", borrows(pool, n));
        System.out.println(pool.stats());
      }
    }
    probes(n);
  }

  private static long[] borrows(ConnectionPool pool, int n) {
    long[] t = new long[n];
    for (int i = 0; i < n; i++) {
      long start = System.nanoTime();
      try (Connection c = pool.borrow()) {
        if (c.isClosed()) {
          throw new AssertionError("closed");
        }
      }
      t[i] = System.nanoTime() - start;
    }
    return t;
  }

  private static void probes(int n) throws IOException {
    try (ServerSocket listener = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
      SocketChannel sc = SocketChannel.open(listener.getLocalSocketAddress());
      Socket plain = new Socket(InetAddress.getLoopbackAddress(), listener.getLocalPort());
      try (Socket peer1 = listener.accept();
          Socket peer2 = listener.accept();
          SocketTransport viaChannel = new SocketTransport(sc.socket());
          SocketTransport viaSocket = new SocketTransport(plain)) {
        int block = Math.max(1, n / 10);
        long[] a = new long[block * 10];
        long[] b = new long[block * 10];
        for (int round = 0; round < 10; round++) { // alternate: the machine is shared and noisy
          time(viaChannel, a, round * block, block);
          time(viaSocket, b, round * block, block);
        }
        report("quiet() over SocketChannel.socket()", a);
        report("quiet() over java.net.Socket", b);
      }
    }
  }

  private static void time(SocketTransport t, long[] into, int from, int count) {
    for (int i = from; i < from + count; i++) {
      long start = System.nanoTime();
      if (!t.quiet()) {
        throw new AssertionError("not quiet");
      }
      into[i] = System.nanoTime() - start;
    }
  }

  private static void report(String what, long[] nanos) {
    long[] s = nanos.clone();
    Arrays.sort(s);
    System.out.printf(
        "%-40s n=%d median=%.1f us p90=%.1f us%n",
        what, s.length, s[s.length / 2] / 1000.0, s[s.length * 9 / 10] / 1000.0);
  }
}
