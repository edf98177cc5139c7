package io.jctds.server.tsql;

import io.jctds.server.sql.SqlException;
import io.jctds.server.types.SqlType;
import java.math.BigDecimal;
import java.util.Locale;

/**
 * The {@code @@} functions, the session facts behind APP_NAME(), SUSER_NAME(), ERROR_NUMBER() and
 * the like, and SERVERPROPERTY, with SQL Server's types ("Configuration functions", "System
 * functions", "SERVERPROPERTY (Transact-SQL)"). The server reports itself as SQL Server 2022 RTM
 * Developer Edition (EngineEdition 3).
 */
final class Globals {
  /** The product version the server reports (SQL Server 2022 RTM). */
  static final String PRODUCT_VERSION = "16.0.1000.6";

  private Globals() {}

  /** The text of @@VERSION: Microsoft's shape, naming jctds. */
  static String version() {
    String impl = Globals.class.getPackage().getImplementationVersion();
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

  static Param value(TsqlSession s, String name) {
    if (name.startsWith("SERVERPROPERTY:")) {
      return serverProperty(s, name.substring("SERVERPROPERTY:".length()));
    }
    Options o = s.options();
    return switch (name) {
      case "@@SPID" -> p(SqlType.SMALLINT, (long) s.spid());
      case "@@LANGID" -> p(SqlType.SMALLINT, 0L);
      case "@@VERSION" -> p(SqlType.nvarchar(300), version());
      case "@@MAX_PRECISION" -> p(SqlType.TINYINT, 38L);
      case "@@DATEFIRST" -> p(SqlType.TINYINT, (long) o.number("DATEFIRST"));
      case "@@TRANCOUNT" -> p(SqlType.INT, (long) s.txn().count());
      case "@@ROWCOUNT" -> p(SqlType.INT, Math.min(Integer.MAX_VALUE, s.rowCount));
      case "@@ERROR" -> p(SqlType.INT, (long) s.lastError);
      case "@@OPTIONS" -> p(SqlType.INT, (long) o.bits());
      case "@@TEXTSIZE" -> p(SqlType.INT, (long) o.number("TEXTSIZE"));
      case "@@LOCK_TIMEOUT" -> p(SqlType.INT, (long) o.number("LOCK_TIMEOUT"));
      case "@@MICROSOFTVERSION" -> p(SqlType.INT, (long) (16 << 24 | 1000));
      case "@@PROCID" -> p(SqlType.INT, (long) (s.frame == null ? 0 : s.frame.objectId()));
      case "@@NESTLEVEL" -> p(SqlType.INT, (long) s.nestLevel);
      case "@@CONNECTIONS",
          "@@CPU_BUSY",
          "@@IDLE",
          "@@IO_BUSY",
          "@@PACK_RECEIVED",
          "@@PACK_SENT",
          "@@PACKET_ERRORS",
          "@@TOTAL_READ",
          "@@TOTAL_WRITE",
          "@@TOTAL_ERRORS",
          "@@TIMETICKS" ->
          p(SqlType.INT, 0L);
      case "@@FETCH_STATUS" -> p(SqlType.INT, -1L);
      case "@@MAX_CONNECTIONS" -> p(SqlType.INT, 32767L);
      case "@@SERVERNAME" -> p(SqlType.nvarchar(128), s.serverName());
      case "@@SERVICENAME" -> p(SqlType.nvarchar(128), "MSSQLSERVER");
      case "@@LANGUAGE" -> p(SqlType.nvarchar(128), o.get("LANGUAGE"));
      case "@@REMSERVER" -> p(SqlType.nvarchar(128), null);
      case "@@IDENTITY" -> p(TsqlSession.IDENTITY, identity(s));
      case "@@DBTS" -> p(SqlType.varbinary(8), new byte[8]);
      default -> info(s, name);
    };
  }

  private static Param p(SqlType t, Object v) {
    return new Param(t, v);
  }

  private static BigDecimal identity(TsqlSession s) {
    return s.lastIdentity;
  }

  private static Param info(TsqlSession s, String name) {
    SqlException caught = s.caught;
    return switch (name) {
      case "APP_NAME" -> p(SqlType.SYSNAME, s.tds().appName());
      case "HOST_NAME" -> p(SqlType.SYSNAME, s.tds().hostName());
      case "SUSER_NAME", "SUSER_SNAME", "SYSTEM_USER", "ORIGINAL_LOGIN" ->
          p(SqlType.SYSNAME, s.tds().login());
      case "USER_NAME", "CURRENT_USER", "SESSION_USER", "USER", "SCHEMA_NAME" ->
          p(SqlType.SYSNAME, "dbo");
      case "ERROR_NUMBER" -> p(SqlType.INT, caught == null ? null : (long) caught.number());
      case "ERROR_SEVERITY" -> p(SqlType.INT, caught == null ? null : (long) caught.severity());
      case "ERROR_STATE" -> p(SqlType.INT, caught == null ? null : (long) caught.state());
      case "ERROR_LINE" -> p(SqlType.INT, caught == null ? null : (long) s.caughtLine);
      case "ERROR_MESSAGE" ->
          p(SqlType.nvarchar(4000), caught == null ? null : caught.getMessage());
      case "ERROR_PROCEDURE" -> p(SqlType.SYSNAME, caught == null ? null : s.caughtProcedure);
      case "XACT_STATE" ->
          p(SqlType.SMALLINT, s.txn().count() == 0 ? 0L : s.txn().doomed() ? -1L : 1L);
      default -> null;
    };
  }

  private static Param serverProperty(TsqlSession s, String property) {
    SqlType text = SqlType.nvarchar(128);
    return switch (property.toLowerCase(Locale.ROOT)) {
      case "productversion" -> p(text, PRODUCT_VERSION);
      case "productmajorversion" -> p(text, "16");
      case "productminorversion" -> p(text, "0");
      case "productlevel" -> p(text, "RTM");
      case "productupdatelevel" -> p(text, null);
      case "edition" -> p(text, "Developer Edition (64-bit)");
      case "editionid" -> p(SqlType.BIGINT, -2117995310L);
      case "engineedition" -> p(SqlType.INT, 3L);
      // "SERVERPROPERTY (Transact-SQL)": ServerName is server\instance for a named instance,
      // MachineName the computer, InstanceName NULL for the default instance
      case "servername" -> p(text, s.serverName());
      case "machinename", "computernamephysicalnetbios" -> p(text, beforeSlash(s.serverName()));
      case "instancename" -> p(text, afterSlash(s.serverName()));
      case "collation" -> p(text, "SQL_Latin1_General_CP1_CI_AS");
      case "lcid" -> p(SqlType.INT, 1033L);
      case "sqlsortorder" -> p(SqlType.TINYINT, 52L);
      case "sqlsortordername" -> p(text, "nocase_iso");
      case "sqlcharset" -> p(SqlType.TINYINT, 1L);
      case "sqlcharsetname" -> p(text, "iso_1");
      case "processid" -> p(SqlType.INT, ProcessHandle.current().pid());
      case "isintegratedsecurityonly",
          "isclustered",
          "ishadrenabled",
          "issingleuser",
          "isfulltextinstalled",
          "isxtpsupported",
          "ispolybaseinstalled",
          "isadvancedanalyticsinstalled",
          "islocaldb" ->
          p(SqlType.INT, 0L);
      default -> p(SqlType.INT, null);
    };
  }

  private static String beforeSlash(String name) {
    int i = name.indexOf('\\');
    return i < 0 ? name : name.substring(0, i);
  }

  private static String afterSlash(String name) {
    int i = name.indexOf('\\');
    return i < 0 ? null : name.substring(i + 1);
  }
}
