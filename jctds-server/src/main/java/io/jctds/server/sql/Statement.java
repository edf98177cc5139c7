package io.jctds.server.sql;

import java.util.List;

/** One parsed statement of a batch; {@link BasicSqlEngine} runs it. */
sealed interface Statement {

  /** The 1-based line of the batch the statement starts on (for error messages). */
  int line();

  /** SELECT: an item list, an optional system view, WHERE, ORDER BY and TOP. */
  record Select(List<Item> items, From from, Cond where, List<Order> orderBy, Expr top, int line)
      implements Statement {
    /** A select-list entry: an expression with an optional alias; null expr means {@code *}. */
    record Item(Expr expr, String alias) {}

    /** The FROM source as written, and the view it names (null when unknown). */
    record From(String written, SystemView view, String alias) {}

    /** ORDER BY entry. */
    record Order(Expr expr, boolean descending) {}
  }

  /** {@code SET opt1[, opt2...] ON|OFF} and {@code SET opt value}. */
  record SetOption(List<String> names, String value, int line) implements Statement {}

  /** {@code SET LANGUAGE x}. */
  record SetLanguage(String language, int line) implements Statement {}

  /** {@code USE db}. */
  record Use(String database, int line) implements Statement {}

  /** BEGIN / COMMIT / ROLLBACK / SAVE TRANSACTION. */
  record Transaction(Kind kind, String name, int line) implements Statement {
    /** Which statement. */
    enum Kind {
      BEGIN,
      COMMIT,
      ROLLBACK,
      SAVE
    }
  }

  /** {@code IF cond stmt [ELSE stmt]}. */
  record If(Cond condition, Statement then, Statement otherwise, int line) implements Statement {}

  /** {@code BEGIN ... END}. */
  record Block(List<Statement> body, int line) implements Statement {}

  /** {@code PRINT expr}. */
  record Print(Expr message, int line) implements Statement {}

  /** {@code EXEC proc ...}: no procedures exist in the endpoint's SQL front. */
  record Exec(String procedure, int line) implements Statement {}

  /** A statement the front recognises but cannot run: fails with {@code error} when reached. */
  record Failing(SqlException error, int line) implements Statement {}
}
