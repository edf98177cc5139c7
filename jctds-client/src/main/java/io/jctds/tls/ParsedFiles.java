package io.jctds.tls;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What was parsed from a CA or CRL file, kept for the next connection while the file stays the
 * same. FreeTDS reads its CA and CRL files at every connection, so an edited or replaced file must
 * take effect at the next connect: an entry is used only while the file's size, modification time
 * and file key (inode) are those it had when it was read; any change (a rewrite, a rename over it,
 * a touch) reads and parses it again. Only successful parses are kept; failures are re-read (and
 * re-reported) every time. Bounded: past {@link #MAX_FILES} files everything is dropped.
 *
 * @param <T> the parsed value (immutable; shared between connections)
 */
final class ParsedFiles<T> {
  /** More distinct files than any configuration names; beyond it the cache starts over. */
  static final int MAX_FILES = 64;

  /** Reads a file's bytes, failing with the caller's message. */
  @FunctionalInterface
  interface Reader {
    byte[] read() throws TlsValidationException;
  }

  /** Parses a file's bytes, failing with the caller's message. */
  @FunctionalInterface
  interface Parser<T> {
    T parse(byte[] content) throws TlsValidationException;
  }

  private record Stamp(long size, FileTime modified, Object fileKey) {}

  private record Entry<T>(Stamp stamp, T value) {}

  private final ConcurrentHashMap<Path, Entry<T>> entries = new ConcurrentHashMap<>();

  /**
   * The parsed content of {@code path}: the kept value when the file is unchanged, else {@code
   * read} then {@code parse} (kept when the file did not change while it was read).
   */
  T get(Path path, Reader read, Parser<T> parse) throws TlsValidationException {
    Path key = path.toAbsolutePath().normalize();
    Stamp before = stamp(key);
    Entry<T> kept = entries.get(key);
    if (before != null && kept != null && kept.stamp().equals(before)) {
      return kept.value();
    }
    T value = parse.parse(read.read());
    if (before != null && before.equals(stamp(key))) {
      if (entries.size() >= MAX_FILES) {
        entries.clear();
      }
      entries.put(key, new Entry<>(before, value));
    } else {
      entries.remove(key);
    }
    return value;
  }

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
