package io.jctds.server.tsql;

import io.jctds.server.sql.SqlException;
import io.jctds.server.types.SqlBase;
import io.jctds.server.types.SqlType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * sp_executesql and the prepared-statement procedures sp_prepare, sp_execute, sp_prepexec and
 * sp_unprepare ("sp_executesql", "sp_prepare" ... in the Transact-SQL reference; [MS-TDS] 2.2.6.6
 * gives their well-known ids). The statement runs as a child batch whose only variables are the
 * declared parameters; OUTPUT parameters come back; a changed transaction count is error 266.
 * Prepared handles belong to the session and count up from 1, as SQL Server's do.
 */
final class ExecuteSql {
  private static final SqlType TEXT = SqlType.nvarchar(SqlType.MAX);

  private ExecuteSql() {}

  /** The session's prepared statements. */
  static final class Prepared {
    private final Map<Integer, String[]> statements = new HashMap<>();
    private int last;

    int add(String declarations, String statement) {
      statements.put(++last, new String[] {declarations, statement});
      return last;
    }

    String[] get(int handle) {
      return statements.get(handle);
    }

    boolean remove(int handle) {
      return statements.remove(handle) != null;
    }

    /**
     * Forgets every handle (RESETCONNECTION); numbering goes on, so an old handle stays unknown.
     */
    void clear() {
      statements.clear();
    }
  }

  static void register(Map<String, Procedures.Builtin> procedures) {
    procedures.put("sp_executesql", ExecuteSql::executeSql);
    procedures.put("sp_prepare", ExecuteSql::prepare);
    procedures.put("sp_execute", ExecuteSql::execute);
    procedures.put("sp_prepexec", ExecuteSql::prepExec);
    procedures.put("sp_unprepare", ExecuteSql::unprepare);
  }

  /** sp_executesql @stmt [, @params [, values...]]. */
  static Call.Result executeSql(Runner r, Call c) {
    if (c.args().isEmpty() || c.args().get(0).useDefault()) {
      throw Binding.notSupplied("sp_executesql", "@statement");
    }
    String stmt = text(c.args().get(0), "@statement");
    String decl = c.args().size() > 1 ? text(c.args().get(1), "@params") : null;
    return run(r, c, stmt, decl, 2, List.of());
  }

  /** sp_prepare @handle OUTPUT, @params, @stmt [, @options]: 1 in @options returns metadata. */
  static Call.Result prepare(Runner r, Call c) {
    Binding.Bound b = Binding.bind(r, "sp_prepare", prepareFormals(true), c);
    String decl = (String) b.get("@params").value();
    String stmt = (String) b.get("@stmt").value();
    compile(stmt, decl);
    replace(r, b.get("@handle"));
    b.get("@handle").value((long) r.s.prepared().add(decl, stmt));
    Object options = b.get("@options").value();
    if (options instanceof Long o && (o & 1) != 0) {
      metadata(r, stmt, decl);
    }
    return b.result(0);
  }

  /** sp_execute @handle [, values...]. */
  static Call.Result execute(Runner r, Call c) {
    if (c.args().isEmpty()) {
      throw Binding.notSupplied("sp_execute", "@handle");
    }
    Object h = new Evaluator(r).convert(c.args().get(0).value(), SqlType.INT).value();
    String[] p = h == null ? null : r.s.prepared().get(((Long) h).intValue());
    if (p == null) {
      throw notPrepared(h);
    }
    return run(r, c, p[1], p[0], 1, List.of());
  }

  /** sp_prepexec @handle OUTPUT, @params, @stmt [, values...]. */
  static Call.Result prepExec(Runner r, Call c) {
    List<Call.Arg> head = c.args().subList(0, Math.min(3, c.args().size()));
    Binding.Bound b =
        Binding.bind(r, "sp_prepexec", prepareFormals(false), new Call(c.name(), head, c.rpc()));
    String decl = (String) b.get("@params").value();
    String stmt = (String) b.get("@stmt").value();
    compile(stmt, decl);
    replace(r, b.get("@handle"));
    int handle = r.s.prepared().add(decl, stmt);
    b.get("@handle").value((long) handle);
    try {
      return run(r, c, stmt, decl, 3, b.result(0).outputs());
    } catch (Runner.Abort | SqlException e) {
      r.s.prepared().remove(handle); // the client gets a NULL handle and never unprepares it
      throw e;
    }
  }

