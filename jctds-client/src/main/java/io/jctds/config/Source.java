package io.jctds.config;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where a resolved value came from: a freetds.conf (or interfaces) line, an environment variable,
 * the application, the built-in default, or another value that implied it.
 */
public sealed interface Source {

  /** The value was given by the application (including the server name it passed). */
  Source APPLICATION = new Application();

  /** Nothing set the value: FreeTDS's built-in default applies. */
  Source DEFAULT = new BuiltIn();

  /**
   * The compact form used in JSON: {@code file:PATH:LINE}, {@code env:NAME}, {@code app}, {@code
   * setting:ORIGIN} or {@code default}. A derived value reports the source of the value that
   * implied it.
   */
  String label();

  /** A human-readable explanation, e.g. {@code /etc/freetds/freetds.conf:12 [myserver]}. */
  String describe();

  /**
   * A line of a configuration file.
   *
   * @param file the file
   * @param line the 1-based line number
   * @param section the section the line is in, as written (lower-cased like FreeTDS), or null
   */
  record FileLine(Path file, int line, String section) implements Source {
    public FileLine {
      Objects.requireNonNull(file, "file");
    }

    @Override
    public String label() {
      return "file:" + file + ":" + line;
    }

    @Override
    public String describe() {
      return file + ":" + line + (section == null ? "" : " [" + section + "]");
    }
  }

  /**
   * An environment variable.
   *
   * @param variable its name, e.g. {@code TDSPORT}
   */
  record Environment(String variable) implements Source {
    public Environment {
      Objects.requireNonNull(variable, "variable");
    }

    @Override
    public String label() {
      return "env:" + variable;
    }

    @Override
    public String describe() {
      return "$" + variable;
    }
  }

  /** Given by the application; use {@link Source#APPLICATION}. */
  record Application() implements Source {
    @Override
    public String label() {
      return "app";
    }

    @Override
    public String describe() {
      return "application";
    }
  }

  /** The built-in default; use {@link Source#DEFAULT}. */
  record BuiltIn() implements Source {
    @Override
    public String label() {
      return "default";
    }

    @Override
    public String describe() {
      return "built-in default";
    }
  }

  /**
   * A freetds.conf directive set by the application by name rather than read from a file (e.g. a
   * JDBC URL property), applied as a section after the file's server section: see {@link
   * ApplicationSettings.Builder#directive}.
   *
   * @param origin what set it, in words, e.g. {@code jdbc URL property caFile}
   */
  record Setting(String origin) implements Source {
    public Setting {
      Objects.requireNonNull(origin, "origin");
    }

    @Override
    public String label() {
      return "setting:" + origin;
    }

    @Override
    public String describe() {
      return origin;
    }
  }

  /**
   * A value implied by another one, e.g. {@code ca file = system} implied by {@code encryption =
   * strict}.
   *
   * @param reason why, e.g. "strict implies ca file = system"
   * @param cause the source of the value that implied this one
   */
  record Derived(String reason, Source cause) implements Source {
    public Derived {
      Objects.requireNonNull(reason, "reason");
      Objects.requireNonNull(cause, "cause");
    }

    @Override
    public String label() {
      return cause.label();
    }

    @Override
    public String describe() {
      return reason + " (" + cause.describe() + ")";
    }
  }
}
