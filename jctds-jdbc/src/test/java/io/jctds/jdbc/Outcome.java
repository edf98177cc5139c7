package io.jctds.jdbc;

import java.io.InputStream;
import java.io.Reader;
import java.io.StringWriter;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.SQLException;
import java.sql.SQLXML;
import java.util.HexFormat;

/**
 * What a getter gave, comparable across drivers: the value shown with its class (streams and LOBs
 * by their content, java.sql dates by text and epoch milliseconds), or the exception it threw.
 */
record Outcome(Object value, Throwable error) {

  interface Call {
    Object get() throws Exception;
  }

  static Outcome of(Call call) {
    try {
      return new Outcome(call.get(), null);
    } catch (Exception e) {
      return new Outcome(null, e);
    }
  }

  boolean sqlException() {
    return error instanceof SQLException;
  }

  String sqlState() {
    return error instanceof SQLException s ? s.getSQLState() : null;
  }

  /** The comparable text: a value's class and content, or the exception's kind. */
  String show() {
    if (error != null) {
      return error instanceof SQLException ? "SQLException" : "Runtime:" + error.getClass();
    }
    try {
      return show(value);
    } catch (Exception e) {
      return "unreadable:" + e;
    }
  }

  private static String show(Object o) throws Exception {
    if (o == null) {
      return "null";
    } else if (o instanceof byte[] b) {
      return "byte[]:" + HexFormat.of().formatHex(b);
    } else if (o instanceof java.sql.Timestamp t) {
      return "Timestamp:" + t + "@" + t.getTime();
    } else if (o instanceof java.sql.Date d) {
      return "Date:" + d + "@" + d.getTime();
    } else if (o instanceof java.sql.Time t) {
      return "Time:" + t + "@" + t.getTime();
    } else if (o instanceof InputStream in) {
      try (in) {
        return "InputStream:" + HexFormat.of().formatHex(in.readAllBytes());
      }
    } else if (o instanceof Reader r) {
      return "Reader:" + read(r);
    } else if (o instanceof Blob b) {
      return "Blob:" + HexFormat.of().formatHex(b.getBytes(1, (int) b.length()));
    } else if (o instanceof Clob c) {
      return "Clob:" + c.getSubString(1, (int) c.length()) + "|" + read(c.getCharacterStream());
    } else if (o instanceof SQLXML x) {
      return "SQLXML:" + x.getString();
    } else if (o.getClass().getName().equals("microsoft.sql.DateTimeOffset")) {
      // documented difference: we return java.time.OffsetDateTime, mssql-jdbc its own class
      Object odt = o.getClass().getMethod("getOffsetDateTime").invoke(o);
      return "OffsetDateTime:" + odt;
    }
    return o.getClass().getSimpleName() + ":" + o;
  }

  private static String read(Reader r) throws Exception {
    try (r) {
      StringWriter w = new StringWriter();
      r.transferTo(w);
      return w.toString();
    }
  }
}
