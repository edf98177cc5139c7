package io.jctds.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jline.reader.CompletingParsedLine;
import org.jline.reader.EOFError;
import org.jline.reader.ParsedLine;
import org.jline.reader.Parser;

/**
 * How the shell reads what is typed: a statement goes on over several lines until a line {@code go}
 * or {@code go N} (as sqlcmd); a line starting with {@code :} is a shell command, and {@code quit}
 * or {@code exit} alone end the shell (as sqlcmd). Words for completion are runs of identifier
 * characters (letters, digits, {@code _ @ # $ .} and brackets), so {@code count(ord} completes
 * {@code ord}. Backslashes are kept as typed.
 */
final class ShellParser implements Parser {
  /** A line that runs the statement, {@code N} times with {@code go N}. */
  static final Pattern GO =
      Pattern.compile("\\s*go(?:\\s+(\\d{1,9}))?\\s*", Pattern.CASE_INSENSITIVE);

  private static final Pattern QUIT =
      Pattern.compile("\\s*(?:quit|exit)\\s*", Pattern.CASE_INSENSITIVE);

  /** What the buffer holds when Enter is pressed. */
  enum Kind {
    /** Nothing but white space. */
    EMPTY,
    /** A shell command (its first non-blank character is {@code :}). */
    COMMAND,
    /** {@code quit} or {@code exit}. */
    QUIT,
    /** A statement ended by {@code go} / {@code go N}. */
    STATEMENT,
    /** A statement still without its {@code go}. */
    INCOMPLETE
  }

  static Kind kind(String buffer) {
    if (buffer.isBlank()) {
      return Kind.EMPTY;
    }
    if (buffer.stripLeading().startsWith(":")) {
      return Kind.COMMAND;
    }
    if (QUIT.matcher(buffer).matches()) {
      return Kind.QUIT;
    }
    return GO.matcher(lastLine(buffer)).matches() ? Kind.STATEMENT : Kind.INCOMPLETE;
  }

  /** The statement of a buffer of kind STATEMENT: the text before its {@code go} line. */
  static String statement(String buffer) {
    int end = buffer.lastIndexOf('\n');
    return end < 0 ? "" : buffer.substring(0, end);
  }

  /** How often a buffer of kind STATEMENT runs: N of {@code go N}, else 1. */
  static int repeat(String buffer) {
    Matcher m = GO.matcher(lastLine(buffer));
    if (!m.matches() || m.group(1) == null) {
      return 1;
    }
    return Integer.parseInt(m.group(1));
  }

  private static String lastLine(String buffer) {
    return buffer.substring(buffer.lastIndexOf('\n') + 1);
  }

  @Override
  public ParsedLine parse(String line, int cursor, ParseContext context) {
    if (context == ParseContext.ACCEPT_LINE && kind(line) == Kind.INCOMPLETE) {
      throw new EOFError(-1, -1, "a statement runs at a line 'go'", "go");
    }
    return words(line, cursor);
  }

  @Override
  public boolean isEscapeChar(char ch) {
    return false;
  }

  /** The line cut into words at anything that is not part of a (qualified) identifier. */
  static ParsedLine words(String line, int cursor) {
    List<String> words = new ArrayList<>();
    int wordIndex = -1;
    int wordCursor = 0;
    int i = 0;
    while (i <= line.length()) {
      int start = i;
      while (i < line.length() && isWordChar(line.charAt(i))) {
        i++;
      }
      if (cursor >= start && cursor <= i && wordIndex < 0) {
        wordIndex = words.size();
        wordCursor = cursor - start;
        words.add(line.substring(start, i));
      } else if (i > start) {
        words.add(line.substring(start, i));
      }
      i++;
    }
    if (wordIndex < 0) {
      wordIndex = words.size();
      words.add("");
    }
    return new Words(line, cursor, words, wordIndex, wordCursor);
  }

  private static boolean isWordChar(char ch) {
    return Character.isLetterOrDigit(ch) || "_@#$.[]:".indexOf(ch) >= 0;
  }

  private record Words(String line, int cursor, List<String> words, int wordIndex, int wordCursor)
      implements CompletingParsedLine {
    @Override
    public String word() {
      return words.get(wordIndex);
    }

    @Override
    public CharSequence escape(CharSequence candidate, boolean complete) {
      return candidate; // names are inserted as they are
    }

    @Override
    public int rawWordCursor() {
      return wordCursor;
    }

    @Override
    public int rawWordLength() {
      return word().length();
    }
  }
}
