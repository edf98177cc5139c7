package io.jctds.internal.bulk;

import io.jctds.BulkOptions;
import io.jctds.ProgrammingError;
import io.jctds.protocol.token.ColMetadata;
import io.jctds.protocol.type.TdsType;
import io.jctds.protocol.type.TypeInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The columns a bulk load sends, chosen from the target table's FMTONLY COLMETADATA, and the {@code
 * INSERT BULK} statement that announces them.
 *
 * <p>As bcp: computed and timestamp (rowversion) columns are never sent; identity columns are sent
 * only with KEEP_IDENTITY. A positional row (List, Object[]) holds one value per table column
 * except the computed and timestamp ones; an identity column's value is skipped without
 * KEEP_IDENTITY (bcp ignores identity values in the file without -E).
 *
 * <p>Each sent column keeps the table's TYPE_INFO, flags and collation (as mssql-jdbc's
 * SQLServerBulkCopy sends the destination's flags), except: without autoEncode char, varchar and
 * text columns are declared nvarchar (the server converts); xml is sent as nvarchar(max) (as
 * mssql-jdbc does and [MS-TDS] 2.2.6.1 requires), ntext as nvarchar(max), text as varchar(max),
 * image and CLR types as varbinary(max) ([MS-TDS] 2.2.6.1: UDTTYPE is not supported), decimal and
 * numeric as DECIMALN / NUMERICN ([MS-TDS] 2.2.6.1) of length 17.
 *
 * @param table the table name as the caller wrote it
 * @param positional for each position of a positional row, the sent column index or -1 (skipped)
 * @param names the names of the sent columns
 * @param metadata the COLMETADATA of the BulkLoadBCP message
 */
public record BulkTable(String table, int[] positional, List<String> names, ColMetadata metadata) {

  /**
   * The length decimal and numeric columns are sent with whatever their precision: 17 (sign and 16
   * bytes), as mssql-jdbc 13.6.2's SQLServerBulkCopy sends them (MssqlJdbcBulkBytesIT).
   */
  static final int DECIMAL_LENGTH = 17;

  /** SQL Server's user type of timestamp (rowversion) columns. */
  static final int USER_TYPE_TIMESTAMP = 80;

  /** Chooses the sent columns of {@code table} from its FMTONLY metadata. */
  public static BulkTable of(String table, ColMetadata target, BulkOptions options) {
    List<ColMetadata.Column> sent = new ArrayList<>();
    List<String> names = new ArrayList<>();
    List<Integer> positions = new ArrayList<>();
    for (ColMetadata.Column c : target.columns()) {
      if ((c.flags() & ColMetadata.FLAG_COMPUTED) != 0 || c.userType() == USER_TYPE_TIMESTAMP) {
        continue;
      }
      if (c.isIdentity() && !options.keepIdentity()) {
        positions.add(-1);
        continue;
      }
      positions.add(sent.size());
      names.add(c.name());
      TypeInfo t = sentType(c.typeInfo(), options.autoEncode());
      sent.add(
          new ColMetadata.Column(
              0, c.flags() & ~ColMetadata.FLAG_ENCRYPTED, t, List.of(), c.name()));
    }
    if (sent.isEmpty()) {
      throw new ProgrammingError("table " + table + " has no column a bulk load can fill");
    }
    for (String o : options.order()) {
      String col = o.trim().split("\\s+")[0];
      if (names.stream().noneMatch(n -> n.equalsIgnoreCase(unquote(col)))) {
        throw new ProgrammingError("ORDER column " + col + " is not a column of " + table);
      }
    }
    int[] pos = positions.stream().mapToInt(Integer::intValue).toArray();
    return new BulkTable(table, pos, List.copyOf(names), new ColMetadata(sent));
  }

