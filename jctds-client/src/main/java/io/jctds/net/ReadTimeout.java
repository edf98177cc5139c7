package io.jctds.net;

import java.time.Duration;

/** Sets how long each read of a transport may wait: the session's view of the socket. */
@FunctionalInterface
public interface ReadTimeout {
  /** Makes each read wait at most {@code timeout}; null waits forever. */
  void readTimeout(Duration timeout);

  /**
   * Whether the idle connection shows neither unread bytes nor the end of the stream. An
   * implementation may consume a byte to find out, so a connection that is not quiet must not be
   * used again. Without a way to look (this default), it answers true.
   */
  default boolean quiet() {
    return true;
  }
}
