package io.jctds;

import java.util.Objects;

/**
 * An explicitly typed parameter value, as k-cTDS's {@code ctds.Sql*} wrappers: the SQL type is the
 * wrapper's, not the one inferred from the Java value. Every wrapper can carry a typed NULL through
 * its {@code nullOf(...)} factory (e.g. {@code SqlInt.nullOf()}, {@code SqlVarChar.nullOf(10)}). A
 * value outside its type's range is a {@link DataError} when the wrapper is made; a value longer
 * than the declared size is a {@link DataError} when the parameter is encoded, before anything is
 * sent.
 *
 * @param <T> the Java type of the value
 */
public abstract sealed class SqlValue<T>
    permits SqlVarChar,
        SqlNVarChar,
        SqlChar,
        SqlNChar,
        SqlBinary,
        SqlVarBinary,
        SqlDecimal,
        SqlDate,
        SqlTinyInt,
        SqlSmallInt,
        SqlInt,
        SqlBigInt,
        SqlMoney,
        SqlDateTime,
        SqlXml,
        SqlVariant {

  /** The size that declares a (max) type: varchar(max), nvarchar(max), varbinary(max). */
  public static final int MAX = Integer.MAX_VALUE;

  /** The size that means "decide from the value". */
  static final int UNSIZED = 0;

  private final T value;

  SqlValue(T value) {
    this.value = value;
  }

  /** The value, or null for a typed NULL. */
  public T value() {
    return value;
  }

  /** Whether this is a typed NULL. */
  public boolean isNull() {
    return value == null;
  }

  /** The declared size, {@link #MAX}, or 0 when the size follows from the value (or has none). */
  public int size() {
    return UNSIZED;
  }

  static int checkSize(String type, int size, int limit, boolean maxAllowed) {
    if (size == MAX && maxAllowed || size >= 1 && size <= limit) {
      return size;
    }
    throw new ProgrammingError(
        type
            + "("
            + size
            + ") is not a SQL Server type: the size must be 1.."
            + limit
            + (maxAllowed ? " or MAX" : ""));
  }

  @Override
  public boolean equals(Object o) {
    return o != null
        && o.getClass() == getClass()
        && Objects.deepEquals(((SqlValue<?>) o).value, value)
        && ((SqlValue<?>) o).size() == size();
  }

  @Override
  public int hashCode() {
    return getClass().hashCode() * 31 + size();
  }

  @Override
  public String toString() {
    String s = size() == MAX ? "(max)" : size() == UNSIZED ? "" : "(" + size() + ")";
    Object v = value instanceof byte[] b ? "<" + b.length + " bytes>" : value;
    return getClass().getSimpleName() + s + "[" + (value == null ? "NULL" : v) + "]";
  }
}
