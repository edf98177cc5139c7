package io.jctds.server.sql;

import io.jctds.server.sql.SqlToken.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The SET statement's options, as clients send them on connect: ON/OFF options (possibly several
 * separated by commas), valued options (TEXTSIZE, LOCK_TIMEOUT, DATEFORMAT, DATEFIRST,
 * DEADLOCK_PRIORITY, ROWCOUNT, ...), TRANSACTION ISOLATION LEVEL and LANGUAGE. An unknown option is
 * error 195, as in SQL Server.
 */
final class SetParser {
  /** Options set with ON or OFF. */
  static final Set<String> ON_OFF =
      Set.of(
          "ANSI_DEFAULTS",
          "ANSI_NULL_DFLT_OFF",
          "ANSI_NULL_DFLT_ON",
          "ANSI_NULLS",
          "ANSI_PADDING",
          "ANSI_WARNINGS",
          "ARITHABORT",
          "ARITHIGNORE",
          "CONCAT_NULL_YIELDS_NULL",
          "CURSOR_CLOSE_ON_COMMIT",
          "FMTONLY",
          "FORCEPLAN",
          "IMPLICIT_TRANSACTIONS",
          "NOCOUNT",
          "NOEXEC",
          "NUMERIC_ROUNDABORT",
          "PARSEONLY",
          "QUOTED_IDENTIFIER",
          "REMOTE_PROC_TRANSACTIONS",
          "SHOWPLAN_ALL",
          "SHOWPLAN_TEXT",
          "SHOWPLAN_XML",
          "XACT_ABORT",
          "NO_BROWSETABLE",
          "DISABLE_DEF_CNST_CHK",
          "STATISTICS");

  /** Options followed by a number. */
  static final Set<String> NUMERIC =
      Set.of("TEXTSIZE", "LOCK_TIMEOUT", "DATEFIRST", "ROWCOUNT", "QUERY_GOVERNOR_COST_LIMIT");

  /** The options ANSI_DEFAULTS ON turns on. */
  static final List<String> ANSI_DEFAULTS =
      List.of(
          "ANSI_NULLS",
          "ANSI_NULL_DFLT_ON",
          "ANSI_PADDING",
          "ANSI_WARNINGS",
          "CURSOR_CLOSE_ON_COMMIT",
          "IMPLICIT_TRANSACTIONS",
          "QUOTED_IDENTIFIER");

  private SetParser() {}

  /** Parses what follows SET (the parser stands on the option name). */
  static Statement parse(Parser p, int line) {
    SqlToken first = p.peekToken();
    String name = first.upper();
    if (name.equals("TRANSACTION")) {
      p.nextToken();
      expect(p, "ISOLATION");
      expect(p, "LEVEL");
      return new Statement.SetOption(List.of("TRANSACTION ISOLATION LEVEL"), isolation(p), line);
    }
    if (name.equals("LANGUAGE")) {
      p.nextToken();
      return new Statement.SetLanguage(word(p), line);
    }
    if (name.equals("DATEFORMAT")) {
      p.nextToken();
      return new Statement.SetOption(List.of(name), word(p).toLowerCase(), line);
    }
    if (name.equals("DEADLOCK_PRIORITY")) {
      p.nextToken();
      return new Statement.SetOption(List.of(name), numberOrWord(p), line);
    }
    if (name.equals("CONTEXT_INFO")) {
      p.nextToken();
      SqlToken v = p.nextToken();
      if (v.kind() != Kind.BINARY && v.kind() != Kind.VARIABLE) {
        throw SqlException.syntax(v.near());
      }
      return new Statement.SetOption(List.of(name), "0x" + v.text(), line);
    }
    if (NUMERIC.contains(name)) {
      p.nextToken();
      return new Statement.SetOption(List.of(name), number(p), line);
    }
    return onOff(p, line);
  }

  private static Statement onOff(Parser p, int line) {
    List<String> names = new ArrayList<>();
    do {
      SqlToken t = p.nextToken();
      String n = t.upper();
      if (t.kind() != Kind.WORD || !ON_OFF.contains(n)) {
        throw new SqlException(
            195, 15, 1, "'" + t.text() + "' is not a recognized SET option.", true);
      }
      if (n.equals("STATISTICS")) {
        SqlToken kind = p.nextToken();
        if (!Set.of("IO", "TIME", "XML", "PROFILE").contains(kind.upper())) {
          throw SqlException.syntax(kind.near());
        }
        n = n + " " + kind.upper();
      }
      names.add(n);
    } while (p.acceptSym(","));
    SqlToken v = p.nextToken();
    if (!v.is("ON") && !v.is("OFF")) {
      throw SqlException.syntax(v.near());
    }
    return new Statement.SetOption(names, v.upper(), line);
  }

  private static void expect(Parser p, String word) {
    if (!p.acceptWord(word)) {
      throw p.error();
    }
  }

  private static String isolation(Parser p) {
    if (p.acceptWord("READ")) {
      if (p.acceptWord("COMMITTED")) {
        return "READ COMMITTED";
      }
      expect(p, "UNCOMMITTED");
      return "READ UNCOMMITTED";
    }
    if (p.acceptWord("REPEATABLE")) {
      expect(p, "READ");
      return "REPEATABLE READ";
    }
    if (p.acceptWord("SNAPSHOT")) {
      return "SNAPSHOT";
    }
    expect(p, "SERIALIZABLE");
    return "SERIALIZABLE";
  }

  private static String word(Parser p) {
    SqlToken t = p.nextToken();
    return switch (t.kind()) {
      case WORD, QUOTED_IDENTIFIER, STRING, NSTRING -> t.text();
      default -> throw SqlException.syntax(t.near());
    };
  }

  private static String number(Parser p) {
    boolean negative = p.acceptSym("-");
    SqlToken t = p.nextToken();
    if (t.kind() != Kind.NUMBER || t.text().contains(".")) {
      throw SqlException.syntax(t.near());
    }
    return (negative ? "-" : "") + t.text();
  }

  private static String numberOrWord(Parser p) {
    SqlToken t = p.peekToken();
    return t.kind() == Kind.WORD ? p.nextToken().upper() : number(p);
  }
}
