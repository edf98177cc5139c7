package io.jctds.server.tsql;

import io.jctds.server.sql.SqlException;
import io.jctds.server.storage.Names;
import java.util.List;

/**
 * A SQL Server object name resolved against the session: {@code t} and {@code s.t} are in the
 * current database (schema dbo when none is given), {@code d.s.t} and {@code d..t} name the
 * database, a four-part name must name this server, and {@code #t} is a temporary table in tempdb.
 *
 * @param database the TDS database
 * @param schema the schema
 * @param name the object name
 * @param written the name as the statement wrote it (for messages)
 */
public record ObjectName(String database, String schema, String name, String written) {

  /** Resolves {@code parts} in {@code ctx}. */
  public static ObjectName resolve(Context ctx, List<String> parts) {
    String written = String.join(".", parts);
    String name = parts.get(parts.size() - 1);
    if (name.isEmpty()) {
      throw new SqlException(
          1038,
          15,
          4,
          "An object or column name is missing or empty. For SELECT INTO statements, verify each"
              + " column has a name. For other statements, look for empty alias names. Aliases"
              + " defined as \"\" or [] are not allowed. Change the alias to a valid name.",
          true);
    }
    if (Names.isTemporary(name)) {
      return new ObjectName(Names.TEMPDB, Names.DBO, name, written);
    }
    String schema = parts.size() >= 2 ? parts.get(parts.size() - 2) : "";
    String database = parts.size() >= 3 ? parts.get(parts.size() - 3) : "";
    if (parts.size() == 4
        && !parts.get(0).isEmpty()
        && !parts.get(0).equalsIgnoreCase(ctx.serverName())) {
      throw new SqlException(
          7202,
          11,
          2,
          "Could not find server '"
              + parts.get(0)
              + "' in sys.servers. Verify that the correct"
              + " server name was specified. If necessary, execute the stored procedure"
              + " sp_addlinkedserver to add the server to sys.servers.",
          true);
    }
    return new ObjectName(
        database.isEmpty() ? ctx.database() : database,
        schema.isEmpty() ? Names.DBO : schema,
        name,
        written);
  }

  /** Whether it is a temporary table. */
  public boolean temporary() {
    return Names.isTemporary(name);
  }

  /** The quoted H2 name. */
  public String h2() {
    return Names.qualified(database, schema, name);
  }
}
