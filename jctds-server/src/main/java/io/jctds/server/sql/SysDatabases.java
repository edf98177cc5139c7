package io.jctds.server.sql;

import java.util.ArrayList;
import java.util.List;

/** {@code sys.databases}: name and database_id of the databases the server knows. */
final class SysDatabases implements SystemView {
  static final SysDatabases INSTANCE = new SysDatabases();

  private static final List<ViewColumn> COLUMNS =
      List.of(
          new ViewColumn("name", Typed.nvarchar(128, false)),
          new ViewColumn("database_id", Typed.intType(false)));

  private SysDatabases() {}

  @Override
  public String name() {
    return "databases";
  }

  @Override
  public List<ViewColumn> columns() {
    return COLUMNS;
  }

  @Override
  public List<Object[]> rows(SqlSession session) {
    List<Object[]> rows = new ArrayList<>();
    List<String> names = session.databases();
    for (int i = 0; i < names.size(); i++) {
      rows.add(new Object[] {names.get(i), Builtins.databaseId(names, names.get(i))});
    }
    return rows;
  }
}
