package io.jctds.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * FreeTDS's {@code locales.conf} ({@code locale.c} {@code tds_get_locale}): read from the directory
 * of the system freetds.conf, it gives the defaults a resolution starts from, before any
 * freetds.conf is read.
 *
 * <p>The {@code [default]} section is applied first, then the section named after the process
 * locale ({@code setlocale(LC_ALL, NULL)}: {@code $LC_ALL}, else {@code $LANG}, else {@code C}).
 * When no section has the full name, the name is cut at its last {@code @}, then at its last {@code
 * .}, then at its last {@code _}, trying each shorter name until a section exists: {@code
 * it_IT.UTF-8@euro} tries {@code it_IT.UTF-8@euro}, {@code it_IT.UTF-8}, {@code it_IT}, {@code it}.
 * Section names match without regard to case, as in freetds.conf.
 *
 * <p>Directives (others are ignored, as FreeTDS does): {@code language} (LOGIN7 language), {@code
 * charset} (FreeTDS's <em>server</em> charset, not the client charset: {@code tds_init_login}
 * copies it to {@code server_charset}), {@code date format}, {@code date-only format} and {@code
 * time-only format} (db-lib's and tsql's output formats for dates; jctds reports them).
 *
 * <p>Not modelled: glibc falls back to {@code C} when the named locale is not installed, and gives
 * a composite name when {@code LC_*} category variables differ from {@code LANG}; jctds uses the
 * variable's text as it is.
 */
final class LocalesConf {
  /** The file name, beside the system freetds.conf. */
  static final String FILE_NAME = "locales.conf";

  private LocalesConf() {}

  /** The locale name FreeTDS looks up: {@code $LC_ALL}, else {@code $LANG}, else {@code C}. */
  static String localeName(Map<String, String> env) {
    for (String variable : List.of("LC_ALL", "LANG")) {
      String value = env.get(variable);
      if (value != null && !value.isEmpty()) {
        return value;
      }
    }
    return "C";
  }

  /** The section names tried after {@code [default]}, in order. */
  static List<String> candidates(String locale) {
    List<String> names = new ArrayList<>();
    if (locale.isEmpty()) {
      return names;
    }
    String buf = locale;
    names.add(buf);
    for (char strip : new char[] {'@', '.', '_'}) {
      int at = buf.lastIndexOf(strip);
      if (at >= 0) {
        buf = buf.substring(0, at);
        names.add(buf);
      }
    }
    return names;
  }

  /** Applies {@code file} to the login of {@code r}; a file that cannot be read changes nothing. */
  static void apply(Resolution r, Path file) {
    byte[] data = file == null ? null : ConfigResolver.read(file);
    if (data == null) {
      return;
    }
    List<ConfLine> lines = ConfLine.parse(data);
    readSection(r, file, lines, "default");
    for (String name : candidates(localeName(r.env))) {
      if (readSection(r, file, lines, name)) {
        return;
      }
    }
  }

  private static boolean readSection(Resolution r, Path file, List<ConfLine> lines, String name) {
    boolean inSection = false;
    boolean found = false;
    String current = null;
    for (ConfLine line : lines) {
      if (line.isHeader()) {
        current = line.sectionName();
        inSection = Ascii.equalsIgnoreCase(name, current);
        found |= inSection;
      } else if (inSection) {
        set(r.login, line, new Source.FileLine(file, line.line(), current));
      }
    }
    return found;
  }

  private static void set(Login l, ConfLine line, Source.FileLine at) {
    String value = line.value();
    switch (line.key()) {
      case "language" -> {
        l.language = value;
        l.from(Login.LANGUAGE, at);
      }
      case "charset" -> {
        l.serverCharset = value;
        l.from(Login.SERVER_CHARSET, at);
      }
      case "date format" -> {
        l.dateFormat = value;
        l.from(Login.DATE_FORMAT, at);
      }
      case "date-only format" -> {
        l.dateOnlyFormat = value;
        l.from(Login.DATE_ONLY_FORMAT, at);
      }
      case "time-only format" -> {
        l.timeOnlyFormat = value;
        l.from(Login.TIME_ONLY_FORMAT, at);
      }
      default -> {
        // FreeTDS's tds_parse_locale ignores other keys
      }
    }
  }
}
