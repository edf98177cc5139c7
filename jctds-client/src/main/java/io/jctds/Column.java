package io.jctds;

/**
 * One column of a result set, as {@code Cursor.description()} describes it: DB-API's 7-tuple (name,
 * type_code, display_size, internal_size, precision, scale, null_ok) plus the SQL Server type name.
 *
 * @param name the column name ("" for an unnamed expression)
 * @param typeCode the TDS data type byte of the column's TYPE_INFO ([MS-TDS] 2.2.5.4), e.g. 0x26
 *     INTN, 0xE7 NVARCHAR, 0x6C NUMERICN; the same column can have a different code at TDS 7.1/7.2
 *     (down-level forms), {@link #typeName} tells the type
 * @param typeName the SQL Server type name, e.g. {@code int}, {@code nvarchar(50)}, {@code
 *     decimal(18,2)}
 * @param displaySize characters needed to show any value, by the ODBC rules ("Display Size" in
 *     Microsoft's ODBC reference): int 11, bigint 20, decimal precision + 2, nvarchar(n) n,
 *     binary(n) 2n, date 10, datetime2(7) 27, uniqueidentifier 36; 0 when unlimited ((max), text,
 *     xml) or not defined (sql_variant, UDT)
 * @param internalSize the column's size in bytes as TYPE_INFO declares it: the storage width of
 *     fixed types (int 4, datetime 8), decimal's and time's value size, the maximum byte length of
 *     char, binary and nchar types (nvarchar(50) is 100); -1 for (max) types and xml, text's
 *     declared maximum for text, ntext and image
 * @param precision decimal and numeric precision, else 0
 * @param scale decimal and numeric scale, time/datetime2/datetimeoffset fractional digits, else 0
 * @param nullable whether the column may hold NULL
 * @param caseSensitive whether the server compares the column's values case-sensitively (the
 *     fCaseSen flag of COLMETADATA, [MS-TDS] 2.2.7.4: a case-sensitive collation)
 */
public record Column(
    String name,
    int typeCode,
    String typeName,
    int displaySize,
    int internalSize,
    int precision,
    int scale,
    boolean nullable,
    boolean caseSensitive) {

  /** A column that is not case-sensitive (DB-API's 7-tuple and the type name). */
  public Column(
      String name,
      int typeCode,
      String typeName,
      int displaySize,
      int internalSize,
      int precision,
      int scale,
      boolean nullable) {
    this(name, typeCode, typeName, displaySize, internalSize, precision, scale, nullable, false);
  }
}
