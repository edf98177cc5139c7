/** jctds's JDBC 4.3 driver: {@code jdbc:jctds:} URLs over the jctds client. */
module io.jctds.jdbc {
  requires transitive io.jctds.client;
  requires transitive java.sql;

  exports io.jctds.jdbc;

  provides java.sql.Driver with
      io.jctds.jdbc.JctdsDriver;
}
