package io.jctds.server.tsql;

import io.jctds.server.types.SqlType;
import java.util.List;

/** One parsed T-SQL statement. {@code line} is the 1-based batch line it starts on. */
public sealed interface Stmt {

  /** The batch line the statement starts on. */
  int line();

  // ---- queries and data changes ----

  /** A query (or SELECT @v = ..., or SELECT ... INTO). */
  record Select(QueryExpr query, int line) implements Stmt {}

  /** INSERT. {@code source} is a query, VALUES rows, DEFAULT VALUES (null) or EXEC. */
  record Insert(
      Target target,
      List<String> columns,
      QueryExpr query,
      List<List<Expr>> values,
      Exec exec,
      Output output,
      QueryExpr.Top top,
      int line)
      implements Stmt {}

  /** UPDATE target SET ... [OUTPUT ...] [FROM ...] [WHERE ...]. */
  record Update(
      QueryExpr.Top top,
      Target target,
      List<SetColumn> sets,
      Output output,
      List<QueryExpr.TableRef> from,
      Expr where,
      List<QueryExpr.Cte> with,
      int line)
      implements Stmt {}

  /** DELETE [FROM] target [OUTPUT ...] [FROM ...] [WHERE ...]. */
  record Delete(
      QueryExpr.Top top,
      Target target,
      Output output,
      List<QueryExpr.TableRef> from,
      Expr where,
      List<QueryExpr.Cte> with,
      int line)
      implements Stmt {}

  /** MERGE target USING source ON ... WHEN ... [OUTPUT]. */
  record Merge(
      Target target,
      QueryExpr.TableRef source,
      Expr on,
      List<MergeWhen> whens,
      Output output,
      int line)
      implements Stmt {}

  /** The table a data change writes: a name or a table variable, with an alias. */
  record Target(List<String> name, String variable, String alias) {}

  /** {@code col = expr} (or {@code col += expr}, {@code @v = col = expr}) in UPDATE. */
  record SetColumn(List<String> column, String op, Expr value, String variable) {}

  /** OUTPUT items [INTO target (cols)]. */
  record Output(List<QueryExpr.Item> items, Target into, List<String> intoColumns) {}

  /** One WHEN clause of MERGE. */
  record MergeWhen(
      String kind,
      Expr and,
      String action,
      List<SetColumn> sets,
      List<String> columns,
      List<Expr> values) {}

  // ---- DDL ----

  /** CREATE TABLE. */
  record CreateTable(
      List<String> name, List<ColumnDef> columns, List<Constraint> constraints, int line)
      implements Stmt {}

  /** A column definition. */
  record ColumnDef(
      String name,
      SqlType type,
      Boolean nullable,
      long[] identity,
      Expr defaultValue,
      String defaultName,
      Expr computed,
      boolean rowGuid,
      List<Constraint> constraints) {}

  /** A PRIMARY KEY, UNIQUE, FOREIGN KEY or CHECK constraint (inline or table-level). */
  record Constraint(
      String name,
      String kind,
      List<String> columns,
      boolean clustered,
      List<String> refTable,
      List<String> refColumns,
      String onDelete,
      String onUpdate,
      Expr check,
      String checkText) {}

  /** ALTER TABLE with one action. */
  record AlterTable(
      List<String> name,
      String action,
      List<ColumnDef> columns,
      List<Constraint> constraints,
      List<String> names,
      int line)
      implements Stmt {}

  /** DROP TABLE / VIEW / INDEX / SEQUENCE / SCHEMA / PROCEDURE / FUNCTION. */
  record Drop(String kind, boolean ifExists, List<List<String>> names, int line) implements Stmt {}

  /** CREATE [UNIQUE] [CLUSTERED|NONCLUSTERED] INDEX name ON table (cols) [INCLUDE] [WHERE]. */
  record CreateIndex(
      String name, List<String> table, List<Expr.Order> columns, boolean unique, int line)
      implements Stmt {}

  /** CREATE [OR ALTER] VIEW name [(cols)] AS query; {@code text} is the definition as written. */
  record CreateView(
      List<String> name,
      List<String> columns,
      QueryExpr query,
      String text,
      boolean orAlter,
      int line)
      implements Stmt {}

  /** CREATE SCHEMA name. */
  record CreateSchema(String name, int line) implements Stmt {}

  /** CREATE SEQUENCE name [AS type] [START WITH n] [INCREMENT BY n] ... */
  record CreateSequence(List<String> name, SqlType type, List<String> options, int line)
      implements Stmt {}

  /** TRUNCATE TABLE name. */
  record Truncate(List<String> name, int line) implements Stmt {}

