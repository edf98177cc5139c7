package io.jctds.server.sql;

import io.jctds.server.SessionInfo;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The {@code @@} globals and built-in functions the SQL front evaluates, with SQL Server's result
 * types: {@code @@SPID} smallint, {@code @@VERSION} nvarchar(300), {@code @@MAX_PRECISION} tinyint,
 * {@code DB_NAME()} nvarchar(128), ...
 */
final class Builtins {
  /** The product version the server reports (SQL Server 2022 RTM). */
  static final String PRODUCT_VERSION = "16.0.1000.6";

  /** The @@OPTIONS bit of each SET option ([MS] "Configure the user options"). */
  static final Map<String, Integer> OPTION_BITS =
      Map.ofEntries(
          Map.entry("DISABLE_DEF_CNST_CHK", 1),
          Map.entry("IMPLICIT_TRANSACTIONS", 2),
          Map.entry("CURSOR_CLOSE_ON_COMMIT", 4),
          Map.entry("ANSI_WARNINGS", 8),
          Map.entry("ANSI_PADDING", 16),
          Map.entry("ANSI_NULLS", 32),
          Map.entry("ARITHABORT", 64),
          Map.entry("ARITHIGNORE", 128),
          Map.entry("QUOTED_IDENTIFIER", 256),
          Map.entry("NOCOUNT", 512),
          Map.entry("ANSI_NULL_DFLT_ON", 1024),
          Map.entry("ANSI_NULL_DFLT_OFF", 2048),
          Map.entry("CONCAT_NULL_YIELDS_NULL", 4096),
          Map.entry("NUMERIC_ROUNDABORT", 8192),
          Map.entry("XACT_ABORT", 16384));

  private Builtins() {}

  /** The text of @@VERSION: Microsoft's shape, naming jctds. */
  static String version() {
    String impl = Builtins.class.getPackage().getImplementationVersion();
    return "Microsoft SQL Server 2022 (RTM) - "
        + PRODUCT_VERSION
        + " (X64) \n\tjctds embedded TDS server "
        + (impl == null ? "(development build)" : impl)
        + " \n\tJava "
        + System.getProperty("java.version")
        + " on "
        + System.getProperty("os.name")
        + " "
        + System.getProperty("os.arch")
        + "\n";
  }

  static Typed globalType(String name) {
    return switch (name.toUpperCase(Locale.ROOT)) {
      case "@@SPID", "@@LANGID" -> Typed.integer(2, false);
      case "@@VERSION" -> Typed.nvarchar(300, false);
      case "@@MAX_PRECISION", "@@DATEFIRST" -> Typed.integer(1, false);
      case "@@TRANCOUNT",
          "@@ROWCOUNT",
          "@@ERROR",
          "@@OPTIONS",
          "@@TEXTSIZE",
          "@@LOCK_TIMEOUT",
          "@@MICROSOFTVERSION",
          "@@PROCID",
          "@@NESTLEVEL",
          "@@MAX_CONNECTIONS" ->
          Typed.intType(false);
      case "@@SERVERNAME", "@@SERVICENAME", "@@LANGUAGE" -> Typed.nvarchar(128, true);
      case "@@IDENTITY" -> Typed.numeric(38, 0, true);
      default -> throw unknownGlobal(name);
    };
  }

  private static SqlException unknownGlobal(String name) {
    return SqlException.undeclaredVariable(name);
  }

  static Object global(String name, SqlSession s) {
    return switch (name.toUpperCase(Locale.ROOT)) {
      case "@@SPID" -> (short) s.spid();
      case "@@LANGID" -> (short) 0;
      case "@@VERSION" -> version();
      case "@@MAX_PRECISION" -> (short) 38;
      case "@@DATEFIRST" -> (short) intOption(s, "DATEFIRST", 7);
      case "@@TRANCOUNT" -> s.tranCount();
      case "@@ROWCOUNT" -> (int) Math.min(Integer.MAX_VALUE, s.rowCount());
      case "@@ERROR" -> s.lastError();
      case "@@OPTIONS" -> options(s);
      case "@@TEXTSIZE" -> intOption(s, "TEXTSIZE", Integer.MAX_VALUE);
      case "@@LOCK_TIMEOUT" -> intOption(s, "LOCK_TIMEOUT", -1);
      case "@@MICROSOFTVERSION" -> 16 << 24 | 1000;
      case "@@PROCID", "@@NESTLEVEL" -> 0;
      case "@@MAX_CONNECTIONS" -> 32767;
      case "@@SERVERNAME" -> s.serverName();
      case "@@SERVICENAME" -> "MSSQLSERVER";
      case "@@LANGUAGE" -> s.language();
      case "@@IDENTITY" -> null;
      default -> throw unknownGlobal(name);
    };
  }

  private static int intOption(SqlSession s, String name, int dflt) {
    String v = s.option(name);
    try {
      return v == null ? dflt : Integer.parseInt(v);
    } catch (NumberFormatException e) {
      return dflt;
    }
  }