  /** The TYPE_INFO sent for a column of type {@code t}. */
  static TypeInfo sentType(TypeInfo t, boolean autoEncode) {
    return switch (t.type()) {
      case CHAR, VARCHAR, BIGCHAR, BIGVARCHAR -> {
        if (autoEncode) {
          yield t.type() == TdsType.CHAR || t.type() == TdsType.BIGCHAR
              ? TypeInfo.charType(t.maxLength(), t.collation())
              : TypeInfo.varchar(t.maxLength(), t.collation());
        }
        int n = t.maxLength();
        yield TypeInfo.nvarchar(n == TypeInfo.MAX || n > 4000 ? TypeInfo.MAX : n, t.collation());
      }
      case TEXT ->
          autoEncode
              ? TypeInfo.varchar(TypeInfo.MAX, t.collation())
              : TypeInfo.nvarchar(TypeInfo.MAX, t.collation());
      case NTEXT -> TypeInfo.nvarchar(TypeInfo.MAX, t.collation());
      case XML ->
          TypeInfo.nvarchar(TypeInfo.MAX, io.jctds.protocol.type.Collation.LATIN1_GENERAL_CI_AS);
      case IMAGE, UDT -> TypeInfo.varbinary(TypeInfo.MAX);
      case DECIMAL, DECIMALN ->
          new TypeInfo(TdsType.DECIMALN, DECIMAL_LENGTH, t.precision(), t.scale(), null, null);
      case NUMERIC, NUMERICN ->
          new TypeInfo(TdsType.NUMERICN, DECIMAL_LENGTH, t.precision(), t.scale(), null, null);
      case VARBINARY -> TypeInfo.varbinary(t.maxLength());
      case BINARY -> TypeInfo.binary(t.maxLength());
      default -> t;
    };
  }

  /** Number of values a positional row holds. */
  public int arity() {
    return positional.length;
  }

  /** The {@code INSERT BULK} statement: the sent columns with their types, then the hints. */
  public String insertBulk(BulkOptions o) {
    StringBuilder s = new StringBuilder("INSERT BULK ").append(table).append(" (");
    List<ColMetadata.Column> cols = metadata.columns();
    for (int i = 0; i < cols.size(); i++) {
      s.append(i == 0 ? "" : ", ").append(quote(cols.get(i).name())).append(' ');
      s.append(cols.get(i).typeInfo().sqlName());
    }
    s.append(')');
    // the order mssql-jdbc 13.6.2 writes them in (MssqlJdbcBulkBytesIT); KEEP_IDENTITY last
    List<String> hints = new ArrayList<>();
    addIf(hints, o.checkConstraints(), "CHECK_CONSTRAINTS");
    addIf(hints, o.keepNulls(), "KEEP_NULLS");
    addIf(hints, o.rowsPerBatch() > 0, "ROWS_PER_BATCH = " + o.rowsPerBatch());
    addIf(hints, o.kilobytesPerBatch() > 0, "KILOBYTES_PER_BATCH = " + o.kilobytesPerBatch());
    addIf(hints, o.tablock(), "TABLOCK");
    if (!o.order().isEmpty()) {
      List<String> parts = new ArrayList<>();
      for (String c : o.order()) {
        String[] w = c.trim().split("\\s+");
        String dir = w.length > 1 ? w[1].toUpperCase(Locale.ROOT) : "ASC";
        if (w.length > 2 || !dir.equals("ASC") && !dir.equals("DESC")) {
          throw new ProgrammingError(
              "ORDER column " + c + ": write a column name, then ASC or DESC");
        }
        parts.add(quote(unquote(w[0])) + " " + dir);
      }
      hints.add("ORDER(" + String.join(", ", parts) + ")");
    }
    addIf(hints, o.keepIdentity(), "KEEP_IDENTITY");
    if (!hints.isEmpty()) {
      s.append(" WITH (").append(String.join(", ", hints)).append(')');
    }
    return s.toString();
  }

  private static void addIf(List<String> hints, boolean on, String hint) {
    if (on) {
      hints.add(hint);
    }
  }

  static String quote(String name) {
    return "[" + name.replace("]", "]]") + "]";
  }

  private static String unquote(String name) {
    return name.startsWith("[") && name.endsWith("]")
        ? name.substring(1, name.length() - 1).replace("]]", "]")
        : name;
  }
}
