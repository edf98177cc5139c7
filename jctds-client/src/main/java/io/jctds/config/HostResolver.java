package io.jctds.config;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * Resolves a host name to its addresses, as FreeTDS does with {@code getaddrinfo} while it parses a
 * {@code host} line. Injectable so that tests need no DNS.
 */
@FunctionalInterface
public interface HostResolver {

  /**
   * @param host a host name or IP literal as written (no brackets)
   * @return every address, in resolver order, never empty
   * @throws UnknownHostException when the name does not resolve
   */
  List<InetAddress> resolve(String host) throws UnknownHostException;

  /**
   * The JDK resolver ({@link InetAddress#getAllByName}), minus the forms {@code getaddrinfo}
   * rejects but the JDK accepts: an empty name (the JDK answers loopback) and a bracketed IPv6
   * literal.
   */
  static HostResolver system() {
    return host -> {
      if (host.isEmpty() || host.startsWith("[")) {
        throw new UnknownHostException(host);
      }
      return List.of(InetAddress.getAllByName(host));
    };
  }
}
