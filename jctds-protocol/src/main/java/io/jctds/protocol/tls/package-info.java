/**
 * TLS for TDS, as one adapter shared by the client and the server.
 *
 * <p>{@link io.jctds.protocol.tls.TdsTlsTransport} runs a TLS handshake over a {@link
 * io.jctds.protocol.tls.Transport} in one of the two placements TDS uses:
 *
 * <ul>
 *   <li>TDS 7.x: after PRELOGIN, the handshake records travel as payloads of PRELOGIN (0x12)
 *       packets of at most 4096 bytes; afterwards TLS records go straight on the stream with TDS
 *       packets inside. With login-only encryption exactly the first TDS packet (LOGIN7) is
 *       encrypted, then both sides continue in plaintext without close_notify.
 *   <li>TDS 8.0 (strict): the handshake is the first thing on the stream, with ALPN {@code
 *       tds/8.0}, and everything afterwards is inside TLS.
 * </ul>
 *
 * <p>The TLS implementation sits behind {@link io.jctds.protocol.tls.TlsEngine}: {@link
 * io.jctds.protocol.tls.JsseTlsEngine} over {@code javax.net.ssl.SSLEngine} here, and a
 * BouncyCastle engine (for TLS 1.0/1.1) in the modules that may depend on BouncyCastle. Nothing
 * here opens a socket or starts a thread.
 */
package io.jctds.protocol.tls;
