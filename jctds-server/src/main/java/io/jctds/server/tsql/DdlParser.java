package io.jctds.server.tsql;

import io.jctds.server.sql.SqlException;
import io.jctds.server.types.SqlType;
import java.util.ArrayList;
import java.util.List;

/** CREATE, ALTER, DROP and TRUNCATE of tables, indexes, views, schemas, sequences, databases. */
class DdlParser extends DmlParser {

  DdlParser(String sql, List<Token> tokens) {
    super(sql, tokens);
  }

  Stmt create(int line) {
    expect("CREATE");
    boolean orAlter = false;
    if (peek().is("OR") && peek(1).is("ALTER")) {
      pos += 2;
      orAlter = true;
    }
    if (peek().is("PROCEDURE") || peek().is("PROC") || peek().is("FUNCTION")) {
      return routine(orAlter ? "CREATE OR ALTER" : "CREATE", line);
    }
    if (accept("TABLE")) {
      return createTable(line);
    }
    if (peek().is("UNIQUE")
        || peek().is("CLUSTERED")
        || peek().is("NONCLUSTERED")
        || peek().is("INDEX")) {
      return createIndex(line);
    }
    if (accept("VIEW")) {
      return createView(orAlter, line);
    }
    if (accept("SCHEMA")) {
      String name = name();
      if (accept("AUTHORIZATION")) {
        name();
      }
      return new Stmt.CreateSchema(name, line);
    }
    if (accept("SEQUENCE")) {
      return createSequence(line);
    }
    if (accept("DATABASE")) {
      String name = name();
      skipRestOfDatabaseOptions();
      return new Stmt.CreateDatabase(name, line);
    }
    Token what = peek();
    throw SqlException.unsupported("CREATE " + what.upper());
  }

  private void skipRestOfDatabaseOptions() {
    if (peek().is("COLLATE")) {
      pos++;
      anyName();
    }
  }

  private Stmt createTable(int line) {
    List<String> name = objectName();
    expectSymbol("(");
    List<Stmt.ColumnDef> columns = new ArrayList<>();
    List<Stmt.Constraint> constraints = new ArrayList<>();
    do {
      if (peek().is("CONSTRAINT")
          || peek().is("PRIMARY")
          || peek().is("UNIQUE")
          || peek().is("FOREIGN")
          || peek().is("CHECK")) {
        constraints.add(tableConstraint());
      } else if (peek().is("INDEX")) {
        throw SqlException.unsupported("inline INDEX in CREATE TABLE");
      } else {
        columns.add(columnDef());
      }
    } while (acceptSymbol(","));
    expectSymbol(")");
    tableOptions();
    return new Stmt.CreateTable(name, columns, constraints, line);
  }

  private void tableOptions() {
    while (peek().is("ON")
        || peek().is("TEXTIMAGE_ON")
        || peek().is("WITH") && peek(1).isSymbol("(")) {
      if (next().is("WITH")) {
        skipParens();
      } else {
        anyName(); // filegroup
      }
    }
  }

  Stmt.ColumnDef columnDef() {
    String name = name();
    if (accept("AS")) {
      int from = pos;
      Expr computed = expr();
      textFrom(from);
      accept("PERSISTED");
      columnConstraints(new ArrayList<>());
      return new Stmt.ColumnDef(name, null, null, null, null, null, computed, false, List.of());
    }
    SqlType type = dataType(false);
    Boolean nullable = null;
    long[] identity = null;
    Expr defaultValue = null;
    String defaultName = null;
    boolean rowGuid = false;
    List<Stmt.Constraint> constraints = new ArrayList<>();
    while (true) {
      if (peek().is("NOT") && peek(1).is("NULL")) {
        pos += 2;
        nullable = false;
      } else if (accept("NULL")) {
        nullable = true;
      } else if (accept("IDENTITY")) {
        identity = identity();
      } else if (accept("ROWGUIDCOL")) {
        rowGuid = true;
      } else if (accept("COLLATE")) {
        type = type.withCollation(io.jctds.server.types.SqlCollation.named(anyName()));
      } else if (peek().is("CONSTRAINT") && peek(2).is("DEFAULT")) {
        pos++;
        defaultName = name();
      } else if (accept("DEFAULT")) {
        defaultValue = expr();
      } else if (peek().is("SPARSE") || peek().is("FILESTREAM")) {
        throw SqlException.unsupported(peek().upper() + " columns");
      } else if (!columnConstraints(constraints)) {
        break;
      }
    }
    return new Stmt.ColumnDef(
        name, type, nullable, identity, defaultValue, defaultName, null, rowGuid, constraints);
  }

