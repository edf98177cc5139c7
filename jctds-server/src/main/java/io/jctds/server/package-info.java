/**
 * The embedded TDS server's public API: {@link io.jctds.server.TdsServer} (a builder, {@code
 * start()}, {@code port()}, the certificate clients should trust, {@code close()}), its {@link
 * io.jctds.server.EncryptionPolicy} and the {@link io.jctds.server.SessionInfo} snapshots of live
 * sessions. Logging goes to {@code System.Logger} "io.jctds.server" with the SPID in every line.
 */
package io.jctds.server;
