package io.jctds.jdbc;

import java.sql.Types;
import java.util.ArrayList;
import java.util.List;

/**
 * The columns of each DatabaseMetaData result set, in the order and with the labels and types the
 * java.sql.DatabaseMetaData javadoc (JDBC 4.3) gives them. The three unnamed "reserved for future
 * use" columns of getProcedures are labelled as SQL Server's sp_stored_procedures labels them.
 */
final class CatalogColumns {
  private CatalogColumns() {}

  /** One column: label, java.sql.Types constant and SQL Server type name. */
  record Col(String label, int type, String typeName) {}

  private static Col s(String label) {
    return new Col(label, Types.NVARCHAR, "nvarchar");
  }

  private static Col i(String label) {
    return new Col(label, Types.INTEGER, "int");
  }

  private static Col h(String label) {
    return new Col(label, Types.SMALLINT, "smallint");
  }

  private static Col b(String label) {
    return new Col(label, Types.BIT, "bit");
  }

  private static Col l(String label) {
    return new Col(label, Types.BIGINT, "bigint");
  }

  static final List<Col> TABLES =
      List.of(
          s("TABLE_CAT"),
          s("TABLE_SCHEM"),
          s("TABLE_NAME"),
          s("TABLE_TYPE"),
          s("REMARKS"),
          s("TYPE_CAT"),
          s("TYPE_SCHEM"),
          s("TYPE_NAME"),
          s("SELF_REFERENCING_COL_NAME"),
          s("REF_GENERATION"));

  static final List<Col> COLUMNS =
      List.of(
          s("TABLE_CAT"),
          s("TABLE_SCHEM"),
          s("TABLE_NAME"),
          s("COLUMN_NAME"),
          i("DATA_TYPE"),
          s("TYPE_NAME"),
          i("COLUMN_SIZE"),
          i("BUFFER_LENGTH"),
          i("DECIMAL_DIGITS"),
          i("NUM_PREC_RADIX"),
          i("NULLABLE"),
          s("REMARKS"),
          s("COLUMN_DEF"),
          i("SQL_DATA_TYPE"),
          i("SQL_DATETIME_SUB"),
          i("CHAR_OCTET_LENGTH"),
          i("ORDINAL_POSITION"),
          s("IS_NULLABLE"),
          s("SCOPE_CATALOG"),
          s("SCOPE_SCHEMA"),
          s("SCOPE_TABLE"),
          h("SOURCE_DATA_TYPE"),
          s("IS_AUTOINCREMENT"),
          s("IS_GENERATEDCOLUMN"));

  static final List<Col> PRIMARY_KEYS =
      List.of(
          s("TABLE_CAT"),
          s("TABLE_SCHEM"),
          s("TABLE_NAME"),
          s("COLUMN_NAME"),
          h("KEY_SEQ"),
          s("PK_NAME"));

  /** getImportedKeys, getExportedKeys and getCrossReference. */
  static final List<Col> KEYS =
      List.of(
          s("PKTABLE_CAT"),
          s("PKTABLE_SCHEM"),
          s("PKTABLE_NAME"),
          s("PKCOLUMN_NAME"),
          s("FKTABLE_CAT"),
          s("FKTABLE_SCHEM"),
          s("FKTABLE_NAME"),
          s("FKCOLUMN_NAME"),
          h("KEY_SEQ"),
          h("UPDATE_RULE"),
          h("DELETE_RULE"),
          s("FK_NAME"),
          s("PK_NAME"),
          h("DEFERRABILITY"));

  static final List<Col> INDEX_INFO =
      List.of(
          s("TABLE_CAT"),
          s("TABLE_SCHEM"),
          s("TABLE_NAME"),
          b("NON_UNIQUE"),
          s("INDEX_QUALIFIER"),
          s("INDEX_NAME"),
          h("TYPE"),
          h("ORDINAL_POSITION"),
          s("COLUMN_NAME"),
          s("ASC_OR_DESC"),
          l("CARDINALITY"),
          l("PAGES"),
          s("FILTER_CONDITION"));

