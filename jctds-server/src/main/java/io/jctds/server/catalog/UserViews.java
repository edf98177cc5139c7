package io.jctds.server.catalog;

import static io.jctds.server.catalog.SystemViews.col;

import java.util.List;

/**
 * "sys.sysusers (Transact-SQL)", the compatibility view of a database's users and roles: the
 * principals every database has — the users dbo (the login sa, the only one the server has), guest,
 * INFORMATION_SCHEMA and sys (ids 1 to 4, the owners of the schemas of the same name, see
 * sys.schemas), the role public (0) and the fixed database roles (16384 and up, "Database-level
 * roles"). guest has no database access (it is disabled in a new database), nor have sys and
 * INFORMATION_SCHEMA, which cannot connect. Only dbo's sid is known (0x01, sa's, as owner_sid in
 * sys.databases); the others' are NULL.
 */
final class UserViews {
  private UserViews() {}

  /** name, uid, hasdbaccess, islogin, issqluser, issqlrole, sid expression. */
  private static final Object[][] PRINCIPALS = {
    {"public", 0, 0, 0, 0, 1, "NULL"},
    {"dbo", 1, 1, 1, 1, 0, "X'01'"},
    {"guest", 2, 0, 1, 1, 0, "NULL"},
    {"INFORMATION_SCHEMA", 3, 0, 1, 1, 0, "NULL"},
    {"sys", 4, 0, 1, 1, 0, "NULL"},
    {"db_owner", 16384, 0, 0, 0, 1, "NULL"},
    {"db_accessadmin", 16385, 0, 0, 0, 1, "NULL"},
    {"db_securityadmin", 16386, 0, 0, 0, 1, "NULL"},
    {"db_ddladmin", 16387, 0, 0, 0, 1, "NULL"},
    {"db_backupoperator", 16389, 0, 0, 0, 1, "NULL"},
    {"db_datareader", 16390, 0, 0, 0, 1, "NULL"},
    {"db_datawriter", 16391, 0, 0, 0, 1, "NULL"},
    {"db_denydatareader", 16392, 0, 0, 0, 1, "NULL"},
    {"db_denydatawriter", 16393, 0, 0, 0, 1, "NULL"},
  };

  /** The database's creation time: H2 keeps none for principals. */
  private static final String CREATED =
      "(SELECT d.create_date FROM \"jctds\".databases d WHERE d.name = '${dbq}')";

  static List<SystemViews.View> views() {
    return List.of(sysusers());
  }

  private static SystemViews.View sysusers() {
    StringBuilder values = new StringBuilder();
    for (Object[] p : PRINCIPALS) {
      values
          .append(values.length() == 0 ? "" : ", ")
          .append(
              String.format(
                  "('%s', %d, %d, %d, %d, %d, CAST(%s AS VARBINARY))",
                  p[0], p[1], p[2], p[3], p[4], p[5], p[6]));
    }
    String zero = "CAST(0 AS INTEGER)";
    String none = "CAST(0 AS SMALLINT)";
    return new SystemViews.View(
        "sys",
        "sysusers",
        List.of(
            col("uid", "smallint", "CAST(u.uid AS SMALLINT)"),
            col("status", "smallint", none),
            col("name", "sysname", "u.name"),
            col("sid", "varbinary(85)", "u.sid"),
            col("roles", "varbinary(2048)", "CAST(NULL AS VARBINARY)"),
            col("createdate", "datetime", CREATED),
            col("updatedate", "datetime", CREATED),
            col("altuid", "smallint", none),
            col("password", "varbinary(256)", "CAST(NULL AS VARBINARY)"),
            col("gid", "smallint", none),
            col("environ", "varchar(255)", "CAST(NULL AS VARCHAR)"),
            col("hasdbaccess", "int", "u.hasdbaccess"),
            col("islogin", "int", "u.islogin"),
            col("isntname", "int", zero),
            col("isntgroup", "int", zero),
            col("isntuser", "int", zero),
            col("issqluser", "int", "u.issqluser"),
            col("isaliased", "int", zero),
            col("issqlrole", "int", "u.issqlrole"),
            col("isapprole", "int", zero)),
        "FROM (VALUES "
            + values
            + ") AS u(name, uid, hasdbaccess, islogin, issqluser, issqlrole, sid)");
  }
}
