package io.jctds.session;

import io.jctds.config.Encryption;
import io.jctds.config.ServerEntry;
import io.jctds.protocol.TdsVersion;
import io.jctds.tls.TlsVersion;
import java.time.Duration;
import java.util.Objects;

/**
 * Everything a connect needs, resolved: the freetds.conf entry (with the application's values
 * merged) plus the values only the application gives. Immutable; {@link #toString()} hides the
 * password.
 *
 * @param entry the resolved server
 * @param version the TDS version to request (7.0 ... 7.4, or 8.0 for strict)
 * @param encryption the encryption mode ({@link Encryption#DEFAULT} behaves as request)
 * @param user the login name, empty for none
 * @param password the password, empty for none; never shown
 * @param loginTimeout connect + login timeout
 * @param loginTimeoutOrigin where the login timeout came from, for messages
 * @param queryTimeout query timeout, or null for none
 * @param queryTimeoutOrigin where the query timeout came from, for messages
 * @param autocommit whether to send {@code SET IMPLICIT_TRANSACTIONS OFF} (else ON)
 * @param ansiDefaults whether to send k-cTDS's ANSI SET options after login
 * @param enableBcp whether bulk copy is enabled (LOGIN7 OptionFlags1)
 * @param appName the application name for LOGIN7
 * @param clientHostName the client host name for LOGIN7
 * @param tlsMaxVersion the highest TLS version to offer, or null for the default (TLS 1.2 on the
 *     TDS 7.x path, TLS 1.3 for strict)
 */
public record ConnectSettings(
    ServerEntry entry,
    TdsVersion version,
    Encryption encryption,
    String user,
    String password,
    Duration loginTimeout,
    String loginTimeoutOrigin,
    Duration queryTimeout,
    String queryTimeoutOrigin,
    boolean autocommit,
    boolean ansiDefaults,
    boolean enableBcp,
    String appName,
    String clientHostName,
    TlsVersion tlsMaxVersion) {

  /** Checks the required parts and normalises nulls. */
  public ConnectSettings {
    Objects.requireNonNull(entry, "entry");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(encryption, "encryption");
    Objects.requireNonNull(loginTimeout, "loginTimeout");
    user = Objects.requireNonNullElse(user, "");
    password = Objects.requireNonNullElse(password, "");
    appName = Objects.requireNonNullElse(appName, "");
    clientHostName = Objects.requireNonNullElse(clientHostName, "");
  }

  /** Whether this is a TDS 8.0 (strict) connection: TLS first. */
  public boolean strict() {
    return version == TdsVersion.V8_0;
  }

  @Override
  public String toString() {
    return "ConnectSettings[server="
        + entry.serverName()
        + ", version="
        + version.label()
        + ", encryption="
        + encryption.label()
        + ", user="
        + user
        + ", password="
        + (password.isEmpty() ? "" : "***")
        + ", loginTimeout="
        + loginTimeout
        + ", queryTimeout="
        + queryTimeout
        + "]";
  }
}
