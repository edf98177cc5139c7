package io.jctds.server.tsql;

import io.jctds.server.types.SqlType;

/**
 * A local variable of a batch: its declared type and current value (an H2-friendly Java value, null
 * for NULL), or, for a table variable, the H2 temporary table that holds its rows.
 */
public final class Variable {
  private final String name;
  private final SqlType type;
  private final String table;
  private Object value;

  /**
   * @param name the name with its @
   * @param type the declared type (null for a table variable)
   * @param table the quoted H2 table of a table variable, else null
   */
  public Variable(String name, SqlType type, String table) {
    this.name = name;
    this.type = type;
    this.table = table;
  }

  public String name() {
    return name;
  }

  public SqlType type() {
    return type;
  }

  /** The quoted H2 table of a table variable, else null. */
  public String table() {
    return table;
  }

  public Object value() {
    return value;
  }

  /** Sets the value (already converted to the declared type). */
  public void value(Object v) {
    this.value = v;
  }
}
