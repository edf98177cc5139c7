package io.jctds.server.session;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The request size limit after login: SQL Server's "Batch size: 65,536 * (network packet size)"
 * (Microsoft, "Maximum capacity specifications for SQL Server"), bounded by a quarter of the heap.
 */
class RequestLimitTest {
  private static final long GIB = 1L << 30;

  @Test
  void aLargeHeapAllowsSqlServersBatchSize() {
    assertThat(PacketChannel.requestLimit(4096, 8 * GIB)).isEqualTo(65_536 * 4096);
    assertThat(PacketChannel.requestLimit(8000, 8 * GIB)).isEqualTo(65_536 * 8000);
  }

  @Test
  void aQuarterOfTheHeapBoundsIt() {
    assertThat(PacketChannel.requestLimit(4096, 512L << 20)).isEqualTo(128 << 20);
  }

  @Test
  void theLargestPacketSizeStillFitsAnArray() {
    assertThat(PacketChannel.requestLimit(32_767, 64 * GIB)).isEqualTo(65_536 * 32_767);
  }
}