  private long[] identity() {
    if (!acceptSymbol("(")) {
      return new long[] {1, 1};
    }
    long seed = signedNumber();
    expectSymbol(",");
    long increment = signedNumber();
    expectSymbol(")");
    return new long[] {seed, increment};
  }

  private long signedNumber() {
    boolean negative = acceptSymbol("-");
    Token t = next();
    if (t.kind() != Token.Kind.NUMBER || t.text().contains(".") || t.text().contains("E")) {
      throw new SqlException(
          102, 15, 1, "Incorrect syntax near '" + t.near() + "'.", true, t.line());
    }
    long v = Long.parseLong(t.text());
    return negative ? -v : v;
  }

  /** Inline constraints of a column; false when none was found at the cursor. */
  private boolean columnConstraints(List<Stmt.Constraint> out) {
    int start = pos;
    String name = null;
    if (accept("CONSTRAINT")) {
      name = name();
    }
    Stmt.Constraint c = null;
    if (peek().is("PRIMARY") || peek().is("UNIQUE")) {
      boolean pk = next().is("PRIMARY");
      if (pk) {
        expect("KEY");
      }
      boolean clustered = clustering(pk);
      c =
          new Stmt.Constraint(
              name,
              pk ? "PRIMARY KEY" : "UNIQUE",
              List.of(),
              clustered,
              null,
              null,
              null,
              null,
              null,
              null);
    } else if (accept("REFERENCES") || peek().is("FOREIGN") && peek(1).is("KEY")) {
      if (accept("FOREIGN")) {
        expect("KEY");
        expect("REFERENCES");
      }
      c = references(name, List.of());
    } else if (peek().is("CHECK")) {
      c = check(name);
    }
    if (c == null) {
      pos = start;
      return false;
    }
    out.add(c);
    return true;
  }

  private boolean clustering(boolean pk) {
    boolean clustered = pk;
    if (accept("CLUSTERED")) {
      clustered = true;
    } else if (accept("NONCLUSTERED")) {
      clustered = false;
    }
    if (peek().is("WITH") && peek(1).isSymbol("(")) {
      pos++;
      skipParens();
    }
    if (accept("ON")) {
      anyName();
    }
    return clustered;
  }

  private Stmt.Constraint check(String name) {
    expect("CHECK");
    accept("NOT");
    accept("FOR");
    expectSymbol("(");
    int from = pos;
    Expr e = expr();
    String text = textFrom(from);
    expectSymbol(")");
    return new Stmt.Constraint(name, "CHECK", List.of(), false, null, null, null, null, e, text);
  }

  private Stmt.Constraint references(String name, List<String> columns) {
    List<String> table = objectName();
    List<String> refCols = peek().isSymbol("(") ? nameList() : List.of();
    String onDelete = null;
    String onUpdate = null;
    while (peek().is("ON") && (peek(1).is("DELETE") || peek(1).is("UPDATE"))) {
      pos++;
      boolean delete = next().is("DELETE");
      String action = referentialAction();
      if (delete) {
        onDelete = action;
      } else {
        onUpdate = action;
      }
    }
    if (peek().is("NOT") && peek(1).is("FOR")) {
      pos += 3; // NOT FOR REPLICATION
    }
    return new Stmt.Constraint(
        name, "FOREIGN KEY", columns, false, table, refCols, onDelete, onUpdate, null, null);
  }

  private String referentialAction() {
    if (accept("CASCADE")) {
      return "CASCADE";
    }
    if (accept("SET")) {
      return accept("NULL") ? "SET NULL" : defaultAction();
    }
    expect("NO");
    expect("ACTION");
    return "NO ACTION";
  }

  private String defaultAction() {
    expect("DEFAULT");
    return "SET DEFAULT";
  }

