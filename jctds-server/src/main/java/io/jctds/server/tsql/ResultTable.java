package io.jctds.server.tsql;

import io.jctds.protocol.token.ColMetadata;
import io.jctds.protocol.type.TdsType;
import io.jctds.protocol.type.TypeInfo;
import io.jctds.server.types.ColumnWriter;
import io.jctds.server.types.SqlType;
import io.jctds.server.types.WireTypes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A result set a server procedure builds itself (the catalog procedures, sp_describe_*): its
 * columns with their SQL Server types and nullability as the procedure's reference page declares
 * them, and rows of the Java values variables hold (integers as Long or Integer, bit as Boolean,
 * strings as String). {@link #send} writes COLMETADATA, the rows and a DONE with the row count;
 * under SET FMTONLY ON only the COLMETADATA and DONE.
 */
final class ResultTable {
  /** A column: name, type, whether it may be NULL. */
  record Col(String name, SqlType type, boolean nullable) {}

  private final List<Col> columns;
  private final List<Object[]> rows = new ArrayList<>();

  ResultTable(List<Col> columns) {
    this.columns = List.copyOf(columns);
  }

  /** A nullable column. */
  static Col col(String name, SqlType type) {
    return new Col(name, type, true);
  }

  /** A NOT NULL column. */
  static Col notNull(String name, SqlType type) {
    return new Col(name, type, false);
  }

  List<Col> columns() {
    return columns;
  }

  /** Adds a row (one value per column, null for NULL). */
  void add(Object... values) {
    if (values.length != columns.size()) {
      throw new IllegalArgumentException(
          values.length + " values for " + columns.size() + " columns");
    }
    rows.add(values);
  }

  List<Object[]> rows() {
    return rows;
  }

  /** Sorts the rows. */
  void sort(Comparator<Object[]> order) {
    rows.sort(order);
  }

  /** Sends the result to {@code r}'s sink, counting the rows in @@ROWCOUNT. */
  void send(Runner r) {
    List<ColMetadata.Column> meta = new ArrayList<>(columns.size());
    ColumnWriter[] writers = new ColumnWriter[columns.size()];
    boolean utf8 = r.s.tds().utf8();
    for (int i = 0; i < columns.size(); i++) {
      Col c = columns.get(i);
      TypeInfo wire = WireTypes.typeInfo(c.type(), c.nullable(), r.s.tds().tdsVersion(), utf8);
      writers[i] = new ColumnWriter(c.type(), wire);
      TdsType t = wire.type();
      List<String> table =
          t == TdsType.TEXT || t == TdsType.NTEXT || t == TdsType.IMAGE ? List.of("") : List.of();
      meta.add(
          new ColMetadata.Column(
              0, c.nullable() ? ColMetadata.FLAG_NULLABLE : 0, wire, table, c.name()));
    }
    r.sink.columns(new ColMetadata(meta));
    if (r.s.options().on("FMTONLY")) {
      r.done(Statements.CMD_SELECT, 0);
      return;
    }
    long n = 0;
    for (Object[] row : rows) {
      if (r.s.cancelled()) {
        break;
      }
      Object[] values = new Object[row.length];
      for (int i = 0; i < row.length; i++) {
        values[i] = writers[i].check(normalize(row[i]));
      }
      r.sink.row(
          out -> {
            for (int i = 0; i < writers.length; i++) {
              writers[i].write(out, values[i]);
            }
          });
      n++;
    }
    r.s.rowCount = n;
    r.done(Statements.CMD_SELECT, n);
  }

  /** Integers as Long, the form {@link ColumnWriter} writes. */
  private static Object normalize(Object v) {
    if (v instanceof Integer || v instanceof Short || v instanceof Byte) {
      return ((Number) v).longValue();
    }
    return v;
  }
}
