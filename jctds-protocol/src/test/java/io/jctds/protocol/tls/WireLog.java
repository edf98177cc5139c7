package io.jctds.protocol.tls;

import io.jctds.protocol.framing.PacketHeader;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What one side put on the wire, cut into its parts: PRELOGIN packets (a TDS 7.x handshake), then
 * TLS records, then whatever follows that is neither (plaintext after login-only encryption).
 *
 * @param preloginPackets headers of the leading 0x12 packets
 * @param handshakePayload their payloads, concatenated
 * @param recordTypes content types of the TLS records that follow
 * @param plaintext the bytes after the last TLS record
 */
record WireLog(
    List<PacketHeader> preloginPackets,
    byte[] handshakePayload,
    List<Integer> recordTypes,
    byte[] plaintext) {

  static WireLog parse(byte[] wire) {
    int at = 0;
    List<PacketHeader> packets = new ArrayList<>();
    ByteArrayOutputStream payload = new ByteArrayOutputStream();
    while (at < wire.length && wire[at] == 0x12) {
      PacketHeader header = PacketHeader.decode(ByteBuffer.wrap(wire, at, PacketHeader.SIZE));
      packets.add(header);
      payload.write(wire, at + PacketHeader.SIZE, header.payloadLength());
      at += header.length();
    }
    List<Integer> types = new ArrayList<>();
    while (at + 5 <= wire.length && wire[at] >= 20 && wire[at] <= 24 && wire[at + 1] == 3) {
      types.add((int) wire[at]);
      at += 5 + ((wire[at + 3] & 0xFF) << 8 | wire[at + 4] & 0xFF);
    }
    return new WireLog(
        packets, payload.toByteArray(), types, Arrays.copyOfRange(wire, at, wire.length));
  }

  /** Content types of the records in the handshake payload (which must be whole records). */
  List<Integer> handshakeRecordTypes() {
    List<Integer> types = new ArrayList<>();
    int at = 0;
    while (at < handshakePayload.length) {
      types.add((int) handshakePayload[at]);
      at += 5 + ((handshakePayload[at + 3] & 0xFF) << 8 | handshakePayload[at + 4] & 0xFF);
    }
    if (at != handshakePayload.length) {
      throw new AssertionError("the PRELOGIN payloads do not end on a TLS record boundary");
    }
    return types;
  }
}
