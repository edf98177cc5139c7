package io.jctds.server.tsql;

import io.jctds.server.catalog.Catalog;

/** What translating a statement needs from the session running it. */
public interface Context {

  /** The current database. */
  String database();

  /** The session's catalog. */
  Catalog catalog();

  /** The variable named {@code name} (with its @), or null when not declared. */
  Variable variable(String name);

  /**
   * The value of a {@code @@function} as a bound parameter, or null when the server does not know
   * it.
   */
  Param global(String name);

  /** The session's SET options. */
  Options options();

  /** The server name (@@SERVERNAME; four-part names must use it). */
  String serverName();
}
