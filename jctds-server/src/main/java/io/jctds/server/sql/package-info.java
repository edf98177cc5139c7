/**
 * The endpoint's small SQL front: {@link io.jctds.server.sql.SqlEngine} is the seam the H2-backed
 * layer will fill; {@link io.jctds.server.sql.BasicSqlEngine} parses a batch (lexer, recursive
 * descent) and answers SET options, SELECT of literals, {@code @@} globals and built-ins, {@code
 * sys.dm_exec_connections} and {@code sys.databases}, USE, transaction statements, IF and PRINT,
 * with SQL Server's types, message numbers and DONE tokens.
 */
package io.jctds.server.sql;
