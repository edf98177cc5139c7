package io.jctds;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A connection's prepared statement handles ({@link Cursor#executePrepared}), by statement text and
 * declared parameter types, least recently used first out: a handle that falls out is unprepared
 * (sp_unprepare) with the connection's next prepared execution.
 */
final class PreparedHandles {
  /** How many handles a connection keeps. */
  static final int CAPACITY = 64;

  /** One statement: how often it ran and its handle once prepared. */
  static final class Entry {
    int uses;
    Integer handle;
  }

  private final List<Integer> unprepare = new ArrayList<>();
  private final Map<String, Entry> entries =
      new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
          if (size() <= CAPACITY) {
            return false;
          }
          if (eldest.getValue().handle != null) {
            unprepare.add(eldest.getValue().handle);
          }
          return true;
        }
      };

  Entry entry(String key) {
    return entries.computeIfAbsent(key, k -> new Entry());
  }

  /** The handles to unprepare, removed from the list. */
  List<Integer> drainUnprepare() {
    if (unprepare.isEmpty()) {
      return List.of();
    }
    List<Integer> out = List.copyOf(unprepare);
    unprepare.clear();
    return out;
  }

  int size() {
    return entries.size();
  }
}
