package io.jctds;

import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;

/**
 * The rows {@link Cursor#fetchAll()} and {@link Cursor#fetchMany(int)} return: a read-only {@code
 * List<Row>} that knows the {@link #description()} of the result set they came from (which stays
 * right after the cursor moved on to another result set). Copy it ({@code new ArrayList<>(rows)})
 * to sort or edit.
 */
public final class RowList extends AbstractList<Row> implements RandomAccess {
  private final Row[] rows;
  private final int size;
  private final List<Column> description;

  RowList(Row[] rows, int size, List<Column> description) {
    this.rows = rows;
    this.size = size;
    this.description = description;
  }

  /** The columns of these rows (empty when the cursor had no result set). */
  public List<Column> description() {
    return description;
  }

  @Override
  public Row get(int index) {
    if (index < 0 || index >= size) {
      throw new IndexOutOfBoundsException("row " + index + " of " + size);
    }
    return rows[index];
  }

  @Override
  public int size() {
    return size;
  }
}
