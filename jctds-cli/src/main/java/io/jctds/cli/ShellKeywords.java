package io.jctds.cli;

import io.jctds.server.tsql.Keywords;
import java.util.List;
import java.util.TreeSet;

/** The T-SQL words the shell completes. */
final class ShellKeywords {
  private ShellKeywords() {}

  /**
   * The reserved keywords of "Reserved keywords (Transact-SQL)" (Microsoft docs), as the embedded
   * server's parser knows them ({@link Keywords#RESERVED}), the reserved words it accepts as names,
   * then the non-reserved words that statements use most (DELAY, NVARCHAR, OFFSET, ...).
   */
  static final List<String> KEYWORDS = keywords();

  private static List<String> keywords() {
    TreeSet<String> all = new TreeSet<>(Keywords.RESERVED);
    all.addAll(
        List.of(
            "PRECISION",
            "SEMANTICKEYPHRASETABLE",
            "SEMANTICSIMILARITYDETAILSTABLE",
            "SEMANTICSIMILARITYTABLE",
            "WITHIN",
            "BIGINT",
            "BIT",
            "CATCH",
            "COUNT",
            "DATE",
            "DATETIME2",
            "DECIMAL",
            "DELAY",
            "INT",
            "LOGIN",
            "MAX",
            "NEXT",
            "NVARCHAR",
            "OFFSET",
            "OUTPUT",
            "ROWS",
            "THROW",
            "TRY",
            "VARCHAR"));
    return List.copyOf(all);
  }
}
