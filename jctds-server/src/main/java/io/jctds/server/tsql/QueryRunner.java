package io.jctds.server.tsql;

import io.jctds.protocol.token.ColMetadata;
import io.jctds.protocol.type.TdsType;
import io.jctds.protocol.type.TypeInfo;
import io.jctds.server.catalog.Catalog;
import io.jctds.server.sql.SqlException;
import io.jctds.server.storage.Names;
import io.jctds.server.types.ColumnWriter;
import io.jctds.server.types.SqlType;
import io.jctds.server.types.WireTypes;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs queries and data changes on the session's H2 session and streams their results: one
 * COLMETADATA with SQL Server's types, then each row read, converted and checked before a byte of
 * it is written, then DONE with the row count. Results are read lazily from H2, so a client reading
 * millions of rows never makes the server hold them.
 */
final class QueryRunner {
  static final int CMD_INSERT = 0xC3;
  static final int CMD_DELETE = 0xC4;
  static final int CMD_UPDATE = 0xC5;
  static final int CMD_MERGE = 0x117;

  private final Runner r;

  QueryRunner(Runner r) {
    this.r = r;
  }

  private DmlTranslator translator() {
    return new DmlTranslator(
        r.s,
        table ->
            DdlTranslator.key(
                    new ObjectName(table.database(), table.schema(), table.name(), table.name()))
                .equals(r.s.identityInsert));
  }

  void run(Stmt st) {
    DmlTranslator t = translator();
    if (st instanceof Stmt.Select sel) {
      select(sel, t);
    } else if (st instanceof Stmt.Insert ins) {
      if (ins.exec() != null) {
        InsertExec.run(r, ins);
        return;
      }
      Catalog.Table table = t.target(ins.target());
      data(t.insert(ins), t, CMD_INSERT, where("INSERT", table), table.identity() != null);
      if (table.identity() != null && t.explicitIdentity(table)) {
        try {
          IdentitySeed.passExplicit(r.s.connection(), table);
        } catch (SQLException e) {
          throw H2Errors.translate(e);
        }
      }
    } else if (st instanceof Stmt.Update up) {
      Catalog.Table table = t.target(up.target(), up.from());
      data(t.update(up), t, CMD_UPDATE, where("UPDATE", table), false);
    } else if (st instanceof Stmt.Delete del) {
      Catalog.Table table = t.target(del.target(), del.from());
      data(t.delete(del), t, CMD_DELETE, where("DELETE", table), false);
    } else if (st instanceof Stmt.Merge m) {
      MergeTranslator mt = new MergeTranslator(r.s, t);
      long n = 0;
      for (MergeTranslator.Part part : mt.translate(m)) {
        n += update(part.sql(), part.params(), mt.where(), mt.identity());
      }
      r.s.rowCount = n;
      r.done(CMD_MERGE, n);
    }
  }

  private static H2Errors.Where where(String verb, Catalog.Table t) {
    return new H2Errors.Where(verb, t.database(), t.display());
  }

  private void select(Stmt.Select sel, DmlTranslator t) {
    QueryExpr q = sel.query();
    if (q.body() instanceof QueryExpr.Select b && b.into() != null) {
      SelectInto.run(r, sel, b);
      return;
    }
    Translated tr = t.query(q, null);
    if (!t.assignments.isEmpty()) {
      assign(tr, t);
      return;
    }
    stream(tr, t.params, Statements.CMD_SELECT, H2Errors.Where.NONE);
  }

  private void data(
      Translated tr, DmlTranslator t, int curCmd, H2Errors.Where where, boolean identity) {
    if (!tr.columns().isEmpty()) {
      stream(tr, t.params, curCmd, where);
      return;
    }
    long n = update(tr.sql(), t.params, where, identity);
    r.s.rowCount = n;
    r.done(curCmd, n);
  }

  /** Runs a statement without results; the number of rows it changed. */
  long update(String sql, List<Param> params, H2Errors.Where where) {
    return update(sql, params, where, false);
  }