  /** sp_unprepare @handle. */
  static Call.Result unprepare(Runner r, Call c) {
    Binding.Bound b =
        Binding.bind(
            r, "sp_unprepare", List.of(Binding.Formal.required("@handle", SqlType.INT)), c);
    Object h = b.get("@handle").value();
    if (h == null || !r.s.prepared().remove(((Long) h).intValue())) {
      throw notPrepared(h);
    }
    return b.result(0);
  }

  /**
   * A handle given as input to sp_prepare or sp_prepexec is the caller's previous one, unprepared
   * before the new statement is prepared (mssql-jdbc's SQLServerPreparedStatement: "IN (reprepare):
   * Old handle to unprepare before repreparing").
   */
  private static void replace(Runner r, Variable handle) {
    if (handle.value() instanceof Long old && old > 0) {
      r.s.prepared().remove(old.intValue());
    }
  }

  private static List<Binding.Formal> prepareFormals(boolean withOptions) {
    List<Binding.Formal> f = new ArrayList<>();
    f.add(new Binding.Formal("@handle", SqlType.INT, new Param(SqlType.INT, null), true));
    f.add(Binding.Formal.optional("@params", TEXT, null));
    f.add(Binding.Formal.required("@stmt", TEXT));
    if (withOptions) {
      f.add(Binding.Formal.optional("@options", SqlType.INT, 0L));
    }
    return f;
  }

  /** Runs {@code stmt} with the parameters {@code decl} declares, bound from arguments on. */
  private static Call.Result run(
      Runner r, Call c, String stmt, String decl, int first, List<Call.Output> before) {
    List<Binding.Formal> formals = declarations(r, decl);
    Binding.Bound b =
        Binding.bind(r, "sp_executesql", formals, c.args(), first, p -> missing(decl, stmt, p));
    int count = r.s.txn().count();
    try {
      Exec.child(r, stmt == null ? "" : stmt, b.variables());
    } catch (Runner.ModuleEnd e) {
      if (c.rpc()) {
        throw new Runner.Abort(); // the call ends without RETURNSTATUS; its error is reported
      }
      throw e;
    }
    int after = r.s.txn().count();
    // a transaction IMPLICIT_TRANSACTIONS opened is no mismatch: mssql-jdbc's setAutoCommit(false)
    // runs its prepared statements this way against SQL Server
    boolean implicit = count == 0 && after == 1 && r.s.options().on("IMPLICIT_TRANSACTIONS");
    if (after != count && !implicit) {
      throw new SqlException(
          266,
          16,
          2,
          "Transaction count after EXECUTE indicates a mismatching number of BEGIN and COMMIT"
              + " statements. Previous count = "
              + count
              + ", current count = "
              + after
              + ".",
          false);
    }
    List<Call.Output> outputs = new ArrayList<>(before);
    outputs.addAll(b.result(0).outputs());
    return new Call.Result(0, outputs);
  }

  /** The statement of sp_executesql: nvarchar, nchar or ntext (error 214 otherwise). */
  private static String text(Call.Arg a, String parameter) {
    Param p = a.value();
    SqlBase base = p.type().base();
    if (base != SqlBase.NVARCHAR && base != SqlBase.NCHAR && base != SqlBase.NTEXT) {
      throw new SqlException(
          214,
          16,
          2,
          "Procedure expects parameter '" + parameter + "' of type 'ntext/nchar/nvarchar'.",
          false);
    }
    return p.value() == null ? null : p.value().toString();
  }

  /** Parses the statement and the declarations, so that a syntax error fails the prepare. */
  private static void compile(String stmt, String decl) {
    if (decl != null) {
      parseDeclarations(decl);
    }
    BatchParser.parse(stmt == null ? "" : stmt);
  }

