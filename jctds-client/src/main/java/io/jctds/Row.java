package io.jctds;

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
 * One row of a result set, by 0-based index or by column name. Values stay raw until read: each
 * getter converts its column when called (as k-cTDS does), so columns never read cost nothing.
 * {@link #get} returns the natural Java value (Integer, Long, String, BigDecimal, LocalDateTime,
 * byte[], ...) or null for NULL. A row stays valid after the cursor moves on.
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

  /** The columns of this row's result set. */
  public List<Column> columns() {
    return columns.list();
  }

  /** The value of column {@code index} (0-based), or null. */
  public Object get(int index) {
    return convert(() -> raw.getObject(check(index)), index);
  }

  /** The value of the column named {@code name}, or null. */
  public Object get(String name) {
    return get(columns.index(name));
  }

  /** Whether column {@code index} is NULL. */
  public boolean isNull(int index) {
    return convert(() -> raw.isNull(check(index)), index);
  }

  /** Whether the column named {@code name} is NULL. */
  public boolean isNull(String name) {
    return isNull(columns.index(name));
  }

  /** Column {@code index} as text (any type converts), or null. */
  public String getString(int index) {
    return convert(() -> raw.getString(check(index)), index);
  }

  /** The column named {@code name} as text, or null. */
  public String getString(String name) {
    return getString(columns.index(name));
  }

  /** Column {@code index} as an int (0 for NULL: check {@link #isNull}). */
  public int getInt(int index) {
    return convert(() -> raw.getInt(check(index)), index);
  }

  /** The column named {@code name} as an int. */
  public int getInt(String name) {
    return getInt(columns.index(name));
  }

  /** Column {@code index} as a long (0 for NULL). */
  public long getLong(int index) {
    return convert(() -> raw.getLong(check(index)), index);
  }

  /** The column named {@code name} as a long. */
  public long getLong(String name) {
    return getLong(columns.index(name));
  }

  /** Column {@code index} as a double (0 for NULL). */
  public double getDouble(int index) {
    return convert(() -> raw.getDouble(check(index)), index);
  }

  /** Column {@code index} as a boolean (false for NULL). */
  public boolean getBoolean(int index) {
    return convert(() -> raw.getBoolean(check(index)), index);
  }

  /** Column {@code index} as a BigDecimal, or null. */
  public BigDecimal getBigDecimal(int index) {
    return convert(() -> raw.getBigDecimal(check(index)), index);
  }

  /** Column {@code index} as bytes, or null. */
  public byte[] getBytes(int index) {
    return convert(() -> raw.getBytes(check(index)), index);
  }

  /** Column {@code index} as a UUID, or null. */
  public UUID getUuid(int index) {
    return convert(() -> raw.getUuid(check(index)), index);
  }

  /** Column {@code index} as a date, or null. */
  public LocalDate getDate(int index) {
    return convert(() -> raw.getDate(check(index)), index);
  }

  /** Column {@code index} as a time, or null. */
  public LocalTime getTime(int index) {
    return convert(() -> raw.getTime(check(index)), index);
  }

  /** Column {@code index} as a date and time, or null. */
  public LocalDateTime getDateTime(int index) {
    return convert(() -> raw.getDateTime(check(index)), index);
  }

  /** Column {@code index} as a date and time with offset, or null. */
  public OffsetDateTime getOffsetDateTime(int index) {
    return convert(() -> raw.getOffsetDateTime(check(index)), index);
  }

  /** The values in column order. */
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

  private <T> T convert(java.util.function.Supplier<T> getter, int index) {
    try {
      return getter.get();
    } catch (io.jctds.protocol.type.ConversionException e) {
      throw new DataError(
          "column " + index + " (" + columns.list().get(index).name() + "): " + e.getMessage(),
          null,
          e);
    } catch (io.jctds.protocol.TdsProtocolException e) {
      throw new DataError(
          "the server sent an invalid value for column "
              + index
              + " ("
              + columns.list().get(index).name()
              + "): "
              + e.getMessage(),
          null,
          e);
    }
  }

  private int check(int index) {
    if (index < 0 || index >= raw.size()) {
      throw new InterfaceError(
          "column index " + index + " is outside 0.." + (raw.size() - 1) + " of this row");
    }
    return index;
  }

  @Override
  public String toString() {
    return "Row" + toList();
  }
}
