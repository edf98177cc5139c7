package io.jctds.server.session;

/** How much of a session TLS protects. */
enum EncryptionState {
  /** Plaintext throughout. */
  NONE,
  /** Only the LOGIN7 packet was encrypted (the client sent ENCRYPT_OFF). */
  LOGIN_ONLY,
  /** The whole session after PRELOGIN (TDS 7.x). */
  FULL,
  /** TLS first (TDS 8.0): the whole connection. */
  STRICT;

  /** What {@code sys.dm_exec_connections.encrypt_option} reports. */
  String encryptOption() {
    return this == FULL || this == STRICT ? "TRUE" : "FALSE";
  }
}
