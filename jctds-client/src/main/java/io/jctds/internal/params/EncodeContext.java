package io.jctds.internal.params;

import io.jctds.protocol.TdsVersion;
import io.jctds.protocol.type.Collation;
import java.util.Objects;

/**
 * What parameter encoding depends on: the negotiated TDS version (date/time types from 7.3, (max)
 * types from 7.2) and the server's default collation (ENVCHANGE type 7), which char/varchar
 * parameters are encoded in and which every character parameter declares.
 *
 * @param version the negotiated TDS version
 * @param collation the server's default collation
 */
public record EncodeContext(TdsVersion version, Collation collation) {
  /** Requires both. */
  public EncodeContext {
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(collation, "collation");
  }

  /** Whether (max) types and PLP values exist (TDS 7.2+). */
  boolean hasMax() {
    return version.atLeast(TdsVersion.V7_2);
  }

  /** Whether date, time, datetime2 and datetimeoffset exist (TDS 7.3+). */
  boolean hasDateTypes() {
    return version.atLeast(TdsVersion.V7_3A);
  }
}
