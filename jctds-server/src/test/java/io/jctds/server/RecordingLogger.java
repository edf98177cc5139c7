package io.jctds.server;

import java.util.List;
import java.util.ResourceBundle;
import java.util.concurrent.CopyOnWriteArrayList;

/** A System.Logger that keeps every line (all levels) for assertions, and nothing else. */
final class RecordingLogger implements System.Logger {
  private final List<String> lines = new CopyOnWriteArrayList<>();

  @Override
  public String getName() {
    return TdsServer.LOGGER_NAME;
  }

  @Override
  public boolean isLoggable(Level level) {
    return true;
  }

  @Override
  public void log(Level level, ResourceBundle bundle, String msg, Throwable thrown) {
    lines.add(level + " " + msg + (thrown == null ? "" : " " + thrown));
  }

  @Override
  public void log(Level level, ResourceBundle bundle, String format, Object... params) {
    boolean plain = params == null || params.length == 0;
    lines.add(level + " " + (plain ? format : java.text.MessageFormat.format(format, params)));
  }

  List<String> lines() {
    return List.copyOf(lines);
  }

  String all() {
    return String.join("\n", lines);
  }
}
