package io.jctds.server.tsql;

import io.jctds.server.catalog.Routines;
import io.jctds.server.sql.ResultSink;
import io.jctds.server.sql.SqlException;
import io.jctds.server.types.H2Types;
import io.jctds.server.types.SqlType;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.h2.value.Value;
import org.h2.value.ValueNull;
import org.h2.value.ValueToObjectConverter;

/**
 * User-defined scalar functions in expressions ("CREATE FUNCTION (Transact-SQL)": called with at
 * least a two-part name, {@code dbo.f(args)}). A call translates to the H2 function {@code
 * "jctds"."udf"(database, schema, name, args...)}, each argument converted to its parameter's type,
 * the result CAST to the return type; H2 calls back into the session running the statement ({@link
 * io.jctds.server.functions.FunctionContext}), which runs the function's body as a module, once per
 * row that needs it, on the statement's own H2 session (it sees the same transaction).
 */
final class ScalarFunctions {
  private ScalarFunctions() {}

  /** Results of a function's statements: there are none (444 at CREATE); messages neither. */
  private static final ResultSink NOTHING =
      new ResultSink() {
        @Override
        public void columns(io.jctds.protocol.token.ColMetadata metadata) {}

        @Override
        public void row(RowWriter values) {}

        @Override
        public void message(io.jctds.protocol.token.ServerMessage message) {}

        @Override
        public void envChange(io.jctds.protocol.token.EnvChange change) {}

        @Override
        public void done(int status, int curCmd, long rowCount) {}
      };

  /**
   * The translation of {@code c} when it names a scalar function of the catalog, else null.
   *
   * @throws SqlException 313 / 8144 for a wrong number of arguments
   */
  static Sql translate(ExprTranslator t, Expr.Call c) {
    if (!(t.ctx instanceof TsqlSession s) || c.over() != null || c.star() || c.distinct()) {
      return null;
    }
    Routines.Routine routine = StoredProcedures.find(s, c.name());
    if (routine == null || !routine.function()) {
      return null;
    }
    Stmt.CreateRoutine def = StoredProcedures.definition(routine);
    List<Stmt.RoutineParam> params = def.params();
    String display = routine.schema() + "." + routine.name();
    if (c.args().size() < params.size()) {
      throw new SqlException(
          313,
          16,
          2,
          "An insufficient number of arguments were supplied for the procedure or function "
              + display
              + ".",
          true);
    }
    if (c.args().size() > params.size()) {
      throw new SqlException(
          8144,
          16,
          2,
          "Procedure or function " + routine.name() + " has too many arguments specified.",
          true);
    }
    StringBuilder sql =
        new StringBuilder("CAST(\"jctds\".\"udf\"(")
            .append(Literals.quote(routine.database()))
            .append(", ")
            .append(Literals.quote(routine.schema()))
            .append(", ")
            .append(Literals.quote(routine.name()));
    for (int i = 0; i < params.size(); i++) {
      sql.append(", ").append(argument(t, c.args().get(i), params.get(i), display).text());
    }
    sql.append(") AS ").append(H2Types.ddl(def.returns())).append(')');
    return Sql.of(sql.toString(), def.returns(), true);
  }

  /** An argument converted to its parameter's type (DEFAULT: the parameter's default). */
  private static Sql argument(ExprTranslator t, Expr arg, Stmt.RoutineParam p, String function) {
    Expr value = arg;
    if (arg instanceof Expr.Literal l && l.kind() == Expr.Literal.Kind.DEFAULT) {
      if (p.defaultValue() == null) {
        throw new SqlException(
            313,
            16,
            2,
            "An insufficient number of arguments were supplied for the procedure or function "
                + function
                + ".",
            true);
      }
      value = p.defaultValue();
    }
    return Conversions.cast(t, t.value(value), p.type(), false, -1);
  }

  /**
   * Runs function {@code database.schema.name} for H2 (see {@link #translate}) with its arguments
   * as H2 values, one nesting level down.
   *
   * @return its RETURN value as an H2 value
   */
  static Value invoke(TsqlSession s, String database, String schema, String name, Value[] args) {
    Routines.Routine routine = StoredProcedures.find(s, List.of(database, schema, name));
    if (routine == null || !routine.function()) {
      throw new SqlException(
          4121,
          16,
          1,
          "Cannot find either column \""
              + schema
              + "\" or the user-defined function or aggregate \""
              + schema
              + "."
              + name
              + "\", or the name is ambiguous.",
          false);
    }
    Stmt.CreateRoutine def = StoredProcedures.definition(routine);
    Map<String, Variable> variables = new HashMap<>();
    List<Stmt.RoutineParam> params = def.params();
    for (int i = 0; i < params.size() && i < args.length; i++) {
      Stmt.RoutineParam p = params.get(i);
      Variable v = new Variable(p.name(), p.type(), null);
      v.value(javaValue(args[i], p.type()));
      if (v.value() == null && def.nullOnNullInput()) {
        // "CREATE FUNCTION": RETURNS NULL ON NULL INPUT returns NULL without running the body
        return ValueNull.INSTANCE;
      }
      variables.put(p.name().toLowerCase(Locale.ROOT), v);
    }
    java.sql.Statement outer = s.running();
    Modules.enter(s);
    try {
      Modules.Frame frame =
          Modules.Frame.function(
              routine.name(), routine.objectId(), def.returns(), routine.database());
      Param result = Modules.run(new Runner(s, NOTHING), frame, variables, def.body());
      Object v = result == null ? null : result.value();
      return v == null ? ValueNull.INSTANCE : ValueToObjectConverter.objectToValue(null, v, -1);
    } finally {
      Modules.leave(s);
      s.running(outer);
    }
  }

  /** An H2 value as a variable of {@code type} holds it. */
  static Object javaValue(Value v, SqlType type) {
    if (v == null || v == ValueNull.INSTANCE) {
      return null;
    }
    return switch (type.base()) {
      case BIT -> v.getBoolean();
      case TINYINT, SMALLINT, INT, BIGINT -> v.getLong();
      case REAL, FLOAT -> v.getDouble();
      case DECIMAL, NUMERIC, MONEY, SMALLMONEY -> v.getBigDecimal();
      case DATETIME, SMALLDATETIME, DATETIME2 ->
          ValueToObjectConverter.valueToObject(LocalDateTime.class, v, null);
      case DATE -> ValueToObjectConverter.valueToObject(LocalDate.class, v, null);
      case TIME -> ValueToObjectConverter.valueToObject(LocalTime.class, v, null);
      case DATETIMEOFFSET -> ValueToObjectConverter.valueToObject(OffsetDateTime.class, v, null);
      case UNIQUEIDENTIFIER -> ValueToObjectConverter.valueToObject(UUID.class, v, null);
      case SQL_VARIANT, BINARY, VARBINARY, IMAGE -> v.getBytes();
      default -> v.getString();
    };
  }
}
