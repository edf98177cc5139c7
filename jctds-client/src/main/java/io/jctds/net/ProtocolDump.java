package io.jctds.net;

import io.jctds.protocol.framing.PacketType;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The protocol dump of {@code TDSDUMP} / {@code dump file}, in FreeTDS's style: a header line with
 * the time, process id and connection, then the packet in hex, 16 bytes a line with the ASCII on
 * the right. Packets are dumped at the TDS layer, above TLS, so an encrypted connection shows the
 * decrypted TDS packets. The caller masks secrets: {@link #sent(String, ByteBuffer, int, int)}
 * blanks a byte range (the LOGIN7 password) before anything is written.
 *
 * <p>Every connection dumping to the same file shares one writer, opened once per process
 * (truncated unless {@code dump file append = yes}), as FreeTDS keeps one log per process. {@code
 * stdout} and {@code stderr} name those streams.
 */
public final class ProtocolDump implements AutoCloseable {
  /** A dump that writes nothing. */
  public static final ProtocolDump NONE = new ProtocolDump(null, null, 0);

  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSSSSS");
  private static final long PID = ProcessHandle.current().pid();
  private static final ReentrantLock REGISTRY_LOCK = new ReentrantLock();
  private static final Map<String, Sink> SINKS = new HashMap<>();

  private final Sink sink;
  private final String target;
  private final int connectionId;
  private boolean closed;

  private ProtocolDump(Sink sink, String target, int connectionId) {
    this.sink = sink;
    this.target = target;
    this.connectionId = connectionId;
  }

  /**
   * Opens the dump {@code target} for one connection.
   *
   * @param target a file path, {@code stdout} or {@code stderr}; null for none
   * @param append whether an existing file is appended to ({@code dump file append})
   * @param connectionId shown on every line
   * @throws UncheckedIOException if the file cannot be opened
   */
  public static ProtocolDump open(String target, boolean append, int connectionId) {
    if (target == null || target.isEmpty()) {
      return NONE;
    }
    REGISTRY_LOCK.lock();
    try {
      Sink sink = SINKS.get(target);
      if (sink == null) {
        sink =
            new Sink(stream(target, append), !target.equals("stdout") && !target.equals("stderr"));
        SINKS.put(target, sink);
      }
      sink.users++;
      return new ProtocolDump(sink, target, connectionId);
    } finally {
      REGISTRY_LOCK.unlock();
    }
  }

  private static PrintStream stream(String target, boolean append) {
    if (target.equals("stdout")) {
      return System.out;
    }
    if (target.equals("stderr")) {
      return System.err;
    }
    try {
      OutputStream out =
          Files.newOutputStream(
              Path.of(target),
              StandardOpenOption.CREATE,
              StandardOpenOption.WRITE,
              append ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING);
      return new PrintStream(out, true, StandardCharsets.UTF_8);
    } catch (IOException | RuntimeException e) {
      throw new UncheckedIOException(
          new IOException(
              "cannot open the protocol dump file '"
                  + target
                  + "' ($TDSDUMP or dump file): "
                  + e.getMessage()
                  + "; fix the path or unset it",
              e));
    }
  }

  /** Whether anything is written. */
  public boolean enabled() {
    return sink != null;
  }

  /** Writes a line of text. */
  public void event(String text) {
    if (sink != null) {
      sink.write(prefix() + text + "\n");
    }
  }

  /** Writes a line of text built only when the dump is on (connects must not pay for it). */
  public void event(java.util.function.Supplier<String> text) {
    if (sink != null) {
      event(text.get());
    }
  }

  /**
   * Dumps a packet the client sends, with bytes {@code maskFrom..maskTo} (packet positions,
   * relative to the buffer's position) shown as zeros. The buffer is not modified.
   */
  public void sent(String what, ByteBuffer packet, int maskFrom, int maskTo) {
    if (sink != null) {
      sink.write(block("Sending packet", what, packet, maskFrom, maskTo));
    }
  }

  /** Dumps a packet received from the server. The buffer is not modified. */
  public void received(ByteBuffer packet) {
    if (sink != null) {
      sink.write(block("Received packet", null, packet, 0, 0));
    }
  }

  private String prefix() {
    return LocalTime.now().format(TIME) + " " + PID + " (jctds conn " + connectionId + "):";
  }

  private String block(String title, String what, ByteBuffer packet, int maskFrom, int maskTo) {
    int start = packet.position();
    int len = packet.remaining();
    int type = len > 0 ? packet.get(start) & 0xFF : -1;
    StringBuilder s = new StringBuilder(prefix()).append(title);
    s.append(" (").append(what != null ? what : PacketType.name(type));
    s.append(", ").append(len).append(" bytes)\n");
    for (int line = 0; line < len; line += 16) {
      s.append(String.format("%04x", line));
      StringBuilder ascii = new StringBuilder();
      for (int i = line; i < line + 16; i++) {
        if (i >= len) {
          s.append("   ");
          continue;
        }
        int b = i >= maskFrom && i < maskTo ? 0 : packet.get(start + i) & 0xFF;
        s.append(i == line + 8 ? '-' : ' ').append(String.format("%02x", b));
        ascii.append(b >= 0x20 && b < 0x7F ? (char) b : '.');
      }
      s.append(" |").append(ascii).append("|\n");
    }
    return s.append('\n').toString();
  }

  /** Releases this connection's use of the dump; the file closes with its last user. */
  @Override
  public void close() {
    if (sink == null || closed) {
      return;
    }
    closed = true;
    REGISTRY_LOCK.lock();
    try {
      if (--sink.users == 0) {
        SINKS.remove(target);
        if (sink.closeable) {
          sink.out.close();
        }
      }
    } finally {
      REGISTRY_LOCK.unlock();
    }
  }

  /** One open dump target shared by the connections that write to it. */
  private static final class Sink {
    private final PrintStream out;
    private final boolean closeable;
    private final ReentrantLock lock = new ReentrantLock();
    private int users;

    Sink(PrintStream out, boolean closeable) {
      this.out = out;
      this.closeable = closeable;
    }

    void write(String text) {
      lock.lock();
      try {
        out.print(text);
        out.flush();
      } finally {
        lock.unlock();
      }
    }
  }
}