  static final List<Col> PROCEDURES =
      List.of(
          s("PROCEDURE_CAT"),
          s("PROCEDURE_SCHEM"),
          s("PROCEDURE_NAME"),
          i("NUM_INPUT_PARAMS"),
          i("NUM_OUTPUT_PARAMS"),
          i("NUM_RESULT_SETS"),
          s("REMARKS"),
          h("PROCEDURE_TYPE"),
          s("SPECIFIC_NAME"));

  static final List<Col> PROCEDURE_COLUMNS =
      List.of(
          s("PROCEDURE_CAT"),
          s("PROCEDURE_SCHEM"),
          s("PROCEDURE_NAME"),
          s("COLUMN_NAME"),
          h("COLUMN_TYPE"),
          i("DATA_TYPE"),
          s("TYPE_NAME"),
          i("PRECISION"),
          i("LENGTH"),
          h("SCALE"),
          h("RADIX"),
          h("NULLABLE"),
          s("REMARKS"),
          s("COLUMN_DEF"),
          i("SQL_DATA_TYPE"),
          i("SQL_DATETIME_SUB"),
          i("CHAR_OCTET_LENGTH"),
          i("ORDINAL_POSITION"),
          s("IS_NULLABLE"),
          s("SPECIFIC_NAME"));

  static final List<Col> FUNCTIONS =
      List.of(
          s("FUNCTION_CAT"),
          s("FUNCTION_SCHEM"),
          s("FUNCTION_NAME"),
          s("REMARKS"),
          h("FUNCTION_TYPE"),
          s("SPECIFIC_NAME"));

  static final List<Col> FUNCTION_COLUMNS =
      List.of(
          s("FUNCTION_CAT"),
          s("FUNCTION_SCHEM"),
          s("FUNCTION_NAME"),
          s("COLUMN_NAME"),
          h("COLUMN_TYPE"),
          i("DATA_TYPE"),
          s("TYPE_NAME"),
          i("PRECISION"),
          i("LENGTH"),
          h("SCALE"),
          h("RADIX"),
          h("NULLABLE"),
          s("REMARKS"),
          i("CHAR_OCTET_LENGTH"),
          i("ORDINAL_POSITION"),
          s("IS_NULLABLE"),
          s("SPECIFIC_NAME"));

  static final List<Col> TYPE_INFO =
      List.of(
          s("TYPE_NAME"),
          i("DATA_TYPE"),
          i("PRECISION"),
          s("LITERAL_PREFIX"),
          s("LITERAL_SUFFIX"),
          s("CREATE_PARAMS"),
          h("NULLABLE"),
          b("CASE_SENSITIVE"),
          h("SEARCHABLE"),
          b("UNSIGNED_ATTRIBUTE"),
          b("FIXED_PREC_SCALE"),
          b("AUTO_INCREMENT"),
          s("LOCAL_TYPE_NAME"),
          h("MINIMUM_SCALE"),
          h("MAXIMUM_SCALE"),
          i("SQL_DATA_TYPE"),
          i("SQL_DATETIME_SUB"),
          i("NUM_PREC_RADIX"));

  static final List<Col> SCHEMAS = List.of(s("TABLE_SCHEM"), s("TABLE_CATALOG"));

  static final List<Col> CATALOGS = List.of(s("TABLE_CAT"));

  static final List<Col> TABLE_TYPES = List.of(s("TABLE_TYPE"));

  /** getBestRowIdentifier and getVersionColumns. */
  static final List<Col> ROW_COLUMNS =
      List.of(
          h("SCOPE"),
          s("COLUMN_NAME"),
          i("DATA_TYPE"),
          s("TYPE_NAME"),
          i("COLUMN_SIZE"),
          i("BUFFER_LENGTH"),
          h("DECIMAL_DIGITS"),
          h("PSEUDO_COLUMN"));

  static final List<Col> UDTS =
      List.of(
          s("TYPE_CAT"),
          s("TYPE_SCHEM"),
          s("TYPE_NAME"),
          s("CLASS_NAME"),
          i("DATA_TYPE"),
          s("REMARKS"),
          h("BASE_TYPE"));

  static final List<Col> CLIENT_INFO =
      List.of(s("NAME"), i("MAX_LEN"), s("DEFAULT_VALUE"), s("DESCRIPTION"));

