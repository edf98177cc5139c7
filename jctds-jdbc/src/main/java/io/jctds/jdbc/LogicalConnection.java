package io.jctds.jdbc;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * The handle a {@link JctdsPooledConnection} gives the application (JDBC 4.3 §11.4): every call
 * goes to the physical connection, except that {@code close()} hands the connection back (the
 * pool's {@code connectionClosed} event) instead of closing it, a closed handle refuses further
 * calls (08003), and an SQLException whose SQLState says the connection is gone (class 08) is
 * reported to the pool ({@code connectionErrorOccurred}). A dynamic proxy: java.sql.Connection has
 * some sixty methods, and all but these three pass through unchanged.
 */
final class LogicalConnection implements InvocationHandler {
  private final JctdsPooledConnection owner;
  private final Connection physical;
  private volatile boolean closed;

  private LogicalConnection(JctdsPooledConnection owner, Connection physical) {
    this.owner = owner;
    this.physical = physical;
  }

  static Connection of(JctdsPooledConnection owner, Connection physical) {
    return (Connection)
        Proxy.newProxyInstance(
            LogicalConnection.class.getClassLoader(),
            new Class<?>[] {Connection.class},
            new LogicalConnection(owner, physical));
  }

  /** Closes this handle without telling the pool (a newer handle replaced it). */
  static void invalidate(Connection handle) {
    if (handle != null
        && Proxy.isProxyClass(handle.getClass())
        && Proxy.getInvocationHandler(handle) instanceof LogicalConnection l) {
      l.closed = true;
    }
  }

  @Override
  public Object invoke(Object proxy, Method m, Object[] args) throws Throwable {
    switch (m.getName()) {
      case "close":
        if (!closed) {
          closed = true;
          owner.handleClosed();
        }
        return null;
      case "isClosed":
        return closed || physical.isClosed();
      case "isValid":
        if (closed) {
          return false;
        }
        break;
      case "equals":
        return proxy == args[0];
      case "hashCode":
        return System.identityHashCode(proxy);
      case "toString":
        return "logical handle of " + physical;
      default:
        break;
    }
    if (closed) {
      throw new SQLException(
          "this connection handle is closed (it went back to the pool): get a new one", "08003");
    }
    try {
      return m.invoke(physical, args);
    } catch (InvocationTargetException e) {
      Throwable cause = e.getCause();
      if (cause instanceof SQLException s
          && s.getSQLState() != null
          && s.getSQLState().startsWith("08")) {
        owner.handleFailed(s);
      }
      throw cause;
    }
  }
}
