package io.jctds.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cache behind freetds.conf, CA and CRL files: FreeTDS reads them at every connection, so a
 * kept parse may serve only the very version of the file it was parsed from.
 */
class ParsedFilesTest {
  @TempDir Path dir;
  private final ParsedFiles<String, RuntimeException> cache = new ParsedFiles<>();
  private final AtomicInteger parses = new AtomicInteger();

  private String get(Path p) {
    return cache.get(
        p,
        () -> {
          try {
            return Files.readAllBytes(p);
          } catch (java.io.IOException e) {
            return null;
          }
        },
        b -> {
          parses.incrementAndGet();
          return b == null ? null : new String(b, StandardCharsets.UTF_8);
        });
  }

  private static void write(Path p, String text, Instant modified) throws Exception {
    Files.writeString(p, text);
    Files.setLastModifiedTime(p, FileTime.from(modified));
  }

  @Test
  void anUnchangedSettledFileIsParsedOnce() throws Exception {
    Path p = dir.resolve("freetds.conf");
    write(p, "port = 1", Instant.now().minusSeconds(3600));
    assertThat(get(p)).isEqualTo("port = 1");
    assertThat(get(p)).isEqualTo("port = 1");
    assertThat(parses).hasValue(1);
  }

  @Test
  void anyChangeOfSizeOrTimeIsReadAgain() throws Exception {
    Path p = dir.resolve("freetds.conf");
    Instant old = Instant.now().minusSeconds(3600);
    write(p, "port = 1", old);
    assertThat(get(p)).isEqualTo("port = 1");
    write(p, "port = 22", old); // same time, other size
    assertThat(get(p)).isEqualTo("port = 22");
    write(p, "port = 33", old.plusSeconds(1)); // same size, other time
    assertThat(get(p)).isEqualTo("port = 33");
    Path other = dir.resolve("other");
    write(other, "port = 44", old.plusSeconds(1));
    Files.move(other, p, java.nio.file.StandardCopyOption.REPLACE_EXISTING); // other inode
    assertThat(get(p)).isEqualTo("port = 44");
  }

  /** File times advance in coarse steps: a same-size rewrite inside one step keeps the stamp. */
  @Test
  void aRecentlyChangedFileIsReadEveryTime() throws Exception {
    Path p = dir.resolve("freetds.conf");
    Instant now = Instant.now();
    write(p, "port = 1", now);
    assertThat(get(p)).isEqualTo("port = 1");
    write(p, "port = 2", now);
    assertThat(get(p)).isEqualTo("port = 2");
  }

  @Test
  void aFileThatCannotBeReadIsNotKept() throws Exception {
    Path p = dir.resolve("missing.conf");
    assertThat(get(p)).isNull();
    write(p, "port = 1", Instant.now().minusSeconds(3600));
    assertThat(get(p)).isEqualTo("port = 1");
  }
}
