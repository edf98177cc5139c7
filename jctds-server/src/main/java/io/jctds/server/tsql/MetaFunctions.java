package io.jctds.server.tsql;

import io.jctds.server.catalog.Catalog;
import io.jctds.server.catalog.ObjectIds;
import io.jctds.server.sql.SqlException;
import io.jctds.server.types.SqlType;
import io.jctds.server.types.SystemTypes;
import io.jctds.server.types.TypeRules;
import io.jctds.server.types.Variants;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * NULL handling, logical functions and the functions that ask about the session, the server and the
 * catalog ("Metadata functions", "System functions", "Logical functions"). Arguments that are
 * constants are answered while translating; others go through the server's functions at run time.
 */
final class MetaFunctions {
  private MetaFunctions() {}

  static void register(Map<String, Functions.Rule> rules) {
    rules.put("ISNULL", MetaFunctions::isNull);
    rules.put("$RECURSION", (t, c) -> runtime(t, c, "recursion", 2, 2, SqlType.INT));
    rules.put("COALESCE", MetaFunctions::coalesce);
    rules.put(
        "NULLIF",
        (t, c) -> {
          Functions.arity(c, 2, 2);
          List<Sql> a = Functions.args(t, c);
          Sql eq = Predicates.compare(t, "=", a.get(0), a.get(1));
          return Sql.of(
              "CASE WHEN " + eq.text() + " THEN NULL ELSE " + a.get(0).text() + " END",
              a.get(0).type(),
              true);
        });
    rules.put("IIF", MetaFunctions::iif);
    rules.put("CHOOSE", MetaFunctions::choose);
    rules.put("GREATEST", (t, c) -> extreme(t, c, "GREATEST"));
    rules.put("LEAST", (t, c) -> extreme(t, c, "LEAST"));
    rules.put("NEWID", (t, c) -> constant(c, "RANDOM_UUID()", SqlType.GUID));
    rules.put("NEWSEQUENTIALID", (t, c) -> constant(c, "RANDOM_UUID()", SqlType.GUID));
    rules.put("SCOPE_IDENTITY", (t, c) -> identity(t, c));
    rules.put("DB_NAME", MetaFunctions::dbName);
    rules.put("DB_ID", MetaFunctions::dbId);
    rules.put("OBJECT_ID", MetaFunctions::objectId);
    rules.put("APPLOCK_MODE", (t, c) -> runtime(t, c, "applock_mode", 3, 3, SqlType.nvarchar(32)));
    rules.put("APPLOCK_TEST", (t, c) -> runtime(t, c, "applock_test", 4, 4, SqlType.SMALLINT));
    rules.put("OBJECT_NAME", (t, c) -> runtime(t, c, "object_name", 1, 2, SqlType.SYSNAME));
    rules.put(
        "OBJECT_DEFINITION",
        (t, c) -> runtime(t, c, "object_definition", 1, 1, SqlType.nvarchar(SqlType.MAX)));
    rules.put(
        "OBJECT_SCHEMA_NAME", (t, c) -> runtime(t, c, "object_schema_name", 1, 2, SqlType.SYSNAME));
    rules.put(
        "SCHEMA_NAME",
        (t, c) ->
            c.args().isEmpty()
                ? info(t, c, "SCHEMA_NAME", SqlType.SYSNAME)
                : runtime(t, c, "schema_name", 1, 1, SqlType.SYSNAME));
    rules.put(
        "SCHEMA_ID",
        (t, c) ->
            c.args().isEmpty()
                ? Sql.of("1", SqlType.INT, false)
                : runtime(t, c, "schema_id", 1, 1, SqlType.INT));
    rules.put("TYPE_NAME", (t, c) -> runtime(t, c, "type_name", 1, 1, SqlType.SYSNAME));
    rules.put("TYPE_ID", (t, c) -> runtime(t, c, "type_id", 1, 1, SqlType.INT));
    rules.put("COL_LENGTH", (t, c) -> runtime(t, c, "col_length", 2, 2, SqlType.SMALLINT));
    rules.put(
        "IDENT_CURRENT", (t, c) -> runtime(t, c, "ident_current", 1, 1, SqlType.numeric(38, 0)));
    for (String fn :
        List.of(
            "USER_NAME",
            "CURRENT_USER",
            "SESSION_USER",
            "USER",
            "SUSER_NAME",
            "SUSER_SNAME",
            "SYSTEM_USER",
            "ORIGINAL_LOGIN",
            "HOST_NAME",
            "APP_NAME")) {
      rules.put(fn, (t, c) -> info(t, c, fn, SqlType.SYSNAME));
    }
    for (String fn :
        List.of("ERROR_NUMBER", "ERROR_SEVERITY", "ERROR_STATE", "ERROR_LINE", "@@PROCID")) {
      rules.put(fn, (t, c) -> info(t, c, fn, SqlType.INT));
    }
    rules.put("XACT_STATE", (t, c) -> info(t, c, "XACT_STATE", SqlType.SMALLINT));
    rules.put("ERROR_MESSAGE", (t, c) -> info(t, c, "ERROR_MESSAGE", SqlType.nvarchar(4000)));
    rules.put("ERROR_PROCEDURE", (t, c) -> info(t, c, "ERROR_PROCEDURE", SqlType.SYSNAME));
    rules.put("SERVERPROPERTY", MetaFunctions::serverProperty);
    rules.put("DATABASEPROPERTYEX", MetaFunctions::databaseProperty);
    rules.put("ISNUMERIC", (t, c) -> runtime(t, c, "isnumeric", 1, 1, SqlType.INT));
    rules.put(
        "HASHBYTES",
        (t, c) -> {
          Functions.arity(c, 2, 2);
          Sql alg = t.value(c.args().get(0));
          Sql v =
              Conversions.cast(
                  t, t.value(c.args().get(1)), SqlType.varbinary(SqlType.MAX), false, -1);
          return Sql.of(
              "\"jctds\".\"hashbytes\"(" + alg.text() + ", " + v.text() + ")",
              SqlType.varbinary(8000),
              true);
        });
    rules.put(
        "SQL_VARIANT_PROPERTY", (t, c) -> runtime(t, c, "variant_property", 2, 2, SqlType.VARIANT));
    for (String fn :
        List.of(
            "JSON_VALUE",
            "JSON_QUERY",
            "JSON_MODIFY",
            "ISJSON",
            "OPENJSON",
            "CHECKSUM",
            "BINARY_CHECKSUM",
            "COMPRESS",
            "DECOMPRESS",
            "PARSE",
            "TRY_PARSE",
            "CONTEXT_INFO",
            "SESSION_CONTEXT",
            "OBJECTPROPERTY",
            "COLUMNPROPERTY",
            "OBJECTPROPERTYEX",
            "INDEXPROPERTY",
            "HAS_PERMS_BY_NAME",
            "FULLTEXTSERVICEPROPERTY")) {
      rules.put(
          fn,
          (t, c) -> {
            throw SqlException.unsupported(fn);
          });
    }
  }

