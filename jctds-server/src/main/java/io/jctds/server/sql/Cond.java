package io.jctds.server.sql;

import java.math.BigDecimal;
import java.util.Locale;

/**
 * A search condition (WHERE, IF) with SQL's three-valued logic: {@link #test} returns TRUE, FALSE
 * or null (UNKNOWN).
 */
sealed interface Cond {

  /** TRUE, FALSE, or null for UNKNOWN. */
  Boolean test(Scope scope);

  /** Checks the types once, before any row is evaluated. */
  void check(Scope scope);

  /** {@code left op right} with =, <>, !=, <, >, <=, >=, !<, !>. */
  record Compare(String op, Expr left, Expr right) implements Cond {
    @Override
    public void check(Scope scope) {
      Typed l = left.type(scope);
      Typed r = right.type(scope);
      if (l.isCharacter() != r.isCharacter() && !l.isNumeric() && !r.isNumeric()) {
        throw incompatible(l, r);
      }
    }

    private static SqlException incompatible(Typed l, Typed r) {
      return new SqlException(
          402,
          16,
          1,
          "The data types "
              + l.type().sqlName()
              + " and "
              + r.type().sqlName()
              + " are incompatible in the equal to operator.",
          false);
    }

    @Override
    public Boolean test(Scope scope) {
      Object a = left.eval(scope);
      Object b = right.eval(scope);
      if (a == null || b == null) {
        return null;
      }
      int c = compare(a, b, left.type(scope), right.type(scope));
      return switch (op) {
        case "=" -> c == 0;
        case "<>", "!=" -> c != 0;
        case "<" -> c < 0;
        case ">" -> c > 0;
        case "<=", "!>" -> c <= 0;
        default -> c >= 0;
      };
    }

    private static int compare(Object a, Object b, Typed ta, Typed tb) {
      if (a instanceof String x && b instanceof String y) {
        return x.stripTrailing()
            .toLowerCase(Locale.ROOT)
            .compareTo(y.stripTrailing().toLowerCase(Locale.ROOT));
      }
      if (a instanceof Comparable<?> && a.getClass() == b.getClass() && !(a instanceof Number)) {
        @SuppressWarnings("unchecked")
        Comparable<Object> ca = (Comparable<Object>) a;
        return ca.compareTo(b);
      }
      return number(a, tb).compareTo(number(b, ta));
    }

    /** A value as a number; a string converts as SQL Server converts varchar to int. */
    private static BigDecimal number(Object v, Typed other) {
      if (v instanceof BigDecimal d) {
        return d;
      }
      if (v instanceof Double d) {
        return BigDecimal.valueOf(d);
      }
      if (v instanceof Number n) {
        return BigDecimal.valueOf(n.longValue());
      }
      if (v instanceof Boolean b) {
        return b ? BigDecimal.ONE : BigDecimal.ZERO;
      }
      try {
        return new BigDecimal(v.toString().trim());
      } catch (NumberFormatException e) {
        throw new SqlException(
            245,
            16,
            1,
            "Conversion failed when converting the "
                + (v instanceof String ? "varchar" : "")
                + " value '"
                + v
                + "' to data type "
                + other.type().sqlName()
                + ".",
            false);
      }
    }
  }

  /** {@code expr IS [NOT] NULL}. */
  record IsNull(Expr operand, boolean negated) implements Cond {
    @Override
    public void check(Scope scope) {
      operand.type(scope);
    }

    @Override
    public Boolean test(Scope scope) {
      return (operand.eval(scope) == null) != negated;
    }
  }

  /** {@code a AND b}. */
  record And(Cond left, Cond right) implements Cond {
    @Override
    public void check(Scope scope) {
      left.check(scope);
      right.check(scope);
    }

    @Override
    public Boolean test(Scope scope) {
      Boolean a = left.test(scope);
      if (Boolean.FALSE.equals(a)) {
        return false;
      }
      Boolean b = right.test(scope);
      if (Boolean.FALSE.equals(b)) {
        return false;
      }
      return a == null || b == null ? null : true;
    }
  }

  /** {@code a OR b}. */
  record Or(Cond left, Cond right) implements Cond {
    @Override
    public void check(Scope scope) {
      left.check(scope);
      right.check(scope);
    }

    @Override
    public Boolean test(Scope scope) {
      Boolean a = left.test(scope);
      if (Boolean.TRUE.equals(a)) {
        return true;
      }
      Boolean b = right.test(scope);
      if (Boolean.TRUE.equals(b)) {
        return true;
      }
      return a == null || b == null ? null : false;
    }
  }

  /** {@code NOT c}. */
  record Not(Cond operand) implements Cond {
    @Override
    public void check(Scope scope) {
      operand.check(scope);
    }

    @Override
    public Boolean test(Scope scope) {
      Boolean v = operand.test(scope);
      return v == null ? null : !v;
    }
  }
}
