package io.jctds.session;

import java.net.InetAddress;
import java.util.List;

/**
 * Where a login goes: the addresses and port to connect to, the ServerName sent in LOGIN7, and the
 * host name the certificate is checked against.
 *
 * @param addresses the resolved addresses, tried in order
 * @param port the TCP port
 * @param serverName LOGIN7 ServerName: the section or host part of the server name (FreeTDS), or
 *     {@code host,port} after a routing redirect
 * @param host the host as configured (for messages and the certificate check)
 * @param routed whether this target came from an ENVCHANGE routing redirect
 */
public record Target(
    List<InetAddress> addresses, int port, String serverName, String host, boolean routed) {
  /** Copies the addresses. */
  public Target {
    addresses = List.copyOf(addresses);
  }

  /** {@code host:port} for messages. */
  public String describe() {
    return host + ":" + port;
  }
}
