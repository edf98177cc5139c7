// Runs one query through tedious and prints the outcome as one JSON line on stdout.
// Usage: node query.js '<json options>'
//   options: host, port, user, password, database, encrypt (false | true | "strict"),
//            trustServerCertificate (bool), caFile (PEM path), serverName (for the cert check),
//            tdsVersion ("7_1".."7_4"), query (SQL text), domain (NTLM login as domain\\user)
// Output: success  {"rows": [[...], ...], "rowCount": n, "messages": [...]}
//         failure  {"error": {"message": "...", "code": "ESOCKET", "cause": "ECONNRESET"}, "messages": [...]}
//   where messages are the server's ERROR/INFO tokens: {"number", "state", "class", "message"}.
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
  // with a domain: a Windows login through tedious's NTLM
  authentication: opts.domain
    ? { type: 'ntlm', options: { domain: opts.domain, userName: opts.user, password: opts.password } }
    : { type: 'default', options: { userName: opts.user, password: opts.password } },
  options,
});

const messages = [];
const record = (m) =>
  messages.push({ number: m.number, state: m.state, class: m.class, message: m.message });
connection.on('errorMessage', record);
connection.on('infoMessage', record);

let finished = false;
function fail(code, what, err) {
  if (finished) return;
  finished = true;
  const error = { message: `${what}: ${err && (err.message || err)}`, code: err && err.code };
  // the underlying error's code (Node's TLS and socket codes), when tedious wraps one
  if (err && err.cause && err.cause.code) error.cause = err.cause.code;
  process.stdout.write(JSON.stringify({ error, messages }) + '\n');
  process.exit(code);
}

connection.on('connect', (err) => {
  if (err) return fail(2, 'connect failed', err);
  const request = new Request(opts.query, (qerr, rowCount, rows) => {
    if (qerr) return fail(1, 'query failed', qerr);
    const out = rows.map((cols) => cols.map((c) => c.value));
    finished = true;
    process.stdout.write(JSON.stringify({ rows: out, rowCount, messages }) + '\n');
    connection.close();
  });
  connection.execSql(request);
});
connection.on('error', (err) => fail(2, 'connection error', err));
connection.connect();
