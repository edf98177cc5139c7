package io.jctds.protocol.batch;

import io.jctds.protocol.TdsProtocolException;
import io.jctds.protocol.TdsWriter;
import io.jctds.protocol.Wire;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * ALL_HEADERS ([MS-TDS] 2.2.5.3), required before SQLBatch and RPC requests from TDS 7.2: a DWORD
 * total length, then headers of a DWORD length, a USHORT type and data. The transaction descriptor
 * header (type 2) carries the 8-byte descriptor of the current transaction (0 outside one) and the
 * outstanding request count (1).
 *
 * @param headers the headers in order
 */
public record AllHeaders(List<AllHeaders.Header> headers) {
  /** Header type: query notifications. */
  public static final int QUERY_NOTIFICATIONS = 1;

  /** Header type: transaction descriptor. */
  public static final int TRANSACTION_DESCRIPTOR = 2;

  /** Header type: trace activity. */
  public static final int TRACE_ACTIVITY = 3;

  /**
   * One header.
   *
   * @param type header type
   * @param data header data (copied)
   */
  public record Header(int type, byte[] data) {
    /** Copies the data. */
    public Header {
      data = data.clone();
    }

    @Override
    public byte[] data() {
      return data.clone();
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Header h && h.type == type && Arrays.equals(h.data, data);
    }

    @Override
    public int hashCode() {
      return type * 31 + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
      return "Header[type=" + type + " " + Wire.hex(ByteBuffer.wrap(data)) + "]";
    }
  }

  /** Copies the list. */
  public AllHeaders {
    headers = List.copyOf(headers);
  }

  /** Just the transaction descriptor header: what every client sends. */
  public static AllHeaders transaction(long descriptor, int outstandingRequests) {
    byte[] d =
        ByteBuffer.allocate(12)
            .order(ByteOrder.LITTLE_ENDIAN)
            .putLong(descriptor)
            .putInt(outstandingRequests)
            .array();
    return new AllHeaders(List.of(new Header(TRANSACTION_DESCRIPTOR, d)));
  }

  private ByteBuffer transactionData() {
    for (Header h : headers) {
      if (h.type() == TRANSACTION_DESCRIPTOR && h.data.length == 12) {
        return ByteBuffer.wrap(h.data).order(ByteOrder.LITTLE_ENDIAN);
      }
    }
    return null;
  }

  /** The transaction descriptor, 0 when the header is absent. */
  public long transactionDescriptor() {
    ByteBuffer b = transactionData();
    return b == null ? 0 : b.getLong(0);
  }

  /** The outstanding request count, 1 when the header is absent. */
  public int outstandingRequests() {
    ByteBuffer b = transactionData();
    return b == null ? 1 : b.getInt(8);
  }

  /** Encoded size. */
  public int encodedLength() {
    int n = 4;
    for (Header h : headers) {
      n += 6 + h.data.length;
    }
    return n;
  }

  /** Writes the total length and each header. */
  public void encode(TdsWriter out) {
    out.i32(encodedLength());
    for (Header h : headers) {
      out.i32(6 + h.data.length).u16(h.type()).bytes(h.data);
    }
  }

  /**
   * Reads ALL_HEADERS at the buffer's position.
   *
   * @throws TdsProtocolException on lengths that do not add up
   */
  public static AllHeaders decode(ByteBuffer in) {
    int start = in.position();
    long total = Wire.u32(in, "ALL_HEADERS total length");
    if (total < 4 || total - 4 > in.remaining()) {
      throw new TdsProtocolException(
          "ALL_HEADERS total length "
              + total
              + " does not fit the "
              + (in.remaining() + 4)
              + " bytes present",
          start);
    }
    int end = start + (int) total;
    List<Header> list = new ArrayList<>();
    while (in.position() < end) {
      int at = in.position();
      long len = Wire.u32(in, "ALL_HEADERS header length");
      if (len < 6 || at + len > end) {
        throw new TdsProtocolException(
            "ALL_HEADERS header length " + len + " does not fit in the total length " + total, at);
      }
      int type = Wire.u16(in, "ALL_HEADERS header type");
      byte[] data = Wire.bytes(in, (int) len - 6, "ALL_HEADERS header data");
      if (type == TRANSACTION_DESCRIPTOR && data.length != 12) {
        throw new TdsProtocolException(
            "transaction descriptor header has " + data.length + " data bytes, expected 12", at);
      }
      list.add(new Header(type, data));
    }
    return new AllHeaders(list);
  }
}
