package io.jctds.server.sink;

import io.jctds.server.storage.Names;
import io.jctds.server.types.H2Types;
import io.jctds.server.types.SqlType;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.h2.api.TableEngine;
import org.h2.command.ddl.CreateTableData;
import org.h2.table.Table;

/**
 * The H2 table engine of {@code master.dbo.jctds_bench_sink}, a table for measuring clients: H2
 * converts and checks each inserted value against the column's type as for any table (so errors are
 * a real table's), then {@link SinkTable} counts the row and keeps nothing. {@code SELECT COUNT(*)}
 * answers the rows received since the server started; other reads see no rows.
 */
public final class SinkEngine implements TableEngine {
  /** The table's name. */
  public static final String TABLE = "jctds_bench_sink";

  /** The table's columns, as SQL Server declarations. */
  static final List<String[]> COLUMNS =
      List.of(
          new String[] {"id", "int"},
          new String[] {"big", "bigint"},
          new String[] {"name", "nvarchar(50)"},
          new String[] {"created", "datetime2(7)"},
          new String[] {"amount", "decimal(18,4)"},
          new String[] {"ratio", "float"},
          new String[] {"flag", "bit"},
          new String[] {"guid", "uniqueidentifier"});

  /** H2 instantiates it by name. */
  public SinkEngine() {}

  @Override
  public Table createTable(CreateTableData data) {
    return new SinkTable(data);
  }

  /** Creates the table in {@code database}'s dbo schema unless it exists. */
  public static void install(Connection c, String database) throws SQLException {
    StringBuilder sb =
        new StringBuilder("CREATE TABLE IF NOT EXISTS ")
            .append(Names.quote(Names.schema(database, Names.DBO)))
            .append('.')
            .append(Names.quote(TABLE))
            .append(" (");
    for (int i = 0; i < COLUMNS.size(); i++) {
      SqlType t = SqlType.parse(COLUMNS.get(i)[1]);
      sb.append(i == 0 ? "" : ", ")
          .append(Names.quote(COLUMNS.get(i)[0]))
          .append(' ')
          .append(H2Types.ddl(t))
          .append(" NULL COMMENT '")
          .append(t.declaration())
          .append('\'');
    }
    sb.append(") ENGINE \"").append(SinkEngine.class.getName()).append('"');
    try (Statement s = c.createStatement()) {
      s.execute(sb.toString());
    }
  }
}
