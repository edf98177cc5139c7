package io.jctds.server.tsql;

import io.jctds.server.sql.SqlException;
import io.jctds.server.storage.DatabaseInfo;
import io.jctds.server.types.SqlType;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * sp_getapplock and sp_releaseapplock ("sp_getapplock (Transact-SQL)", "sp_releaseapplock
 * (Transact-SQL)") over the engine's {@link AppLockManager}. A lock belongs to the session's
 * transaction (the default owner; released at COMMIT or ROLLBACK) or to the session (released when
 * it ends). The return status is the page's: 0 granted, 1 granted after waiting, -1 timed out, -2
 * cancelled, -3 deadlock victim, -999 a parameter or call error. The errors and messages are those
 * of the "Database engine events and errors" list: 1223 (not held), 1224 (no resource), 1227 (bad
 * time-out), 1202 (unknown principal), 3918 (no transaction for a release), and the informational
 * 15625 (an option not recognized) and 15626 (a transaction lock without a transaction), sent with
 * severity 0 as SQL Server sends severity 10 ("Database engine error severities").
 */
final class AppLocks {
  private static final SqlType OPTION = SqlType.varchar(32);

  /** The database principals a lock may name: the fixed ones every database has. */
  private static final Set<String> PRINCIPALS = Set.of("public", "dbo", "db_owner", "guest");

  private AppLocks() {}

  static void register(Map<String, Procedures.Builtin> procedures) {
    SystemProcedures.add(
        procedures,
        "sp_getapplock",
        List.of(
            Binding.Formal.required("@Resource", SqlType.nvarchar(255)),
            Binding.Formal.required("@LockMode", OPTION),
            Binding.Formal.optional("@LockOwner", OPTION, "Transaction"),
            Binding.Formal.optional("@LockTimeout", SqlType.INT, null),
            Binding.Formal.optional("@DbPrincipal", SqlType.SYSNAME, "public")),
        AppLocks::getAppLock);
    SystemProcedures.add(
        procedures,
        "sp_releaseapplock",
        List.of(
            Binding.Formal.required("@Resource", SqlType.nvarchar(255)),
            Binding.Formal.optional("@LockOwner", OPTION, "Transaction"),
            Binding.Formal.optional("@DbPrincipal", SqlType.SYSNAME, "public")),
        AppLocks::releaseAppLock);
  }

  private static Call.Result getAppLock(Runner r, Binding.Bound b) {
    String resource = SystemProcedures.text(b, "@Resource");
    String principal = SystemProcedures.text(b, "@DbPrincipal");
    Integer failed = checkCommon(r, resource, principal);
    if (failed != null) {
      return Call.Result.of(failed);
    }
    String modeName = SystemProcedures.text(b, "@LockMode");
    AppLockManager.Mode mode = modeName == null ? null : AppLockManager.Mode.requestable(modeName);
    if (mode == null) {
      return notRecognized(r, modeName, "@LockMode");
    }
    Boolean transaction = owner(SystemProcedures.text(b, "@LockOwner"));
    if (transaction == null) {
      return notRecognized(r, SystemProcedures.text(b, "@LockOwner"), "@LockOwner");
    }
    if (transaction && r.s.txn().count() == 0) {
      r.info(
          15626,
          1,
          0,
          "You attempted to acquire a transactional application lock without an active"
              + " transaction.",
          1);
      return Call.Result.of(-999);
    }
    Object t = b.get("@LockTimeout").value();
    long timeout = t == null ? r.s.options().number("LOCK_TIMEOUT") : ((Number) t).longValue();
    if (timeout < -1) {
      return error(r, 1227, 2, "An invalid application lock time-out was passed to xp_userlock.");
    }
    int status =
        r.s
            .engine()
            .appLocks()
            .acquire(
                new AppLockManager.Owner(r.s.spid(), transaction),
                key(r, principal, resource),
                mode,
                timeout,
                r.s::cancelled);
    return Call.Result.of(status);
  }

  private static Call.Result releaseAppLock(Runner r, Binding.Bound b) {
    String resource = SystemProcedures.text(b, "@Resource");
    String principal = SystemProcedures.text(b, "@DbPrincipal");
    Integer failed = checkCommon(r, resource, principal);
    if (failed != null) {
      return Call.Result.of(failed);
    }
    Boolean transaction = owner(SystemProcedures.text(b, "@LockOwner"));
    if (transaction == null) {
      return notRecognized(r, SystemProcedures.text(b, "@LockOwner"), "@LockOwner");
    }
    if (transaction && r.s.txn().count() == 0) {
      return error(
          r,
          3918,
          1,
          "The statement or function must be executed in the context of a user transaction.");
    }
    boolean released =
        r.s
            .engine()
            .appLocks()
            .release(
                new AppLockManager.Owner(r.s.spid(), transaction), key(r, principal, resource));
    if (!released) {
      return error(
          r,
          1223,
          1,
          "Cannot release the application lock (Database Principal: '"
              + principal
              + "', Resource: '"
              + truncate(resource)
              + "') because it is not currently held.");
    }
    return Call.Result.of(0);
  }

  /** The checks both procedures make first: -999 after reporting, or null when they pass. */
  private static Integer checkCommon(Runner r, String resource, String principal) {
    if (resource == null) {
      error(r, 1224, 5, "An invalid application lock resource was passed to xp_userlock.");
      return -999;
    }
    if (principal == null || !PRINCIPALS.contains(principal.toLowerCase(Locale.ROOT))) {
      error(
          r,
          1202,
          1,
          "The database-principal '" + principal + "' does not exist or user is not a member.");
      return -999;
    }
    return null;
  }

  /** The owner an option names: true Transaction, false Session, null neither. */
  private static Boolean owner(String option) {
    if ("Transaction".equalsIgnoreCase(option)) {
      return true;
    }
    return "Session".equalsIgnoreCase(option) ? false : null;
  }

  private static Call.Result notRecognized(Runner r, String value, String parameter) {
    r.info(
        15625,
        1,
        0,
        "Option '"
            + (value == null ? "" : value)
            + "' not recognized for '"
            + parameter
            + "' parameter.",
        1);
    return Call.Result.of(-999);
  }

  /**
   * Reports error {@code number} as the statement's error (inside TRY it goes to CATCH) and answers
   * -999: the procedure itself goes on to return its status.
   */
  private static Call.Result error(Runner r, int number, int state, String text) {
    r.failed(new SqlException(number, 16, state, text, false), 1);
    return Call.Result.of(-999);
  }

  /** The resource's lock key: database, principal, the name's first 255 characters. */
  private static String key(Runner r, String principal, String resource) {
    return key(r.s, principal, resource);
  }

  private static String key(TsqlSession s, String principal, String resource) {
    DatabaseInfo db = s.store().database(s.database());
    return AppLockManager.key(db == null ? 0 : db.id(), principal, truncate(resource));
  }

  // ---- APPLOCK_MODE and APPLOCK_TEST ----

  /**
   * APPLOCK_MODE ("APPLOCK_MODE (Transact-SQL)"): the mode's name, NoLock when the owner holds
   * none.
   */
  static String mode(TsqlSession s, String principal, String resource, String owner) {
    AppLockManager.Owner o = functionOwner(s, principal, resource, owner, "applock_mode");
    AppLockManager.Mode m = s.engine().appLocks().mode(o, key(s, principal, resource));
    return m == null ? "NoLock" : m.label;
  }

  /** APPLOCK_TEST ("APPLOCK_TEST (Transact-SQL)"): 1 when the lock could be granted now, else 0. */
  static short test(TsqlSession s, String principal, String resource, String mode, String owner) {
    AppLockManager.Owner o = functionOwner(s, principal, resource, owner, "applock_test");
    AppLockManager.Mode m = mode == null ? null : AppLockManager.Mode.requestable(mode);
    if (m == null) {
      throw new SqlException(
          1225, 16, 3, "An invalid application lock mode was passed to applock_test.", false);
    }
    return (short) (s.engine().appLocks().test(o, key(s, principal, resource), m) ? 1 : 0);
  }

  /** The owner a function's arguments name (NULL: Transaction), after their checks. */
  private static AppLockManager.Owner functionOwner(
      TsqlSession s, String principal, String resource, String owner, String function) {
    if (resource == null) {
      throw new SqlException(
          1224,
          16,
          5,
          "An invalid application lock resource was passed to " + function + ".",
          false);
    }
    if (principal == null || !PRINCIPALS.contains(principal.toLowerCase(Locale.ROOT))) {
      throw new SqlException(
          1202,
          16,
          1,
          "The database-principal '" + principal + "' does not exist or user is not a member.",
          false);
    }
    Boolean transaction = owner == null ? Boolean.TRUE : owner(owner);
    if (transaction == null) {
      throw new SqlException(
          1226, 16, 1, "An invalid application lock owner was passed to " + function + ".", false);
    }
    if (transaction && s.txn().count() == 0) {
      throw new SqlException(
          3918,
          16,
          2,
          "The statement or function must be executed in the context of a user transaction.",
          false);
    }
    return new AppLockManager.Owner(s.spid(), transaction);
  }

  private static String truncate(String resource) {
    return resource.length() > 255 ? resource.substring(0, 255) : resource;
  }
}
