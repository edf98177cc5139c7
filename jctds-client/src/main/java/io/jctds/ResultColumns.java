package io.jctds;

import io.jctds.internal.values.Sizes;
import io.jctds.protocol.token.ColMetadata;
import io.jctds.protocol.type.TypeInfo;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The columns of one result set and the name index rows share. */
final class ResultColumns {
  private final List<Column> list;
  private final Map<String, Integer> exact = new HashMap<>();
  private final Map<String, Integer> folded = new HashMap<>();

  ResultColumns(ColMetadata md) {
    List<Column> cols = new ArrayList<>(md.size());
    for (int i = 0; i < md.size(); i++) {
      ColMetadata.Column c = md.column(i);
      TypeInfo t = c.typeInfo();
      cols.add(
          new Column(
              c.name(),
              t.type().id(),
              t.sqlName(),
              Sizes.display(t),
              Sizes.internal(t),
              t.precision(),
              t.scale(),
              c.isNullable(),
              (c.flags() & ColMetadata.FLAG_CASE_SENSITIVE) != 0));
      exact.putIfAbsent(c.name(), i);
      folded.putIfAbsent(c.name().toLowerCase(Locale.ROOT), i);
    }
    this.list = List.copyOf(cols);
  }

  List<Column> list() {
    return list;
  }

  /** The index of the first column named {@code name} (exact, else case-insensitive). */
  int index(String name) {
    Integer i = exact.get(name);
    if (i == null) {
      i = folded.get(name.toLowerCase(Locale.ROOT));
    }
    if (i == null) {
      List<String> names = list.stream().map(Column::name).toList();
      throw new InterfaceError("no column named '" + name + "'; the columns are " + names);
    }
    return i;
  }
}
