package io.jctds.net;

import java.time.Duration;

/** Sets how long each read of a transport may wait: the session's view of the socket. */
@FunctionalInterface
public interface ReadTimeout {
  /** Makes each read wait at most {@code timeout}; null waits forever. */
  void readTimeout(Duration timeout);
}
