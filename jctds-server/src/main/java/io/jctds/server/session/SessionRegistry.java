package io.jctds.server.session;

import io.jctds.server.SessionInfo;
import java.io.IOException;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * The server's live sessions: hands out SPIDs (51 upward, the lowest free one, as SQL Server reuses
 * them), starts one platform daemon thread {@code jctds-session-<spid>} per session, and closes and
 * joins them all on shutdown.
 */
public final class SessionRegistry {
  /** The first SPID given to a user session (SQL Server reserves 1-50 for system sessions). */
  public static final int FIRST_SPID = 51;

  /** The last SPID (SQL Server's maximum of 32767 connections). */
  public static final int LAST_SPID = 32767;

  private final ServerSettings settings;
  private final TreeMap<Integer, Session> live = new TreeMap<>();
  private final List<Thread> threads = new ArrayList<>();
  private boolean closed;

  /** A registry for sessions using {@code settings}. */
  public SessionRegistry(ServerSettings settings) {
    this.settings = settings;
  }

  /** Serves a newly accepted connection on its own thread, or closes it when full or closing. */
  public void serve(Socket socket) {
    synchronized (this) {
      int spid = closed ? -1 : freeSpid();
      if (spid < 0) {
        closeQuietly(socket);
        if (!closed) {
          settings
              .logger()
              .log(System.Logger.Level.WARNING, "all SPIDs are in use; connection refused");
        }
        return;
      }
      Session session = new Session(spid, Connection.of(socket), settings, this);
      live.put(spid, session);
      Thread thread = new Thread(session, "jctds-session-" + spid);
      thread.setDaemon(true);
      threads.removeIf(t -> !t.isAlive());
      threads.add(thread);
      thread.start(); // under the lock: closeAll() joins every thread it can see
    }
  }

  private int freeSpid() {
    int spid = FIRST_SPID;
    for (int used : live.keySet()) {
      if (used != spid) {
        break;
      }
      spid++;
    }
    return spid <= LAST_SPID ? spid : -1;
  }

  synchronized void remove(Session session) {
    live.remove(session.spid(), session);
    notifyAll();
  }

  /**
   * Waits until {@link #snapshots} counts {@code count} sessions or {@code timeout} passed: a
   * session whose client closed its socket leaves when its thread has seen the end of the stream
   * and rolled back, a moment after the client's close returned.
   *
   * @return whether the count was reached
   */
  public boolean awaitCount(int count, java.time.Duration timeout) throws InterruptedException {
    long end = System.nanoTime() + timeout.toNanos();
    while (snapshots().size() != count) {
      long left = end - System.nanoTime();
      if (left <= 0) {
        return false;
      }
      synchronized (this) {
        // woken by remove(); a login or a kill does not notify, hence the short wait
        wait(Math.max(1, Math.min(java.util.concurrent.TimeUnit.NANOSECONDS.toMillis(left), 20)));
      }
    }
    return true;
  }

  /**
   * Snapshots of the logged-in sessions, by SPID. A killed session is left out at once, although
   * its thread may still be rolling back: the killer's next query (sys.dm_exec_sessions) and {@code
   * TdsServer.sessions()} no longer count it.
   */
  public List<SessionInfo> snapshots() {
    List<Session> sessions;
    synchronized (this) {
      sessions = new ArrayList<>(live.values());
    }
    List<SessionInfo> infos = new ArrayList<>();
    for (Session s : sessions) {
      if (s.loggedIn() && !s.aborted()) {
        infos.add(s.info());
      }
    }
    return infos;
  }

  /**
   * Ends the logged-in session {@code spid} (KILL): its request is cancelled and its connection
   * closed.
   *
   * @return false when no logged-in session has that id
   */
  public boolean kill(int spid) {
    Session s;
    synchronized (this) {
      s = live.get(spid);
    }
    if (s == null || !s.loggedIn() || s.aborted()) {
      return false; // a killed session that is still ending is no longer an active process
    }
    s.log(System.Logger.Level.INFO, "killed (KILL " + spid + ")");
    s.abort();
    return true;
  }

  /** Refuses new sessions, closes every live one and waits until all their threads ended. */
  public void closeAll() {
    List<Session> sessions;
    List<Thread> toJoin;
    synchronized (this) {
      closed = true;
      sessions = new ArrayList<>(live.values());
      toJoin = new ArrayList<>(threads);
    }
    sessions.forEach(Session::abort);
    boolean interrupted = false;
    for (Thread t : toJoin) {
      while (t.isAlive()) {
        try {
          t.join();
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  private static void closeQuietly(Socket s) {
    try {
      s.close();
    } catch (IOException ignored) {
      // refused anyway
    }
  }
}
