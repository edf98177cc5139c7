// Runs a list of steps through tedious on one or more connections and prints what happened as
// one JSON line on stdout: every token a step produced, in order, with the column metadata.
// Usage: node steps.js '<json options>'
//   options: host, port, user, password, database, tdsVersion ("7_1".."7_4"),
//            encrypt (false | true | "strict"; true without caFile trusts the server's
//            certificate), caFile (PEM path), serverName,
//            sessions (number of connections, default 1),
//            steps: [{session: 0, sql: "...", params: [...]}
//                    | {session: 0, batch: "..."}
//                    | {session: 0, proc: "name", params: [...]}
//                    | {session: 0, tx: "begin" | "commit" | "rollback" | "save", name: "...",
//                       isolation: a key of tedious's ISOLATION_LEVEL, for "begin"}]
//   sql steps run through Connection.execSql (with parameters: sp_executesql), batch steps
//   through Connection.execSqlBatch (a SQL batch), proc steps through callProcedure (an RPC by
//   name), tx steps through beginTransaction, commitTransaction, rollbackTransaction and
//   saveTransaction (transaction manager requests).
//   A bulk step {session: 0, bulk: "table", columns: [{name, type, length, precision, scale,
//   nullable}], rows: [[values]], options: {keepNulls, checkConstraints, fireTriggers,
//   lockTable, order}} runs Connection.newBulkLoad + execBulkLoad (INSERT BULK, then a
//   BulkLoadBCP message) and records {"bulk": rowCount} (null when it failed).
//   A reset step {session: 0, reset: true} calls Connection.reset (tedious's initial SQL batch
//   with the RESETCONNECTION bit); the 'resetConnection' event (ENVCHANGE 18) is recorded as
//   {"resetConnection": true}, a 'rollbackTransaction' event during it as
//   {"rollbackTransaction": true}.
//   A sql step with cancelOnInfo: true calls Connection.cancel() when the request's first INFO
//   message arrives (a RAISERROR ... WITH NOWAIT in the batch: the server is running it).
//   params: [{name, type (a TYPES name: "Int", "NVarChar", ...), value, output, length,
//             precision, scale}], value null for NULL, {"hex": ...} for a Buffer, {"iso": ...,
//             "ticks": n} for a Date (ticks: 100 ns units below the millisecond).
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
const fs = require('fs');
const { Connection, Request, TYPES, ISOLATION_LEVEL } = require('tedious');

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
    encrypt: opts.encrypt === undefined ? false : opts.encrypt,
    trustServerCertificate: opts.encrypt === true && !opts.caFile,
    connectTimeout: 15000,
    requestTimeout: 15000,
  };
  if (opts.tdsVersion) options.tdsVersion = opts.tdsVersion;
  if (opts.serverName) options.serverName = opts.serverName;
  if (opts.caFile) options.cryptoCredentialsDetails = { ca: fs.readFileSync(opts.caFile) };
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

function input(v) {
  if (v !== null && typeof v === 'object' && v.hex !== undefined) return Buffer.from(v.hex, 'hex');
  if (v !== null && typeof v === 'object' && v.iso !== undefined) {
    const d = new Date(v.iso);
    if (v.ticks) d.nanosecondDelta = v.ticks / 1e7;
    return d;
  }
  return v;
}

function addParameters(request, params) {
  for (const p of params || []) {
    const type = TYPES[p.type];
    if (!type) fail('usage', `unknown tedious type ${p.type}`);
    const o = {};
    if (p.length !== undefined) o.length = p.length;
    if (p.precision !== undefined) o.precision = p.precision;
    if (p.scale !== undefined) o.scale = p.scale;
    if (p.output) request.addOutputParameter(p.name, type, input(p.value), o);
    else request.addParameter(p.name, type, input(p.value), o);
  }
}

function runRequest(connection, step, events) {
  return new Promise((resolve) => {
    const request = new Request(step.sql || step.batch || step.proc, (err) => resolve(err));
    addParameters(request, step.params);
    listen(request, events);
    if (step.cancelOnInfo) {
      let sent = false;
      connection.once('infoMessage', () => {
        if (!sent) {
          sent = true;
          connection.cancel();
        }
      });
    }
    if (step.proc) connection.callProcedure(request);
    else if (step.batch) connection.execSqlBatch(request);
    else connection.execSql(request);
  });
}

function runBulk(connection, step, events) {
  return new Promise((resolve) => {
    const bulk = connection.newBulkLoad(step.bulk, step.options || {}, (err, rowCount) => {
      events.push({ bulk: err ? null : rowCount });
      resolve(err);
    });
    for (const c of step.columns) {
      const type = TYPES[c.type];
      if (!type) fail('usage', `unknown tedious type ${c.type}`);
      const o = { nullable: c.nullable !== false };
      if (c.length !== undefined) o.length = c.length;
      if (c.precision !== undefined) o.precision = c.precision;
      if (c.scale !== undefined) o.scale = c.scale;
      bulk.addColumn(c.name, type, o);
    }
    connection.execBulkLoad(bulk, step.rows.map((r) => r.map(input)));
  });
}

function runReset(connection, events) {
  const rolledBack = () => events.push({ rollbackTransaction: true });
  connection.on('rollbackTransaction', rolledBack);
  return new Promise((resolve) => connection.reset((err) => {
    connection.removeListener('rollbackTransaction', rolledBack);
    resolve(err);
  }));
}

function runTx(connection, step) {
  const name = step.name || '';
  return new Promise((resolve) => {
    if (step.tx === 'begin') {
      const isolation = step.isolation === undefined ? undefined : ISOLATION_LEVEL[step.isolation];
      connection.beginTransaction((err) => resolve(err), name, isolation);
    } else if (step.tx === 'commit') connection.commitTransaction((err) => resolve(err), name);
    else if (step.tx === 'rollback') connection.rollbackTransaction((err) => resolve(err), name);
    else if (step.tx === 'save') connection.saveTransaction((err) => resolve(err), name);
    else fail('usage', `unknown tx step ${step.tx}`);
  });
}

async function main() {
  const connections = [];
  for (let i = 0; i < (opts.sessions || 1); i++) connections.push(await connect());
  let events = [];
  connections.forEach((c) => {
    c.on('infoMessage', (m) => events.push({ info: message(m) }));
    c.on('errorMessage', (m) => events.push({ error: message(m) }));
    c.on('resetConnection', () => events.push({ resetConnection: true }));
  });
  const results = [];
  for (const step of opts.steps || []) {
    events = [];
    const connection = connections[step.session || 0];
    let err;
    if (step.reset) err = await runReset(connection, events);
    else if (step.tx) err = await runTx(connection, step);
    else if (step.bulk) err = await runBulk(connection, step, events);
    else err = await runRequest(connection, step, events);
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
