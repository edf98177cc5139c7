package io.jctds;

import io.jctds.internal.values.Conversions;
import io.jctds.internal.values.RowText;
import io.jctds.protocol.TdsProtocolException;
import io.jctds.protocol.type.ConversionException;
import java.io.InputStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One row of a result set, by 0-based index or by column name (case-insensitive). A row holds the
 * bytes it was received as and converts a column only when a getter reads it: a row never read
 * costs no conversion, and reading a fixed-width column through a primitive getter allocates
 * nothing. {@link #get} returns the natural Java value (see NOTES-rows.md: Boolean, Short, Integer,
 * Long, Float, Double, BigDecimal, String, byte[], UUID, LocalDate, LocalTime, LocalDateTime,
 * OffsetDateTime) or null for NULL. Primitive getters return 0/false for NULL (check {@link
 * #isNull}). A value that cannot convert is a {@link DataError}; a bad index, name or target class
 * an {@link InterfaceError}. A row stays valid after the cursor moves on.
 */
public final class Row {
  private final io.jctds.protocol.token.Row raw;
  private final ResultColumns columns;

  Row(io.jctds.protocol.token.Row raw, ResultColumns columns) {
    this.raw = raw;
    this.columns = columns;
  }

  /** Number of columns. */
  public int size() {
    return raw.size();
  }

  /** The columns of this row's result set (the cursor's description when it was read). */
  public List<Column> columns() {
    return columns.list();
  }

  /** The natural Java value of column {@code index} (0-based), or null. */
  public Object get(int index) {
    check(index);
    try {
      return raw.getObject(index);
    } catch (RuntimeException e) {
      throw failure(e, index);
    }
  }

  /** The value of the column named {@code name} (exact, else case-insensitive), or null. */
  public Object get(String name) {
    return get(columns.index(name));
  }

  /** Whether column {@code index} is NULL. */
  public boolean isNull(int index) {
    return raw.isNull(check(index));
  }

  /** Whether the column named {@code name} is NULL. */
  public boolean isNull(String name) {
    return isNull(columns.index(name));
  }

  /**
   * Column {@code index} as an instance of {@code type}, or null for NULL. The targets: Object (as
   * {@link #get}), String, Boolean, Byte, Short, Integer, Long, Float, Double, BigDecimal,
   * BigInteger, byte[], UUID, LocalDate, LocalTime, LocalDateTime, OffsetDateTime, Instant (of a
   * datetimeoffset), InputStream, Reader; a primitive class gives its wrapper.
   *
   * @throws InterfaceError for any other class
   * @throws DataError when the value does not convert
   */
  @SuppressWarnings("unchecked")
  public <T> T getObject(int index, Class<T> type) {
    check(index);
    try {
      return (T) Conversions.to(raw, index, type);
    } catch (IllegalArgumentException e) {
      throw new InterfaceError(e.getMessage(), null, e);
    } catch (RuntimeException e) {
      throw failure(e, index);
    }
  }

  /** The column named {@code name}: see {@link #getObject(int, Class)}. */
  public <T> T getObject(String name, Class<T> type) {
    return getObject(columns.index(name), type);
  }

  /**
   * Column {@code index} as text (any type converts: binary as hex, uniqueidentifier upper case),
   * or null.
   */
  public String getString(int index) {
    check(index);
    try {
      return raw.getString(index);
    } catch (RuntimeException e) {
      throw failure(e, index);
    }
  }

  /** The column named {@code name}: see {@link #getString(int)}. */
  public String getString(String name) {
    return getString(columns.index(name));
  }

  /**
   * Column {@code index} as an int (0 for NULL: check {@link #isNull}); DataError when it does not
   * fit.
   */
  public int getInt(int index) {
    check(index);
    try {
      return raw.getInt(index);
    } catch (RuntimeException e) {
      throw failure(e, index);
    }
  }

  /** The column named {@code name}: see {@link #getInt(int)}. */
  public int getInt(String name) {
    return getInt(columns.index(name));
  }

  /** Column {@code index} as a long (0 for NULL). */
  public long getLong(int index) {
    check(index);
    try {
      return raw.getLong(index);
    } catch (RuntimeException e) {
      throw failure(e, index);
    }
  }

  /** The column named {@code name}: see {@link #getLong(int)}. */
  public long getLong(String name) {
    return getLong(columns.index(name));
  }

  /** Column {@code index} as a short (0 for NULL); DataError when it does not fit. */
  public short getShort(int index) {
    check(index);
    try {
      return Conversions.toShort(raw, index);
    } catch (RuntimeException e) {
      throw failure(e, index);
    }
  }

  /** The column named {@code name}: see {@link #getShort(int)}. */
  public short getShort(String name) {
    return getShort(columns.index(name));
  }

  /**
   * Column {@code index} as a signed byte (0 for NULL); DataError outside -128..127 (a tinyint
   * above 127 does not fit).
   */
  public byte getByte(int index) {
    check(index);
    try {
      return Conversions.toByte(raw, index);
    } catch (RuntimeException e) {
      throw failure(e, index);
    }
  }

  /** The column named {@code name}: see {@link #getByte(int)}. */
  public byte getByte(String name) {
    return getByte(columns.index(name));
  }

  /** Column {@code index} as a double (0 for NULL). */
  public double getDouble(int index) {
    check(index);
    try {
      return raw.getDouble(index);
    } catch (RuntimeException e) {
      throw failure(e, index);
    }
  }

  /** The column named {@code name}: see {@link #getDouble(int)}. */
  public double getDouble(String name) {
    return getDouble(columns.index(name));
  }

  /** Column {@code index} as a float (0 for NULL; a float column loses precision). */
  public float getFloat(int index) {
    check(index);
    try {
      return Conversions.toFloat(raw, index);
    } catch (RuntimeException e) {
      throw failure(e, index);
    }
  }

  /** The column named {@code name}: see {@link #getFloat(int)}. */
  public float getFloat(String name) {
    return getFloat(columns.index(name));
  }

  /** Column {@code index} as a boolean (false for NULL; integers: non-zero is true). */
  public boolean getBoolean(int index) {
    check(index);
    try {
      return raw.getBoolean(index);
    } catch (RuntimeException e) {
      throw failure(e, index);
    }
  }

  /** The column named {@code name}: see {@link #getBoolean(int)}. */
  public boolean getBoolean(String name) {
    return getBoolean(columns.index(name));
  }

  /** Column {@code index} as a BigDecimal (decimal and money exact), or null. */
  public BigDecimal getBigDecimal(int index) {
    check(index);
    try {
      return raw.getBigDecimal(index);
    } catch (RuntimeException e) {
      throw failure(e, index);
    }
  }

  /** The column named {@code name}: see {@link #getBigDecimal(int)}. */
  public BigDecimal getBigDecimal(String name) {
    return getBigDecimal(columns.index(name));
  }

  /** Column {@code index} as bytes (a copy of the value as stored), or null. */
  public byte[] getBytes(int index) {
    check(index);
    try {
      return raw.getBytes(index);
    } catch (RuntimeException e) {
      throw failure(e, index);
    }
  }

  /** The column named {@code name}: see {@link #getBytes(int)}. */
  public byte[] getBytes(String name) {
    return getBytes(columns.index(name));
  }

  /** Column {@code index} as a UUID, or null. */
  public UUID getUuid(int index) {
    check(index);
    try {
      return raw.getUuid(index);
    } catch (RuntimeException e) {
      throw failure(e, index);
    }
  }

  /** The column named {@code name}: see {@link #getUuid(int)}. */
  public UUID getUuid(String name) {
    return getUuid(columns.index(name));
  }

  /** Column {@code index} as a date, or null (down-level text forms are parsed). */
  public LocalDate getDate(int index) {
    check(index);
    try {
      return raw.getDate(index);
    } catch (RuntimeException e) {
      throw failure(e, index);
    }
  }

  /** The column named {@code name}: see {@link #getDate(int)}. */
  public LocalDate getDate(String name) {
    return getDate(columns.index(name));
  }

  /** Column {@code index} as a time, or null. */
  public LocalTime getTime(int index) {
    check(index);
    try {
      return raw.getTime(index);
    } catch (RuntimeException e) {
      throw failure(e, index);
    }
  }

  /** The column named {@code name}: see {@link #getTime(int)}. */
  public LocalTime getTime(String name) {
    return getTime(columns.index(name));
  }

  /** Column {@code index} as a date and time, or null. */
  public LocalDateTime getDateTime(int index) {
    check(index);
    try {
      return raw.getDateTime(index);
    } catch (RuntimeException e) {
      throw failure(e, index);
    }
  }

  /** The column named {@code name}: see {@link #getDateTime(int)}. */
  public LocalDateTime getDateTime(String name) {
    return getDateTime(columns.index(name));
  }

  /** Column {@code index} as a date and time with offset, or null. */
  public OffsetDateTime getOffsetDateTime(int index) {
    check(index);
    try {
      return raw.getOffsetDateTime(index);
    } catch (RuntimeException e) {
      throw failure(e, index);
    }
  }

  /** The column named {@code name}: see {@link #getOffsetDateTime(int)}. */
  public OffsetDateTime getOffsetDateTime(String name) {
    return getOffsetDateTime(columns.index(name));
  }

  /**
   * Column {@code index} as a stream of its bytes (binary as stored, text in its wire encoding),
   * read from the received bytes without joining or copying them; null for NULL.
   */
  public InputStream getInputStream(int index) {
    check(index);
    try {
      return Conversions.stream(raw, index);
    } catch (RuntimeException e) {
      throw failure(e, index);
    }
  }

  /** The column named {@code name}: see {@link #getInputStream(int)}. */
  public InputStream getInputStream(String name) {
    return getInputStream(columns.index(name));
  }

  /**
   * Column {@code index} as a reader of its characters (char types through the collation's charset,
   * nchar types and xml as UTF-16), decoded as read; null for NULL.
   */
  public Reader getReader(int index) {
    check(index);
    try {
      return Conversions.reader(raw, index);
    } catch (RuntimeException e) {
      throw failure(e, index);
    }
  }

  /** The column named {@code name}: see {@link #getReader(int)}. */
  public Reader getReader(String name) {
    return getReader(columns.index(name));
  }

  /** The values in column order (converts every column). */
  public List<Object> toList() {
    List<Object> values = new ArrayList<>(size());
    for (int i = 0; i < size(); i++) {
      values.add(get(i));
    }
    return Collections.unmodifiableList(values);
  }

  /**
   * The values by column name, in column order; unnamed columns and repeated names after the first
   * are keyed by their 0-based index as text.
   */
  public Map<String, Object> asMap() {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < size(); i++) {
      String name = columns.list().get(i).name();
      map.put(name.isEmpty() || map.containsKey(name) ? Integer.toString(i) : name, get(i));
    }
    return Collections.unmodifiableMap(map);
  }

  private RuntimeException failure(RuntimeException e, int index) {
    String column = "column " + index + " (" + columns.list().get(index).name() + ")";
    if (e instanceof ConversionException) {
      return new DataError(column + ": " + e.getMessage(), null, e);
    }
    if (e instanceof TdsProtocolException) {
      return new DataError(
          "the server sent an invalid value for " + column + ": " + e.getMessage(), null, e);
    }
    return e;
  }

  private int check(int index) {
    if (index < 0 || index >= raw.size()) {
      throw new InterfaceError(
          "column index " + index + " is outside 0.." + (raw.size() - 1) + " of this row");
    }
    return index;
  }

  /**
   * The values with their column names, e.g. {@code Row[42, greeting=hello]} for {@code SELECT 42,
   * 'hello' AS greeting}: unnamed columns show the value only, binary values as 0x hex (long values
   * abbreviated), NULL as {@code null}.
   */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("Row[");
    for (int i = 0; i < size(); i++) {
      if (i > 0) {
        sb.append(", ");
      }
      String name = columns.list().get(i).name();
      if (!name.isEmpty()) {
        sb.append(name).append('=');
      }
      RowText.append(sb, get(i));
    }
    return sb.append(']').toString();
  }
}
