package io.jctds.server.tsql;

import io.jctds.server.catalog.Catalog;
import io.jctds.server.sql.SqlException;
import io.jctds.server.storage.Names;
import io.jctds.server.types.H2Types;
import io.jctds.server.types.SqlType;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** CREATE INDEX, VIEW, SCHEMA and SEQUENCE, DROP, ALTER TABLE and TRUNCATE as {@link DdlPlan}s. */
final class DdlObjects {
  private final DmlTranslator t;
  private final DdlTranslator tables;

  DdlObjects(DmlTranslator t) {
    this.t = t;
    this.tables = new DdlTranslator(t);
  }

  private Catalog.Table existing(List<String> name) {
    ObjectName on = ObjectName.resolve(t.ctx, name);
    Catalog.Table table = FromClause.table(t.ctx, on);
    if (table == null) {
      throw SqlException.invalidObject(on.written());
    }
    return table;
  }

  private static String key(Catalog.Table table) {
    return DdlTranslator.key(new ObjectName(table.database(), table.schema(), table.name(), ""));
  }

  DdlPlan createIndex(Stmt.CreateIndex s) {
    Catalog.Table table = existing(s.table());
    if (table.view()) {
      throw SqlException.unsupported("indexes on views");
    }
    List<String> statements = new ArrayList<>();
    List<String> cols = new ArrayList<>();
    for (Expr.Order o : s.columns()) {
      String name = ((Expr.Column) o.expr()).name();
      Catalog.Column c = table.column(name);
      if (c == null) {
        throw new SqlException(
            1911,
            16,
            1,
            "Column name '" + name + "' does not exist in the" + " target table or view.",
            false);
      }
      String col = Names.quote(c.name());
      if (s.unique() && c.type().base().isString()) {
        boolean ci = c.type().collation().ignoreCase();
        statements.add(
            "ALTER TABLE "
                + table.h2Name()
                + " ADD COLUMN IF NOT EXISTS "
                + Names.quote(DdlTranslator.shadow(c.name()))
                + " "
                + (ci ? "VARCHAR_IGNORECASE" : "VARCHAR")
                + " INVISIBLE GENERATED ALWAYS AS (RTRIM("
                + col
                + "))");
        col = Names.quote(DdlTranslator.shadow(c.name()));
      }
      cols.add(col + (o.descending() ? " DESC" : ""));
    }
    String index =
        Names.qualified(
            table.database(), table.schema(), DdlTranslator.indexName(table.name(), s.name()));
    statements.add(
        "CREATE "
            + (s.unique() ? "UNIQUE " : "")
            + "INDEX "
            + index
            + " ON "
            + table.h2Name()
            + " ("
            + String.join(", ", cols)
            + ")");
    return new DdlPlan(
        statements,
        List.of("DROP INDEX IF EXISTS " + index),
        null,
        List.of(key(table)),
        table.temporary(),
        "CREATE INDEX",
        !s.unique());
  }

  DdlPlan createView(Stmt.CreateView s) {
    ObjectName on = ObjectName.resolve(t.ctx, s.name());
    if (on.temporary()) {
      throw new SqlException(
          4103, 15, 1, "\"" + on.name() + "\": Temporary views are not" + " allowed.", true);
    }
    Translated q = t.query(s.query(), null);
    if (!t.params.isEmpty()) {
      throw SqlException.unsupported("variables and @@functions in a view definition");
    }
    List<String> names = s.columns().isEmpty() ? new ArrayList<>() : s.columns();
    if (names.isEmpty()) {
      for (int i = 0; i < q.columns().size(); i++) {
        String n = q.columns().get(i).name();
        if (n.isEmpty()) {
          throw new SqlException(
              4511,
              16,
              1,
              "Create View or Function failed because no column"
                  + " name was specified for column "
                  + (i + 1)
                  + ".",
              false);
        }
        names.add(n);
      }
    } else if (names.size() != q.columns().size()) {
      throw new SqlException(
          8159,
          16,
          1,
          "'" + on.name() + "' has fewer columns than were" + " specified in the column list.",
          false);
    }
    List<String> quoted = new ArrayList<>();
    StringBuilder types = new StringBuilder(Catalog.VIEW_TYPES);
    for (int i = 0; i < names.size(); i++) {
      quoted.add(Names.quote(names.get(i)));
      SqlType type = q.columns().get(i).type();
      types.append(i == 0 ? "" : "\t").append(type == null ? "" : type.declaration());
    }
    String remarks = types.append('\n').append(s.text()).toString();
    return new DdlPlan(
        List.of(
            "CREATE "
                + (s.orAlter() ? "OR REPLACE " : "")
                + "VIEW "
                + on.h2()
                + " ("
                + String.join(", ", quoted)
                + ") AS "
                + q.sql(),
            "COMMENT ON TABLE " + on.h2() + " IS " + Literals.quote(remarks)),
        List.of("DROP VIEW IF EXISTS " + on.h2()),
        DdlTranslator.key(on),
        List.of(),
        false,
        "CREATE VIEW");
  }

