package io.jctds.session;

import java.io.IOException;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;

/**
 * What LOGIN7 says about this machine, as FreeTDS finds it: the host name ({@code gethostname()})
 * and the ClientID (the MAC address of the first non-loopback interface; zeros when there is none).
 * Looked up once per process.
 */
final class ClientIdentity {
  private static final Path KERNEL_HOSTNAME = Path.of("/proc/sys/kernel/hostname");

  private ClientIdentity() {}

  private static final class Holder {
    static final String HOST_NAME = lookupHostName();
    static final byte[] CLIENT_ID = lookupClientId();
  }

  /** This machine's host name, without a DNS lookup where the OS tells it. */
  static String hostName() {
    return Holder.HOST_NAME;
  }

  /** The 6-byte ClientID. */
  static byte[] clientId() {
    return Holder.CLIENT_ID.clone();
  }

  private static String lookupHostName() {
    try {
      if (Files.isReadable(KERNEL_HOSTNAME)) {
        String name = Files.readString(KERNEL_HOSTNAME, StandardCharsets.US_ASCII).trim();
        if (!name.isEmpty()) {
          return name;
        }
      }
    } catch (IOException | SecurityException ignored) {
      // fall through to the other sources
    }
    for (String variable : new String[] {"HOSTNAME", "COMPUTERNAME"}) {
      String name = System.getenv(variable);
      if (name != null && !name.isEmpty()) {
        return name;
      }
    }
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (IOException | SecurityException e) {
      return "";
    }
  }

  private static byte[] lookupClientId() {
    try {
      Enumeration<NetworkInterface> all = NetworkInterface.getNetworkInterfaces();
      while (all != null && all.hasMoreElements()) {
        NetworkInterface ni = all.nextElement();
        byte[] mac = ni.isLoopback() ? null : ni.getHardwareAddress();
        if (mac != null && mac.length == 6) {
          return mac;
        }
      }
    } catch (IOException | SecurityException ignored) {
      // no interface information: zeros, as FreeTDS on systems without the ioctl
    }
    return new byte[6];
  }
}
