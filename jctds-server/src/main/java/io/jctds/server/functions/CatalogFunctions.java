package io.jctds.server.functions;

import io.jctds.protocol.type.TdsType;
import io.jctds.server.catalog.ObjectIds;
import io.jctds.server.types.SqlType;
import io.jctds.server.types.SystemTypes;
import io.jctds.server.types.Variants;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;

/**
 * Metadata functions evaluated at run time ("Metadata functions (Transact-SQL)"): DB_ID, DB_NAME,
 * OBJECT_ID, OBJECT_NAME, SCHEMA_NAME, SCHEMA_ID, TYPE_NAME, TYPE_ID, COL_LENGTH, IDENT_CURRENT,
 * SERVERPROPERTY, DATABASEPROPERTYEX and SQL_VARIANT_PROPERTY.
 */
public final class CatalogFunctions {
  private CatalogFunctions() {}

  /** DB_ID(name). */
  public static Short dbId(String name) {
    if (name == null) {
      return null;
    }
    for (Object[] db : FunctionContext.current().databases()) {
      if (((String) db[0]).equalsIgnoreCase(name.trim())) {
        return ((Integer) db[1]).shortValue();
      }
    }
    return null;
  }

  /** DB_NAME(id). */
  public static String dbName(Integer id) {
    if (id == null) {
      return null;
    }
    for (Object[] db : FunctionContext.current().databases()) {
      if (db[1].equals(id)) {
        return (String) db[0];
      }
    }
    return null;
  }

  /** OBJECT_ID(name). */
  public static Integer objectId(String name) {
    return name == null ? null : FunctionContext.current().objectId(name);
  }

  /** OBJECT_ID(name, type): null unless the object is of the type (U, V, P, FN are checked). */
  public static Integer objectId(String name, String type) {
    return name == null ? null : FunctionContext.current().objectId(name, type);
  }

  /** OBJECT_DEFINITION(id): a procedure's or function's definition, else null. */
  public static String objectDefinition(Integer id) {
    return id == null ? null : FunctionContext.current().objectDefinition(id);
  }

  /** OBJECT_NAME(id). */
  public static String objectName(Integer id) {
    return id == null ? null : FunctionContext.current().objectName(id, null, false);
  }

  /** OBJECT_NAME(id, database_id). */
  public static String objectName(Integer id, Integer db) {
    return id == null ? null : FunctionContext.current().objectName(id, db, false);
  }

  /** OBJECT_SCHEMA_NAME(id). */
  public static String objectSchemaName(Integer id) {
    return id == null ? null : FunctionContext.current().objectName(id, null, true);
  }

  /** OBJECT_SCHEMA_NAME(id, database_id). */
  public static String objectSchemaName(Integer id, Integer db) {
    return id == null ? null : FunctionContext.current().objectName(id, db, true);
  }

