package io.jctds.protocol.type;

/** SQL Server type names for {@link TypeInfo#sqlName()}. */
final class SqlNames {
  private SqlNames() {}

  static String of(TypeInfo t) {
    int n = t.maxLength();
    return switch (t.type()) {
      case NULL -> "null";
      case INT1 -> "tinyint";
      case INT2 -> "smallint";
      case INT4 -> "int";
      case INT8 -> "bigint";
      case INTN -> n == 1 ? "tinyint" : n == 2 ? "smallint" : n == 4 ? "int" : "bigint";
      case BIT, BITN -> "bit";
      case FLT4 -> "real";
      case FLT8 -> "float";
      case FLTN -> n == 4 ? "real" : "float";
      case MONEY -> "money";
      case MONEY4 -> "smallmoney";
      case MONEYN -> n == 4 ? "smallmoney" : "money";
      case DATETIME -> "datetime";
      case DATETIM4 -> "smalldatetime";
      case DATETIMN -> n == 4 ? "smalldatetime" : "datetime";
      case DECIMAL, DECIMALN -> "decimal(" + t.precision() + "," + t.scale() + ")";
      case NUMERIC, NUMERICN -> "numeric(" + t.precision() + "," + t.scale() + ")";
      case DATEN -> "date";
      case TIMEN -> "time(" + t.scale() + ")";
      case DATETIME2N -> "datetime2(" + t.scale() + ")";
      case DATETIMEOFFSETN -> "datetimeoffset(" + t.scale() + ")";
      case GUID -> "uniqueidentifier";
      case CHAR, BIGCHAR -> "char(" + n + ")";
      case VARCHAR -> "varchar(" + n + ")";
      case BIGVARCHAR -> n == TypeInfo.MAX ? "varchar(max)" : "varchar(" + n + ")";
      case NCHAR -> "nchar(" + n / 2 + ")";
      case NVARCHAR -> n == TypeInfo.MAX ? "nvarchar(max)" : "nvarchar(" + n / 2 + ")";
      case BINARY, BIGBINARY -> "binary(" + n + ")";
      case VARBINARY -> "varbinary(" + n + ")";
      case BIGVARBINARY -> n == TypeInfo.MAX ? "varbinary(max)" : "varbinary(" + n + ")";
      case TEXT -> "text";
      case NTEXT -> "ntext";
      case IMAGE -> "image";
      case XML -> "xml";
      case UDT -> t.extra() instanceof TypeInfo.UdtInfo u ? u.typeName() : "udt";
      case SSVARIANT -> "sql_variant";
    };
  }
}
