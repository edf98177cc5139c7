package io.jctds.server.tsql;

import io.jctds.server.sql.SqlException;
import io.jctds.server.types.SqlType;
import java.util.ArrayList;
import java.util.List;

/**
 * The FROM sources visible to an expression, innermost query first, for resolving column names as
 * SQL Server does: an unqualified name must belong to exactly one source of the nearest query that
 * has it (error 209 when two have it), a qualified one to the source with that alias or name; outer
 * queries are searched for correlated references.
 */
final class Scope {
  /**
   * A source's column.
   *
   * @param name its name
   * @param type its SQL Server type, null when unknown
   * @param nullable whether it may be NULL
   */
  record Col(String name, SqlType type, boolean nullable) {}

  /**
   * A FROM source.
   *
   * @param names the names a qualifier may use: the alias, or the table name, schema.table and
   *     database.schema.table
   * @param sqlAlias the alias the H2 SQL uses for it
   * @param columns its columns, or null when unknown (an untyped table function)
   */
  record Source(List<String> names, String sqlAlias, List<Col> columns) {
    boolean matches(List<String> qualifier) {
      String q = String.join(".", qualifier);
      for (String n : names) {
        if (n.equalsIgnoreCase(q)) {
          return true;
        }
      }
      return false;
    }

    Col column(String name) {
      if (columns == null) {
        return null;
      }
      for (Col c : columns) {
        if (c.name().equalsIgnoreCase(name)) {
          return c;
        }
      }
      return null;
    }
  }

  /** A resolved column: the source, the column, and how deep (0 = this query). */
  record Resolved(Source source, Col column, int depth) {}

  private final Scope parent;
  private final List<Source> sources = new ArrayList<>();

  Scope(Scope parent) {
    this.parent = parent;
  }

  Scope parent() {
    return parent;
  }

  void add(Source s) {
    sources.add(s);
  }

  List<Source> sources() {
    return sources;
  }

  /** The source a {@code qualifier.*} names, or null. */
  Source source(List<String> qualifier) {
    for (Source s : sources) {
      if (s.matches(qualifier)) {
        return s;
      }
    }
    return null;
  }

  /**
   * Resolves {@code parts} (column, or qualifier parts then column).
   *
   * @throws SqlException 207 unknown column, 209 ambiguous, 4104 unknown qualifier
   */
  Resolved resolve(List<String> parts) {
    String column = parts.get(parts.size() - 1);
    List<String> qualifier = parts.subList(0, parts.size() - 1);
    int depth = 0;
    for (Scope s = this; s != null; s = s.parent, depth++) {
      Resolved r = s.find(qualifier, column, depth);
      if (r != null) {
        return r;
      }
    }
    if (!qualifier.isEmpty() && !qualifierExists(qualifier)) {
      throw new SqlException(
          4104,
          16,
          1,
          "The multi-part identifier \"" + String.join(".", parts) + "\" could not be bound.",
          true);
    }
    throw SqlException.invalidColumn(column);
  }

  private boolean qualifierExists(List<String> qualifier) {
    for (Scope s = this; s != null; s = s.parent) {
      if (s.source(qualifier) != null) {
        return true;
      }
    }
    return false;
  }

  private Resolved find(List<String> qualifier, String column, int depth) {
    Resolved found = null;
    for (Source src : sources) {
      if (!qualifier.isEmpty() && !src.matches(qualifier)) {
        continue;
      }
      Col c = src.column(column);
      if (c == null && src.columns() == null) {
        c = new Col(column, null, true); // untyped source: trust H2
      }
      if (c == null) {
        continue;
      }
      if (found != null) {
        throw new SqlException(209, 16, 1, "Ambiguous column name '" + column + "'.", true);
      }
      found = new Resolved(src, c, depth);
    }
    return found;
  }
}
