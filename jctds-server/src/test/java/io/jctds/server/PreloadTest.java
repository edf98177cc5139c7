package io.jctds.server;

import static org.assertj.core.api.Assertions.assertThatCode;

import org.junit.jupiter.api.Test;

/**
 * The warm-up that {@code jctds server} starts while it parses its command line: its script must
 * run without an error on a fresh engine, or it would stop half-way and warm little.
 */
class PreloadTest {
  @Test
  void warmUpScriptRunsCleanlyOnAPrivateEngine() {
    assertThatCode(Preload::warm).doesNotThrowAnyException();
    assertThatCode(Preload::warm).as("twice: nothing is left behind").doesNotThrowAnyException();
  }
}