  private static Sql constant(Expr.Call c, String text, SqlType type) {
    Functions.arity(c, 0, 0);
    return Sql.of(text, type, false);
  }

  private static Sql constantNullable(Expr.Call c, String text, SqlType type) {
    Functions.arity(c, 0, 0);
    return Sql.of(text, type, true);
  }

  /** SCOPE_IDENTITY(): the last identity value this session inserted. */
  private static Sql identity(ExprTranslator t, Expr.Call c) {
    Functions.arity(c, 0, 0);
    Param p = t.ctx.global("@@IDENTITY");
    return t.param(SqlType.numeric(38, 0), p == null ? null : p.value());
  }

  private static Sql isNull(ExprTranslator t, Expr.Call c) {
    Functions.arity(c, 2, 2);
    Sql a = t.value(c.args().get(0));
    Sql b = t.value(c.args().get(1));
    SqlType type = a.type() != null ? a.type() : b.type();
    Sql second = type == null ? b : Conversions.cast(t, b, type, false, -1);
    if (b.type() != null
        && type != null
        && (b.type().base() == type.base()
            && (!type.base().hasLength()
                || b.type().length() <= type.length() && !b.type().isMax()
                || type.isMax()))) {
      second = b;
    }
    return Sql.of(
        "COALESCE(" + a.text() + ", " + second.text() + ")", type, a.nullable() && b.nullable());
  }

  private static Sql coalesce(ExprTranslator t, Expr.Call c) {
    if (c.args().size() < 2) {
      throw new SqlException(
          189, 15, 1, "The coalesce function requires 2 to 255 arguments.", true);
    }
    List<Sql> args = Functions.args(t, c);
    SqlType type = null;
    boolean nullable = true;
    for (Sql s : args) {
      type = TypeRules.union(type, s.type());
      nullable &= s.nullable();
    }
    List<String> texts = new ArrayList<>();
    for (Sql s : args) {
      texts.add(Conversions.implicit(t, s, type).text());
    }
    return Sql.of("COALESCE(" + String.join(", ", texts) + ")", type, nullable);
  }

  private static Sql iif(ExprTranslator t, Expr.Call c) {
    Functions.arity(c, 3, 3);
    Sql cond = t.condition(c.args().get(0));
    Sql a = t.value(c.args().get(1));
    Sql b = t.value(c.args().get(2));
    SqlType type = TypeRules.union(a.type(), b.type());
    return Sql.of(
        "CASE WHEN "
            + cond.text()
            + " THEN "
            + Conversions.implicit(t, a, type).text()
            + " ELSE "
            + Conversions.implicit(t, b, type).text()
            + " END",
        type,
        a.nullable() || b.nullable());
  }

