package io.jctds.protocol.tls;

import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * One TLS connection as a non-blocking state machine, without I/O: the caller offers bytes received
 * from the peer, takes the bytes to send, and moves application data in and out. It is the shape of
 * both {@code javax.net.ssl.SSLEngine} ({@link JsseTlsEngine}) and BouncyCastle's non-blocking
 * {@code TlsProtocol} ({@code offerInput}/{@code readOutput}/{@code readInput}/{@code
 * writeApplicationData}).
 *
 * <p>Implementations are not thread-safe; {@link TdsTlsTransport} serialises every call. An engine
 * never resumes a TLS session: each handshake is full and validates the peer afresh.
 */
public interface TlsEngine {

  /** Whether this side is the TLS client. */
  boolean isClientMode();

  /**
   * Starts the handshake. A client queues its ClientHello as output; a server waits for input.
   *
   * @throws TlsHandshakeException if the engine cannot start (bad configuration)
   */
  void beginHandshake() throws IOException;

  /** Whether the handshake has completed successfully. */
  boolean isHandshakeComplete();

  /**
   * Processes bytes received from the peer. All remaining bytes of {@code src} are consumed; an
   * incomplete record is kept until the rest is offered. Processing may queue output (see {@link
   * #readOutput}) and application data (see {@link #readApplicationData}).
   *
   * @throws TlsHandshakeException if the handshake fails; an alert for the peer may be queued as
   *     output
   * @throws TlsException if a record cannot be processed after the handshake
   */
  void offerInput(ByteBuffer src) throws IOException;

  /** Whether the peer has closed its side with close_notify. */
  boolean isInboundDone();

  /** Number of bytes queued for the peer. */
  int availableOutput();

  /**
   * Moves queued bytes for the peer into {@code dst}, as many as fit.
   *
   * @return the number of bytes moved
   */
  int readOutput(ByteBuffer dst);

  /** Number of decrypted application bytes waiting to be read. */
  int availableApplicationData();

  /**
   * Moves decrypted application data into {@code dst}, as many bytes as fit.
   *
   * @return the number of bytes moved
   */
  int readApplicationData(ByteBuffer dst);

  /**
   * Encrypts application data from {@code src}: some or all of its remaining bytes are consumed and
   * the records are queued as output. The caller drains the output and calls again while {@code
   * src} has bytes left.
   *
   * @throws TlsException if the connection is closed or encryption fails
   */
  void writeApplicationData(ByteBuffer src) throws IOException;

  /**
   * Queues a close_notify alert as output; no application data can be written afterwards.
   *
   * @throws TlsException if the alert cannot be produced
   */
  void closeOutbound() throws IOException;

  /**
   * What the handshake negotiated.
   *
   * @throws IllegalStateException before the handshake completes
   */
  TlsSessionInfo sessionInfo();
}
