package io.jctds.server;

import java.time.Instant;
import java.util.UUID;

/**
 * A snapshot of one live session: what {@code sys.dm_exec_connections} reports, plus the login's
 * details. Never holds the password.
 *
 * @param spid the session id (51 upward), also in every packet header the server sends
 * @param login the SQL login name, empty before LOGIN7
 * @param database the current database
 * @param encryptOption "TRUE" when the whole session is encrypted, "FALSE" for login-only or none
 * @param tdsVersion the negotiated TDS version label ("7.1" ... "7.4", "8.0")
 * @param protocolVersion the LOGIN7 TDSVersion DWORD as SQL Server reports it (1946157060 for 7.4)
 * @param tlsProtocol the TLS protocol ("TLSv1.2", "TLSv1.3", ...), or null without TLS
 * @param loginOnlyEncryption whether only the LOGIN7 packet was encrypted
 * @param language the session language
 * @param packetSize the negotiated packet size
 * @param appName the client's application name
 * @param hostName the client's host name
 * @param readOnlyIntent whether the client declared read-only intent
 * @param connectTime when the TCP connection was accepted
 * @param clientAddress the client's IP address
 * @param clientPort the client's TCP port
 * @param localAddress the server's IP address of this connection
 * @param localPort the server's TCP port
 * @param connectionId the connection's GUID
 * @param numReads TDS packets received
 * @param numWrites TDS packets sent
 * @param lastRead when the last packet was received
 * @param lastWrite when the last packet was sent
 * @param authScheme sys.dm_exec_connections.auth_scheme: "SQL", or "NTLM" for a Windows login
 */
public record SessionInfo(
    int spid,
    String login,
    String database,
    String encryptOption,
    String tdsVersion,
    int protocolVersion,
    String tlsProtocol,
    boolean loginOnlyEncryption,
    String language,
    int packetSize,
    String appName,
    String hostName,
    boolean readOnlyIntent,
    Instant connectTime,
    String clientAddress,
    int clientPort,
    String localAddress,
    int localPort,
    UUID connectionId,
    long numReads,
    long numWrites,
    Instant lastRead,
    Instant lastWrite,
    String authScheme) {

  /** A SQL-authenticated session (auth_scheme "SQL"). */
  public SessionInfo(
      int spid,
      String login,
      String database,
      String encryptOption,
      String tdsVersion,
      int protocolVersion,
      String tlsProtocol,
      boolean loginOnlyEncryption,
      String language,
      int packetSize,
      String appName,
      String hostName,
      boolean readOnlyIntent,
      Instant connectTime,
      String clientAddress,
      int clientPort,
      String localAddress,
      int localPort,
      UUID connectionId,
      long numReads,
      long numWrites,
      Instant lastRead,
      Instant lastWrite) {
    this(
        spid,
        login,
        database,
        encryptOption,
        tdsVersion,
        protocolVersion,
        tlsProtocol,
        loginOnlyEncryption,
        language,
        packetSize,
        appName,
        hostName,
        readOnlyIntent,
        connectTime,
        clientAddress,
        clientPort,
        localAddress,
        localPort,
        connectionId,
        numReads,
        numWrites,
        lastRead,
        lastWrite,
        "SQL");
  }

  /** Whether the whole session is encrypted. */
  public boolean fullyEncrypted() {
    return "TRUE".equals(encryptOption);
  }
}
