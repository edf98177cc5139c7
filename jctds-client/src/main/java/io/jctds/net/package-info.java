/**
 * The transport of a client connection: TCP sockets with FreeTDS's options and timeouts ({@link
 * io.jctds.net.SocketConnector}, {@link io.jctds.net.SocketTransport}), TDS packets over any {@link
 * io.jctds.protocol.tls.Transport} ({@link io.jctds.net.PacketChannel}, the one I/O seam the
 * session code uses), and the protocol dump ({@link io.jctds.net.ProtocolDump}). TLS itself is
 * {@link io.jctds.protocol.tls.TdsTlsTransport}, placed between the socket and the channel.
 */
package io.jctds.net;
