package io.jctds.protocol;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * A {@link TdsWriter} into a growable heap buffer: builds a whole payload (a PRELOGIN, a token
 * stream in a test, a server response before framing). Reusable: {@link #clear()} keeps the
 * capacity.
 */
public final class BufferWriter extends TdsWriter {
  private final int maxCapacity;

  /** A writer with a 256-byte initial capacity and no upper bound but the JVM's. */
  public BufferWriter() {
    this(256, Integer.MAX_VALUE - 16);
  }

  /**
   * @param initialCapacity the first buffer size
   * @param maxCapacity the most this writer will grow to; beyond it writes fail with
   *     IllegalStateException
   */
  public BufferWriter(int initialCapacity, int maxCapacity) {
    super(ByteBuffer.allocate(Math.max(16, initialCapacity)));
    this.maxCapacity = maxCapacity;
  }

  @Override
  protected void overflow(int wanted) {
    int used = buf.position();
    long need = (long) used + Math.max(1, wanted);
    if (need > maxCapacity) {
      throw new IllegalStateException(
          "payload would exceed " + maxCapacity + " bytes; raise the writer's limit");
    }
    int cap = (int) Math.min(maxCapacity, Math.max(need, (long) buf.capacity() * 2));
    ByteBuffer bigger = ByteBuffer.allocate(cap).order(ByteOrder.LITTLE_ENDIAN);
    buf.flip();
    bigger.put(buf);
    buf = bigger;
  }

  /** Number of bytes written so far. */
  public int size() {
    return buf.position();
  }

  /** Overwrites a little-endian 16-bit value at an absolute index already written. */
  public void setU16(int at, int v) {
    buf.putShort(at, (short) v);
  }

  /** Overwrites a little-endian 32-bit value at an absolute index already written. */
  public void setI32(int at, int v) {
    buf.putInt(at, v);
  }

  /** Forgets the content, keeping the capacity. */
  public BufferWriter clear() {
    buf.clear();
    return this;
  }

  /** A read-only little-endian view of the bytes written (position 0, limit size). */
  public ByteBuffer view() {
    return buf.duplicate().flip().asReadOnlyBuffer().order(ByteOrder.LITTLE_ENDIAN);
  }

  /**
   * Writes bytes {@code from} (inclusive) to {@code to} (exclusive) of what was written to {@code
   * out}, with no intermediate view or copy.
   */
  public void writeTo(TdsWriter out, int from, int to) {
    if (from < 0 || to > buf.position() || from > to) {
      throw new IndexOutOfBoundsException(from + ".." + to + " of " + buf.position());
    }
    out.bytes(buf.array(), from, to - from);
  }

  /** A copy of the bytes written. */
  public byte[] toByteArray() {
    return Arrays.copyOf(buf.array(), buf.position());
  }
}
