package io.jctds.server.tsql;

import io.jctds.server.catalog.Catalog;
import io.jctds.server.sql.SqlException;
import io.jctds.server.storage.Names;
import io.jctds.server.types.H2Types;
import io.jctds.server.types.SqlType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

/**
 * CREATE, ALTER and DROP as H2 DDL. Each column's declared SQL Server type goes into its H2
 * REMARKS. Keys over character columns are built on hidden (INVISIBLE) columns holding the value
 * without trailing spaces, under the column's case rule, so that 'x' and 'x ' collide as in SQL
 * Server (2627); index names, which SQL Server scopes to their table, are kept per table.
 */
final class DdlTranslator {
  private final DmlTranslator t;

  DdlTranslator(DmlTranslator t) {
    this.t = t;
  }

  /** The hidden key column of character column {@code c}. */
  static String shadow(String c) {
    return "$rt$" + c;
  }

  /** The H2 name of index {@code index} of table {@code table}. */
  static String indexName(String table, String index) {
    return table + "." + index;
  }

  DdlPlan createTable(Stmt.CreateTable s) {
    ObjectName on = ObjectName.resolve(t.ctx, s.name());
    if (on.name().length() > 116 && on.temporary() || on.name().length() > 128) {
      throw new SqlException(
          103,
          15,
          4,
          "The identifier that starts with '"
              + on.name().substring(0, 128)
              + "' is too long. Maximum length is 128.",
          true);
    }
    String body = tableBody(on, s.columns(), s.constraints(), on.temporary());
    String kind =
        on.name().startsWith("##") ? "GLOBAL TEMPORARY " : on.temporary() ? "LOCAL TEMPORARY " : "";
    String sql =
        "CREATE "
            + kind
            + "TABLE "
            + on.h2()
            + " ("
            + body
            + ")"
            + (on.temporary() ? " TRANSACTIONAL" : "");
    return new DdlPlan(
        List.of(sql),
        List.of("DROP TABLE IF EXISTS " + on.h2()),
        key(on),
        List.of(),
        on.temporary(),
        "CREATE TABLE");
  }

  static String key(ObjectName on) {
    return Names.key(Names.schema(on.database(), on.schema()) + "." + on.name());
  }

  /** The column and constraint definitions of a table (also used by table variables). */
  String tableBody(
      ObjectName on,
      List<Stmt.ColumnDef> columns,
      List<Stmt.Constraint> constraints,
      boolean temporary) {
    return tableBody(on, columns, constraints, temporary, List.of());
  }

  /**
   * The definitions of new columns and constraints of a table that already has columns {@code
   * existing} (ALTER TABLE ... ADD): its constraints name both.
   */
  String tableBody(
      ObjectName on,
      List<Stmt.ColumnDef> columns,
      List<Stmt.Constraint> constraints,
      boolean temporary,
      List<Scope.Col> existing) {
    List<Scope.Col> scopeCols = new ArrayList<>(existing);
    List<String> defs = new ArrayList<>();
    List<Stmt.Constraint> all = new ArrayList<>(constraints);
    List<String> pkColumns = new ArrayList<>();
    for (Stmt.Constraint c : constraints) {
      if (c.kind().equals("PRIMARY KEY")) {
        pkColumns.addAll(c.columns());
      }
    }
    for (Stmt.ColumnDef c : columns) {
      for (Stmt.Constraint inline : c.constraints()) {
        Stmt.Constraint withColumn =
            new Stmt.Constraint(
                inline.name(),
                inline.kind(),
                List.of(c.name()),
                inline.clustered(),
                inline.refTable(),
                inline.refColumns(),
                inline.onDelete(),
                inline.onUpdate(),
                inline.check(),
                inline.checkText());
        all.add(withColumn);
        if (inline.kind().equals("PRIMARY KEY")) {
          pkColumns.add(c.name());
        }
      }
    }
    t.scope = new Scope(null);
    // columns of the table being defined are referenced unqualified (H2 requires it in
    // generated columns and accepts it in checks)
    Scope.Source self = new Scope.Source(List.of(on.name()), "", scopeCols);
    t.scope.add(self);
    for (Stmt.ColumnDef c : columns) {
      if (c.computed() == null) {
        scopeCols.add(new Scope.Col(c.name(), c.type(), true));
      }
    }
    for (Stmt.ColumnDef c : columns) {
      defs.add(column(c, pkColumns, scopeCols, on));
    }
    List<String> shadows = new ArrayList<>();
    for (Stmt.Constraint c : all) {
      defs.add(constraint(on, c, scopeCols, shadows, temporary));
    }
    List<String> out = new ArrayList<>(defs.subList(0, columns.size()));
    out.addAll(shadows);
    out.addAll(defs.subList(columns.size(), defs.size()));
    return String.join(", ", out);
  }

