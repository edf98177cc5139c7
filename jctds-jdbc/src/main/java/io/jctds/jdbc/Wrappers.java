package io.jctds.jdbc;

import java.sql.SQLException;

/** java.sql.Wrapper for the driver's classes: each wraps only itself. */
final class Wrappers {
  private Wrappers() {}

  /** {@code self} as {@code iface}; an SQLException naming both when it is not one. */
  static <T> T unwrap(Object self, Class<T> iface) throws SQLException {
    if (iface != null && iface.isInstance(self)) {
      return iface.cast(self);
    }
    throw new SQLException(
        self.getClass().getSimpleName()
            + " is not a wrapper for "
            + (iface == null ? "null" : iface.getName()),
        "HY000");
  }
}
