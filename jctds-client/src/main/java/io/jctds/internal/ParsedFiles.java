package io.jctds.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What was parsed from a configuration file (freetds.conf, a CA or CRL file), kept for the next
 * connection while the file stays the same. FreeTDS reads these files at every connection, so an
 * edited or replaced file must take effect at the next connect: an entry is used only while the
 * file's size, modification time and file key (inode) are those it had when it was read; any change
 * (a rewrite, a rename over it, a touch) reads and parses it again, and so does a file changed in
 * the last two seconds. Only successful parses are kept; failures are re-read (and re-reported)
 * every time. Bounded: past {@link #MAX_FILES} files everything is dropped.
 *
 * @param <T> the parsed value (immutable; shared between connections)
 * @param <E> what reading or parsing throws
 */
public final class ParsedFiles<T, E extends Exception> {
  /** More distinct files than any configuration names; beyond it the cache starts over. */
  public static final int MAX_FILES = 64;

  /** Reads a file's bytes, failing with the caller's message. */
  @FunctionalInterface
  public interface Reader<E extends Exception> {
    byte[] read() throws E;
  }

  /** Parses a file's bytes, failing with the caller's message. */
  @FunctionalInterface
  public interface Parser<T, E extends Exception> {
    T parse(byte[] content) throws E;
  }

  private record Stamp(long size, FileTime modified, Object fileKey) {}

  private record Entry<T>(Stamp stamp, T value) {}

  private final ConcurrentHashMap<Path, Entry<T>> entries = new ConcurrentHashMap<>();

  /**
   * The parsed content of {@code path}: the kept value when the file is unchanged, else {@code
   * read} then {@code parse} (kept when the file did not change while it was read).
   */
  public T get(Path path, Reader<E> read, Parser<T, E> parse) throws E {
    Path key = path.toAbsolutePath().normalize();
    Stamp before = stamp(key);
    Entry<T> kept = entries.get(key);
    if (before != null && kept != null && kept.stamp().equals(before)) {
      return kept.value();
    }
    T value = parse.parse(read.read());
    if (value != null && before != null && settled(before) && before.equals(stamp(key))) {
      if (entries.size() >= MAX_FILES) {
        entries.clear();
      }
      entries.put(key, new Entry<>(before, value));
    } else {
      entries.remove(key);
    }
    return value;
  }

  /**
   * Whether a file's modification time is old enough to tell versions apart: file times advance in
   * coarse steps (milliseconds on Linux), so a file rewritten at the same size within one step
   * keeps its stamp. A file changed in the last {@link #SETTLE} is read every time (git's "racily
   * clean" rule).
   */
  private static boolean settled(Stamp s) {
    return s.modified().toInstant().isBefore(Instant.now().minus(SETTLE));
  }

  /** How long after its last change a file's parse starts being kept. */
  static final Duration SETTLE = Duration.ofSeconds(2);

  /** The file's identity and version, or null when it cannot be read as a regular file. */
  private static Stamp stamp(Path path) {
    try {
      BasicFileAttributes a = Files.readAttributes(path, BasicFileAttributes.class);
      if (!a.isRegularFile()) {
        return null;
      }
      return new Stamp(a.size(), a.lastModifiedTime(), Objects.requireNonNullElse(a.fileKey(), ""));
    } catch (IOException | SecurityException e) {
      return null;
    }
  }
}
