package io.jctds.server.tsql;

import io.jctds.server.types.SqlType;

/**
 * A translated expression: H2 SQL text with the SQL Server type the expression has (null when the
 * server leaves typing to H2), whether it may be NULL, and what kind of fragment it is.
 *
 * @param text the H2 SQL
 * @param type the SQL Server type, or null when unknown
 * @param nullable whether the value may be NULL
 * @param kind what produced it
 */
public record Sql(String text, SqlType type, boolean nullable, Kind kind) {
  /** What kind of fragment a {@link Sql} is. */
  public enum Kind {
    /** A literal; {@code text} is H2 literal syntax. */
    LITERAL,
    /** A column of a table or view (stored in H2 as its declared type maps). */
    COLUMN,
    /** A bound parameter ({@code CAST(? AS ...)}). */
    PARAMETER,
    /** A character value with an explicit COLLATE clause (it decides the comparison). */
    COLLATED,
    /** A predicate (H2 BOOLEAN that is not a bit value). */
    PREDICATE,
    /** Anything else. */
    OTHER
  }

  /** An expression of {@code type}. */
  public static Sql of(String text, SqlType type, boolean nullable) {
    return new Sql(text, type, nullable, Kind.OTHER);
  }

  /** A predicate. */
  public static Sql predicate(String text) {
    return new Sql(text, null, true, Kind.PREDICATE);
  }

  /** The same fragment with another text, keeping type and nullability. */
  public Sql withText(String t) {
    return new Sql(t, type, nullable, Kind.OTHER);
  }

  /** Whether the value is a character string. */
  public boolean isString() {
    return type != null && type.base().isString();
  }
}
