package io.jctds.server.functions;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Registers the server's functions in H2's schema {@code jctds} ({@code CREATE ALIAS ... FOR
 * 'class.method'}), under the names the T-SQL translation calls.
 */
public final class Aliases {
  private static final String PKG = "io.jctds.server.functions.";

  /** name, Java method (Class.method), deterministic. */
  private static final String[][] ALIASES = {
    {"guid_order", "ConversionFunctions.guidOrder", "D"},
    {"like_match", "TextFunctions.like", "D"},
    {"tinyint", "ConversionFunctions.tinyint", "D"},
    {"recursion", "TextFunctions.recursion", ""},
    {"round_datetime", "TemporalFunctions.roundDatetimeFn", "D"},
    {"round_smalldatetime", "TemporalFunctions.roundSmallFn", "D"},
    {"parse_temporal", "TemporalFunctions.parseTemporal", ""},
    {"temporal_text", "TemporalFunctions.temporalText", "D"},
    {"float_text", "ConversionFunctions.floatText", "D"},
    {"money_text", "ConversionFunctions.moneyText", "D"},
    {"hex_text", "ConversionFunctions.hexText", "D"},
    {"bytes_text", "ConversionFunctions.bytesText", "D"},
    {"text_bytes", "ConversionFunctions.textBytes", "D"},
    {"to_guid", "ConversionFunctions.toGuid", "D"},
    {"text_bit", "ConversionFunctions.textBit", "D"},
    {"number_text", "ConversionFunctions.numberText", "D"},
    {"variant", "ConversionFunctions.variant", "D"},
    {"variant_text", "ConversionFunctions.variantText", "D"},
    {"value_bytes", "ConversionFunctions.valueBytes", "D"},
    {"bytes_guid", "ConversionFunctions.bytesGuid", "D"},
    {"bytes_integer", "ConversionFunctions.bytesInteger", "D"},
    {"try_convert", "ConversionFunctions.tryConvert", ""},
    {"round_truncate", "ConversionFunctions.roundTruncate", "D"},
    {"codepage", "TextFunctions.codepage", "D"},
    {"reverse", "TextFunctions.reverse", "D"},
    {"replicate", "TextFunctions.replicate", "D"},
    {"unicode", "TextFunctions.unicode", "D"},
    {"substring_chars", "TextFunctions.substring", "D"},
    {"replace_text", "TextFunctions.replace", "D"},
    {"stuff", "TextFunctions.stuff", "D"},
    {"quotename", "TextFunctions.quotename", "D"},
    {"patindex", "TextFunctions.patindex", "D"},
    {"str", "TextFunctions.str", "D"},
    {"format", "TextFunctions.format", "D"},
    {"isnumeric", "TextFunctions.isnumeric", "D"},
    {"hashbytes", "TextFunctions.hashbytes", "D"},
    {"string_split", "TextFunctions.stringSplit", ""},
    {"isdate", "TemporalFunctions.isdate", ""},
    {"date_diff", "TemporalFunctions.datediff", "D"},
    {"datepart", "TemporalFunctions.datepart", "D"},
    {"datename", "TemporalFunctions.datename", "D"},
    {"from_parts", "TemporalFunctions.fromParts", "D"},
    {"db_id", "CatalogFunctions.dbId", ""},
    {"db_name", "CatalogFunctions.dbName", ""},
    {"object_id", "CatalogFunctions.objectId", ""},
    {"object_name", "CatalogFunctions.objectName", ""},
    {"object_schema_name", "CatalogFunctions.objectSchemaName", ""},
    {"schema_name", "CatalogFunctions.schemaName", ""},
    {"schema_id", "CatalogFunctions.schemaId", ""},
    {"type_name", "CatalogFunctions.typeName", "D"},
    {"type_id", "CatalogFunctions.typeId", "D"},
    {"col_length", "CatalogFunctions.colLength", ""},
    {"ident_current", "CatalogFunctions.identCurrent", ""},
    {"serverproperty", "CatalogFunctions.serverproperty", ""},
    {"databasepropertyex", "CatalogFunctions.databasepropertyex", ""},
    {"variant_property", "CatalogFunctions.variantProperty", "D"},
    {"udf", "UserFunctionCall.call", ""},
    {"object_definition", "CatalogFunctions.objectDefinition", ""},
    {"applock_mode", "LockFunctions.applockMode", ""},
    {"applock_test", "LockFunctions.applockTest", ""},
    {"bench_created", "BenchFunctions.created", "D"},
    {"bench_guid", "BenchFunctions.guid", "D"},
    {"bench_blob", "BenchFunctions.blob", "D"},
  };

  private Aliases() {}

  /** Creates (or replaces) every alias in schema {@code jctds}. */
  public static void install(Connection c) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute("CREATE SCHEMA IF NOT EXISTS \"jctds\"");
      for (String[] a : ALIASES) {
        s.execute("DROP ALIAS IF EXISTS \"jctds\".\"" + a[0] + "\"");
        s.execute(
            "CREATE ALIAS \"jctds\".\""
                + a[0]
                + "\""
                + (a[2].isEmpty() ? "" : " DETERMINISTIC")
                + " FOR '"
                + PKG
                + a[1]
                + "'");
      }
    }
  }
}