  /** The result's columns without rows (sp_prepare with RETURN_METADATA), as FMTONLY gives. */
  private static void metadata(Runner r, String stmt, String decl) {
    Map<String, Variable> nulls = new HashMap<>();
    for (Binding.Formal f : declarations(r, decl)) {
      nulls.put(f.name().toLowerCase(Locale.ROOT), new Variable(f.name(), f.type(), null));
    }
    boolean was = r.s.options().on("FMTONLY");
    r.s.options().set(List.of("FMTONLY"), "ON");
    try {
      Exec.child(r, stmt, nulls);
    } finally {
      r.s.options().set(List.of("FMTONLY"), was ? "ON" : "OFF");
    }
  }

  private static SqlException missing(String decl, String stmt, String parameter) {
    return new SqlException(
        8178,
        16,
        1,
        "The parameterized query '("
            + decl
            + ")"
            + stmt
            + "' expects the parameter '"
            + parameter
            + "', which was not supplied.",
        false);
  }

  private static SqlException notPrepared(Object handle) {
    return new SqlException(
        8179, 16, 4, "Could not find prepared statement with handle " + handle + ".", false);
  }

  /** The parameters {@code decl} declares ({@code @a int, @b nvarchar(10) = N'x' OUTPUT}). */
  static List<Binding.Formal> declarations(Runner r, String decl) {
    List<Binding.Formal> out = new ArrayList<>();
    if (decl == null) {
      return out;
    }
    Evaluator eval = null;
    for (Declared d : parseDeclarations(decl)) {
      Stmt.VarDecl v = d.variable();
      Param def = null;
      if (v.initial() != null) {
        eval = eval == null ? new Evaluator(r) : eval;
        def = eval.value(v.initial(), v.type());
      }
      out.add(new Binding.Formal(v.name(), v.type(), def, d.output()));
    }
    return out;
  }

  /** A declared parameter and whether it is OUTPUT. */
  record Declared(Stmt.VarDecl variable, boolean output) {}

  /** Parses a parameter declaration list, each part with an optional OUTPUT / OUT. */
  static List<Declared> parseDeclarations(String decl) {
    List<Declared> cached = DECLARATIONS.get(decl);
    if (cached == null) {
      cached = List.copyOf(parseDeclarationsUncached(decl));
      if (DECLARATIONS.size() >= DECLARATIONS_CACHED) {
        DECLARATIONS.clear(); // crude bound; a workload repeats a few declaration lists
      }
      DECLARATIONS.put(decl, cached);
    }
    return cached;
  }

  /**
   * Parsed declaration lists by text, shared by all sessions: the parse is pure and its records
   * immutable; every sp_executesql / sp_prepexec / sp_execute call reads one.
   */
  private static final java.util.concurrent.ConcurrentHashMap<String, List<Declared>> DECLARATIONS =
      new java.util.concurrent.ConcurrentHashMap<>();

  private static final int DECLARATIONS_CACHED = 1024;

  private static final java.util.regex.Pattern OUTPUT_SUFFIX =
      java.util.regex.Pattern.compile("(?is)^(.*?)\\s+(OUTPUT|OUT|READONLY)$");

  private static List<Declared> parseDeclarationsUncached(String decl) {
    List<Declared> out = new ArrayList<>();
    if (decl.isBlank()) {
      return out;
    }
    for (String part : TopLevel.split(decl)) {
      String p = part.strip();
      boolean output = false;
      java.util.regex.Matcher m = OUTPUT_SUFFIX.matcher(p);
      if (m.matches()) {
        output = !m.group(2).equalsIgnoreCase("READONLY");
        p = m.group(1);
      }
      List<Stmt> parsed = BatchParser.parse("DECLARE " + p);
      if (parsed.size() != 1
          || !(parsed.get(0) instanceof Stmt.Declare dec)
          || dec.variables().size() != 1) {
        throw new SqlException(102, 15, 1, "Incorrect syntax near '" + part.strip() + "'.", false);
      }
      out.add(new Declared(dec.variables().get(0), output));
    }
    return out;
  }
}
