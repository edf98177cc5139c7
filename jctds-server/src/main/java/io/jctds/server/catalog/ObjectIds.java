package io.jctds.server.catalog;

import java.util.Locale;

/**
 * Object ids: SQL Server numbers every object; the server derives a stable id from the object's
 * database, schema and name (FNV-1a, 31 bits, at least 1000 so that it never looks like a system
 * object's), so that OBJECT_ID, OBJECT_NAME and the sys views agree without bookkeeping, across
 * restarts of a file store too. Temporary tables get negative ids, as in SQL Server 2019 and later.
 */
public final class ObjectIds {
  private ObjectIds() {}

  /** The object id of {@code database.schema.name}. */
  public static int of(String database, String schema, String name) {
    String key = (database + "." + schema + "." + name).toLowerCase(Locale.ROOT);
    int h = 0x811C9DC5;
    for (int i = 0; i < key.length(); i++) {
      h ^= key.charAt(i);
      h *= 0x01000193;
    }
    int id = (h & 0x7FFFFFFF) % 2_000_000_000 + 1000;
    return name.startsWith("#") ? -id : id;
  }

  /**
   * The schema id of {@code schema} (dbo 1, guest 2, INFORMATION_SCHEMA 3, sys 4, as SQL Server).
   */
  public static int schemaId(String schema) {
    return switch (schema.toLowerCase(Locale.ROOT)) {
      case "dbo" -> 1;
      case "guest" -> 2;
      case "information_schema" -> 3;
      case "sys" -> 4;
      default -> 5 + Math.floorMod(schema.toLowerCase(Locale.ROOT).hashCode(), 16380);
    };
  }
}
