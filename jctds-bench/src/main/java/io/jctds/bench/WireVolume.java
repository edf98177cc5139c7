package io.jctds.bench;

/**
 * How many bytes the server sends for a result of the bench functions ([MS-TDS] 2.2.7.19 ROW tokens
 * of the types README lists, 8-byte packet headers per 4,088 payload bytes at the 4,096 packet size
 * jctds asks for), so that the ceiling copies the same volume.
 */
final class WireVolume {
  private static final int PAYLOAD_PER_PACKET = 4096 - 8;

  private WireVolume() {}

  /**
   * jctds_bench_rows(n): per row the token byte and the eight values with their lengths (int 1+4,
   * bigint 1+8, nvarchar 2+2*(5+digits of x), datetime2 1+8, decimal 1+9, float 1+8, bit 1+1, guid
   * 1+16). Computed in closed form: the ceiling client calls it inside the measured repetition.
   */
  static long rows(long n) {
    long fixed = 1 + 5 + 9 + 2 + 2 * 5 + 9 + 10 + 9 + 2 + 17;
    return withHeaders(n * fixed + 2 * digitsOneTo(n));
  }

  /** The number of decimal digits written for 1, 2, ..., n together. */
  static long digitsOneTo(long n) {
    long total = 0;
    long low = 1;
    for (int d = 1; low <= n; d++, low *= 10) {
      long high = low > Long.MAX_VALUE / 10 ? n : Math.min(n, low * 10 - 1);
      total += (high - low + 1) * d;
    }
    return total;
  }

  /** jctds_bench_blobs(n, size): token byte, int 1+4, varbinary 2+size. */
  static long blobs(long n, int size) {
    return withHeaders(n * (1 + 5 + 2 + size));
  }

  private static long withHeaders(long payload) {
    return payload + 8 * ((payload + PAYLOAD_PER_PACKET - 1) / PAYLOAD_PER_PACKET);
  }
}
