package io.jctds.server.tsql;

import io.jctds.server.sql.SqlException;
import io.jctds.server.types.SqlType;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Evaluates the expressions of procedural statements (IF and WHILE conditions, SET and DECLARE
 * values, PRINT and RAISERROR arguments) by running {@code SELECT expr} on the session's H2
 * session, so they have exactly the semantics of the same expression in a query.
 */
final class Evaluator {
  private final Runner r;

  Evaluator(Runner r) {
    this.r = r;
  }

  /** Whether {@code condition} is TRUE (UNKNOWN counts as not true). */
  boolean test(Expr condition) {
    QueryTranslator t = new QueryTranslator(r.s);
    Sql c = t.condition(condition);
    Object v = run("SELECT CASE WHEN " + c.text() + " THEN 1 ELSE 0 END", t, SqlType.INT);
    return v instanceof Long n && n == 1;
  }

  /** The value of {@code e} converted (as CAST would) to {@code target}, or as typed if null. */
  Param value(Expr e, SqlType target) {
    QueryTranslator t = new QueryTranslator(r.s);
    Sql v = t.value(e);
    if (target != null) {
      v = Conversions.cast(t, v, target, false, -1);
    }
    SqlType type = target != null ? target : v.type();
    return new Param(type, run("SELECT " + v.text(), t, type));
  }

  /**
   * {@code p} converted to {@code target} as a variable assignment converts (a parameter's value to
   * its declared type: strings cut, decimals rounded, overflow an error); as is when the types are
   * the same.
   */
  Param convert(Param p, SqlType target) {
    if (target == null || target.equals(p.type()) || p.value() == null) {
      return new Param(target == null ? p.type() : target, p.value());
    }
    QueryTranslator t = new QueryTranslator(r.s);
    Sql v = Conversions.cast(t, t.param(p.type(), p.value()), target, false, -1);
    return new Param(target, run("SELECT " + v.text(), t, target));
  }

  private Object run(String sql, ExprTranslator t, SqlType type) {
    try (PreparedStatement ps = r.s.connection().prepareStatement(sql)) {
      Jdbc.bind(ps, t.params);
      r.s.running(ps);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return null;
        }
        return Jdbc.read(rs, 1, type);
      } finally {
        r.s.running(null);
      }
    } catch (SQLException e) {
      throw H2Errors.translate(e);
    } catch (SqlException e) {
      throw e;
    }
  }
}