  /**
   * Runs a statement without results; the number of rows it changed.
   *
   * @param identity whether it inserts into a table with an IDENTITY column (the last generated
   *     value becomes @@IDENTITY and SCOPE_IDENTITY())
   */
  long update(String sql, List<Param> params, H2Errors.Where where, boolean identity) {
    if (r.s.options().on("FMTONLY") || r.s.options().on("NOEXEC")) {
      return 0;
    }
    int keys = identity ? Statement.RETURN_GENERATED_KEYS : Statement.NO_GENERATED_KEYS;
    try (PreparedStatement ps = r.s.connection().prepareStatement(sql, keys)) {
      Jdbc.bind(ps, params);
      r.s.running(ps);
      try {
        long n = LockWaits.run(r.s, ps::executeLargeUpdate);
        if (identity && n > 0) {
          lastIdentity(ps);
        }
        return n;
      } finally {
        r.s.running(null);
      }
    } catch (SQLException e) {
      throw H2Errors.translate(e, where);
    }
  }

  private void lastIdentity(PreparedStatement ps) throws SQLException {
    try (ResultSet k = ps.getGeneratedKeys()) {
      while (k.next()) {
        r.s.lastIdentity = k.getBigDecimal(1);
      }
    }
  }

  /** Runs a query and sends its rows. */
  void stream(Translated tr, List<Param> params, int curCmd, H2Errors.Where where) {
    boolean formatOnly = r.s.options().on("FMTONLY");
    try (PreparedStatement ps = r.s.connection().prepareStatement(tr.sql())) {
      Jdbc.bind(ps, params);
      if (formatOnly) {
        r.sink.columns(metadata(tr, ps.getMetaData(), new ColumnWriter[tr.columns().size()]));
        r.done(curCmd, 0);
        return;
      }
      r.s.running(ps);
      try (ResultSet rs = LockWaits.run(r.s, ps::executeQuery)) {
        long n = rows(tr, rs);
        r.s.rowCount = n;
        r.done(curCmd, n);
      } finally {
        r.s.running(null);
      }
    } catch (SQLException e) {
      throw H2Errors.translate(e, where);
    }
  }

  private long rows(Translated tr, ResultSet rs) throws SQLException {
    ColumnWriter[] writers = new ColumnWriter[tr.columns().size()];
    r.sink.columns(metadata(tr, rs.getMetaData(), writers));
    int textSize = r.s.options().number("TEXTSIZE");
    Object[] row = new Object[writers.length];
    long n = 0;
    while (!r.s.cancelled() && rs.next()) {
      for (int i = 0; i < writers.length; i++) {
        row[i] = textSize(writers[i], writers[i].read(rs, i + 1), textSize);
      }
      r.sink.row(
          out -> {
            for (int i = 0; i < writers.length; i++) {
              writers[i].write(out, row[i]);
            }
          });
      n++;
    }
    r.stopIfCancelled(); // an ATTENTION: the client discards the rest anyway
    return n;
  }

  /**
   * SET TEXTSIZE limits the bytes of varchar(max), nvarchar(max), varbinary(max), text, ntext and
   * image values sent ("SET TEXTSIZE (Transact-SQL)").
   */
  private static Object textSize(ColumnWriter w, Object v, int limit) {
    TypeInfo t = w.wire();
    if (!t.isPlp() && t.type().kind() != TdsType.LengthKind.LONGLEN || t.type() == TdsType.XML) {
      return v; // xml is not in the list
    }
    if (v instanceof byte[] b && t.type() != TdsType.SSVARIANT) {
      return b.length > limit ? java.util.Arrays.copyOf(b, limit) : b;
    }
    if (!(v instanceof String s)) {
      return v;
    }
    boolean unicode =
        t.collation() == null
            || t.type() == io.jctds.protocol.type.TdsType.NVARCHAR
            || t.type() == io.jctds.protocol.type.TdsType.NTEXT;
    long chars = unicode ? limit / 2 : limit;
    return s.length() > chars ? s.substring(0, (int) chars) : s;
  }

  /** COLMETADATA of a result, filling {@code writers} for its columns. */
  ColMetadata metadata(Translated tr, ResultSetMetaData md, ColumnWriter[] writers)
      throws SQLException {
    List<ColMetadata.Column> cols = new ArrayList<>();
    boolean utf8 = r.s.tds().utf8();
    for (int i = 0; i < writers.length; i++) {
      Translated.Column c = tr.columns().get(i);
      SqlType type = Jdbc.type(c, md, i + 1);
      TypeInfo wire = WireTypes.typeInfo(type, true, r.s.tds().tdsVersion(), utf8);
      writers[i] = new ColumnWriter(type, wire);
      int flags = ColMetadata.FLAG_NULLABLE | flags(md, i + 1);
      cols.add(new ColMetadata.Column(0, flags, wire, tableName(wire, md, i + 1), c.name()));
    }
    return new ColMetadata(cols);
  }

