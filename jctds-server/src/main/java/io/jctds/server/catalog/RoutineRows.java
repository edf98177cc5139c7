package io.jctds.server.catalog;

import static io.jctds.server.catalog.CatalogRows.columnsOnly;
import static io.jctds.server.catalog.CatalogRows.in;
import static io.jctds.server.catalog.CatalogRows.result;
import static io.jctds.server.catalog.CatalogRows.small;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import org.h2.tools.SimpleResultSet;

/**
 * The H2 table functions behind the catalog views of stored procedures and scalar functions ({@code
 * "jctds"."cat_routines"} and {@code "jctds"."cat_parameters"}, see {@link RoutineViews}), from the
 * statement's {@link CatalogSnapshot}.
 */
public final class RoutineRows {
  private RoutineRows() {}

  /** sys.objects' rows of the routines of {@code db} (columns as {@link CatalogRows#objects}). */
  static void objects(CatalogSnapshot s, String db, SimpleResultSet rs) {
    for (Routines.Routine r : s.routines()) {
      if (in(r.database(), db)) {
        rs.addRow(
            r.name(),
            r.objectId(),
            ObjectIds.schemaId(r.schema()),
            0,
            r.type(),
            r.function() ? "SQL_SCALAR_FUNCTION" : "SQL_STORED_PROCEDURE",
            r.created(),
            r.modified());
      }
    }
  }

  private static final String TYPE_COLUMNS =
      "data_type:s, char_max:i, char_octets:i, num_precision:h, num_radix:h, num_scale:i,"
          + " dt_precision:h, collation_name:s, charset:s";

  private static final String ROUTINES =
      "object_id:i, schema_name:s, name:s, type:s, definition:s, is_schema_bound:b,"
          + " null_on_null_input:b, created:t, modified:t, "
          + TYPE_COLUMNS;

  /** The routines of {@code db}: sys.sql_modules, INFORMATION_SCHEMA.ROUTINES. */
  public static ResultSet routines(Connection c, OffsetDateTime stamp, String db)
      throws SQLException {
    SimpleResultSet rs = result(ROUTINES);
    if (columnsOnly(c)) {
      return rs;
    }
    for (Routines.Routine r : CatalogRows.snapshot(c, stamp).routines()) {
      if (!in(r.database(), db)) {
        continue;
      }
      Object[] head = {
        r.objectId(),
        r.schema(),
        r.name(),
        r.type(),
        r.definition(),
        r.schemaBound(),
        r.nullOnNullInput(),
        r.created(),
        r.modified()
      };
      rs.addRow(concat(head, typeColumns(r.returns())));
    }
    return rs;
  }

  private static final String PARAMETERS =
      "object_id:i, schema_name:s, routine_name:s, name:s, parameter_id:i, system_type_id:h,"
          + " max_length:h, precision:h, scale:h, is_output:b, is_result:b, "
          + TYPE_COLUMNS;

  /**
   * The parameters of the routines of {@code db}, a function's return value first as parameter 0:
   * sys.parameters, INFORMATION_SCHEMA.PARAMETERS.
   */
  public static ResultSet parameters(Connection c, OffsetDateTime stamp, String db)
      throws SQLException {
    SimpleResultSet rs = result(PARAMETERS);
    if (columnsOnly(c)) {
      return rs;
    }
    for (Routines.Routine r : CatalogRows.snapshot(c, stamp).routines()) {
      if (!in(r.database(), db)) {
        continue;
      }
      if (r.function()) {
        rs.addRow(parameter(r, "", 0, r.returns(), true, true));
      }
      int id = 1;
      for (Routines.Parameter p : r.parameters()) {
        rs.addRow(parameter(r, p.name(), id++, p.type(), p.output(), false));
      }
    }
    return rs;
  }

  private static Object[] parameter(
      Routines.Routine r, String name, int id, String type, boolean output, boolean result) {
    Object[] head = {
      r.objectId(),
      r.schema(),
      r.name(),
      name,
      id,
      small(CatalogValues.typeNumber(type, "system_type_id")),
      small(CatalogValues.typeNumber(type, "max_length")),
      small(CatalogValues.typeNumber(type, "precision")),
      small(CatalogValues.typeNumber(type, "scale")),
      output,
      result
    };
    return concat(head, typeColumns(type));
  }

  /** INFORMATION_SCHEMA's type columns of declaration {@code d} (all NULL when it is null). */
  private static Object[] typeColumns(String d) {
    return new Object[] {
      CatalogValues.typeText(d, "name"),
      CatalogValues.typeNumber(d, "CHARACTER_MAXIMUM_LENGTH"),
      CatalogValues.typeNumber(d, "CHARACTER_OCTET_LENGTH"),
      small(CatalogValues.typeNumber(d, "NUMERIC_PRECISION")),
      small(CatalogValues.typeNumber(d, "NUMERIC_PRECISION_RADIX")),
      CatalogValues.typeNumber(d, "NUMERIC_SCALE"),
      small(CatalogValues.typeNumber(d, "DATETIME_PRECISION")),
      CatalogValues.typeText(d, "collation"),
      CatalogValues.typeText(d, "charset")
    };
  }

  private static Object[] concat(Object[] a, Object[] b) {
    Object[] out = new Object[a.length + b.length];
    System.arraycopy(a, 0, out, 0, a.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
