package io.jctds.jdbc;

import io.jctds.ConnectOptions;

/**
 * What a {@code jdbc:jctds:} URL and its properties resolved to: the server name given to {@link
 * io.jctds.Jctds#connect(String, ConnectOptions)}, the connect options, and the settings only the
 * JDBC layer reads.
 *
 * @param url the URL as given (without its password, if it carried one)
 * @param server the server name: a freetds.conf section, host, host:port or host\instance
 * @param options the connect options (k-cTDS arguments and directives the URL and properties set)
 * @param sendStringParametersAsUnicode whether String parameters go as nvarchar (true, the default,
 *     as mssql-jdbc) or varchar in the connection's code page
 */
public record JdbcConfig(
    String url, String server, ConnectOptions options, boolean sendStringParametersAsUnicode) {}
