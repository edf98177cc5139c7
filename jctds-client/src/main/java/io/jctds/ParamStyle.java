package io.jctds;

/** How SQL text names parameters, as k-cTDS's {@code paramstyle}. */
public enum ParamStyle {
  /** {@code :0}, {@code :1}, ... (k-cTDS's default). */
  NUMERIC,
  /** {@code :name}. */
  NAMED
}
