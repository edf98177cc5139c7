// Runs one query through tedious and prints the result as one JSON line on stdout.
// Usage: node query.js '<json options>'
//   options: host, port, user, password, database, encrypt (false | true | "strict"),
//            trustServerCertificate (bool), caFile (PEM path), serverName (for the cert check),
//            tdsVersion ("7_1".."7_4"), query (SQL text)
// Exit codes: 0 success, 1 a server-side error, 2 a connection/usage error.
'use strict';
const fs = require('fs');
const { Connection, Request } = require('tedious');

const opts = JSON.parse(process.argv[2] || '{}');
const options = {
  port: opts.port,
  database: opts.database,
  encrypt: opts.encrypt,
  trustServerCertificate: Boolean(opts.trustServerCertificate),
  connectTimeout: 15000,
  requestTimeout: 15000,
  rowCollectionOnRequestCompletion: true,
};
if (opts.tdsVersion) options.tdsVersion = opts.tdsVersion;
if (opts.serverName) options.serverName = opts.serverName;
if (opts.caFile) options.cryptoCredentialsDetails = { ca: fs.readFileSync(opts.caFile) };

const connection = new Connection({
  server: opts.host || '127.0.0.1',
  authentication: { type: 'default', options: { userName: opts.user, password: opts.password } },
  options,
});

function fail(code, what, err) {
  process.stderr.write(`${what}: ${err && (err.message || err)}\n`);
  process.exit(code);
}

connection.on('connect', (err) => {
  if (err) fail(2, 'connect failed', err);
  const request = new Request(opts.query, (qerr, rowCount, rows) => {
    if (qerr) fail(1, 'query failed', qerr);
    const out = rows.map((cols) => cols.map((c) => c.value));
    process.stdout.write(JSON.stringify({ rows: out, rowCount }) + '\n');
    connection.close();
  });
  connection.execSql(request);
});
connection.on('error', (err) => fail(2, 'connection error', err));
connection.connect();
