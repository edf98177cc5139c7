package io.jctds.protocol.token;

import io.jctds.protocol.TdsProtocolException;
import io.jctds.protocol.TdsVersion;
import io.jctds.protocol.TdsWriter;
import io.jctds.protocol.Wire;
import io.jctds.protocol.type.TdsType;
import io.jctds.protocol.type.TypeInfo;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * COLMETADATA ([MS-TDS] 2.2.7.4): the columns of the result set that follows. The user type is a
 * USHORT before TDS 7.2 and a ULONG from 7.2; text, ntext and image columns also carry their table
 * name (one US_VARCHAR before 7.2, a part count and parts from 7.2). A count of 0xFFFF means "no
 * metadata" and is decoded as {@link #NONE}.
 *
 * @param columns the columns in order
 */
public record ColMetadata(List<Column> columns) implements Token {
  /** The "no metadata" marker (count 0xFFFF). */
  public static final ColMetadata NONE = new ColMetadata(List.of());

  /** Copies the list. */
  public ColMetadata {
    columns = List.copyOf(columns);
  }

  /**
   * One column.
   *
   * @param userType the user-defined type id (0 for built-in types; 80 for timestamp)
   * @param flags see the {@code FLAG_} constants
   * @param typeInfo the type
   * @param tableName the table name parts for text/ntext/image columns, else empty
   * @param name the column name (empty for unnamed expressions)
   */
  public record Column(
      long userType, int flags, TypeInfo typeInfo, List<String> tableName, String name) {
    /** Copies the table name. */
    public Column {
      tableName = List.copyOf(tableName);
    }

    /** A column with no user type, the given flags and no table name. */
    public static Column of(String name, TypeInfo typeInfo, int flags) {
      return new Column(0, flags, typeInfo, List.of(), name);
    }

    /** Whether the column may hold NULL. */
    public boolean isNullable() {
      return (flags & FLAG_NULLABLE) != 0;
    }

    /** Whether the column is an identity column. */
    public boolean isIdentity() {
      return (flags & FLAG_IDENTITY) != 0;
    }
  }

  /** fNullable. */
  public static final int FLAG_NULLABLE = 0x0001;

  /** fCaseSen. */
  public static final int FLAG_CASE_SENSITIVE = 0x0002;

  /** usUpdateable (2 bits): 0 read-only, 1 read/write, 2 unknown. */
  public static final int FLAG_UPDATEABLE_MASK = 0x000C;

  /** fIdentity. */
  public static final int FLAG_IDENTITY = 0x0010;

  /** fComputed. */
  public static final int FLAG_COMPUTED = 0x0020;

  /** fFixedLenCLRType. */
  public static final int FLAG_FIXED_LEN_CLR_TYPE = 0x0100;

  /** fSparseColumnSet. */
  public static final int FLAG_SPARSE_COLUMN_SET = 0x0400;

  /** fEncrypted (Always Encrypted; not supported). */
  public static final int FLAG_ENCRYPTED = 0x0800;

  /** fHidden. */
  public static final int FLAG_HIDDEN = 0x2000;

  /** fKey. */
  public static final int FLAG_KEY = 0x4000;

  /** fNullableUnknown. */
  public static final int FLAG_NULLABLE_UNKNOWN = 0x8000;

  @Override
  public int type() {
    return TokenType.COLMETADATA;
  }

  /** Number of columns. */
  public int size() {
    return columns.size();
  }

  /** Column {@code i} (0-based). */
  public Column column(int i) {
    return columns.get(i);
  }

  /** The 0-based index of the column named {@code name} (case-insensitive), or -1. */
  public int indexOf(String name) {
    for (int i = 0; i < columns.size(); i++) {
      if (columns.get(i).name().equalsIgnoreCase(name)) {
        return i;
      }
    }
    return -1;
  }

  private static boolean hasTableName(TypeInfo t) {
    return t.type() == TdsType.TEXT || t.type() == TdsType.NTEXT || t.type() == TdsType.IMAGE;
  }

  static ColMetadata decode(ByteBuffer in, TdsVersion v) {
    int count = Wire.u16(in, "COLMETADATA column count");
    if (count == 0xFFFF) {
      return NONE;
    }
    List<Column> cols = new ArrayList<>(Math.min(count, 64));
    for (int i = 0; i < count; i++) {
      cols.add(column(in, v, i));
    }
    return new ColMetadata(cols);
  }

  private static Column column(ByteBuffer in, TdsVersion v, int i) {
    long userType =
        v.atLeast(TdsVersion.V7_2) ? Wire.u32(in, "column user type") : Wire.u16(in, "user type");
    int at = in.position();
    int flags = Wire.u16(in, "column flags");
    if ((flags & FLAG_ENCRYPTED) != 0) {
      throw new TdsProtocolException(
          "column " + (i + 1) + " is Always Encrypted; column encryption was not negotiated", at);
    }
    TypeInfo t = TypeInfo.decode(in, v);
    List<String> table = List.of();
    if (hasTableName(t)) {
      if (v.atLeast(TdsVersion.V7_2)) {
        int parts = Wire.u8(in, "table name part count");
        List<String> names = new ArrayList<>(parts);
        for (int p = 0; p < parts; p++) {
          names.add(Wire.usVarchar(in, "table name part"));
        }
        table = names;
      } else {
        table = List.of(Wire.usVarchar(in, "table name"));
      }
    }
    return new Column(userType, flags, t, table, Wire.bVarchar(in, "column name"));
  }

  @Override
  public void encode(TdsWriter out, TdsVersion v) {
    out.u8(TokenType.COLMETADATA);
    if (this == NONE || columns.isEmpty()) {
      out.u16(0xFFFF);
      return;
    }
    out.u16(columns.size());
    for (Column c : columns) {
      if (v.atLeast(TdsVersion.V7_2)) {
        out.i32((int) c.userType());
      } else {
        out.u16((int) c.userType());
      }
      out.u16(c.flags());
      c.typeInfo().encode(out, v);
      if (hasTableName(c.typeInfo())) {
        if (v.atLeast(TdsVersion.V7_2)) {
          out.u8(c.tableName().size());
          c.tableName().forEach(out::usVarchar);
        } else {
          out.usVarchar(String.join(".", c.tableName()));
        }
      }
      out.bVarchar(c.name());
    }
  }
}