  private String column(Stmt.ColumnDef c, List<String> pk, List<Scope.Col> cols, ObjectName on) {
    if (c.computed() != null) {
      Sql v = t.value(c.computed());
      SqlType type = v.type() == null ? SqlType.INT : v.type();
      if (!t.params.isEmpty()) {
        throw new SqlException(
            1759,
            16,
            0,
            "Computed column '"
                + c.name()
                + "' in table '"
                + on.name()
                + "' is not allowed to be used in another computed-column definition or to"
                + " reference variables.",
            true);
      }
      cols.add(new Scope.Col(c.name(), type, true));
      return Names.quote(c.name())
          + " "
          + H2Types.ddl(type)
          + " GENERATED ALWAYS AS ("
          + v.text()
          + ") COMMENT "
          + Literals.quote(type.declaration());
    }
    SqlType type = c.type();
    StringBuilder sb =
        new StringBuilder(Names.quote(c.name())).append(' ').append(H2Types.ddl(type));
    boolean inPk = pk.stream().anyMatch(n -> n.equalsIgnoreCase(c.name()));
    if (c.identity() != null) {
      if (!type.base().isNumeric()
          || type.base() == io.jctds.server.types.SqlBase.BIT
          || type.isDecimal() && type.scale() != 0) {
        throw new SqlException(
            2749,
            16,
            2,
            "Identity column '"
                + c.name()
                + "' must be of data type int, bigint,"
                + " smallint, tinyint, or decimal or numeric with a scale of 0, and constrained"
                + " to be nonnullable.",
            false);
      }
      sb.append(" GENERATED BY DEFAULT AS IDENTITY (START WITH ")
          .append(c.identity()[0])
          .append(" INCREMENT BY ")
          .append(c.identity()[1])
          .append(')');
    }
    if (c.defaultValue() != null) {
      int before = t.params.size();
      Sql d = Assignments.convert(t, t.value(c.defaultValue()), type);
      if (t.params.size() != before) {
        throw SqlException.unsupported("variables in a DEFAULT");
      }
      sb.append(" DEFAULT ").append(d.text());
    }
    boolean nullable =
        c.nullable() == null
            ? c.identity() == null && !inPk && t.ctx.options().on("ANSI_NULL_DFLT_ON")
            : c.nullable();
    if (c.nullable() != null && c.nullable() && inPk) {
      throw new SqlException(
          8111,
          16,
          1,
          "Cannot define PRIMARY KEY constraint on nullable column in table '" + on.name() + "'.",
          false);
    }
    sb.append(nullable ? " NULL" : " NOT NULL");
    sb.append(" COMMENT ").append(Literals.quote(type.declaration()));
    for (int i = 0; i < cols.size(); i++) {
      if (cols.get(i).name().equalsIgnoreCase(c.name())) {
        cols.set(i, new Scope.Col(c.name(), type, nullable));
      }
    }
    return sb.toString();
  }