  static final List<Col> SUPER_TABLES =
      List.of(s("TABLE_CAT"), s("TABLE_SCHEM"), s("TABLE_NAME"), s("SUPERTABLE_NAME"));

  static final List<Col> SUPER_TYPES =
      List.of(
          s("TYPE_CAT"),
          s("TYPE_SCHEM"),
          s("TYPE_NAME"),
          s("SUPERTYPE_CAT"),
          s("SUPERTYPE_SCHEM"),
          s("SUPERTYPE_NAME"));

  static final List<Col> ATTRIBUTES =
      List.of(
          s("TYPE_CAT"),
          s("TYPE_SCHEM"),
          s("TYPE_NAME"),
          s("ATTR_NAME"),
          i("DATA_TYPE"),
          s("ATTR_TYPE_NAME"),
          i("ATTR_SIZE"),
          i("DECIMAL_DIGITS"),
          i("NUM_PREC_RADIX"),
          i("NULLABLE"),
          s("REMARKS"),
          s("ATTR_DEF"),
          i("SQL_DATA_TYPE"),
          i("SQL_DATETIME_SUB"),
          i("CHAR_OCTET_LENGTH"),
          i("ORDINAL_POSITION"),
          s("IS_NULLABLE"),
          s("SCOPE_CATALOG"),
          s("SCOPE_SCHEMA"),
          s("SCOPE_TABLE"),
          h("SOURCE_DATA_TYPE"));

  static final List<Col> TABLE_PRIVILEGES =
      List.of(
          s("TABLE_CAT"),
          s("TABLE_SCHEM"),
          s("TABLE_NAME"),
          s("GRANTOR"),
          s("GRANTEE"),
          s("PRIVILEGE"),
          s("IS_GRANTABLE"));

  static final List<Col> COLUMN_PRIVILEGES =
      List.of(
          s("TABLE_CAT"),
          s("TABLE_SCHEM"),
          s("TABLE_NAME"),
          s("COLUMN_NAME"),
          s("GRANTOR"),
          s("GRANTEE"),
          s("PRIVILEGE"),
          s("IS_GRANTABLE"));

  static final List<Col> PSEUDO_COLUMNS =
      List.of(
          s("TABLE_CAT"),
          s("TABLE_SCHEM"),
          s("TABLE_NAME"),
          s("COLUMN_NAME"),
          i("DATA_TYPE"),
          i("COLUMN_SIZE"),
          i("DECIMAL_DIGITS"),
          i("NUM_PREC_RADIX"),
          s("COLUMN_USAGE"),
          s("REMARKS"),
          i("CHAR_OCTET_LENGTH"),
          s("IS_NULLABLE"));

  /**
   * A result set with {@code cols} over {@code rows}, each value converted to its column's type.
   */
  static RowsResultSet result(List<Col> cols, List<Object[]> rows) {
    List<String> labels = new ArrayList<>(cols.size());
    List<Integer> types = new ArrayList<>(cols.size());
    List<String> names = new ArrayList<>(cols.size());
    for (Col c : cols) {
      labels.add(c.label());
      types.add(c.type());
      names.add(c.typeName());
    }
    for (Object[] row : rows) {
      for (int k = 0; k < row.length; k++) {
        row[k] = normalize(row[k], cols.get(k).type());
      }
    }
    return new RowsResultSet(labels, types, names, rows);
  }

  /**
   * {@code v} as the class getObject gives the column's type in jctds-jdbc (as mssql-jdbc): Integer
   * for INTEGER, Short for SMALLINT, Long for BIGINT, Boolean for BIT, String otherwise.
   */
  static Object normalize(Object v, int type) {
    if (v == null) {
      return null;
    }
    return switch (type) {
      case Types.INTEGER -> v instanceof Number n ? (Object) n.intValue() : v;
      case Types.SMALLINT -> v instanceof Number n ? (Object) n.shortValue() : v;
      case Types.BIGINT -> v instanceof Number n ? (Object) n.longValue() : v;
      case Types.BIT -> v instanceof Number n ? (Object) (n.intValue() != 0) : v;
      default -> v instanceof String ? v : v.toString();
    };
  }
}
