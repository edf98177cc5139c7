package io.jctds.server.session;

import io.jctds.server.EncryptionPolicy;
import io.jctds.server.sql.SqlEngine;
import io.jctds.server.tls.ServerTlsContext;
import java.time.Duration;
import java.util.Objects;

/**
 * Everything a session needs from the server's configuration. Immutable.
 *
 * @param encryption the encryption policy
 * @param tls makes TLS engines; null only when {@code encryption} is OFF
 * @param logins the SQL logins
 * @param defaultDatabase the database a login without one starts in
 * @param serverName what {@code @@SERVERNAME} and messages report
 * @param loginTimeout how long a client may stay silent before its login is complete
 * @param engine answers SQL batches
 * @param logger where session events go (category "io.jctds.server")
 */
public record ServerSettings(
    EncryptionPolicy encryption,
    ServerTlsContext tls,
    Logins logins,
    String defaultDatabase,
    String serverName,
    Duration loginTimeout,
    SqlEngine engine,
    System.Logger logger) {

  /** Checks the combination. */
  public ServerSettings {
    Objects.requireNonNull(encryption, "encryption");
    Objects.requireNonNull(logins, "logins");
    Objects.requireNonNull(defaultDatabase, "defaultDatabase");
    Objects.requireNonNull(serverName, "serverName");
    Objects.requireNonNull(loginTimeout, "loginTimeout");
    Objects.requireNonNull(engine, "engine");
    Objects.requireNonNull(logger, "logger");
    if (tls == null && encryption != EncryptionPolicy.OFF) {
      throw new IllegalArgumentException("encryption " + encryption.label() + " needs TLS");
    }
    if (engine.database(defaultDatabase) == null) {
      throw new IllegalArgumentException(
          "the default database " + defaultDatabase + " is not among " + engine.databases());
    }
  }

  /** The database named {@code name} (case-insensitive) as the engine spells it, or null. */
  public String database(String name) {
    return engine.database(name);
  }
}
