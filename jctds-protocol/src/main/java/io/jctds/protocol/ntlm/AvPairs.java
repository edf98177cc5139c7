package io.jctds.protocol.ntlm;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** AV_PAIR lists ([MS-NLMP] 2.2.2.1): the target info of a CHALLENGE message. */
public final class AvPairs {
  private AvPairs() {}

  /** MsvAvEOL. */
  public static final int EOL = 0;

  /** MsvAvNbComputerName. */
  public static final int NB_COMPUTER_NAME = 1;

  /** MsvAvNbDomainName. */
  public static final int NB_DOMAIN_NAME = 2;

  /** MsvAvDnsComputerName. */
  public static final int DNS_COMPUTER_NAME = 3;

  /** MsvAvDnsDomainName. */
  public static final int DNS_DOMAIN_NAME = 4;

  /** MsvAvTimestamp (FILETIME, 8 bytes). */
  public static final int TIMESTAMP = 7;

  /** Encodes the pairs in order, then MsvAvEOL. String values are UTF-16LE. */
  public static byte[] encode(Map<Integer, Object> pairs) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (Map.Entry<Integer, Object> e : pairs.entrySet()) {
      byte[] v =
          e.getValue() instanceof String s
              ? s.getBytes(StandardCharsets.UTF_16LE)
              : (byte[]) e.getValue();
      writeShort(out, e.getKey());
      writeShort(out, v.length);
      out.writeBytes(v);
    }
    writeShort(out, EOL);
    writeShort(out, 0);
    return out.toByteArray();
  }

  /**
   * Decodes a list up to MsvAvEOL.
   *
   * @throws NtlmException if a pair runs past the end or MsvAvEOL is missing
   */
  public static Map<Integer, byte[]> decode(byte[] info) {
    Map<Integer, byte[]> pairs = new LinkedHashMap<>();
    int p = 0;
    while (true) {
      if (p + 4 > info.length) {
        throw new NtlmException("NTLM target info: AV_PAIR header runs past the end", p);
      }
      int id = (info[p] & 0xff) | (info[p + 1] & 0xff) << 8;
      int len = (info[p + 2] & 0xff) | (info[p + 3] & 0xff) << 8;
      if (p + 4 + len > info.length) {
        throw new NtlmException("NTLM target info: AV_PAIR " + id + " value runs past the end", p);
      }
      if (id == EOL) {
        return pairs;
      }
      byte[] v = new byte[len];
      System.arraycopy(info, p + 4, v, 0, len);
      pairs.putIfAbsent(id, v);
      p += 4 + len;
    }
  }

  /** FILETIME (100 ns since 1601-01-01) for a Java epoch millisecond time. */
  public static long fileTime(long epochMillis) {
    return (epochMillis + 11_644_473_600_000L) * 10_000L;
  }

  /** An 8-byte little-endian FILETIME value. */
  public static byte[] fileTimeBytes(long fileTime) {
    byte[] b = new byte[8];
    for (int i = 0; i < 8; i++) {
      b[i] = (byte) (fileTime >>> (8 * i));
    }
    return b;
  }

  private static void writeShort(ByteArrayOutputStream out, int v) {
    out.write(v & 0xff);
    out.write((v >>> 8) & 0xff);
  }
}
