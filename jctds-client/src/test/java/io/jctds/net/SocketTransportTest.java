package io.jctds.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedByInterruptException;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link SocketTransport#quiet()}, the pool's check of an idle connection, over a loopback TCP
 * pair. What a read answers comes from the JDK's documentation: {@code ReadableByteChannel.read}
 * returns 0 when a non-blocking channel has nothing to read, -1 at the end of the stream, else the
 * bytes read; {@code AbstractInterruptibleChannel}: a thread interrupted in (or entering) a
 * blocking operation closes the channel and gets {@code ClosedByInterruptException}. SQL Server
 * sends nothing between responses ([MS-TDS] 2.1: the client sends a request, the server answers
 * it), so any byte or the end of the stream means the idle connection must not be used.
 */
class SocketTransportTest {
  private ServerSocket listener;
  private Socket peer;
  private SocketTransport transport;

  @BeforeEach
  void connect() throws IOException {
    listener = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
    Socket s =
        SocketConnector.connect(
            List.of(InetAddress.getLoopbackAddress()),
            listener.getLocalPort(),
            Deadline.after(Duration.ofSeconds(10)));
    peer = listener.accept();
    transport = new SocketTransport(s);
    transport.readTimeout(Duration.ofSeconds(10));
  }

  @AfterEach
  void close() throws IOException {
    transport.close();
    peer.close();
    listener.close();
  }

  private byte[] readExactly(int n) throws IOException {
    ByteBuffer b = ByteBuffer.allocate(n);
    while (b.hasRemaining()) {
      if (transport.read(b) < 0) {
        throw new java.io.EOFException();
      }
    }
    return b.array();
  }

  @Test
  void theConnectorOpensAChannelSocketSoTheCheckNeedNotWait() {
    assertThat(transport.socket().getChannel()).isNotNull();
  }

  @Test
  void anIdleHealthyConnectionIsQuietAndTheCheckConsumesNothing() throws IOException {
    assertThat(transport.quiet()).isTrue();
    assertThat(transport.quiet()).isTrue();
    // back in blocking mode: the next response is read whole, as the server sent it
    assertThat(transport.socket().getChannel().isBlocking()).isTrue();
    peer.getOutputStream().write(new byte[] {4, 1, 0, 9});
    assertThat(readExactly(4)).containsExactly(4, 1, 0, 9);
    transport.write(ByteBuffer.wrap(new byte[] {1, 2}));
    assertThat(peer.getInputStream().readNBytes(2)).containsExactly(1, 2);
  }

  @Test
  void aByteTheServerSentUnaskedIsNotQuiet() throws IOException {
    peer.getOutputStream().write(0xFD);
    assertThat(awaitNotQuiet()).isTrue();
  }

  @Test
  void theEndOfTheStreamIsNotQuiet() throws IOException {
    peer.close(); // what the server does after KILL
    assertThat(awaitNotQuiet()).isTrue();
  }

  @Test
  void aClosedTransportIsNotQuiet() throws IOException {
    transport.close();
    assertThat(transport.quiet()).isFalse();
  }

  @Test
  void anInterruptedThreadsCheckDoesNotCloseAHealthyConnection() throws IOException {
    Thread.currentThread().interrupt();
    try {
      assertThat(transport.quiet()).isTrue(); // a non-blocking read is not interruptible
      assertThat(transport.socket().isClosed()).isFalse();
    } finally {
      Thread.interrupted();
    }
    peer.getOutputStream().write(7);
    assertThat(readExactly(1)).containsExactly(7);
  }

  @Test
  void aBlockingReadByAnInterruptedThreadClosesTheConnection() {
    Thread.currentThread().interrupt();
    try {
      assertThatThrownBy(() -> transport.read(ByteBuffer.allocate(1)))
          .isInstanceOf(ClosedByInterruptException.class);
      assertThat(Thread.currentThread().isInterrupted()).isTrue();
    } finally {
      Thread.interrupted();
    }
    assertThat(transport.socket().isClosed()).isTrue();
    assertThat(transport.quiet()).isFalse();
  }

  @Test
  void aPlainSocketIsCheckedToo() throws IOException {
    try (Socket plain = new Socket(InetAddress.getLoopbackAddress(), listener.getLocalPort());
        Socket other = listener.accept();
        SocketTransport t = new SocketTransport(plain)) {
      assertThat(t.quiet()).isTrue();
      other.close();
      boolean quiet = true;
      for (int i = 0; i < 1000 && quiet; i++) {
        quiet = t.quiet();
      }
      assertThat(quiet).isFalse();
    }
  }

  /**
   * The peer's byte or FIN crosses loopback asynchronously: checks until the transport sees it (a
   * transport that never does fails after 1,000 checks; no duration is asserted).
   */
  private boolean awaitNotQuiet() {
    for (int i = 0; i < 1000; i++) {
      if (!transport.quiet()) {
        return true;
      }
      Thread.onSpinWait();
      try {
        Thread.sleep(1);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
    return false;
  }

  @Test
  void aChannelSocketStillHonoursTheReadTimeout() throws IOException {
    transport.readTimeout(Duration.ofMillis(20));
    assertThatThrownBy(() -> transport.read(ByteBuffer.allocate(1)))
        .isInstanceOf(java.net.SocketTimeoutException.class);
    assertThat(transport.quiet()).isTrue(); // a read that timed out consumed nothing
    SocketChannel ch = transport.socket().getChannel();
    assertThat(ch.isOpen()).isTrue();
  }
}
