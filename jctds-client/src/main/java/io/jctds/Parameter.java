package io.jctds;

import java.util.Objects;

/**
 * A parameter of {@code Cursor.callProc} (or of execute) with its direction, as k-cTDS's {@code
 * ctds.Parameter(value, output)}. A plain value passed instead of a Parameter is an input
 * parameter.
 *
 * <ul>
 *   <li>{@link #of(Object)}: an input parameter.
 *   <li>{@link #output(Object)}: an OUTPUT parameter whose initial value is {@code value}; its SQL
 *       type is the value's (a typed NULL such as {@code SqlInt.nullOf()} gives an OUTPUT of that
 *       type starting as NULL).
 *   <li>{@link #output(Class)}: an OUTPUT parameter starting as NULL, of the SQL type values of
 *       that Java class get (e.g. {@code Integer.class} int, {@code String.class} nvarchar(4000)).
 * </ul>
 */
public final class Parameter {
  private final Object value;
  private final Class<?> type;
  private final boolean output;

  private Parameter(Object value, Class<?> type, boolean output) {
    if (value instanceof Parameter) {
      throw new InterfaceError("a Parameter cannot hold another Parameter");
    }
    this.value = value;
    this.type = type;
    this.output = output;
  }

  /** An input parameter holding {@code value} (null is an untyped NULL, sent as nvarchar). */
  public static Parameter of(Object value) {
    return new Parameter(value, null, false);
  }

  /** An OUTPUT parameter with initial value {@code value}, declared with the value's type. */
  public static Parameter output(Object value) {
    return new Parameter(value, null, true);
  }

  /** An OUTPUT parameter starting as NULL, declared with the SQL type of {@code type}'s values. */
  public static Parameter output(Class<?> type) {
    return new Parameter(null, Objects.requireNonNull(type, "type"), true);
  }

  /** The (initial) value; null for {@link #output(Class)}. */
  public Object value() {
    return value;
  }

  /** The Java type given to {@link #output(Class)}, else null. */
  public Class<?> type() {
    return type;
  }

  /** Whether this is an OUTPUT parameter. */
  public boolean isOutput() {
    return output;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Parameter p
        && p.output == output
        && Objects.equals(p.type, type)
        && Objects.deepEquals(p.value, value);
  }

  @Override
  public int hashCode() {
    return Objects.hash(type, output) * 31 + (value == null ? 0 : value.getClass().hashCode());
  }

  @Override
  public String toString() {
    String v = type != null ? "NULL " + type.getSimpleName() : String.valueOf(value);
    return "Parameter[" + v + (output ? ", OUTPUT" : "") + "]";
  }
}
