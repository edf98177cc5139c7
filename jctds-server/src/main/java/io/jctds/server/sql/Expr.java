package io.jctds.server.sql;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Locale;

/**
 * A scalar T-SQL expression of the SQL front: literals, {@code @@} globals, built-in function
 * calls, column references, unary minus, and the arithmetic/concatenation operators. Each knows its
 * SQL Server type before evaluation (for COLMETADATA) and evaluates against a {@link Scope}.
 */
sealed interface Expr {

  /** The expression's type. */
  Typed type(Scope scope);

  /** The value: a natural Java value or null. */
  Object eval(Scope scope);

  /** The column name SQL Server gives the expression in a select list ("" when unnamed). */
  default String columnName() {
    return "";
  }

  /** A constant. */
  record Literal(Typed typed, Object value) implements Expr {
    static Literal ofNumber(String text) {
      if (text.contains("E")) {
        double d = Double.parseDouble(text);
        if (Double.isInfinite(d)) {
          throw new SqlException(
              8115,
              16,
              2,
              "Arithmetic overflow error converting expression to data type float.",
              false);
        }
        return new Literal(Typed.float8(false), d);
      }
      BigDecimal d = new BigDecimal(text);
      // an integer constant outside int's range is decimal(p,0), not bigint ("int, bigint,
      // smallint, and tinyint (Transact-SQL)", learn.microsoft.com); past 38 digits it is 1007
      if (d.scale() <= 0
          && d.compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) <= 0
          && d.compareTo(BigDecimal.valueOf(Integer.MIN_VALUE)) >= 0) {
        return new Literal(Typed.intType(false), d.intValueExact());
      }
      int scale = Math.max(0, d.scale());
      int precision = Math.max(1, Math.max(d.precision(), scale));
      if (precision > 38) {
        throw new SqlException(
            1007,
            15,
            1,
            "The number '"
                + text
                + "' is out of the range for numeric"
                + " representation (maximum precision 38).",
            true);
      }
      return new Literal(Typed.numeric(precision, scale, false), d);
    }

    static Literal ofString(String s, boolean unicode) {
      return unicode
          ? new Literal(Typed.nvarchar(s.length(), false), s)
          : new Literal(Typed.varchar(s.length(), false), s);
    }

    static Literal nullValue() {
      return new Literal(Typed.intType(true), null);
    }

    @Override
    public Typed type(Scope scope) {
      return typed;
    }

    @Override
    public Object eval(Scope scope) {
      return value;
    }
  }

  /** {@code @@NAME}. */
  record Global(String name) implements Expr {
    @Override
    public Typed type(Scope scope) {
      return Builtins.globalType(name);
    }

    @Override
    public Object eval(Scope scope) {
      return Builtins.global(name, scope.session());
    }
  }

  /** A built-in function call; {@code args} are evaluated by the function. */
  record Call(String name, List<Expr> args) implements Expr {
    public Call {
      name = name.toUpperCase(Locale.ROOT);
      args = List.copyOf(args);
    }

    @Override
    public Typed type(Scope scope) {
      return Builtins.callType(this, scope);
    }

    @Override
    public Object eval(Scope scope) {
      return Builtins.call(this, scope);
    }
  }

  /** A column of the FROM source, optionally qualified by the source's alias. */
  record Column(String qualifier, String name) implements Expr {
    @Override
    public Typed type(Scope scope) {
      return scope.source() == null ? failInvalid() : scope.source().column(index(scope)).typed();
    }

    private Typed failInvalid() {
      throw SqlException.invalidColumn(name);
    }

    int index(Scope scope) {
      int i = scope.source() == null ? -1 : scope.source().indexOf(name);
      if (i < 0) {
        throw SqlException.invalidColumn(name);
      }
      return i;
    }

    @Override
    public Object eval(Scope scope) {
      return scope.row()[index(scope)];
    }

    @Override
    public String columnName() {
      return name;
    }
  }

  /** Unary minus. */
  record Negate(Expr operand) implements Expr {
    @Override
    public Typed type(Scope scope) {
      Typed t = operand.type(scope);
      if (!t.isNumeric()) {
        throw new SqlException(
            8117,
            16,
            1,
            "Operand data type " + t.type().sqlName() + " is invalid for minus" + " operator.",
            false);
      }
      return t;
    }

    @Override
    public Object eval(Scope scope) {
      Object v = operand.eval(scope);
      if (v == null) {
        return null;
      } else if (v instanceof Integer i) {
        return -i;
      } else if (v instanceof Long l) {
        return -l;
      } else if (v instanceof Short sh) {
        return (short) -sh;
      } else if (v instanceof Double d) {
        return -d;
      } else if (v instanceof BigDecimal d) {
        return d.negate();
      }
      throw new IllegalStateException("not a number: " + v);
    }
  }

  /** {@code + - * / %}: integer arithmetic, or string concatenation with {@code +}. */
  record Arith(String op, Expr left, Expr right) implements Expr {
    @Override
    public Typed type(Scope scope) {
      Typed l = left.type(scope);
      Typed r = right.type(scope);
      boolean nullable = l.nullable() || r.nullable();
      if (op.equals("+") && l.isCharacter() && r.isCharacter()) {
        int chars = l.characters() + r.characters();
        return l.isUnicode() || r.isUnicode()
            ? Typed.nvarchar(chars, nullable)
            : Typed.varchar(chars, nullable);
      }
      if (l.isInteger() && r.isInteger()) {
        boolean big = l.type().maxLength() == 8 || r.type().maxLength() == 8;
        return Typed.integer(big ? 8 : 4, nullable);
      }
      throw new SqlException(
          402,
          16,
          1,
          "The data types "
              + l.type().sqlName()
              + " and "
              + r.type().sqlName()
              + " are incompatible in the "
              + opName()
              + " operator.",
          false);
    }

    private String opName() {
      return switch (op) {
        case "+" -> "add";
        case "-" -> "subtract";
        case "*" -> "multiply";
        case "/" -> "divide";
        default -> "modulo";
      };
    }

    @Override
    public Object eval(Scope scope) {
      Typed t = type(scope);
      Object l = left.eval(scope);
      Object r = right.eval(scope);
      if (l == null || r == null) {
        return null;
      }
      if (t.isCharacter()) {
        return l.toString() + r;
      }
      BigInteger a = BigInteger.valueOf(((Number) l).longValue());
      BigInteger b = BigInteger.valueOf(((Number) r).longValue());
      if ((op.equals("/") || op.equals("%")) && b.signum() == 0) {
        throw new SqlException(8134, 16, 1, "Divide by zero error encountered.", false);
      }
      BigInteger v =
          switch (op) {
            case "+" -> a.add(b);
            case "-" -> a.subtract(b);
            case "*" -> a.multiply(b);
            case "/" -> a.divide(b);
            default -> a.remainder(b);
          };
      boolean big = t.type().maxLength() == 8;
      if (v.bitLength() >= (big ? 64 : 32)) {
        throw new SqlException(
            8115,
            16,
            2,
            "Arithmetic overflow error converting expression to data type "
                + (big ? "bigint" : "int")
                + ".",
            false);
      }
      return big ? (Object) v.longValue() : (Object) v.intValue();
    }
  }
}
