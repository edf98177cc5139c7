package io.jctds.server.interop;

import java.util.List;

/**
 * The answer to {@link Interop#QUERY}: the session's row of {@code sys.dm_exec_connections} as a
 * client saw it.
 *
 * @param encryptOption "TRUE" only when the whole session is encrypted
 * @param protocolType always "TSQL"
 * @param authScheme "SQL" for SQL logins
 */
record ConnectionRow(String encryptOption, String protocolType, String authScheme) {
  /** What SQL Server reports for a fully encrypted session with a SQL login. */
  static final ConnectionRow ENCRYPTED = new ConnectionRow("TRUE", "TSQL", "SQL");

  /** What SQL Server reports for a login-only encrypted or plain session with a SQL login. */
  static final ConnectionRow NOT_ENCRYPTED = new ConnectionRow("FALSE", "TSQL", "SQL");

  /** From the three column values, in query order. */
  static ConnectionRow of(List<String> values) {
    if (values.size() != 3) {
      throw new IllegalArgumentException("expected 3 columns, got " + values);
    }
    return new ConnectionRow(values.get(0), values.get(1), values.get(2));
  }

  /** The expected row for a session whose encryption covers everything or not. */
  static ConnectionRow expected(boolean fullyEncrypted) {
    return fullyEncrypted ? ENCRYPTED : NOT_ENCRYPTED;
  }
}
