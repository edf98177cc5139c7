/**
 * jctds's JDBC driver: {@code jdbc:jctds:NAME} and {@code jdbc:jctds://host[:port][/database]} URLs
 * resolved through freetds.conf exactly as {@link io.jctds.Jctds#connect} resolves a server name.
 */
package io.jctds.jdbc;