  private static Sql choose(ExprTranslator t, Expr.Call c) {
    if (c.args().size() < 2) {
      Functions.arity(c, 2, 255);
    }
    List<Sql> args = Functions.args(t, c);
    SqlType type = null;
    for (int i = 1; i < args.size(); i++) {
      type = TypeRules.union(type, args.get(i).type());
    }
    StringBuilder sb = new StringBuilder("CASE ").append(args.get(0).text());
    for (int i = 1; i < args.size(); i++) {
      sb.append(" WHEN ")
          .append(i)
          .append(" THEN ")
          .append(Conversions.implicit(t, args.get(i), type).text());
    }
    return Sql.of(sb.append(" END").toString(), type, true);
  }

  private static Sql extreme(ExprTranslator t, Expr.Call c, String fn) {
    if (c.args().isEmpty()) {
      Functions.arity(c, 1, 254);
    }
    List<Sql> args = Functions.args(t, c);
    SqlType type = null;
    for (Sql s : args) {
      type = TypeRules.union(type, s.type());
    }
    List<String> texts = new ArrayList<>();
    for (Sql s : args) {
      texts.add(Conversions.implicit(t, s, type).text());
    }
    return Sql.of(fn + "(" + String.join(", ", texts) + ")", type, true);
  }

  /** A session fact (APP_NAME(), ERROR_NUMBER(), ...) bound as a parameter. */
  private static Sql info(ExprTranslator t, Expr.Call c, String key, SqlType type) {
    Functions.arity(
        c,
        0,
        key.equals("USER_NAME") || key.equals("SUSER_NAME") || key.equals("SUSER_SNAME") ? 1 : 0);
    Param p = t.ctx.global(key);
    return t.param(type, p == null ? null : p.value());
  }

  /** A run-time server function {@code "jctds"."name"(args)}. */
  private static Sql runtime(
      ExprTranslator t, Expr.Call c, String name, int min, int max, SqlType type) {
    Functions.arity(c, min, max);
    return Functions.simple("\"jctds\".\"" + name + "\"", Functions.args(t, c), type);
  }

  private static Sql dbName(ExprTranslator t, Expr.Call c) {
    Functions.arity(c, 0, 1);
    if (c.args().isEmpty()) {
      return t.param(SqlType.SYSNAME, t.ctx.database());
    }
    return runtime(t, c, "db_name", 1, 1, SqlType.SYSNAME);
  }

  private static Sql dbId(ExprTranslator t, Expr.Call c) {
    Functions.arity(c, 0, 1);
    if (c.args().isEmpty()) {
      return Sql.of(
          "\"jctds\".\"db_id\"(" + Literals.quote(t.ctx.database()) + ")", SqlType.SMALLINT, false);
    }
    return runtime(t, c, "db_id", 1, 1, SqlType.SMALLINT);
  }

  private static Sql objectId(ExprTranslator t, Expr.Call c) {
    Functions.arity(c, 1, 2);
    Expr arg = c.args().get(0);
    String name =
        arg instanceof Expr.Literal l
                && (l.kind() == Expr.Literal.Kind.STRING || l.kind() == Expr.Literal.Kind.NSTRING)
            ? l.text()
            : null;
    if (name == null || c.args().size() == 2) {
      return runtime(t, c, "object_id", 1, 2, SqlType.INT);
    }
    List<String> parts = NameParser.parts(name);
    if (parts == null) {
      return t.param(SqlType.INT, null);
    }
    ObjectName on = ObjectName.resolve(t.ctx, parts);
    try {
      Catalog.Table table = t.ctx.catalog().table(on.database(), on.schema(), on.name());
      Integer id =
          table == null ? null : ObjectIds.of(table.database(), table.schema(), table.name());
      if (id == null) {
        return Sql.of("\"jctds\".\"object_id\"(" + Literals.quote(name) + ")", SqlType.INT, true);
      }
      return t.param(SqlType.INT, id);
    } catch (SQLException e) {
      throw new SqlException(50000, 16, 1, "catalog lookup failed: " + e.getMessage(), false);
    }
  }

  private static Sql serverProperty(ExprTranslator t, Expr.Call c) {
    Functions.arity(c, 1, 1);
    Sql arg = t.value(c.args().get(0));
    String name = Literals.stringValue(arg);
    if (name == null) {
      return Sql.of("\"jctds\".\"serverproperty\"(" + arg.text() + ")", SqlType.VARIANT, true);
    }
    Param p = t.ctx.global("SERVERPROPERTY:" + name.toLowerCase(Locale.ROOT));
    if (p == null || p.value() == null) {
      return t.param(SqlType.VARIANT, null);
    }
    return t.param(SqlType.VARIANT, Variants.encode(p.type(), p.value()));
  }

  private static Sql databaseProperty(ExprTranslator t, Expr.Call c) {
    Functions.arity(c, 2, 2);
    List<Sql> a = Functions.args(t, c);
    return Sql.of(
        "\"jctds\".\"databasepropertyex\"(" + a.get(0).text() + ", " + a.get(1).text() + ")",
        SqlType.VARIANT,
        true);
  }

  /** For sys.types and TYPE_ID: the system type id of a name. */
  static int typeId(String name) {
    return SystemTypes.idOf(name);
  }
}
