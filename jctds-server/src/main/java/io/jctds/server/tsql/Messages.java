package io.jctds.server.tsql;

import io.jctds.server.sql.SqlException;
import io.jctds.server.types.SqlType;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** RAISERROR, THROW and WAITFOR ("RAISERROR (Transact-SQL)", "THROW", "WAITFOR"). */
final class Messages {
  private static final Pattern SPEC =
      Pattern.compile("%([-+ 0#]*)(\\d+|\\*)?(?:\\.(\\d+|\\*))?(h|l|I64)?([diosuxX])");

  private Messages() {}

  static void raisError(Runner r, Stmt.RaisError re) {
    Evaluator eval = new Evaluator(r);
    Param msg = eval.value(re.message(), null);
    int severity = number(eval.value(re.severity(), SqlType.INT));
    int state = number(eval.value(re.state(), SqlType.INT));
    if (state < 0 || state > 255) {
      state = 1;
    }
    if (severity > 18 && !re.options().contains("LOG")) {
      throw new SqlException(
          2754,
          16,
          1,
          "Error severity levels greater than 18 can only be"
              + " specified by members of the sysadmin role, using the WITH LOG option.",
          false);
    }
    List<Object> args = new ArrayList<>();
    for (Expr a : re.args()) {
      args.add(eval.value(a, null).value());
    }
    int number = 50000;
    String text;
    if (msg.value() instanceof Number n) {
      number = n.intValue();
      text =
          "Error "
              + number
              + ", severity "
              + severity
              + ", state "
              + state
              + " was raised,"
              + " but no message with that error number was found in sys.messages. If error is"
              + " larger than 50000, make sure the user-defined message is added using"
              + " sp_addmessage.";
      number = 18054;
      severity = Math.max(severity, 16);
    } else {
      text = format(msg.value() == null ? "" : msg.value().toString(), args);
    }
    if (re.options().contains("SETERROR")) {
      r.s.lastError = number;
    }
    if (severity <= 10) {
      r.info(number, state, severity, text, re.line());
      if (re.options().contains("NOWAIT")) {
        r.sink.flush();
      }
      return;
    }
    if (re.options().contains("NOWAIT")) {
      r.sink.flush();
    }
    throw new SqlException(number, severity, state, text, false, re.line());
  }

  private static int number(Param p) {
    if (!(p.value() instanceof Number n)) {
      return 0;
    }
    return n.intValue();
  }

  /** printf-style formatting of RAISERROR messages (%d %i %o %s %u %x %X, width, precision). */
  static String format(String message, List<Object> args) {
    String msg = message.replace("%%", "\u0000");
    StringBuilder out = new StringBuilder();
    Matcher m = SPEC.matcher(msg);
    int at = 0;
    int next = 0;
    while (m.find()) {
      out.append(msg, at, m.start());
      at = m.end();
      String width = m.group(2);
      String precision = m.group(3);
      if ("*".equals(width)) {
        width = next < args.size() ? String.valueOf(args.get(next++)) : null;
      }
      if ("*".equals(precision)) {
        precision = next < args.size() ? String.valueOf(args.get(next++)) : null;
      }
      Object arg = next < args.size() ? args.get(next++) : null;
      out.append(one(m.group(1), width, precision, m.group(5).charAt(0), arg));
    }
    out.append(msg, at, msg.length());
    return out.toString().replace("\u0000", "%");
  }

  private static String one(String flags, String width, String precision, char conv, Object arg) {
    if (arg == null) {
      return "(null)";
    }
    String body =
        switch (conv) {
          case 's' ->
              precision == null
                  ? arg.toString()
                  : arg.toString()
                      .substring(0, Math.min(arg.toString().length(), Integer.parseInt(precision)));
          case 'x' -> Long.toHexString(((Number) arg).longValue());
          case 'X' -> Long.toHexString(((Number) arg).longValue()).toUpperCase();
          case 'o' -> Long.toOctalString(((Number) arg).longValue());
          case 'u' -> Long.toUnsignedString(((Number) arg).longValue() & 0xFFFFFFFFL);
          default -> String.valueOf(((Number) arg).longValue());
        };
    if ((conv == 'd' || conv == 'i') && flags.contains("+") && !body.startsWith("-")) {
      body = "+" + body;
    }
    int w = width == null ? 0 : Integer.parseInt(width);
    if (body.length() < w) {
      String pad =
          (flags.contains("0") && !flags.contains("-") ? "0" : " ").repeat(w - body.length());
      body = flags.contains("-") ? body + " ".repeat(w - body.length()) : pad + body;
    }
    return body;
  }

  static void throwError(Runner r, Stmt.Throw t) {
    if (t.number() == null) {
      SqlException caught = r.s.caught;
      if (caught == null) {
        throw new SqlException(
            10704,
            15,
            1,
            "To rethrow an error, a THROW statement must be used"
                + " inside a CATCH block. Insert the THROW statement inside a CATCH block, or add"
                + " error parameters to the THROW statement.",
            true);
      }
      throw new SqlException(
          caught.number(),
          caught.severity(),
          caught.state(),
          caught.getMessage(),
          true,
          r.s.caughtLine);
    }
    Evaluator eval = new Evaluator(r);
    int number = number(eval.value(t.number(), SqlType.INT));
    Param msg = eval.value(t.message(), SqlType.nvarchar(2048));
    int state = number(eval.value(t.state(), SqlType.TINYINT));
    if (number < 50000) {
      throw new SqlException(
          35100,
          16,
          10,
          "Error number "
              + number
              + " in the THROW statement"
              + " is outside the valid range. Specify an error number in the valid range of 50000 to"
              + " 2147483647.",
          true);
    }
    throw new SqlException(number, 16, state, String.valueOf(msg.value()), true, t.line());
  }

  static void waitFor(Runner r, Stmt.WaitFor w) {
    Param v = new Evaluator(r).value(w.value(), SqlType.varchar(30));
    String text = v.value() == null ? "" : v.value().toString().trim();
    LocalTime time;
    try {
      time = io.jctds.server.functions.TemporalFunctionsAccess.time(text);
    } catch (RuntimeException e) {
      throw new SqlException(
          148,
          15,
          1,
          "Incorrect time syntax in time string '" + text + "' used with WAITFOR.",
          false);
    }
    Duration d;
    if (w.delay()) {
      d = Duration.ofNanos(time.toNanoOfDay());
    } else {
      LocalDateTime now = LocalDateTime.now();
      LocalDateTime at = now.toLocalDate().atTime(time);
      d = Duration.between(now, at.isBefore(now) ? at.plusDays(1) : at);
    }
    if (!r.s.sleep(d.toNanos())) {
      r.stopIfCancelled(); // an ATTENTION woke it up
    }
    r.done(0, -1);
  }
}
