package io.jctds.server.tsql;

import io.jctds.server.catalog.CatalogObjects;
import io.jctds.server.sql.SqlException;
import io.jctds.server.types.SqlLike;
import io.jctds.server.types.SqlType;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the server's documented system procedures share: each is registered with its parameters (the
 * Transact-SQL reference's names, types and defaults), which {@link Binding} binds and which
 * sp_sproc_columns reports; name patterns ("LIKE (Transact-SQL)" wildcards, case-insensitive as the
 * default collation compares) and the check that a qualifier names the current database.
 */
final class SystemProcedures {
  /** A procedure's body, given its bound parameters. */
  @FunctionalInterface
  interface Body {
    /** Runs the procedure; results go to {@code r.sink}. */
    Call.Result run(Runner r, Binding.Bound parameters);
  }

  private static final Map<String, List<Binding.Formal>> FORMALS = new ConcurrentHashMap<>();

  /** nvarchar(384), the type of the catalog procedures' name patterns. */
  static final SqlType PATTERN = SqlType.nvarchar(384);

  private SystemProcedures() {}

  /** Registers {@code name} with its declared parameters. */
  static void add(
      Map<String, Procedures.Builtin> to, String name, List<Binding.Formal> formals, Body body) {
    FORMALS.put(name, List.copyOf(formals));
    to.put(name, (r, c) -> body.run(r, Binding.bind(r, name, formals, c)));
  }

  /** The declared parameters of system procedure {@code name} (lower case), or null. */
  static List<Binding.Formal> formals(String name) {
    return FORMALS.get(name);
  }

  /** A string parameter's value (null for NULL). */
  static String text(Binding.Bound b, String name) {
    Object v = b.get(name).value();
    return v == null ? null : v.toString();
  }

  /** An integer parameter's value, or {@code otherwise} for NULL. */
  static int number(Binding.Bound b, String name, int otherwise) {
    Object v = b.get(name).value();
    return v instanceof Number n ? n.intValue() : otherwise;
  }

  /** A bit parameter's value, or {@code otherwise} for NULL. */
  static boolean bit(Binding.Bound b, String name, boolean otherwise) {
    Object v = b.get(name).value();
    return v instanceof Boolean f ? f : otherwise;
  }

  /**
   * Whether {@code value} matches {@code pattern}: any value for a NULL pattern; with {@code
   * usePattern} the pattern's % _ [] wildcards, else equality; both case-insensitive.
   */
  static boolean matches(String value, String pattern, boolean usePattern) {
    if (pattern == null) {
      return true;
    }
    if (value == null) {
      return false;
    }
    return usePattern
        ? SqlLike.matches(value, pattern, null, true)
        : value.equalsIgnoreCase(pattern);
  }

  /**
   * Fails with 15250 unless {@code qualifier} is NULL or the current database, as SQL Server's
   * catalog procedures do.
   */
  static void checkQualifier(Runner r, String qualifier) {
    if (qualifier != null && !qualifier.equalsIgnoreCase(r.s.database())) {
      throw new SqlException(
          15250,
          16,
          1,
          "The database name component of the object qualifier must be the name of the current"
              + " database.",
          false);
    }
  }

  /** The current database's objects as this session sees them. */
  static CatalogObjects objects(Runner r) {
    try {
      return CatalogObjects.read(r.s.connection(), r.s.database());
    } catch (SQLException e) {
      throw H2Errors.translate(e);
    }
  }

  /** Orders rows by the string columns {@code at}, case-insensitively (NULLs first). */
  static Comparator<Object[]> byText(int... at) {
    Comparator<Object[]> c = (a, b) -> 0;
    for (int i : at) {
      c =
          c.thenComparing(
              row -> (String) row[i], Comparator.nullsFirst(String.CASE_INSENSITIVE_ORDER));
    }
    return c;
  }

  /** {@code then} after ordering by the number in column {@code at}. */
  static Comparator<Object[]> thenNumber(Comparator<Object[]> then, int at) {
    return then.thenComparing(row -> ((Number) row[at]).longValue());
  }
}
