// Sends a few RPC requests through tedious, for RpcCaptureIT, which records the bytes on their
// way to the server: execSql with parameters of many types (sp_executesql), a procedure call with
// an output parameter, and prepare/execute (sp_prepare, sp_execute).
// Usage: node rpc-capture.js '<json options>'   options: host, port, user, password
// Output: one line "ok", or {"error": ...} with exit code 2.
'use strict';
const { Connection, Request, TYPES } = require('tedious');

const opts = JSON.parse(process.argv[2] || '{}');

function fail(err) {
  process.stdout.write(JSON.stringify({ error: String(err && (err.message || err)) }) + '\n');
  process.exit(2);
}

function connect() {
  const connection = new Connection({
    server: opts.host || '127.0.0.1',
    authentication: { type: 'default', options: { userName: opts.user, password: opts.password } },
    options: { port: opts.port, database: 'master', encrypt: false, connectTimeout: 15000,
      requestTimeout: 15000 },
  });
  return new Promise((resolve, reject) => {
    connection.on('connect', (err) => (err ? reject(err) : resolve(connection)));
    connection.connect();
  });
}

// Runs a request and waits for its end; errors from the server do not matter here.
function run(submit) {
  return new Promise((resolve) => submit(resolve));
}

async function main() {
  const c = await connect();
  await run((done) => {
    const r = new Request(
      'SELECT @i, @n, @s, @d, @t, @b, @f, @u, @m, @dt, @tm, @o, @big, @x', done);
    r.addParameter('i', TYPES.Int, 42);
    r.addParameter('n', TYPES.NVarChar, 'żółw');
    r.addParameter('s', TYPES.VarChar, 'abc');
    r.addParameter('d', TYPES.Decimal, 12345.67891, { precision: 10, scale: 5 });
    r.addParameter('t', TYPES.DateTime2, new Date(Date.UTC(2007, 4, 8, 12, 35, 29, 123)),
      { scale: 7 });
    r.addParameter('b', TYPES.VarBinary, Buffer.from([1, 2, 3, 4]));
    r.addParameter('f', TYPES.Float, 1.5);
    r.addParameter('u', TYPES.UniqueIdentifier, '6F9619FF-8B86-D011-B42D-00C04FC964FF');
    r.addParameter('m', TYPES.Money, 214748.3647);
    r.addParameter('dt', TYPES.Date, new Date(Date.UTC(9999, 11, 31)));
    r.addParameter('tm', TYPES.Time, new Date(Date.UTC(1970, 0, 1, 23, 59, 59, 997)),
      { scale: 3 });
    r.addParameter('o', TYPES.DateTimeOffset, new Date(Date.UTC(2007, 4, 8, 0, 20, 29)),
      { scale: 0 });
    r.addParameter('big', TYPES.BigInt, '9223372036854775807');
    r.addParameter('x', TYPES.NVarChar, 'x'.repeat(5000), { length: Infinity });
    c.execSql(r);
  });
  await run((done) => {
    const r = new Request('sp_executesql', done);
    r.addParameter('stmt', TYPES.NVarChar, 'SET @out = @in + 1');
    r.addParameter('params', TYPES.NVarChar, '@in int, @out int OUTPUT');
    r.addParameter('in', TYPES.Int, 1);
    r.addOutputParameter('out', TYPES.Int, null);
    c.callProcedure(r);
  });
  // a prepared request's callback runs for execute; prepare ends with 'prepared' or 'error'
  let onDone = null;
  const prepared = new Request('SELECT @a + 1', (err) => onDone(err));
  prepared.addParameter('a', TYPES.Int);
  await run((done) => {
    prepared.once('prepared', () => done());
    prepared.once('error', done);
    c.prepare(prepared);
  });
  await run((done) => {
    onDone = done;
    c.execute(prepared, { a: 5 });
  });
  c.close();
  process.stdout.write('ok\n');
}

main().catch(fail);