  /** CREATE DATABASE name. */
  record CreateDatabase(String name, int line) implements Stmt {}

  /** DROP DATABASE [IF EXISTS] name[, ...]. */
  record DropDatabase(List<String> names, boolean ifExists, int line) implements Stmt {}

  /**
   * CREATE, ALTER or CREATE OR ALTER of a procedure or a scalar function ("CREATE PROCEDURE",
   * "CREATE FUNCTION").
   *
   * @param function whether it is a function (else a procedure)
   * @param verb CREATE, ALTER or CREATE OR ALTER
   * @param name the name parts as written
   * @param params the declared parameters in order
   * @param returns a function's return type, null for a procedure
   * @param body the statements of the body
   * @param text the whole batch as written, the definition sys.sql_modules shows
   * @param schemaBound WITH SCHEMABINDING (functions)
   * @param nullOnNullInput RETURNS NULL ON NULL INPUT (functions)
   */
  record CreateRoutine(
      boolean function,
      String verb,
      List<String> name,
      List<RoutineParam> params,
      SqlType returns,
      List<Stmt> body,
      String text,
      boolean schemaBound,
      boolean nullOnNullInput,
      int line)
      implements Stmt {}

  /**
   * A declared parameter of a procedure or function.
   *
   * @param name its name with the {@code @}
   * @param type its declared type
   * @param defaultValue its default as written (a constant or NULL), or null when it has none
   * @param defaultText the default's text as written, or null
   * @param output whether it is OUTPUT (OUT)
   */
  record RoutineParam(
      String name, SqlType type, Expr defaultValue, String defaultText, boolean output) {}

  // ---- procedural ----

  /** DECLARE @a type [= expr], @b type ...; or DECLARE @t TABLE (...). */
  record Declare(List<VarDecl> variables, int line) implements Stmt {}

  /** One declared variable; {@code table} holds a table variable's definition. */
  record VarDecl(String name, SqlType type, Expr initial, CreateTable table) {}

  /** SET @v = expr (or a compound operator). */
  record SetVar(String name, String op, Expr value, int line) implements Stmt {}

  /** SET option[, option] ON|OFF, or SET option value. */
  record SetOption(List<String> names, String value, int line) implements Stmt {}

  /** IF cond stmt [ELSE stmt]. */
  record If(Expr condition, Stmt then, Stmt otherwise, int line) implements Stmt {}

  /** WHILE cond stmt. */
  record While(Expr condition, Stmt body, int line) implements Stmt {}

  /** BEGIN ... END. */
  record Block(List<Stmt> body, int line) implements Stmt {}

  /** BEGIN TRY ... END TRY BEGIN CATCH ... END CATCH. */
  record TryCatch(List<Stmt> body, List<Stmt> handler, int line) implements Stmt {}

  /** BREAK or CONTINUE. */
  record Loop(boolean isBreak, int line) implements Stmt {}

  /** RETURN [expr]. */
  record Return(Expr value, int line) implements Stmt {}

  /** PRINT expr. */
  record Print(Expr message, int line) implements Stmt {}

  /** RAISERROR (msg, severity, state [, args]) [WITH options]. */
  record RaisError(
      Expr message, Expr severity, Expr state, List<Expr> args, List<String> options, int line)
      implements Stmt {}

  /** THROW number, message, state; or THROW alone (re-throw in CATCH). */
  record Throw(Expr number, Expr message, Expr state, int line) implements Stmt {}

  /** BEGIN / COMMIT / ROLLBACK / SAVE TRANSACTION [name]. */
  record Transaction(String kind, String name, int line) implements Stmt {}

  /** USE database. */
  record Use(String database, int line) implements Stmt {}

  /** WAITFOR DELAY 'hh:mm:ss' or TIME 'hh:mm:ss'. */
  record WaitFor(boolean delay, Expr value, int line) implements Stmt {}

  /** EXEC procedure args, or EXEC (string). */
  record Exec(
      List<String> procedure, String returnVariable, List<ExecArg> args, Expr text, int line)
      implements Stmt {}

  /** One EXEC argument: {@code [@name =] value [OUTPUT]}. */
  /** An EXEC argument; a null value is DEFAULT. */
  record ExecArg(String name, Expr value, boolean output) {}

  /** KILL spid. */
  record Kill(Expr spid, int line) implements Stmt {}

  /** A statement the server knows but does not run: an error naming the construct. */
  record Unsupported(String construct, int line) implements Stmt {}

  /** An empty statement (a lone semicolon or a no-op such as CHECKPOINT). */
  record Nothing(int line) implements Stmt {}
}