  private String constraint(
      ObjectName on,
      Stmt.Constraint c,
      List<Scope.Col> cols,
      List<String> shadows,
      boolean temporary) {
    String name = c.name() != null ? c.name() : generatedName(c.kind(), on.name());
    if (temporary && c.name() == null) {
      name = name + "_" + Long.toHexString(ThreadLocalRandom.current().nextLong() & 0xFFFFFFFFL);
    }
    String head = "CONSTRAINT " + Names.quote(name) + " ";
    switch (c.kind()) {
      case "PRIMARY KEY", "UNIQUE" -> {
        return head + c.kind() + " (" + keyColumns(c.columns(), cols, shadows) + ")";
      }
      case "FOREIGN KEY" -> {
        ObjectName ref = ObjectName.resolve(t.ctx, c.refTable());
        Catalog.Table parent =
            ref.name().equalsIgnoreCase(on.name()) && ref.schema().equalsIgnoreCase(on.schema())
                ? null
                : FromClause.table(t.ctx, ref);
        if (parent == null && !ref.name().equalsIgnoreCase(on.name())) {
          throw new SqlException(
              1767,
              16,
              0,
              "Foreign key '" + name + "' references invalid table '" + ref.written() + "'.",
              false);
        }
        List<Scope.Col> parentCols = parent == null ? cols : FromClause.columns(parent);
        // "ALTER TABLE table_constraint": REFERENCES without ref_column references the primary
        // key; H2 reads a missing column list the same way (its key columns: the trimmed twins
        // of character columns, as keyColumns maps the referencing ones)
        String sql =
            head
                + "FOREIGN KEY ("
                + keyColumns(c.columns(), cols, shadows)
                + ") REFERENCES "
                + ref.h2()
                + (c.refColumns().isEmpty()
                    ? ""
                    : " (" + keyColumns(c.refColumns(), parentCols, null) + ")");
        if (c.onDelete() != null) {
          sql += " ON DELETE " + c.onDelete();
        }
        if (c.onUpdate() != null) {
          sql += " ON UPDATE " + c.onUpdate();
        }
        return sql;
      }
      case "CHECK" -> {
        Sql cond = t.condition(c.check());
        return head + "CHECK (" + cond.text() + ")";
      }
      default -> throw SqlException.unsupported(c.kind() + " constraint here");
    }
  }

  /** SQL Server's generated constraint name shape: PK__table__hex. */
  static String generatedName(String kind, String table) {
    String prefix =
        switch (kind) {
          case "PRIMARY KEY" -> "PK";
          case "UNIQUE" -> "UQ";
          case "FOREIGN KEY" -> "FK";
          case "CHECK" -> "CK";
          default -> "DF";
        };
    String t = table.replace("#", "");
    t = t.length() > 8 ? t.substring(0, 8) : t;
    return prefix
        + "__"
        + t
        + "__"
        + String.format(Locale.ROOT, "%016X", ThreadLocalRandom.current().nextLong())
            .substring(0, 16);
  }

  /**
   * The H2 columns of a key: the column itself, or for a character column its hidden trimmed twin
   * (created once into {@code shadows}; null when the twins must exist already).
   */
  String keyColumns(List<String> names, List<Scope.Col> cols, List<String> shadows) {
    List<String> out = new ArrayList<>();
    for (String n : names) {
      Scope.Col col = null;
      for (Scope.Col c : cols) {
        if (c.name().equalsIgnoreCase(n)) {
          col = c;
        }
      }
      if (col == null) {
        throw new SqlException(
            1911,
            16,
            1,
            "Column name '" + n + "' does not exist in the target table or view.",
            false);
      }
      if (col.type() != null && col.type().base().isString()) {
        String sh = shadow(col.name());
        boolean ci = col.type().collation() == null || col.type().collation().ignoreCase();
        String def =
            Names.quote(sh)
                + " "
                + (ci ? "VARCHAR_IGNORECASE" : "VARCHAR")
                + " INVISIBLE GENERATED ALWAYS AS (RTRIM("
                + Names.quote(col.name())
                + "))";
        if (shadows != null && !shadows.contains(def)) {
          shadows.add(def);
        }
        out.add(Names.quote(sh));
      } else {
        out.add(Names.quote(col.name()));
      }
    }
    return String.join(", ", out);
  }
}