  /**
   * SCHEMA_NAME(id): the fixed schemas (dbo 1, guest 2, INFORMATION_SCHEMA 3, sys 4), else the
   * current database's schema whose {@link ObjectIds#schemaId} is {@code id}.
   */
  public static String schemaName(Connection c, Integer id) throws SQLException {
    if (id == null) {
      return null;
    }
    switch (id) {
      case 1:
        return "dbo";
      case 2:
        return "guest";
      case 3:
        return "INFORMATION_SCHEMA";
      case 4:
        return "sys";
      default:
        break;
    }
    String prefix = FunctionContext.current().database().toLowerCase(Locale.ROOT) + ".";
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT SCHEMA_NAME FROM INFORMATION_SCHEMA.SCHEMATA")) {
      while (rs.next()) {
        String h2 = rs.getString(1);
        String schema = h2.substring(h2.lastIndexOf('.') + 1);
        if (h2.toLowerCase(Locale.ROOT).startsWith(prefix)
            && h2.length() == prefix.length() + schema.length()
            && ObjectIds.schemaId(schema) == id) {
          return schema;
        }
      }
    }
    return null;
  }

  /** SCHEMA_ID(name): NULL for a schema the current database does not have. */
  public static Integer schemaId(Connection c, String name) throws SQLException {
    if (name == null) {
      return null;
    }
    int id = ObjectIds.schemaId(name);
    return name.equalsIgnoreCase(schemaName(c, id)) ? id : null;
  }

  /** TYPE_NAME(id). */
  public static String typeName(Integer id) {
    return id == null ? null : SystemTypes.name(id);
  }

  /** TYPE_ID(name). */
  public static Integer typeId(String name) {
    if (name == null) {
      return null;
    }
    int id = SystemTypes.idOf(name.trim());
    return id < 0 ? null : id;
  }

  /** COL_LENGTH(table, column). */
  public static Short colLength(String table, String column) {
    if (table == null || column == null) {
      return null;
    }
    Integer n = FunctionContext.current().columnLength(table, column);
    return n == null ? null : n.shortValue();
  }

  /** IDENT_CURRENT(table). */
  public static BigDecimal identCurrent(String table) {
    return table == null ? null : FunctionContext.current().identCurrent(table);
  }

  /** SERVERPROPERTY(name) as a sql_variant. */
  public static byte[] serverproperty(String name) {
    return name == null ? null : FunctionContext.current().serverProperty(name);
  }

  /** DATABASEPROPERTYEX(database, property) as a sql_variant. */
  public static byte[] databasepropertyex(String database, String property) {
    if (database == null || property == null || dbId(database) == null) {
      return null;
    }
    return switch (property.toLowerCase(Locale.ROOT)) {
      case "collation" -> Variants.encode(SqlType.nvarchar(128), "SQL_Latin1_General_CP1_CI_AS");
      case "status" -> Variants.encode(SqlType.nvarchar(128), "ONLINE");
      case "updateability" -> Variants.encode(SqlType.nvarchar(128), "READ_WRITE");
      case "useraccess" -> Variants.encode(SqlType.nvarchar(128), "MULTI_USER");
      case "recovery" -> Variants.encode(SqlType.nvarchar(128), "SIMPLE");
      case "version" -> Variants.encode(SqlType.INT, 957);
      case "isautoclose", "isautoshrink", "isfulltextenabled", "isinstandby" ->
          Variants.encode(SqlType.INT, 0);
      default -> null;
    };
  }

  /** SQL_VARIANT_PROPERTY(value, property). */
  public static byte[] variantProperty(byte[] body, String property) {
    if (body == null || property == null || body.length < 2) {
      return null;
    }
    TdsType base = TdsType.fromByte(Variants.baseType(body));
    byte[] props = Variants.properties(body);
    return switch (property.toLowerCase(Locale.ROOT)) {
      case "basetype" -> Variants.encode(SqlType.SYSNAME, baseName(base, props));
      case "precision" ->
          Variants.encode(
              SqlType.INT,
              props.length >= 1 && (base == TdsType.DECIMALN || base == TdsType.NUMERICN)
                  ? props[0] & 0xFF
                  : 0);
      case "scale" ->
          Variants.encode(
              SqlType.INT,
              props.length >= 2 && (base == TdsType.DECIMALN || base == TdsType.NUMERICN)
                  ? props[1] & 0xFF
                  : props.length == 1 ? props[0] & 0xFF : 0);
      case "totalbytes" -> Variants.encode(SqlType.INT, body.length);
      case "maxlength" -> Variants.encode(SqlType.INT, body.length - 2 - props.length);
      default -> null;
    };
  }

  private static String baseName(TdsType t, byte[] props) {
    return switch (t) {
      case INT1 -> "tinyint";
      case INT2 -> "smallint";
      case INT4 -> "int";
      case INT8 -> "bigint";
      case BIT -> "bit";
      case FLT4 -> "real";
      case FLT8 -> "float";
      case MONEY -> "money";
      case MONEY4 -> "smallmoney";
      case DATETIME -> "datetime";
      case DATETIM4 -> "smalldatetime";
      case DECIMALN -> "decimal";
      case NUMERICN -> "numeric";
      case DATEN -> "date";
      case TIMEN -> "time";
      case DATETIME2N -> "datetime2";
      case DATETIMEOFFSETN -> "datetimeoffset";
      case GUID -> "uniqueidentifier";
      case BIGVARCHAR -> "varchar";
      case BIGCHAR -> "char";
      case NVARCHAR -> "nvarchar";
      case NCHAR -> "nchar";
      case BIGVARBINARY -> "varbinary";
      case BIGBINARY -> "binary";
      default -> t.name().toLowerCase(Locale.ROOT);
    };
  }
}