  Stmt.Constraint tableConstraint() {
    String name = null;
    if (accept("CONSTRAINT")) {
      name = name();
    }
    if (peek().is("PRIMARY") || peek().is("UNIQUE")) {
      boolean pk = next().is("PRIMARY");
      if (pk) {
        expect("KEY");
      }
      boolean clustered = pk;
      if (accept("CLUSTERED")) {
        clustered = true;
      } else if (accept("NONCLUSTERED")) {
        clustered = false;
      }
      List<String> cols = new ArrayList<>();
      expectSymbol("(");
      do {
        cols.add(name());
        if (!accept("ASC")) {
          accept("DESC");
        }
      } while (acceptSymbol(","));
      expectSymbol(")");
      clustering(false);
      return new Stmt.Constraint(
          name, pk ? "PRIMARY KEY" : "UNIQUE", cols, clustered, null, null, null, null, null, null);
    }
    if (accept("FOREIGN")) {
      expect("KEY");
      List<String> cols = nameList();
      expect("REFERENCES");
      return references(name, cols);
    }
    if (peek().is("CHECK")) {
      return check(name);
    }
    if (peek().is("DEFAULT")) {
      throw SqlException.unsupported(
          "table-level DEFAULT constraints (use ALTER TABLE ... ADD"
              + " CONSTRAINT ... DEFAULT ... FOR column)");
    }
    throw syntaxError();
  }

  private Stmt createIndex(int line) {
    boolean unique = accept("UNIQUE");
    if (!accept("CLUSTERED")) {
      accept("NONCLUSTERED");
    }
    expect("INDEX");
    String name = name();
    expect("ON");
    List<String> table = objectName();
    expectSymbol("(");
    List<Expr.Order> cols = new ArrayList<>();
    do {
      Expr c = new Expr.Column(List.of(name()));
      boolean desc = accept("DESC");
      if (!desc) {
        accept("ASC");
      }
      cols.add(new Expr.Order(c, desc));
    } while (acceptSymbol(","));
    expectSymbol(")");
    if (accept("INCLUDE")) {
      nameList();
    }
    if (peek().is("WHERE")) {
      throw SqlException.unsupported("filtered indexes (CREATE INDEX ... WHERE)");
    }
    tableOptions();
    return new Stmt.CreateIndex(name, table, cols, unique, line);
  }

  private Stmt createView(boolean orAlter, int line) {
    List<String> name = objectName();
    List<String> cols = peek().isSymbol("(") ? nameList() : List.of();
    if (peek().is("WITH")) {
      pos++;
      do {
        anyName(); // SCHEMABINDING, VIEW_METADATA, ENCRYPTION
      } while (acceptSymbol(","));
    }
    expect("AS");
    int from = pos;
    QueryExpr q = queryExpr();
    String text = textFrom(from);
    if (peek().is("WITH") && peek(1).is("CHECK")) {
      throw SqlException.unsupported("WITH CHECK OPTION");
    }
    return new Stmt.CreateView(name, cols, q, text, orAlter, line);
  }

  private Stmt createSequence(int line) {
    List<String> name = objectName();
    SqlType type = SqlType.BIGINT;
    if (accept("AS")) {
      type = dataType(false);
    }
    List<String> options = new ArrayList<>();
    while (!atEnd()
        && (peek().is("START")
            || peek().is("INCREMENT")
            || peek().is("MINVALUE")
            || peek().is("MAXVALUE")
            || peek().is("NO")
            || peek().is("CYCLE")
            || peek().is("CACHE"))) {
      int from = pos;
      Token t = next();
      if (t.is("START") || t.is("INCREMENT")) {
        next(); // WITH / BY
        signedNumber();
      } else if (t.is("MINVALUE") || t.is("MAXVALUE")) {
        signedNumber();
      } else if (t.is("NO")) {
        next();
      } else if (t.is("CACHE") && peek().kind() == Token.Kind.NUMBER) {
        next();
      }
      options.add(textFrom(from));
    }
    return new Stmt.CreateSequence(name, type, options, line);
  }

  /** CREATE / ALTER of a procedure or function; implemented by {@link RoutineParser}. */
  Stmt routine(String verb, int line) {
    throw SqlException.unsupported(verb + " " + peek().upper());
  }

