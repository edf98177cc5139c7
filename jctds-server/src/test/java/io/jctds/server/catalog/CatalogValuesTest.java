package io.jctds.server.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The functions the catalog views call, against the documented values they report. */
class CatalogValuesTest {
  @Test
  void localTemporaryTableNamesArePaddedTo116CharactersWithA12CharacterSuffix() {
    String name = CatalogValues.displayName("#t", -0x2A);
    // "CREATE TABLE (Transact-SQL)", temporary tables: the stored name is the name plus a
    // system-generated suffix, and the name itself "can't exceed 116 characters" (128 - 116 = 12)
    assertThat(name).hasSize(128).startsWith("#t_").endsWith("00000000002A");
    assertThat(name.substring(2, 116)).matches("_+");
  }

  @Test
  void globalTemporaryAndOrdinaryNamesAreShownAsCreated() {
    // "CREATE TABLE (Transact-SQL)": only local temporary (#) names get the suffix
    assertThat(CatalogValues.displayName("##g", -7)).isEqualTo("##g");
    assertThat(CatalogValues.displayName("orders", 1234)).isEqualTo("orders");
  }

  @Test
  void columnSizesAreBytesAndMaxIsMinusOne() {
    // "sys.columns (Transact-SQL)": max_length is in bytes, -1 for varchar(max), nvarchar(max),
    // varbinary(max) and xml; "nchar and nvarchar (Transact-SQL)": storage is two bytes a character
    assertThat(CatalogValues.typeNumber("nvarchar(50)", "max_length")).isEqualTo(100);
    assertThat(CatalogValues.typeNumber("varchar(max)", "max_length")).isEqualTo(-1);
    assertThat(CatalogValues.typeNumber("xml", "max_length")).isEqualTo(-1);
    // "sys.columns (Transact-SQL)": text columns have max_length 16
    assertThat(CatalogValues.typeNumber("text", "max_length")).isEqualTo(16);
  }

  @Test
  void precisionAndScaleFollowThePrecisionScaleAndLengthTable() {
    // "Precision, scale, and length (Transact-SQL)": int 10/0, datetime 23/3, datetime2(7) 27/7
    assertThat(CatalogValues.typeNumber("int", "precision")).isEqualTo(10);
    assertThat(CatalogValues.typeNumber("datetime", "precision")).isEqualTo(23);
    assertThat(CatalogValues.typeNumber("datetime", "scale")).isEqualTo(3);
    assertThat(CatalogValues.typeNumber("datetime2(7)", "precision")).isEqualTo(27);
    assertThat(CatalogValues.typeNumber("decimal(10,2)", "scale")).isEqualTo(2);
    // "sys.columns (Transact-SQL)": precision and scale are 0 when not numeric-based
    assertThat(CatalogValues.typeNumber("nvarchar(5)", "precision")).isZero();
  }

  @Test
  void informationSchemaLengthsAreCharactersAndOctets() {
    // "COLUMNS (Transact-SQL)": CHARACTER_MAXIMUM_LENGTH in characters, CHARACTER_OCTET_LENGTH in
    // bytes, -1 for xml and large-value types, NULL otherwise
    assertThat(CatalogValues.typeNumber("nvarchar(50)", "CHARACTER_MAXIMUM_LENGTH")).isEqualTo(50);
    assertThat(CatalogValues.typeNumber("nvarchar(50)", "CHARACTER_OCTET_LENGTH")).isEqualTo(100);
    assertThat(CatalogValues.typeNumber("varbinary(max)", "CHARACTER_MAXIMUM_LENGTH"))
        .isEqualTo(-1);
    assertThat(CatalogValues.typeNumber("int", "CHARACTER_MAXIMUM_LENGTH")).isNull();
  }

  @Test
  void informationSchemaNumericsAreNullForOtherTypes() {
    // "COLUMNS (Transact-SQL)": NUMERIC_PRECISION, _RADIX and _SCALE for numeric data, otherwise
    // NULL; DATETIME_PRECISION for datetime types, otherwise NULL
    assertThat(CatalogValues.typeNumber("decimal(10,2)", "NUMERIC_PRECISION")).isEqualTo(10);
    assertThat(CatalogValues.typeNumber("decimal(10,2)", "NUMERIC_PRECISION_RADIX")).isEqualTo(10);
    assertThat(CatalogValues.typeNumber("nvarchar(5)", "NUMERIC_PRECISION")).isNull();
    assertThat(CatalogValues.typeNumber("datetime2(3)", "DATETIME_PRECISION")).isEqualTo(3);
    assertThat(CatalogValues.typeNumber("int", "DATETIME_PRECISION")).isNull();
  }

  @Test
  void typeNamesAndCollations() {
    // "sys.columns (Transact-SQL)": collation_name only for character-based columns
    assertThat(CatalogValues.typeText("varchar(10) COLLATE Latin1_General_100_CS_AS", "collation"))
        .isEqualTo("Latin1_General_100_CS_AS");
    assertThat(CatalogValues.typeText("int", "collation")).isNull();
    // "COLUMNS (Transact-SQL)": DATA_TYPE is the system data type's name
    assertThat(CatalogValues.typeText("nvarchar(max)", "name")).isEqualTo("nvarchar");
  }

  @Test
  void viewColumnsTakeTheirTypeFromTheViewsTypeList() {
    String remarks = Catalog.VIEW_TYPES + "int\tnvarchar(20)\nSELECT a, b FROM t";
    // the view's REMARKS list the SQL Server types of its columns, in order
    assertThat(
            CatalogValues.declaredType(
                null, remarks, 2, "CHARACTER VARYING", 20L, null, null, null))
        .isEqualTo("nvarchar(20)");
    // a table column's REMARKS is its declaration
    assertThat(CatalogValues.declaredType("datetime", null, 1, "TIMESTAMP", null, null, null, 3))
        .isEqualTo("datetime");
  }

  @Test
  void defaultConstraintNamesHaveSqlServersShapeAndAreStable() {
    String a = CatalogValues.defaultName("master", "dbo", "orders", "created");
    // SQL Server names an unnamed default DF__<table>__<column>__<hex>; the same column always
    // gets the same name, so that its object id is stable
    assertThat(a).matches("DF__orders__creat__[0-9A-F]{8}");
    assertThat(CatalogValues.defaultName("master", "dbo", "orders", "created")).isEqualTo(a);
    assertThat(CatalogValues.defaultName("master", "dbo", "orders", "amount")).isNotEqualTo(a);
  }
}