  /** usUpdateable = 1 (Read/Write), bits 2-3 of the Flags ([MS-TDS] 2.2.7.4). */
  private static final int UPDATEABLE_READ_WRITE = 0x0004;

  /**
   * [MS-TDS] 2.2.7.4 Flags of result column {@code column} besides fNullable: fIdentity for an
   * IDENTITY column (H2 reports a bare reference to one as auto-increment); fComputed for a
   * computed column; usUpdateable Read/Write for any other column of a table, ReadOnly (0) for
   * expressions, identity and computed columns, as sp_describe_first_result_set's is_updateable
   * (mssql-jdbc's bulk copy for batch insert keeps only columns not ReadOnly; the [MS-TDS] 4.12
   * Bulk Load example carries SQL Server's 0x0005 for a table column). H2 names the table and
   * column of a bare column reference, none for an expression; the catalog, cached per schema
   * version, knows the rest.
   */
  private int flags(ResultSetMetaData md, int column) throws SQLException {
    if (md.isAutoIncrement(column)) {
      return ColMetadata.FLAG_IDENTITY;
    }
    String table = md.getTableName(column);
    String h2Schema = md.getSchemaName(column);
    if (table == null || table.isEmpty() || h2Schema == null) {
      return 0;
    }
    String[] schema = Names.split(h2Schema);
    if (schema == null) {
      return 0;
    }
    Catalog.Table t = r.s.catalog().table(schema[0], schema[1], table);
    Catalog.Column c = t == null ? null : t.column(md.getColumnName(column));
    if (c == null || c.identity()) {
      return 0;
    }
    return c.computed() ? ColMetadata.FLAG_COMPUTED : UPDATEABLE_READ_WRITE;
  }

  /** Sets the H2 session variables of an assigning SELECT to the variables' current values. */
  private void initSessionVariables(DmlTranslator t) {
    for (java.util.Map.Entry<String, String> e : t.sessionVariables.entrySet()) {
      Variable v = r.s.variable(e.getKey());
      try (PreparedStatement ps =
          r.s
              .connection()
              .prepareStatement(
                  "SET " + e.getValue() + " = CAST(? AS " + Assignments.h2(v.type()) + ")")) {
        Jdbc.bind(ps, List.of(new Param(v.type(), v.value())));
        ps.execute();
      } catch (SQLException ex) {
        throw H2Errors.translate(ex);
      }
    }
  }

  /**
   * The TableName of a text, ntext or image column ([MS-TDS] 2.2.7.4: {@code NumParts 1*PartName},
   * at least one part; mssql-jdbc refuses a count of 0 as an invalid TDS stream): schema and table
   * when the column comes from a table, else one empty part. Other types carry none.
   */
  private static List<String> tableName(TypeInfo wire, ResultSetMetaData md, int column)
      throws SQLException {
    TdsType t = wire.type();
    if (t != TdsType.TEXT && t != TdsType.NTEXT && t != TdsType.IMAGE) {
      return List.of();
    }
    String table = md.getTableName(column);
    String[] schema = Names.split(md.getSchemaName(column) == null ? "" : md.getSchemaName(column));
    if (table == null || table.isEmpty() || schema == null) {
      return List.of("");
    }
    return List.of(schema[1], table);
  }

  private void assign(Translated tr, DmlTranslator t) {
    List<QueryExpr.Assign> assigns = t.assignments;
    List<Variable> targets = new ArrayList<>();
    for (QueryExpr.Assign a : assigns) {
      Variable v = r.s.variable(a.variable());
      if (v == null || v.table() != null) {
        throw SqlException.undeclaredVariable(a.variable());
      }
      targets.add(v);
    }
    initSessionVariables(t);
    try (PreparedStatement ps = r.s.connection().prepareStatement(tr.sql())) {
      Jdbc.bind(ps, t.params);
      long n = 0;
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          for (int i = 0; i < targets.size(); i++) {
            targets.get(i).value(Jdbc.read(rs, i + 1, targets.get(i).type()));
          }
          n++;
        }
      }
      r.s.rowCount = n;
      r.done(Statements.CMD_SELECT, n);
    } catch (SQLException e) {
      throw H2Errors.translate(e);
    }
  }
}
