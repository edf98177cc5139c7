// Runs a list of steps through tedious on one or more connections and prints what happened as
// one JSON line on stdout: every token a step produced, in order, with the column metadata.
// Usage: node steps.js '<json options>'
//   options: host, port, user, password, database, tdsVersion ("7_1".."7_4"),
//            sessions (number of connections, default 1),
//            steps: [{session: 0, sql: "..."} | {session: 0, tx: "begin" | "commit" | "rollback"}
//                    | {session: 0, batch: "..."}
//                    | {session: 0, proc: "dbo.p", params: [{name, type, value, output,
//                                                            length, precision, scale}]}]
//   sql steps run through Connection.execSql (an RPC of sp_executesql), batch steps through
//   Connection.execSqlBatch (a SQL batch); tx steps through beginTransaction,
//   commitTransaction and rollbackTransaction (transaction manager requests); proc steps
//   through Connection.callProcedure (an RPC by name), each param added with addParameter
//   (or addOutputParameter when output) and TYPES[type].
// Output: {"steps": [{"events": [...], "error": null | {...}}, ...]}
//   events: {"columns": [{name, type, precision, scale, dataLength, tableName}]}
//           {"row": [values]}
//           {"info" | "error": {number, state, class, message, lineNumber, procName}}
//           {"done": rowCount} | {"doneInProc": rowCount}
//           {"doneProc": {rowCount, returnStatus}} | {"returnValue": {name, value}}
//   values: null, booleans, numbers and strings as tedious gives them; a Buffer as {"hex": ...};
//   a Date as {"iso": toISOString(), "ticks": nanosecondsDelta in 100 ns units (what the
//   milliseconds of a Date cannot hold), null when tedious sets none}.
// Exit codes: 0 (whatever the steps did), 2 a connection or usage error.
'use strict';
const { Connection, Request, TYPES } = require('tedious');

const opts = JSON.parse(process.argv[2] || '{}');

function fail(what, err) {
  process.stdout.write(
    JSON.stringify({ error: { message: `${what}: ${err && (err.message || err)}` } }) + '\n');
  process.exit(2);
}

function connect() {
  const options = {
    port: opts.port,
    database: opts.database,
    encrypt: false,
    connectTimeout: 15000,
    requestTimeout: 15000,
  };
  if (opts.tdsVersion) options.tdsVersion = opts.tdsVersion;
  const connection = new Connection({
    server: opts.host || '127.0.0.1',
    authentication: { type: 'default', options: { userName: opts.user, password: opts.password } },
    options,
  });
  return new Promise((resolve, reject) => {
    connection.on('connect', (err) => (err ? reject(err) : resolve(connection)));
    connection.on('error', (err) => fail('connection error', err));
    connection.connect();
  });
}

function value(v) {
  if (v instanceof Date) {
    const ticks = v.nanosecondsDelta === undefined ? null : Math.round(v.nanosecondsDelta * 1e7);
    return { iso: v.toISOString(), ticks };
  }
  if (Buffer.isBuffer(v)) return { hex: v.toString('hex') };
  if (typeof v === 'bigint') return v.toString();
  return v === undefined ? null : v;
}

function message(m) {
  return {
    number: m.number, state: m.state, class: m.class, message: m.message,
    lineNumber: m.lineNumber, procName: m.procName,
  };
}

function column(c) {
  return {
    name: c.colName, type: c.type.name, precision: c.precision, scale: c.scale,
    dataLength: c.dataLength, tableName: c.tableName === undefined ? null : c.tableName,
  };
}

function listen(request, events) {
  request.on('columnMetadata', (cols) => events.push({ columns: cols.map(column) }));
  request.on('row', (cols) => events.push({ row: cols.map((c) => value(c.value)) }));
  request.on('done', (rowCount) => events.push({ done: rowCount === undefined ? null : rowCount }));
  request.on('doneInProc', (rowCount) =>
    events.push({ doneInProc: rowCount === undefined ? null : rowCount }));
  request.on('doneProc', (rowCount, more, returnStatus) => events.push({
    doneProc: { rowCount: rowCount === undefined ? null : rowCount,
      returnStatus: returnStatus === undefined ? null : returnStatus },
  }));
  request.on('returnValue', (name, v) => events.push({ returnValue: { name, value: value(v) } }));
}

function runSql(connection, sql, events, batch) {
  return new Promise((resolve) => {
    const request = new Request(sql, (err) => resolve(err));
    listen(request, events);
    if (batch) connection.execSqlBatch(request);
    else connection.execSql(request);
  });
}

function runProc(connection, step, events) {
  return new Promise((resolve) => {
    const request = new Request(step.proc, (err) => resolve(err));
    for (const p of step.params || []) {
      const type = TYPES[p.type];
      if (!type) fail('usage', `unknown tedious type ${p.type}`);
      const options = {};
      if (p.length !== undefined) options.length = p.length;
      if (p.precision !== undefined) options.precision = p.precision;
      if (p.scale !== undefined) options.scale = p.scale;
      const v = p.value === undefined ? null : p.value;
      if (p.output) request.addOutputParameter(p.name, type, v, options);
      else request.addParameter(p.name, type, v, options);
    }
    listen(request, events);
    connection.callProcedure(request);
  });
}

function runTx(connection, tx) {
  return new Promise((resolve) => {
    if (tx === 'begin') connection.beginTransaction((err) => resolve(err));
    else if (tx === 'commit') connection.commitTransaction((err) => resolve(err));
    else if (tx === 'rollback') connection.rollbackTransaction((err) => resolve(err));
    else fail('usage', `unknown tx step ${tx}`);
  });
}

async function main() {
  const connections = [];
  for (let i = 0; i < (opts.sessions || 1); i++) connections.push(await connect());
  let events = [];
  connections.forEach((c) => {
    c.on('infoMessage', (m) => events.push({ info: message(m) }));
    c.on('errorMessage', (m) => events.push({ error: message(m) }));
  });
  const results = [];
  for (const step of opts.steps || []) {
    events = [];
    const connection = connections[step.session || 0];
    const err = step.tx ? await runTx(connection, step.tx)
      : step.proc ? await runProc(connection, step, events)
        : step.batch ? await runSql(connection, step.batch, events, true)
          : await runSql(connection, step.sql, events, false);
    results.push({
      events,
      error: err ? { message: err.message, number: err.number === undefined ? null : err.number,
        code: err.code === undefined ? null : err.code } : null,
    });
  }
  process.stdout.write(JSON.stringify({ steps: results }) + '\n');
  connections.forEach((c) => c.close());
}

main().catch((err) => fail('connect failed', err));
