package io.jctds.server.sink;

import java.util.ArrayList;
import java.util.concurrent.atomic.LongAdder;
import org.h2.command.ddl.CreateTableData;
import org.h2.command.query.AllColumnsForPlan;
import org.h2.engine.SessionLocal;
import org.h2.index.Cursor;
import org.h2.index.Index;
import org.h2.index.IndexType;
import org.h2.index.SingleRowCursor;
import org.h2.message.DbException;
import org.h2.result.Row;
import org.h2.result.SearchRow;
import org.h2.result.SortOrder;
import org.h2.table.IndexColumn;
import org.h2.table.TableBase;
import org.h2.table.TableFilter;
import org.h2.table.TableType;

/**
 * The sink: H2's INSERT has converted and validated a row before {@link #addRow}, which only counts
 * it. No row is kept, so scans find none; the row count (what H2's {@code COUNT(*)} without a WHERE
 * asks) is the number received by this table object, i.e. since the server opened its database.
 */
final class SinkTable extends TableBase {
  private final LongAdder received = new LongAdder();
  private final Scan scan;

  SinkTable(CreateTableData data) {
    super(data);
    scan = new Scan(this);
  }

  @Override
  public void addRow(SessionLocal session, Row row) {
    received.increment();
  }

  /** Counts rows a fast path checked without H2 ({@link Sink}). */
  void add(long rows) {
    received.add(rows);
  }

  @Override
  public void removeRow(SessionLocal session, Row row) {
    // nothing is kept, so nothing is found to remove
  }

  @Override
  public long truncate(SessionLocal session) {
    return 0;
  }

  @Override
  public void close(SessionLocal session) {
    // no storage
  }

  @Override
  public Index addIndex(
      SessionLocal session,
      String indexName,
      int indexId,
      IndexColumn[] cols,
      int uniqueColumnCount,
      IndexType indexType,
      boolean create,
      String indexComment) {
    throw DbException.getUnsupportedException("an index on " + SinkEngine.TABLE);
  }

  @Override
  public void checkSupportAlter() {
    throw DbException.getUnsupportedException("ALTER TABLE " + SinkEngine.TABLE);
  }

  @Override
  public TableType getTableType() {
    return TableType.EXTERNAL_TABLE_ENGINE;
  }

  @Override
  public Index getScanIndex(SessionLocal session) {
    return scan;
  }

  @Override
  public ArrayList<Index> getIndexes() {
    ArrayList<Index> list = new ArrayList<>(1);
    list.add(scan);
    return list;
  }

  @Override
  public long getMaxDataModificationId() {
    return Long.MAX_VALUE; // the count changes with every insert: never reuse a cached result
  }

  @Override
  public boolean isDeterministic() {
    return false;
  }

  @Override
  public boolean canGetRowCount(SessionLocal session) {
    return true;
  }

  @Override
  public boolean canDrop() {
    return true;
  }

  @Override
  public long getRowCount(SessionLocal session) {
    return received.sum();
  }

  @Override
  public long getRowCountApproximation(SessionLocal session) {
    return received.sum();
  }

  /** The scan index: finds no row. */
  private static final class Scan extends Index {
    private final SinkTable sink;

    Scan(SinkTable table) {
      super(
          table,
          0,
          table.getName() + "_SCAN",
          IndexColumn.wrap(table.getColumns()),
          0,
          IndexType.createScan(false));
      this.sink = table;
    }

    @Override
    public void close(SessionLocal session) {}

    @Override
    public void add(SessionLocal session, Row row) {}

    @Override
    public void remove(SessionLocal session, Row row) {}

    @Override
    public Cursor find(SessionLocal session, SearchRow first, SearchRow last, boolean reverse) {
      return new SingleRowCursor(null);
    }

    @Override
    public double getCost(
        SessionLocal session,
        int[] masks,
        TableFilter[] filters,
        int filter,
        SortOrder sortOrder,
        AllColumnsForPlan allColumnsSet,
        boolean isSelectCommand) {
      return 1;
    }

    @Override
    public void remove(SessionLocal session) {}

    @Override
    public void truncate(SessionLocal session) {}

    @Override
    public boolean needRebuild() {
      return false;
    }

    @Override
    public void checkRename() {}

    @Override
    public long getRowCount(SessionLocal session) {
      return sink.received.sum();
    }

    @Override
    public long getRowCountApproximation(SessionLocal session) {
      return sink.received.sum();
    }
  }
}
