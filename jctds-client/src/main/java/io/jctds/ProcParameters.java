package io.jctds;

import io.jctds.protocol.TdsVersion;
import io.jctds.protocol.token.ReturnValue;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@link Cursor#callProc(String, Object...)} returns: the parameters as given, each OUTPUT
 * {@link Parameter} replaced by the value the procedure returned for it (k-cTDS's callproc). The
 * procedure's result sets come before its OUTPUT values on the wire: reading an OUTPUT element
 * before those result sets were read reads the rest of the response and discards their unread rows.
 * Input elements are returned as given (a {@link Parameter}'s value).
 */
final class ProcParameters extends AbstractList<Object> {
  private final Cursor cursor;
  private final long request;
  private final List<?> given;
  private Object[] outputs;

  ProcParameters(Cursor cursor, long request, List<?> given) {
    this.cursor = cursor;
    this.request = request;
    this.given = given;
  }

  @Override
  public Object get(int index) {
    Object p = given.get(index);
    if (!(p instanceof Parameter param)) {
      return p;
    }
    if (!param.isOutput()) {
      return param.value();
    }
    return outputs()[index];
  }

  @Override
  public int size() {
    return given.size();
  }

  private Object[] outputs() {
    if (outputs == null) {
      outputs = match(cursor.outputsOf(request), given, cursor.tdsVersion());
    }
    return outputs;
  }

  /**
   * The OUTPUT values by position: from TDS 7.2 a RETURNVALUE's ordinal is its parameter's position
   * in the call, 0-based ([MS-TDS] 2.2.7.18; SQL Server sends large outputs last); before 7.2 the
   * field is a length and the values come in the order of the OUTPUT parameters.
   */
  static Object[] match(List<ReturnValue> values, List<?> given, TdsVersion version) {
    Object[] out = new Object[given.size()];
    List<Integer> outputPositions = new ArrayList<>();
    for (int i = 0; i < given.size(); i++) {
      if (given.get(i) instanceof Parameter p && p.isOutput()) {
        outputPositions.add(i);
      }
    }
    int next = 0;
    for (ReturnValue v : values) {
      if ((v.status() & ReturnValue.STATUS_UDF) != 0) {
        continue;
      }
      int at = version.atLeast(TdsVersion.V7_2) ? v.ordinal() : nextPosition(outputPositions, next);
      next++;
      if (at >= 0 && at < out.length) {
        out[at] = v.getObject();
      }
    }
    return out;
  }

  private static int nextPosition(List<Integer> positions, int n) {
    return n < positions.size() ? positions.get(n) : -1;
  }
}