  static int options(SqlSession s) {
    int bits = 0;
    for (Map.Entry<String, Integer> e : OPTION_BITS.entrySet()) {
      if ("ON".equals(s.option(e.getKey()))) {
        bits |= e.getValue();
      }
    }
    return bits;
  }

  static Typed callType(Expr.Call c, Scope scope) {
    for (Expr a : c.args()) {
      a.type(scope);
    }
    return switch (c.name()) {
      case "DB_NAME",
          "USER_NAME",
          "SUSER_NAME",
          "SUSER_SNAME",
          "SYSTEM_USER",
          "ORIGINAL_LOGIN",
          "CURRENT_USER",
          "SESSION_USER",
          "USER",
          "HOST_NAME",
          "APP_NAME",
          "SCHEMA_NAME" ->
          arity(c, 0, 1, Typed.nvarchar(128, true));
      case "DB_ID" -> arity(c, 0, 1, Typed.integer(2, true));
      case "GETDATE", "CURRENT_TIMESTAMP", "GETUTCDATE" -> arity(c, 0, 0, Typed.datetime(false));
      case "SERVERPROPERTY" -> arity(c, 1, 1, Typed.variant());
      case "ISNULL" -> arity(c, 2, 2, c.args().get(0).type(scope).asNullable());
      default -> throw SqlException.unknownFunction(c.name());
    };
  }

  private static Typed arity(Expr.Call c, int min, int max, Typed t) {
    int n = c.args().size();
    if (n < min || n > max) {
      throw new SqlException(
          174,
          15,
          1,
          "The "
              + c.name().toLowerCase(Locale.ROOT)
              + " function requires "
              + min
              + (max != min ? " to " + max : "")
              + " argument(s).",
          true);
    }
    return t;
  }

  static Object call(Expr.Call c, Scope scope) {
    SqlSession s = scope.session();
    SessionInfo me = s.info();
    List<Expr> args = c.args();
    return switch (c.name()) {
      case "DB_NAME" -> args.isEmpty() ? s.database() : databaseName(s, args.get(0).eval(scope));
      case "DB_ID" ->
          databaseId(s.databases(), args.isEmpty() ? s.database() : str(args.get(0), scope));
      case "USER_NAME", "CURRENT_USER", "SESSION_USER", "USER" -> "dbo";
      case "SCHEMA_NAME" -> "dbo";
      case "SUSER_NAME", "SUSER_SNAME", "SYSTEM_USER", "ORIGINAL_LOGIN" -> me.login();
      case "HOST_NAME" -> me.hostName();
      case "APP_NAME" -> me.appName();
      case "GETDATE", "CURRENT_TIMESTAMP" -> LocalDateTime.now();
      case "GETUTCDATE" -> LocalDateTime.now(java.time.ZoneOffset.UTC);
      case "SERVERPROPERTY" -> serverProperty(str(args.get(0), scope), s);
      case "ISNULL" -> {
        Object v = args.get(0).eval(scope);
        yield v != null ? v : args.get(1).eval(scope);
      }
      default -> throw SqlException.unknownFunction(c.name());
    };
  }

  private static String str(Expr e, Scope scope) {
    Object v = e.eval(scope);
    return v == null ? null : v.toString();
  }

  private static String databaseName(SqlSession s, Object id) {
    if (id == null) {
      return null;
    }
    int n = ((Number) id).intValue();
    List<String> dbs = s.databases();
    for (String db : dbs) {
      if (databaseId(dbs, db) == n) {
        return db;
      }
    }
    return null;
  }

  /** master 1, tempdb 2, then user databases from 5, as SQL Server numbers them. */
  static Short databaseId(List<String> databases, String name) {
    if (name == null) {
      return null;
    }
    int user = 5;
    for (String db : databases) {
      short id =
          switch (db.toLowerCase(Locale.ROOT)) {
            case "master" -> 1;
            case "tempdb" -> 2;
            case "model" -> 3;
            case "msdb" -> 4;
            default -> (short) user++;
          };
      if (db.equalsIgnoreCase(name)) {
        return id;
      }
    }
    return null;
  }

  private static Object serverProperty(String name, SqlSession s) {
    if (name == null) {
      return null;
    }
    return switch (name.toLowerCase(Locale.ROOT)) {
      case "productversion" -> PRODUCT_VERSION;
      case "productmajorversion" -> "16";
      case "productminorversion" -> "0";
      case "productlevel" -> "RTM";
      case "edition" -> "Developer Edition (64-bit)";
      case "engineedition" -> 3;
      case "servername", "machinename" -> s.serverName();
      case "collation" -> "SQL_Latin1_General_CP1_CI_AS";
      case "isintegratedsecurityonly", "isclustered", "ishadrenabled", "issingleuser" -> 0;
      default -> null;
    };
  }
}