  Stmt alter(int line) {
    expect("ALTER");
    if (peek().is("PROCEDURE") || peek().is("PROC") || peek().is("FUNCTION")) {
      return routine("ALTER", line);
    }
    if (!accept("TABLE")) {
      throw SqlException.unsupported("ALTER " + peek().upper());
    }
    List<String> name = objectName();
    if (accept("ADD")) {
      List<Stmt.ColumnDef> cols = new ArrayList<>();
      List<Stmt.Constraint> cons = new ArrayList<>();
      do {
        if (peek().is("CONSTRAINT")
            || peek().is("PRIMARY")
            || peek().is("UNIQUE")
            || peek().is("FOREIGN")
            || peek().is("CHECK")) {
          cons.add(alterConstraint());
        } else {
          cols.add(columnDef());
        }
      } while (acceptSymbol(","));
      return new Stmt.AlterTable(name, "ADD", cols, cons, List.of(), line);
    }
    if (accept("DROP")) {
      String what = accept("CONSTRAINT") ? "DROP CONSTRAINT" : "DROP COLUMN";
      if (what.equals("DROP COLUMN")) {
        accept("COLUMN");
      }
      if (peek().is("IF") && peek(1).is("EXISTS")) {
        pos += 2;
        what += " IF EXISTS"; // "ALTER TABLE": drops only what exists (SQL Server 2016+)
      }
      List<String> names = new ArrayList<>();
      do {
        names.add(name());
      } while (acceptSymbol(","));
      return new Stmt.AlterTable(name, what, List.of(), List.of(), names, line);
    }
    if (accept("ALTER")) {
      expect("COLUMN");
      return new Stmt.AlterTable(
          name, "ALTER COLUMN", List.of(columnDef()), List.of(), List.of(), line);
    }
    if ((peek().is("NOCHECK") || peek().is("CHECK") || peek().is("WITH"))) {
      throw SqlException.unsupported("ALTER TABLE ... " + peek().upper() + " CONSTRAINT");
    }
    throw SqlException.unsupported("ALTER TABLE ... " + peek().upper());
  }

  /** ADD [CONSTRAINT name] PRIMARY KEY/UNIQUE/FOREIGN KEY/CHECK, or DEFAULT x FOR col. */
  private Stmt.Constraint alterConstraint() {
    if (peek().is("CONSTRAINT") && peek(2).is("DEFAULT")) {
      pos++;
      String name = name();
      expect("DEFAULT");
      Expr value = expr();
      expect("FOR");
      String column = name();
      return new Stmt.Constraint(
          name, "DEFAULT", List.of(column), false, null, null, null, null, value, null);
    }
    return tableConstraint();
  }

  Stmt drop(int line) {
    expect("DROP");
    Token kind = next();
    String k = kind.upper();
    if (k.equals("PROC")) {
      k = "PROCEDURE";
    }
    if (k.equals("DATABASE")) {
      boolean ifExists = acceptIfExists();
      List<String> names = new ArrayList<>();
      do {
        names.add(name());
      } while (acceptSymbol(","));
      return new Stmt.DropDatabase(names, ifExists, line);
    }
    if (!List.of("TABLE", "VIEW", "INDEX", "SEQUENCE", "SCHEMA", "PROCEDURE", "FUNCTION")
        .contains(k)) {
      throw SqlException.unsupported("DROP " + k);
    }
    boolean ifExists = acceptIfExists();
    List<List<String>> names = new ArrayList<>();
    do {
      List<String> n = objectName();
      if (k.equals("INDEX") && accept("ON")) {
        List<String> table = new ArrayList<>(objectName());
        table.add(n.get(n.size() - 1));
        n = table;
      }
      names.add(n);
    } while (acceptSymbol(","));
    return new Stmt.Drop(k, ifExists, names, line);
  }

  private boolean acceptIfExists() {
    if (peek().is("IF") && peek(1).is("EXISTS")) {
      pos += 2;
      return true;
    }
    return false;
  }

  Stmt truncate(int line) {
    expect("TRUNCATE");
    expect("TABLE");
    return new Stmt.Truncate(objectName(), line);
  }
}
