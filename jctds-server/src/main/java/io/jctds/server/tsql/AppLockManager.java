package io.jctds.server.tsql;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * The engine's application locks (sp_getapplock, sp_releaseapplock): resources named by database,
 * principal and name, each held by owners (a session's transaction or the session itself) in a
 * mode, with a count of the requests that took it. Modes and their compatibility are those of the
 * lock compatibility table of the "Transaction locking and row versioning guide"; a second request
 * by the same owner holds the union of both modes ("sp_getapplock": "the lock mode is promoted to
 * the stronger", Shared and IntentExclusive giving SharedIntentExclusive). A request that must wait
 * waits until it is compatible, its time-out passes, its session is cancelled, or its wait would
 * close a cycle of waiting sessions (then it is the deadlock victim).
 */
final class AppLockManager {
  /** Return codes of "sp_getapplock (Transact-SQL)". */
  static final int GRANTED = 0;

  static final int GRANTED_AFTER_WAIT = 1;
  static final int TIMED_OUT = -1;
  static final int CANCELLED = -2;
  static final int DEADLOCK = -3;

  /** How often a waiting request looks at its session's cancel flag. */
  private static final long POLL_MILLIS = 50;

  /** The basic lock modes of the compatibility table. */
  private enum Basic {
    IS,
    S,
    U,
    IX,
    X
  }

  /** A lock mode, named as APPLOCK_MODE names it. */
  enum Mode {
    INTENT_SHARED("IntentShared", EnumSet.of(Basic.IS)),
    SHARED("Shared", EnumSet.of(Basic.S)),
    UPDATE("Update", EnumSet.of(Basic.U)),
    INTENT_EXCLUSIVE("IntentExclusive", EnumSet.of(Basic.IX)),
    SHARED_INTENT_EXCLUSIVE("SharedIntentExclusive", EnumSet.of(Basic.S, Basic.IX)),
    UPDATE_INTENT_EXCLUSIVE("UpdateIntentExclusive", EnumSet.of(Basic.U, Basic.IX)),
    EXCLUSIVE("Exclusive", EnumSet.of(Basic.X));

    final String label;
    private final Set<Basic> parts;

    Mode(String label, Set<Basic> parts) {
      this.label = label;
      this.parts = parts;
    }

    /** The mode a request may name (@LockMode: the five of the page), or null. */
    static Mode requestable(String name) {
      for (Mode m : EnumSet.of(SHARED, UPDATE, INTENT_SHARED, INTENT_EXCLUSIVE, EXCLUSIVE)) {
        if (m.label.equalsIgnoreCase(name)) {
          return m;
        }
      }
      return null;
    }

    /** Whether a lock in this mode may be granted while another owner holds {@code held}. */
    boolean compatible(Mode held) {
      for (Basic a : parts) {
        for (Basic b : held.parts) {
          if (!AppLockManager.compatible(a, b)) {
            return false;
          }
        }
      }
      return true;
    }

    /** The union of this mode and {@code other}. */
    Mode union(Mode other) {
      Set<Basic> all = EnumSet.copyOf(parts);
      all.addAll(other.parts);
      if (all.contains(Basic.X)) {
        return EXCLUSIVE;
      }
      boolean ix = all.contains(Basic.IX);
      if (all.contains(Basic.U)) {
        return ix ? UPDATE_INTENT_EXCLUSIVE : UPDATE;
      }
      if (all.contains(Basic.S)) {
        return ix ? SHARED_INTENT_EXCLUSIVE : SHARED;
      }
      return ix ? INTENT_EXCLUSIVE : INTENT_SHARED;
    }
  }

  /** The compatibility table: requested {@code a} against granted {@code b}. */
  private static boolean compatible(Basic a, Basic b) {
    if (a == Basic.X || b == Basic.X) {
      return false;
    }
    return switch (a) {
      case IS -> true;
      case S -> b == Basic.IS || b == Basic.S || b == Basic.U;
      case U -> b == Basic.IS || b == Basic.S;
      case IX -> b == Basic.IS || b == Basic.IX;
      default -> false;
    };
  }

  /** Who holds a lock: a session ({@code transaction} false) or its transaction. */
  record Owner(int spid, boolean transaction) {}

  /** A held lock: its mode and how many requests took it. */
  private static final class Held {
    Mode mode;
    int count;

    Held(Mode mode) {
      this.mode = mode;
    }
  }

  /** A waiting request. */
  private record Wait(Owner owner, String resource, Mode mode) {}

  private final Object monitor = new Object();
  private final Map<String, Map<Owner, Held>> resources = new HashMap<>();
  private final Map<Integer, Wait> waiting = new HashMap<>();

  /** The key of resource {@code name} of {@code principal} in database {@code databaseId}. */
  static String key(int databaseId, String principal, String name) {
    return databaseId + "\u0000" + principal.toLowerCase(java.util.Locale.ROOT) + "\u0000" + name;
  }

  /**
   * Requests {@code mode} on {@code resource} for {@code owner}.
   *
   * @param timeoutMillis -1 to wait as long as it takes, 0 not to wait
   * @param cancelled whether the requesting session was cancelled (checked while waiting)
   * @return {@link #GRANTED}, {@link #GRANTED_AFTER_WAIT}, {@link #TIMED_OUT}, {@link #CANCELLED}
   *     or {@link #DEADLOCK}
   */
  int acquire(
      Owner owner, String resource, Mode mode, long timeoutMillis, BooleanSupplier cancelled) {
    synchronized (monitor) {
      if (grantable(owner, resource, mode)) {
        grant(owner, resource, mode);
        return GRANTED;
      }
      if (timeoutMillis == 0) {
        return TIMED_OUT;
      }
      Wait w = new Wait(owner, resource, mode);
      if (closesCycle(w)) {
        return DEADLOCK;
      }
      waiting.put(owner.spid(), w);
      try {
        return await(w, timeoutMillis, cancelled);
      } finally {
        waiting.remove(owner.spid());
      }
    }
  }

  private int await(Wait w, long timeoutMillis, BooleanSupplier cancelled) {
    long deadline =
        timeoutMillis < 0 ? Long.MAX_VALUE : System.nanoTime() / 1_000_000 + timeoutMillis;
    while (!grantable(w.owner(), w.resource(), w.mode())) {
      if (cancelled.getAsBoolean()) {
        return CANCELLED;
      }
      long left = deadline - System.nanoTime() / 1_000_000;
      if (left <= 0) {
        return TIMED_OUT;
      }
      try {
        monitor.wait(Math.min(left, POLL_MILLIS));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return CANCELLED;
      }
    }
    grant(w.owner(), w.resource(), w.mode());
    return GRANTED_AFTER_WAIT;
  }

  private boolean grantable(Owner owner, String resource, Mode mode) {
    Map<Owner, Held> holders = resources.get(resource);
    if (holders == null) {
      return true;
    }
    Held mine = holders.get(owner);
    Mode wanted = mine == null ? mode : mine.mode.union(mode);
    for (Map.Entry<Owner, Held> e : holders.entrySet()) {
      if (!e.getKey().equals(owner) && !wanted.compatible(e.getValue().mode)) {
        return false;
      }
    }
    return true;
  }

  private void grant(Owner owner, String resource, Mode mode) {
    Held h = resources.computeIfAbsent(resource, k -> new LinkedHashMap<>()).get(owner);
    if (h == null) {
      h = new Held(mode);
      resources.get(resource).put(owner, h);
    } else {
      h.mode = h.mode.union(mode);
    }
    h.count++;
  }

  /** The sessions holding what {@code w} cannot be granted beside. */
  private Set<Integer> blockers(Wait w) {
    Set<Integer> out = new HashSet<>();
    Map<Owner, Held> holders = resources.getOrDefault(w.resource(), Map.of());
    Held mine = holders.get(w.owner());
    Mode wanted = mine == null ? w.mode() : mine.mode.union(w.mode());
    for (Map.Entry<Owner, Held> e : holders.entrySet()) {
      if (!e.getKey().equals(w.owner()) && !wanted.compatible(e.getValue().mode)) {
        out.add(e.getKey().spid());
      }
    }
    return out;
  }

  /** Whether waiting for {@code w} would make its session wait, through others, for itself. */
  private boolean closesCycle(Wait w) {
    Set<Integer> seen = new HashSet<>();
    java.util.ArrayDeque<Integer> todo = new java.util.ArrayDeque<>(blockers(w));
    while (!todo.isEmpty()) {
      int spid = todo.pop();
      if (spid == w.owner().spid()) {
        return true;
      }
      Wait next = waiting.get(spid);
      if (seen.add(spid) && next != null) {
        todo.addAll(blockers(next));
      }
    }
    return false;
  }

  /** Releases one request of {@code owner} on {@code resource}; false when it holds none. */
  boolean release(Owner owner, String resource) {
    synchronized (monitor) {
      Map<Owner, Held> holders = resources.get(resource);
      Held h = holders == null ? null : holders.get(owner);
      if (h == null) {
        return false;
      }
      if (--h.count == 0) {
        holders.remove(owner);
        if (holders.isEmpty()) {
          resources.remove(resource);
        }
        monitor.notifyAll();
      }
      return true;
    }
  }

  /** Releases every lock {@code owner} holds (its transaction ended, or its session). */
  void releaseAll(Owner owner) {
    synchronized (monitor) {
      boolean any = false;
      for (Iterator<Map<Owner, Held>> it = resources.values().iterator(); it.hasNext(); ) {
        Map<Owner, Held> holders = it.next();
        any |= holders.remove(owner) != null;
        if (holders.isEmpty()) {
          it.remove();
        }
      }
      if (any) {
        monitor.notifyAll();
      }
    }
  }

  /** Whether session {@code spid} is waiting for a lock now. */
  boolean isWaiting(int spid) {
    synchronized (monitor) {
      return waiting.containsKey(spid);
    }
  }

  /** The mode {@code owner} holds {@code resource} in, or null (APPLOCK_MODE's NoLock). */
  Mode mode(Owner owner, String resource) {
    synchronized (monitor) {
      Held h = resources.getOrDefault(resource, Map.of()).get(owner);
      return h == null ? null : h.mode;
    }
  }

  /** Whether {@code owner} could be granted {@code mode} now without waiting (APPLOCK_TEST). */
  boolean test(Owner owner, String resource, Mode mode) {
    synchronized (monitor) {
      return grantable(owner, resource, mode);
    }
  }
}
