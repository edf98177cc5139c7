package io.jctds.server.session;

import io.jctds.protocol.tls.Transport;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.InetSocketAddress;

/** A {@link Connection} that plays scripted client bytes and keeps what the server wrote. */
final class ScriptedConnection implements Connection {
  private final byte[] input;
  final ByteArrayOutputStream written = new ByteArrayOutputStream();
  boolean closed;

  ScriptedConnection(byte[] input) {
    this.input = input.clone();
  }

  @Override
  public Transport transport() {
    return Transport.of(new ByteArrayInputStream(input), written);
  }

  @Override
  public void readTimeout(long millis) {
    // scripted input never blocks
  }

  @Override
  public InetSocketAddress remote() {
    return new InetSocketAddress("127.0.0.1", 40000);
  }

  @Override
  public InetSocketAddress local() {
    return new InetSocketAddress("127.0.0.1", 1433);
  }

  @Override
  public void close() {
    closed = true;
  }
}
