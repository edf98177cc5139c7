package io.jctds.tls;

import io.jctds.config.Source;
import io.jctds.config.SystemTrustStore;
import java.nio.file.Path;
import java.util.Objects;

/**
 * How the server certificate chain is validated, as {@code ca file} decides (FreeTDS 1.5): not at
 * all, against a PEM bundle, or against the system trust store ({@code ca file = system}).
 */
public sealed interface Validation {

  /** A one-line description for reports and messages. */
  String describe();

  /** Whether the chain is validated at all. */
  default boolean validates() {
    return !(this instanceof None);
  }

  /** No {@code ca file}: any certificate is accepted, as FreeTDS does (not in strict mode). */
  record None() implements Validation {
    @Override
    public String describe() {
      return "certificate not validated (no ca file)";
    }
  }

  /**
   * {@code ca file = PATH}: the chain must lead to a certificate of this PEM bundle.
   *
   * @param path the bundle as configured
   * @param source where {@code ca file} was set
   */
  record CaFile(Path path, Source source) implements Validation {
    public CaFile {
      Objects.requireNonNull(path, "path");
      Objects.requireNonNull(source, "source");
    }

    @Override
    public String describe() {
      return "CA file " + path + " (ca file, " + source.describe() + ")";
    }
  }

  /**
   * {@code ca file = system}, or strict mode without a {@code ca file}: the system trust store.
   *
   * @param store the located store ({@link SystemTrustStore#locate()})
   * @param source where {@code ca file = system} came from
   */
  record SystemStore(SystemTrustStore store, Source source) implements Validation {
    public SystemStore {
      Objects.requireNonNull(store, "store");
      Objects.requireNonNull(source, "source");
    }

    /** The store in words, e.g. {@code PEM bundle /etc/ssl/certs/ca-certificates.crt (...)}. */
    public String description() {
      return store.describe();
    }

    @Override
    public String describe() {
      return "system trust store: " + store.describe() + " (ca file, " + source.describe() + ")";
    }
  }
}
