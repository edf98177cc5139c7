package io.jctds.server.tsql;

import io.jctds.server.types.H2Types;
import io.jctds.server.types.SqlType;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** Binding parameters and reading values the way variables hold them. */
final class Jdbc {
  private Jdbc() {}

  static void bind(PreparedStatement ps, List<Param> params) throws SQLException {
    for (int i = 0; i < params.size(); i++) {
      Object v = params.get(i).value();
      if (v instanceof Float f) {
        v = f.doubleValue();
      }
      ps.setObject(i + 1, v);
    }
  }

  /** Column {@code i} as the Java value a variable of {@code type} holds (null for NULL). */
  static Object read(ResultSet rs, int i, SqlType type) throws SQLException {
    if (type == null) {
      ResultSetMetaData md = rs.getMetaData();
      type = H2Types.fromH2(md.getColumnTypeName(i), md.getPrecision(i), md.getScale(i));
    }
    Object v =
        switch (type.base()) {
          case BIT -> rs.getBoolean(i);
          case TINYINT, SMALLINT, INT, BIGINT -> rs.getLong(i);
          case REAL, FLOAT -> rs.getDouble(i);
          case DECIMAL, NUMERIC, MONEY, SMALLMONEY -> rs.getBigDecimal(i);
          case DATETIME, SMALLDATETIME, DATETIME2 -> rs.getObject(i, LocalDateTime.class);
          case DATE -> rs.getObject(i, LocalDate.class);
          case TIME -> rs.getObject(i, LocalTime.class);
          case DATETIMEOFFSET -> rs.getObject(i, OffsetDateTime.class);
          case UNIQUEIDENTIFIER -> rs.getObject(i, UUID.class);
          case SQL_VARIANT, BINARY, VARBINARY, IMAGE -> rs.getBytes(i);
          default -> rs.getString(i);
        };
    return rs.wasNull() ? null : v;
  }

  /** The type of result column {@code i}: the server's, or H2's mapped. */
  static SqlType type(Translated.Column c, ResultSetMetaData md, int i) throws SQLException {
    if (c.type() != null) {
      return c.type();
    }
    return H2Types.fromH2(md.getColumnTypeName(i), md.getPrecision(i), md.getScale(i));
  }
}
