package io.jctds;

/**
 * One column of a result set, as {@code Cursor.description()} describes it (DB-API's description
 * entries).
 *
 * @param name the column name ("" for an unnamed expression)
 * @param typeCode the TDS data type byte ([MS-TDS] 2.2.5.4), e.g. 0x26 INTN, 0xE7 NVARCHAR
 * @param typeName the SQL Server type name, e.g. {@code int}, {@code nvarchar(50)}
 * @param size the declared size in bytes (0xFFFF for the (max) types)
 * @param precision decimal/numeric precision, else 0
 * @param scale decimal/numeric and time scale, else 0
 * @param nullable whether the column may hold NULL
 */
public record Column(
    String name,
    int typeCode,
    String typeName,
    int size,
    int precision,
    int scale,
    boolean nullable) {}
