package io.jctds.server.storage;

import java.util.Locale;

/**
 * How SQL Server's names map to H2's. H2 has one catalog, so each TDS database and schema pair
 * becomes one H2 schema named {@code <database>.<schema>} ({@code "master.dbo"}, {@code
 * "tempdb.dbo"}, {@code "shop.sys"}); a three-part name {@code shop.dbo.orders} is {@code
 * "shop.dbo"."orders"}. Temporary tables ({@code #t}) are H2 local temporary tables in {@code
 * "tempdb.dbo"}: private to their H2 session, dropped with it, and unaffected by {@code USE}.
 * Identifiers compare without regard to case (the database is opened with
 * CASE_INSENSITIVE_IDENTIFIERS).
 */
public final class Names {
  /** The schema that holds the server's own bookkeeping (databases, object ids). */
  public static final String SYSTEM_SCHEMA = "jctds";

  /** The database of temporary tables. */
  public static final String TEMPDB = "tempdb";

  /** The default schema of every database. */
  public static final String DBO = "dbo";

  private Names() {}

  /** The H2 schema name of {@code schema} in {@code database}. */
  public static String schema(String database, String schema) {
    return database + "." + schema;
  }

  /** {@code name} as an H2 quoted identifier. */
  public static String quote(String name) {
    return '"' + name.replace("\"", "\"\"") + '"';
  }

  /** The quoted H2 name of {@code schema.object} in {@code database}. */
  public static String qualified(String database, String schema, String object) {
    return quote(schema(database, schema)) + "." + quote(object);
  }

  /** Whether {@code name} names a temporary table ({@code #t} or {@code ##t}). */
  public static boolean isTemporary(String name) {
    return name.startsWith("#");
  }

  /**
   * Splits an H2 schema name back into its database and schema, or null when it is not one of the
   * server's ({@code INFORMATION_SCHEMA}, {@code jctds}).
   */
  public static String[] split(String h2Schema) {
    int dot = h2Schema.lastIndexOf('.');
    if (dot <= 0 || dot == h2Schema.length() - 1) {
      return null;
    }
    return new String[] {h2Schema.substring(0, dot), h2Schema.substring(dot + 1)};
  }

  /** A key for case-insensitive maps of names. */
  public static String key(String name) {
    return name.toLowerCase(Locale.ROOT);
  }
}