  DdlPlan createSchema(Stmt.CreateSchema s) {
    if (s.name().contains(".")) {
      throw SqlException.unsupported("schema names containing '.'");
    }
    String h2 = Names.quote(Names.schema(t.ctx.database(), s.name()));
    return new DdlPlan(
        List.of("CREATE SCHEMA " + h2),
        List.of("DROP SCHEMA IF EXISTS " + h2),
        Names.key(Names.schema(t.ctx.database(), s.name())),
        List.of(),
        false,
        "CREATE SCHEMA");
  }

  DdlPlan createSequence(Stmt.CreateSequence s) {
    ObjectName on = ObjectName.resolve(t.ctx, s.name());
    List<String> given = new ArrayList<>(s.options());
    long[] bounds = integerBounds(s.type());
    if (bounds != null) { // NO MINVALUE / NO MAXVALUE: the type's bound, given below
      given.removeIf(
          o -> normal(o).startsWith("NO MINVALUE") || normal(o).startsWith("NO MAXVALUE"));
    }
    // "CREATE SEQUENCE (Transact-SQL)": MINVALUE and MAXVALUE default to the bounds of the
    // sequence's type (H2's defaults are 1 and the BIGINT maximum), START WITH to MINVALUE for
    // an ascending sequence (H2's default too, once MINVALUE is given)
    if (bounds != null && !mentions(given, "MINVALUE")) {
      given.add("MINVALUE " + bounds[0]);
    }
    if (bounds != null && !mentions(given, "MAXVALUE")) {
      given.add("MAXVALUE " + bounds[1]);
    }
    String options = String.join(" ", given);
    return new DdlPlan(
        List.of(
            "CREATE SEQUENCE "
                + on.h2()
                + " AS "
                + H2Types.ddl(s.type())
                + (options.isEmpty() ? "" : " " + options)),
        List.of("DROP SEQUENCE IF EXISTS " + on.h2()),
        DdlTranslator.key(on),
        List.of(),
        false,
        "CREATE SEQUENCE");
  }

  /** The range of an integer type, or null for decimal / numeric (left to H2). */
  private static long[] integerBounds(SqlType type) {
    return switch (type.base()) {
      case TINYINT -> new long[] {0, 255};
      case SMALLINT -> new long[] {Short.MIN_VALUE, Short.MAX_VALUE};
      case INT -> new long[] {Integer.MIN_VALUE, Integer.MAX_VALUE};
      case BIGINT -> new long[] {Long.MIN_VALUE, Long.MAX_VALUE};
      default -> null;
    };
  }

  /** Whether one of the options starts with {@code keyword}. */
  private static boolean mentions(List<String> options, String keyword) {
    return options.stream().anyMatch(o -> normal(o).startsWith(keyword));
  }

  private static String normal(String option) {
    return option.toUpperCase(Locale.ROOT).replaceAll("\\s+", " ");
  }

  DdlPlan drop(Stmt.Drop s) {
    List<String> statements = new ArrayList<>();
    List<String> changes = new ArrayList<>();
    boolean temporary = true;
    for (List<String> name : s.names()) {
      if (s.kind().equals("INDEX")) {
        dropIndex(s, name, statements, changes);
        temporary = false;
        continue;
      }
      if (s.kind().equals("SCHEMA")) {
        String h2 = Names.quote(Names.schema(t.ctx.database(), name.get(name.size() - 1)));
        statements.add("DROP SCHEMA " + (s.ifExists() ? "IF EXISTS " : "") + h2);
        changes.add(Names.key(Names.schema(t.ctx.database(), name.get(name.size() - 1))));
        temporary = false;
        continue;
      }
      ObjectName on = ObjectName.resolve(t.ctx, name);
      temporary &= on.temporary();
      if (!exists(s.kind(), on)) {
        if (s.ifExists()) {
          continue;
        }
        throw new SqlException(
            3701,
            11,
            5,
            "Cannot drop the "
                + s.kind().toLowerCase(Locale.ROOT)
                + " '"
                + on.written()
                + "', because it does not exist or you do not have"
                + " permission.",
            false);
      }
      statements.add("DROP " + s.kind() + " " + on.h2());
      changes.add(DdlTranslator.key(on));
    }
    return new DdlPlan(
        statements, null, null, changes, temporary && !statements.isEmpty(), "DROP " + s.kind());
  }

  private boolean exists(String kind, ObjectName on) {
    if (kind.equals("TABLE") || kind.equals("VIEW")) {
      Catalog.Table table = FromClause.table(t.ctx, on);
      return table != null && table.view() == kind.equals("VIEW");
    }
    if (kind.equals("SEQUENCE")) {
      // a constraint's name is in the same namespace: H2 then reports the sequence missing
      try {
        return t.ctx.catalog().objectId(on.database(), on.schema(), on.name()) != null;
      } catch (SQLException e) {
        throw H2Errors.translate(e);
      }
    }
    return false; // procedures and functions do not exist yet
  }

