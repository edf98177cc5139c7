package io.jctds.protocol.ntlm;

/**
 * MD4 (RFC 1320), which the JDK does not provide. NTLM needs it for the NT one-way function ({@code
 * NTOWFv1 = MD4(UNICODE(password))}, [MS-NLMP] 3.3.1). Not for anything else: MD4 is broken as a
 * general hash.
 */
public final class Md4 {
  private Md4() {}

  /** The 16-byte MD4 digest of {@code input}. */
  public static byte[] digest(byte[] input) {
    long bitLength = (long) input.length * 8;
    int padded = ((input.length + 8) / 64 + 1) * 64;
    byte[] msg = new byte[padded];
    System.arraycopy(input, 0, msg, 0, input.length);
    msg[input.length] = (byte) 0x80;
    for (int i = 0; i < 8; i++) {
      msg[padded - 8 + i] = (byte) (bitLength >>> (8 * i));
    }
    int[] state = {0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476};
    int[] x = new int[16];
    for (int block = 0; block < padded; block += 64) {
      for (int i = 0; i < 16; i++) {
        int p = block + 4 * i;
        x[i] =
            (msg[p] & 0xff)
                | (msg[p + 1] & 0xff) << 8
                | (msg[p + 2] & 0xff) << 16
                | (msg[p + 3] & 0xff) << 24;
      }
      compress(state, x);
    }
    byte[] out = new byte[16];
    for (int i = 0; i < 16; i++) {
      out[i] = (byte) (state[i / 4] >>> (8 * (i % 4)));
    }
    return out;
  }

  private static void compress(int[] state, int[] x) {
    int a = state[0];
    int b = state[1];
    int c = state[2];
    int d = state[3];
    int[] s1 = {3, 7, 11, 19};
    for (int i = 0; i < 16; i++) {
      int t = a + ((b & c) | (~b & d)) + x[i];
      a = d;
      d = c;
      c = b;
      b = Integer.rotateLeft(t, s1[i % 4]);
    }
    int[] s2 = {3, 5, 9, 13};
    for (int i = 0; i < 16; i++) {
      int k = (i % 4) * 4 + i / 4;
      int t = a + ((b & c) | (b & d) | (c & d)) + x[k] + 0x5a827999;
      a = d;
      d = c;
      c = b;
      b = Integer.rotateLeft(t, s2[i % 4]);
    }
    int[] s3 = {3, 9, 11, 15};
    int[] order3 = {0, 8, 4, 12, 2, 10, 6, 14, 1, 9, 5, 13, 3, 11, 7, 15};
    for (int i = 0; i < 16; i++) {
      int t = a + (b ^ c ^ d) + x[order3[i]] + 0x6ed9eba1;
      a = d;
      d = c;
      c = b;
      b = Integer.rotateLeft(t, s3[i % 4]);
    }
    state[0] += a;
    state[1] += b;
    state[2] += c;
    state[3] += d;
  }
}
