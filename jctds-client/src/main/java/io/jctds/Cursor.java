package io.jctds;

import io.jctds.internal.params.EncodeContext;
import io.jctds.internal.params.PreparedCall;
import io.jctds.internal.params.Rpcs;
import io.jctds.protocol.TdsVersion;
import io.jctds.protocol.rpc.RpcRequest;
import io.jctds.protocol.token.ColMetadata;
import io.jctds.protocol.token.Done;
import io.jctds.protocol.token.ReturnStatus;
import io.jctds.protocol.token.ReturnValue;
import io.jctds.protocol.token.Token;
import io.jctds.protocol.token.TokenType;
import io.jctds.session.ResponseStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.OptionalInt;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Runs SQL and reads its results, k-cTDS style: {@link #execute} sends one SQL batch and positions
 * on its first result set; {@link #fetchOne()}, {@link #fetchMany(int)} and {@link #fetchAll()}
 * read rows; {@link #nextSet()} moves to the next result set. Results stream: rows are decoded from
 * packets as they arrive, and only {@link #fetchAll()} holds a whole result set in memory.
 *
 * <p>Errors surface from the call that reaches them: a statement that fails raises from the call
 * that moves onto it ({@link #execute} for the first statement, {@link #nextSet()} for a later one;
 * a failure after some of its rows were sent raises from the fetch that reaches it). Rows read
 * before stay valid, and the cursor can go on with {@link #nextSet()} to the results of the
 * statements after the failed one, as far as the server ran them.
 *
 * <p>One request runs at a time per connection: executing on any cursor of the connection discards
 * what is left of the previous result. Not thread-safe, except {@link #cancel()}.
 */
public final class Cursor implements AutoCloseable, Iterable<Row> {
  private final Connection connection;
  private ResponseStream stream;
  private ResultColumns columns;
  private boolean inRows;

  /** The first row of the current result set, read ahead by {@link #advance()} (kept). */
  private io.jctds.protocol.token.Row pending;

  private long rowCount = -1;
  private long[] rowCounts = new long[4];
  private int counts;
  private long rowNumber = -1;
  private int arraySize = 1;
  private Integer returnStatus;
  private final List<ReturnValue> returnValues = new ArrayList<>();
  private long[] callCounts = new long[4];
  private int calls;
  private long callSum = -1;
  private boolean countsAsResults;
  private boolean statementsAsResults;
  private long innerCount = -1; // the last DONEINPROC count since the last statementsAsResults stop
  private PreparedHandles.Entry preparing;
  private PreparedHandles.Entry preparingNext;
  private boolean atCount;
  private boolean closed;

  /** Counts the requests this cursor sent, so that a call's outputs know when they are gone. */
  private long requests;

  /**
   * The largest RPC request {@link #executeMany} sends, in bytes of payload (1 MiB): parameter sets
   * are grouped in order into requests up to this size; a single call larger than it goes alone.
   */
  public static final long MAX_REQUEST_BYTES = 1 << 20;

  Cursor(Connection connection) {
    this.connection = connection;
  }

  /**
   * Runs {@code sql} as one SQL batch and moves to its first result set, if any. Unread results of
   * the previous request are discarded.
   *
   * @throws DatabaseError when a statement up to the first result set fails; {@link #nextSet()}
   *     then moves on to the results of the statements after it
   * @throws OperationalError on a timeout, a cancel or a broken connection
   */
  public void execute(String sql) {
    requireOpen();
    reset();
    stream = connection.session().execute(sql, statementsAsResults);
    advance();
  }

  /**
   * Runs {@code sql} with parameters through sp_executesql (an RPC), numeric paramstyle: {@code :0}
   * is {@code params[0]}, {@code :1} the next, ... (k-cTDS's default). Without parameters it is a
   * SQL batch, as {@link #execute(String)}. Values are Java values or the {@code Sql*} wrappers
   * (README, "Parameters"); a value that does not fit is a {@link DataError} and an unsupported
   * type an {@link InterfaceError}, both before anything is sent.
   *
   * @throws ProgrammingError if the connection's paramstyle is named
   */
  public void execute(String sql, Object... params) {
    if (params == null || params.length == 0) {
      execute(sql);
      return;
    }
    requireStyle(ParamStyle.NUMERIC);
    executeRpc(List.of(Rpcs.executeSql(sql, Arrays.asList(params), context())));
  }

  /**
   * Runs {@code sql} with numeric parameters like {@link #execute(String, Object...)}, as a
   * prepared statement from its second execution on this connection: the first goes as
   * sp_executesql, the second as sp_prepexec (prepare and run), later ones as sp_execute with the
   * server's handle — mssql-jdbc's default (prepareMethod=prepexec, no prepare on the first call).
   * A statement is the same when its text and its parameters' declared types are; a connection
   * keeps 64 handles and unprepares the least recently used. A handle the server no longer knows
   * (error 8179) is prepared again. OUTPUT parameters need {@link #callProc}.
   */
  public void executePrepared(String sql, Object... params) {
    if (params == null || params.length == 0) {
      execute(sql);
      return;
    }
    requireStyle(ParamStyle.NUMERIC);
    settlePrepare();
    EncodeContext ctx = context();
    PreparedCall call = PreparedCall.of(sql, Arrays.asList(params), ctx);
    PreparedHandles handles = connection.preparedHandles();
    PreparedHandles.Entry e = handles.entry(call.key());
    e.uses++;
    List<RpcRequest> calls = new ArrayList<>();
    for (int h : handles.drainUnprepare()) {
      calls.add(PreparedCall.unprepare(h, ctx));
    }
    if (e.handle != null) {
      calls.add(call.execute(e.handle));
      try {
        executeRpc(calls);
        return;
      } catch (DatabaseError x) {
        if (x.number() != 8179) { // "Could not find prepared statement with handle"
          throw x;
        }
        e.handle = null;
        calls = new ArrayList<>();
      }
    }
    if (e.uses >= 2) {
      calls.add(call.prepExec());
      preparingNext = e;
    } else {
      calls.add(call.executeSql());
    }
    executeRpc(calls);
  }

  /**
   * Runs {@code sql} with named parameters ({@code :name} is {@code params.get("name")}) through
   * sp_executesql; without parameters as a SQL batch.
   *
   * @throws ProgrammingError if the connection's paramstyle is numeric
   */
  public void execute(String sql, Map<String, ?> params) {
    if (params.isEmpty()) {
      execute(sql);
      return;
    }
    requireStyle(ParamStyle.NAMED);
    executeRpc(List.of(Rpcs.executeSql(sql, params, context())));
  }

  /**
   * Runs {@code sql} once for each parameter set (a {@code List} or {@code Object[]} for the
   * numeric paramstyle, a {@code Map} for the named one), consumed lazily: the sp_executesql calls
   * go pipelined, many per RPC request, each request at most {@link #MAX_REQUEST_BYTES}. An error
   * stops it at the request it is in (earlier requests ran).
   *
   * @return the total number of rows the statements affected, also {@link #rowCount()}
   */
  public long executeMany(String sql, Iterable<?> paramSets) {
    requireOpen();
    EncodeContext ctx = context();
    long total = 0;
    Rpcs.Grouper groups = new Rpcs.Grouper(MAX_REQUEST_BYTES);
    Rpcs.NumericCalls numeric = new Rpcs.NumericCalls(sql, ctx);
    long[][] all = {new long[0], new long[0]}; // statement counts, call counts of every request
    for (Object set : paramSets) {
      List<RpcRequest> full = groups.add(callFor(numeric, sql, set, ctx));
      if (full != null) {
        total += runAll(full);
        keepCounts(all);
      }
    }
    List<RpcRequest> last = groups.rest();
    if (last != null) {
      total += runAll(last);
      keepCounts(all);
    }
    rowCounts = all[0].length == 0 ? new long[4] : all[0];
    counts = all[0].length;
    callCounts = all[1].length == 0 ? new long[4] : all[1];
    calls = all[1].length;
    rowCount = total;
    return total;
  }

  /** Appends the statement and call counts of the request just read to {@code all}. */
  private void keepCounts(long[][] all) {
    all[0] = concat(all[0], rowCounts, counts);
    all[1] = concat(all[1], callCounts, calls);
  }

  private static long[] concat(long[] a, long[] b, int n) {
    long[] r = Arrays.copyOf(a, a.length + n);
    System.arraycopy(b, 0, r, a.length, n);
    return r;
  }

  private RpcRequest callFor(Rpcs.NumericCalls numeric, String sql, Object set, EncodeContext ctx) {
    if (set instanceof Map<?, ?> m) {
      requireStyle(ParamStyle.NAMED);
      Map<String, Object> named = new java.util.LinkedHashMap<>();
      m.forEach((k, v) -> named.put(String.valueOf(k), v));
      return Rpcs.executeSql(sql, named, ctx);
    }
    requireStyle(ParamStyle.NUMERIC);
    if (set instanceof List<?> l) {
      return numeric.call(l);
    }
    if (set instanceof Object[] a) {
      return numeric.call(Arrays.asList(a));
    }
    throw new ProgrammingError(
        "a parameter set must be a List, an Object[] or a Map, not "
            + (set == null ? "null" : set.getClass().getName()));
  }

  /** Sends {@code batch}, reads its whole response and sums its statements' row counts. */
  private long runAll(List<RpcRequest> batch) {
    executeRpc(batch);
    readToEnd();
    long sum = 0;
    for (int i = 0; i < counts; i++) {
      sum += rowCounts[i];
    }
    return sum;
  }

  /**
   * Calls stored procedure {@code name} with positional parameters (plain values are inputs; {@link
   * Parameter#output(Object)} / {@link Parameter#output(Class)} are OUTPUT parameters) and moves to
   * its first result set. Returns the parameters with each OUTPUT one replaced by its value, as
   * k-cTDS's callproc does; unlike k-cTDS the result sets stay readable through this cursor and the
   * RETURN status is {@link #returnStatus()}. The outputs come after the result sets on the wire:
   * reading an OUTPUT element (or the status) before the result sets were read reads ahead and
   * discards their unread rows.
   */
  public List<Object> callProc(String name, Object... params) {
    List<Object> in =
        java.util.Collections.unmodifiableList(new ArrayList<>(Arrays.asList(params)));
    executeRpc(List.of(Rpcs.procedure(name, in, context())));
    return new ProcParameters(this, requests, in);
  }

  /**
   * Calls stored procedure {@code name} with named parameters (keys {@code @name} or {@code name})
   * and returns them with each OUTPUT one replaced by its value (lazily, as {@link
   * #callProc(String, Object...)}).
   */
  public Map<String, Object> callProc(String name, Map<String, ?> params) {
    List<String> keys = new ArrayList<>(params.keySet());
    List<Object> values = new ArrayList<>(params.values());
    Map<String, Object> ordered = new java.util.LinkedHashMap<>();
    for (int i = 0; i < keys.size(); i++) {
      ordered.put(keys.get(i), values.get(i));
    }
    executeRpc(List.of(Rpcs.procedure(name, ordered, context())));
    ProcParameters result = new ProcParameters(this, requests, values);
    return new java.util.AbstractMap<>() {
      @Override
      public Set<Map.Entry<String, Object>> entrySet() {
        Set<Map.Entry<String, Object>> entries = new java.util.LinkedHashSet<>();
        for (int i = 0; i < keys.size(); i++) {
          entries.add(new java.util.AbstractMap.SimpleImmutableEntry<>(keys.get(i), result.get(i)));
        }
        return entries;
      }
    };
  }

  /** The RETURNVALUEs of request number {@code request} of this cursor (reading ahead). */
  List<ReturnValue> outputsOf(long request) {
    if (request != requests) {
      throw new InterfaceError(
          "the OUTPUT values of this procedure call were discarded by a later execute on its"
              + " cursor: read them before running anything else");
    }
    return returnValues();
  }

  TdsVersion tdsVersion() {
    return connection.session().version();
  }

  private EncodeContext context() {
    return new EncodeContext(connection.session().version(), connection.session().collation());
  }

  private void requireStyle(ParamStyle style) {
    requireOpen();
    if (connection.paramstyle() != style) {
      throw new ProgrammingError(
          "the connection's paramstyle is "
              + connection.paramstyle()
              + ": pass "
              + (connection.paramstyle() == ParamStyle.NAMED
                  ? "a Map of named parameters"
                  : "positional parameters (Object... or a List)"));
    }
  }

  /**
   * Sends {@code calls} as one RPC message and moves to the first result set, if any, like {@link
   * #execute(String)}. The calls' RETURN statuses and OUTPUT parameters become {@link
   * #returnStatus()} and {@link #returnValues()} as they are read.
   */
  void executeRpc(List<RpcRequest> calls) {
    requireOpen();
    reset();
    stream = connection.session().call(calls);
    advance();
  }

  /**
   * Reads the rest of the current response when it is an sp_prepexec whose handle (sent after the
   * rows) has not been seen yet, so that it is noted before the response is drained.
   */
  private void settlePrepare() {
    if (preparing != null && stream != null && !stream.isFinished()) {
      try {
        readToEnd();
      } catch (JctdsException e) {
        // the previous request's late error: its results were abandoned, as drain() does
      }
    }
  }

  private void reset() {
    settlePrepare();
    requests++;
    preparing = preparingNext;
    preparingNext = null;
    calls = 0;
    callSum = -1;
    innerCount = -1;
    atCount = false;
    columns = null;
    inRows = false;
    pending = null;
    rowCount = -1;
    counts = 0;
    rowNumber = -1;
    returnStatus = null;
    returnValues.clear();
    stream = null;
  }

  /**
   * Reads to the next result set (true) or the end of the response (false), noting row counts,
   * return statuses and values on the way. Reads the result set's first token ahead, so that a
   * statement that fails before sending rows raises here.
   */
  private boolean advance() {
    columns = null;
    atCount = false;
    inRows = false;
    pending = null;
    rowNumber = -1;
    Token t;
    ColMetadata md = null;
    while ((t = stream.next()) != null) {
      if (t instanceof ColMetadata c && c != ColMetadata.NONE) {
        md = c;
      } else if (md != null && t instanceof io.jctds.protocol.token.Row r) {
        pending = stream.keep(r);
        return positioned(md, true);
      } else if (md != null && t instanceof Done d) {
        note(d);
        return positioned(md, false);
      } else if (isStop(t)) {
        note(t);
        if (!((Done) t).hasCount()) {
          rowCount = innerCount; // EXEC: its last statement's count; else none (DDL, SET, NOCOUNT)
        }
        innerCount = -1;
        atCount = true;
        return true;
      } else {
        note(t);
      }
    }
    return md != null && positioned(md, false);
  }

  private boolean positioned(ColMetadata md, boolean rows) {
    columns = new ResultColumns(md);
    inRows = rows;
    rowNumber = 0;
    return true;
  }

  /** Records what a non-row token says: a row count, a RETURN status, an OUTPUT value. */
  private void note(Token t) {
    if (t instanceof Done d) {
      // statements end with DONE or DONEINPROC; a DONEPROC ends a procedure call and its count,
      // when it has one, repeats a statement's
      if (isStatementCount(d)) {
        if (d.tokenType() == TokenType.DONEINPROC) {
          innerCount = d.rowCount();
        }
        rowCount = d.rowCount();
        if (counts == rowCounts.length) {
          rowCounts = Arrays.copyOf(rowCounts, counts * 2);
        }
        rowCounts[counts++] = d.rowCount();
        callSum = Math.max(callSum, 0) + d.rowCount();
      } else if (d.tokenType() == TokenType.DONEPROC) {
        if (calls == callCounts.length) {
          callCounts = Arrays.copyOf(callCounts, calls * 2);
        }
        callCounts[calls++] = callSum;
        callSum = -1;
      }
    } else if (t instanceof ReturnStatus s) {
      returnStatus = s.value();
    } else if (t instanceof ReturnValue v) {
      if (preparing != null && v.getObject() instanceof Integer handle) {
        preparing.handle = handle; // sp_prepexec's @handle
        preparing = null;
      } else {
        returnValues.add(v);
      }
    }
  }

  /** Whether {@code t} is a stop of {@link #countsAsResults} or {@link #statementsAsResults}. */
  private boolean isStop(Token t) {
    if (statementsAsResults) {
      return t instanceof Done d
          && d.tokenType() != TokenType.DONEINPROC
          && (d.status() & Done.STATUS_ATTN) == 0;
    }
    return countsAsResults && isStatementCount(t);
  }

  private static boolean isStatementCount(Token t) {
    return t instanceof Done d && d.hasCount() && d.tokenType() != TokenType.DONEPROC;
  }

  /**
   * Whether {@link #execute}, {@link #nextSet()} and the other calls that move to a result also
   * stop at each statement's row count (off by default, as DB-API's cursor): then the response is
   * the sequence of result sets and counts JDBC's {@code getMoreResults} walks, and at a count
   * {@link #atCount()} is true, {@link #description()} empty and {@link #rowCount()} the count. The
   * count that ends a result set (its rows) is not a stop.
   *
   * @return this cursor
   */
  public Cursor countsAsResults(boolean on) {
    countsAsResults = on;
    return this;
  }

  /**
   * Whether {@link #execute}, {@link #nextSet()} and the other calls that move to a result stop at
   * the end of every statement of a SQL batch (its DONE token) and of every procedure call
   * (DONEPROC), whether or not it reported a count: one stop per statement, as a JDBC Statement
   * batch reports them (mssql-jdbc counts a batch's results the same way). At such a stop {@link
   * #atCount()} is true and {@link #rowCount()} the statement's count, -1 when it reported none
   * (DDL, SET, or under SET NOCOUNT ON); for an EXEC, whose DONEPROC has no count, the count of the
   * last statement inside the procedure that reported one (as mssql-jdbc reports it). Statements
   * inside procedures and triggers (DONEINPROC) are not stops; a result set is a stop as always,
   * and the DONE that ends it is not another. A statement that fails raises at its end, and the
   * next move goes on with the statement after it. Off by default; when on, it takes the place of
   * {@link #countsAsResults(boolean)}.
   *
   * @return this cursor
   */
  public Cursor statementsAsResults(boolean on) {
    statementsAsResults = on;
    return this;
  }

  /**
   * Whether the cursor stands at a statement's row count ({@link #countsAsResults(boolean)}) or end
   * ({@link #statementsAsResults(boolean)}).
   */
  public boolean atCount() {
    return atCount;
  }

  /**
   * The row count of each procedure call of the last request, as far as it was read (an RPC
   * request, e.g. each parameter set of {@link #executeMany}, is one call per set): the sum of the
   * counts of the call's statements, -1 for a call whose statements reported none.
   */
  public long[] callRowCounts() {
    return Arrays.copyOf(callCounts, calls);
  }

  /** The columns of the current result set; empty when there is none (DB-API's {@code None}). */
  public List<Column> description() {
    requireOpen();
    return columns == null ? List.of() : columns.list();
  }

  /**
   * The number of rows the last statement affected or returned, once known (after its rows were
   * read); -1 when unknown (DB-API's rowcount).
   */
  public long rowCount() {
    return rowCount;
  }

  /**
   * The row counts of every statement of the last execute that reported one (DONE or DONEINPROC
   * with a count; a DONEPROC's count is not a statement's), in the order the server sent them, as
   * far as the response was read.
   */
  public long[] rowCounts() {
    return Arrays.copyOf(rowCounts, counts);
  }

  /**
   * The index in the current result set of the row the next fetch returns (the number of rows
   * fetched from it so far); -1 when no result set is current (DB-API's rownumber).
   */
  public long rowNumber() {
    return rowNumber;
  }

  /** How many rows {@link #fetchMany()} returns; 1 unless set (DB-API's arraysize). */
  public int arraySize() {
    return arraySize;
  }

  /** Sets how many rows {@link #fetchMany()} returns. */
  public void arraySize(int size) {
    if (size < 1) {
      throw new InterfaceError("arraySize must be at least 1, got " + size);
    }
    arraySize = size;
  }

  /**
   * The next row of the current result set, or null when it has no more.
   *
   * @throws ProgrammingError if no statement was executed
   * @throws DatabaseError if the statement fails while sending its rows
   */
  public Row fetchOne() {
    requireResults();
    if (pending != null) {
      io.jctds.protocol.token.Row r = pending;
      pending = null;
      rowNumber++;
      return new Row(r, columns);
    }
    if (!inRows) {
      return null;
    }
    Token t;
    while ((t = nextInSet()) != null) {
      if (t instanceof io.jctds.protocol.token.Row r) {
        rowNumber++;
        return new Row(stream.keep(r), columns); // no copy: its bytes are never overwritten
      }
      if (t instanceof ColMetadata md && md != ColMetadata.NONE) {
        columns = new ResultColumns(md); // a new result set without a DONE before it
        continue;
      }
      note(t);
      if (t instanceof Done) {
        inRows = false;
        return null;
      }
    }
    inRows = false;
    return null;
  }

  /** The next token of the current result set; an error ends the set (it failed). */
  private Token nextInSet() {
    try {
      return stream.next();
    } catch (RuntimeException e) {
      inRows = false;
      throw e;
    }
  }

  /** Up to {@link #arraySize()} rows of the current result set, with its description. */
  public RowList fetchMany() {
    return fetchMany(arraySize);
  }

  /**
   * Up to {@code n} rows of the current result set, with its description (read-only).
   *
   * @throws ProgrammingError if no statement with results was executed
   */
  public RowList fetchMany(int n) {
    return collect(Math.max(n, 0));
  }

  /** The remaining rows of the current result set (held in memory), with its description. */
  public RowList fetchAll() {
    return collect(Integer.MAX_VALUE);
  }

  private RowList collect(int n) {
    requireResults();
    List<Column> description = description();
    Row[] rows = new Row[Math.min(n, 16)];
    int size = 0;
    Row r;
    while (size < n && (r = fetchOne()) != null) {
      if (size == rows.length) {
        rows = java.util.Arrays.copyOf(rows, (int) Math.min(Integer.MAX_VALUE - 8, size * 2L));
      }
      rows[size++] = r;
    }
    return new RowList(rows, size, description);
  }

  /** The remaining rows of the current result set, one by one as {@link #fetchOne()} reads them. */
  @Override
  public Iterator<Row> iterator() {
    return new Iterator<>() {
      private Row next;

      @Override
      public boolean hasNext() {
        if (next == null) {
          next = fetchOne();
        }
        return next != null;
      }

      @Override
      public Row next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        Row r = next;
        next = null;
        return r;
      }
    };
  }

  /** The remaining rows of the current result set as a sequential, lazy stream. */
  public Stream<Row> stream() {
    return StreamSupport.stream(
        Spliterators.spliteratorUnknownSize(iterator(), Spliterator.ORDERED | Spliterator.NONNULL),
        false);
  }

  /**
   * Skips the rest of the current result set and moves to the next one.
   *
   * @return whether there is another result set
   * @throws DatabaseError if a statement up to the next result set failed; calling again moves on
   */
  public boolean nextSet() {
    requireResults();
    while (inRows || pending != null) {
      fetchOne();
    }
    if (stream.isFinished()) {
      columns = null;
      atCount = false;
      rowNumber = -1;
      return false;
    }
    return advance();
  }

  /**
   * The RETURN status of the last procedure call of the last request, once read. Reads the rest of
   * the response first (discarding unread rows: read the result sets before asking).
   */
  public OptionalInt returnStatus() {
    readToEnd();
    return returnStatus == null ? OptionalInt.empty() : OptionalInt.of(returnStatus);
  }

  /**
   * The RETURNVALUE tokens (OUTPUT parameters) of the last request, in order. Reads the rest of the
   * response first, like {@link #returnStatus()}.
   */
  List<ReturnValue> returnValues() {
    readToEnd();
    return List.copyOf(returnValues);
  }

  private void readToEnd() {
    requireResults();
    while (nextSet()) {
      // skip the rows; counts, statuses and values are noted on the way
    }
  }

  /** The server process id of the cursor's connection. */
  public int spid() {
    return connection.spid();
  }

  /** The connection this cursor belongs to. */
  public Connection connection() {
    return connection;
  }

  /**
   * Cancels the request in flight on this cursor's connection, from any thread: sends an ATTENTION
   * at once. The thread executing or fetching reads on to the server's acknowledgement and raises
   * {@link QueryCancelledError}; the connection stays usable. Does nothing when no request is in
   * flight.
   */
  public void cancel() {
    if (!connection.isClosed()) {
      connection.session().cancel();
    }
  }

  /** Discards the rest of the results. Closing twice does nothing. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    if (stream != null && !stream.isFinished() && !connection.isClosed()) {
      stream.drain(false);
    }
    stream = null;
  }

  /** Whether {@link #close()} was called. */
  public boolean isClosed() {
    return closed;
  }

  private void requireOpen() {
    if (closed) {
      throw new InterfaceError("the cursor is closed");
    }
    if (connection.isClosed()) {
      throw new InterfaceError("the connection is closed");
    }
  }

  private void requireResults() {
    requireOpen();
    if (stream == null) {
      throw new ProgrammingError("no results: call execute(sql) first");
    }
  }
}