  private void dropIndex(
      Stmt.Drop s, List<String> name, List<String> statements, List<String> changes) {
    if (name.size() < 2) {
      throw new SqlException(
          159,
          15,
          1,
          "Must specify the table name and index name for the" + " DROP INDEX statement.",
          true);
    }
    String index = name.get(name.size() - 1);
    Catalog.Table table = existing(name.subList(0, name.size() - 1));
    statements.add(
        "DROP INDEX "
            + (s.ifExists() ? "IF EXISTS " : "")
            + Names.qualified(
                table.database(), table.schema(), DdlTranslator.indexName(table.name(), index)));
    changes.add(key(table));
  }

  DdlPlan alter(Stmt.AlterTable s) {
    ObjectName named = ObjectName.resolve(t.ctx, s.name());
    if (FromClause.table(t.ctx, named) == null) {
      // "Database Engine events and errors (4000 to 4999)": ALTER TABLE of a missing table
      throw new SqlException(
          4902,
          16,
          1,
          "Cannot find the object \""
              + named.written()
              + "\" because it does not exist or you do not have permissions.",
          false);
    }
    Catalog.Table table = existing(s.name());
    if (table.temporary()) {
      throw SqlException.unsupported("ALTER TABLE on temporary tables (H2 cannot alter them)");
    }
    String h2 = table.h2Name();
    List<String> statements = new ArrayList<>();
    ObjectName on = new ObjectName(table.database(), table.schema(), table.name(), "");
    switch (s.action()) {
      case "ADD" -> {
        List<Scope.Col> cols = new ArrayList<>(FromClause.columns(table));
        for (Stmt.ColumnDef c : s.columns()) {
          String def = tables.tableBody(on, List.of(c), List.of(), false);
          statements.add("ALTER TABLE " + h2 + " ADD COLUMN " + def);
          cols.add(new Scope.Col(c.name(), c.type(), true));
        }
        for (Stmt.Constraint c : s.constraints()) {
          statements.addAll(addConstraint(table, on, c, cols));
        }
      }
      case "DROP COLUMN", "DROP COLUMN IF EXISTS" ->
          s.names()
              .forEach(
                  n ->
                      statements.add(
                          "ALTER TABLE " + h2 + " " + s.action() + " " + Names.quote(n)));
      case "DROP CONSTRAINT", "DROP CONSTRAINT IF EXISTS" ->
          s.names()
              .forEach(
                  n ->
                      statements.add(
                          "ALTER TABLE "
                              + h2
                              + " "
                              + s.action()
                              + " "
                              + Names.quote(Names.schema(table.database(), table.schema()))
                              + "."
                              + Names.quote(n)));
      default -> statements.addAll(alterColumn(table, s.columns().get(0)));
    }
    return new DdlPlan(statements, null, null, List.of(key(table)), false, "ALTER TABLE");
  }

  private List<String> addConstraint(
      Catalog.Table table, ObjectName on, Stmt.Constraint c, List<Scope.Col> cols) {
    String h2 = table.h2Name();
    if (c.kind().equals("DEFAULT")) {
      String column = c.columns().get(0);
      Catalog.Column col = table.column(column);
      if (col == null) {
        throw SqlException.invalidColumn(column);
      }
      Sql d = Assignments.convert(t, t.value(c.check()), col.type());
      return List.of(
          "ALTER TABLE "
              + h2
              + " ALTER COLUMN "
              + Names.quote(col.name())
              + " SET DEFAULT "
              + d.text());
    }
    String body = tables.tableBody(on, List.of(), List.of(c), false, cols);
    List<String> out = new ArrayList<>();
    for (String raw : TopLevel.split(body)) {
      String part = raw.trim();
      if (part.isEmpty()) {
        continue;
      }
      out.add(
          "ALTER TABLE "
              + h2
              + " ADD "
              + (part.startsWith("CONSTRAINT") ? "" : "COLUMN IF NOT EXISTS ")
              + part);
    }
    return out;
  }

  private List<String> alterColumn(Catalog.Table table, Stmt.ColumnDef c) {
    Catalog.Column old = table.column(c.name());
    if (old == null) {
      throw SqlException.invalidColumn(c.name());
    }
    String col = table.h2Name() + " ALTER COLUMN " + Names.quote(old.name());
    List<String> out = new ArrayList<>();
    out.add("ALTER TABLE " + col + " SET DATA TYPE " + H2Types.ddl(c.type()));
    boolean nullable = c.nullable() == null || c.nullable();
    out.add("ALTER TABLE " + col + (nullable ? " SET NULL" : " SET NOT NULL"));
    out.add(
        "COMMENT ON COLUMN "
            + table.h2Name()
            + "."
            + Names.quote(old.name())
            + " IS "
            + Literals.quote(c.type().declaration()));
    return out;
  }

  DdlPlan truncate(Stmt.Truncate s) {
    Catalog.Table table = existing(s.name());
    return new DdlPlan(
        List.of("TRUNCATE TABLE " + table.h2Name() + " RESTART IDENTITY"),
        null,
        null,
        List.of(key(table)),
        table.temporary(),
        "TRUNCATE TABLE");
  }
}
