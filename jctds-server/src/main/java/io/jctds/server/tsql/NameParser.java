package io.jctds.server.tsql;

import io.jctds.server.sql.SqlException;
import java.util.List;

/** Parses object names given as strings (OBJECT_ID('dbo.[my table]'), sp_help 'x', ...). */
public final class NameParser {
  private NameParser() {}

  /** The parts of {@code name}, or null when it is not a valid multi-part name. */
  public static List<String> parts(String name) {
    try {
      TokenCursor c = new TokenCursor(name, Lexer.tokenize(name));
      if (c.atEnd()) {
        return null;
      }
      List<String> parts = c.objectName();
      return c.atEnd() ? parts : null;
    } catch (SqlException e) {
      return null;
    }
  }
}
