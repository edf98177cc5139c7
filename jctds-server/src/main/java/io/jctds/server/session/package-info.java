/**
 * One thread per connection, as a state machine: {@link io.jctds.server.session.Handshake} (first
 * byte: TLS-first, PRELOGIN or LOGIN7; the PRELOGIN answer; TLS in PRELOGIN packets), {@link
 * io.jctds.server.session.LoginHandler} (LOGIN7 and SQL Server's login response), {@link
 * io.jctds.server.session.RequestLoop} (SQL batches, RPC, ATTENTION, transaction manager). Its one
 * I/O seam is {@link io.jctds.server.session.Connection}; every failure ends its own session only.
 */
package io.jctds.server.session;
