package io.jctds;

import java.util.Objects;

/** An xml parameter (the document as text; the server parses it). Typed NULL: {@code nullOf()}. */
public final class SqlXml extends SqlValue<String> {
  private SqlXml(String value, boolean unused) {
    super(value);
  }

  /** {@code value} as xml. */
  public SqlXml(String value) {
    this(Objects.requireNonNull(value, "value; use nullOf() for NULL"), true);
  }

  /** A NULL of type xml. */
  public static SqlXml nullOf() {
    return new SqlXml(null, true);
  }
}
