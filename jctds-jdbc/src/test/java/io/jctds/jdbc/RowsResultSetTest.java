package io.jctds.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLDataException;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.List;
import java.util.TimeZone;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The in-memory result set against java.sql.ResultSet's javadoc (cursor movement, wasNull, the
 * return values of absolute / relative / isFirst ...) and JDBC 4.3 table B-6 (which getters a value
 * of each kind answers).
 */
class RowsResultSetTest {

  private static RowsResultSet three() {
    List<Object[]> rows = new ArrayList<>();
    rows.add(new Object[] {"a", (short) 1, new BigDecimal("2.75"), LocalDate.of(2024, 2, 29)});
    rows.add(new Object[] {"b", null, null, null});
    rows.add(
        new Object[] {"1", (short) -3, BigDecimal.TEN, Timestamp.valueOf("2024-03-01 10:11:12.5")});
    return new RowsResultSet(
        List.of("NAME", "KEY_SEQ", "AMOUNT", "WHEN"),
        List.of(Types.NVARCHAR, Types.SMALLINT, Types.DECIMAL, Types.TIMESTAMP),
        List.of("nvarchar", "smallint", "decimal", "datetime2"),
        rows);
  }

  @Test
  void scrollsAsTheResultSetJavadocSays() throws SQLException {
    RowsResultSet rs = three();
    assertThat(rs.getType()).isEqualTo(ResultSet.TYPE_SCROLL_INSENSITIVE);
    assertThat(rs.getConcurrency()).isEqualTo(ResultSet.CONCUR_READ_ONLY);
    assertThat(rs.isBeforeFirst()).isTrue();
    assertThat(rs.getRow()).isZero();
    assertThat(rs.next()).isTrue();
    assertThat(rs.isFirst()).isTrue();
    assertThat(rs.last()).isTrue();
    assertThat(rs.isLast()).isTrue();
    assertThat(rs.getRow()).isEqualTo(3);
    assertThat(rs.next()).isFalse();
    assertThat(rs.isAfterLast()).isTrue();
    assertThat(rs.previous()).isTrue();
    assertThat(rs.getString(1)).isEqualTo("1");
    assertThat(rs.absolute(-3)).isTrue(); // -1 is the last row, -3 the first of three
    assertThat(rs.getString("name")).isEqualTo("a");
    assertThat(rs.absolute(0)).isFalse(); // before the first row
    assertThat(rs.isBeforeFirst()).isTrue();
    assertThat(rs.relative(2)).isTrue();
    assertThat(rs.getRow()).isEqualTo(2);
    assertThat(rs.relative(5)).isFalse(); // past the end: positioned after the last row
    assertThat(rs.isAfterLast()).isTrue();
    assertThat(rs.absolute(-9)).isFalse(); // before the first row
    assertThat(rs.isBeforeFirst()).isTrue();
    assertThatThrownBy(() -> rs.getString(1)).isInstanceOf(SQLException.class);
  }

  @Test
  void anEmptyResultSetIsNeitherBeforeFirstNorAfterLast() throws SQLException {
    RowsResultSet rs = RowsResultSet.empty(List.of("X"), List.of(Types.INTEGER), List.of("int"));
    assertThat(rs.isBeforeFirst()).isFalse();
    assertThat(rs.next()).isFalse();
    assertThat(rs.isAfterLast()).isFalse();
    assertThat(rs.first()).isFalse();
    assertThat(rs.getMetaData().getColumnLabel(1)).isEqualTo("X");
  }

  @Test
  void gettersConvertAndReportNull() throws SQLException {
    RowsResultSet rs = three();
    rs.next();
    assertThat(rs.getInt(2)).isEqualTo(1);
    assertThat(rs.getString(2)).isEqualTo("1");
    assertThat(rs.getObject(2)).isEqualTo((short) 1);
    assertThat(rs.getInt(3)).isEqualTo(2); // JDBC: a fraction is truncated
    assertThat(rs.getDouble(3)).isEqualTo(2.75);
    assertThat(rs.getString(3)).isEqualTo("2.75");
    assertThat(rs.getDate(4)).isEqualTo(java.sql.Date.valueOf("2024-02-29"));
    assertThat(rs.getObject(4, LocalDate.class)).isEqualTo(LocalDate.of(2024, 2, 29));
    assertThat(rs.getTimestamp(4)).isEqualTo(Timestamp.valueOf("2024-02-29 00:00:00"));
    assertThat(rs.wasNull()).isFalse();
    rs.next();
    assertThat(rs.getInt(2)).isZero();
    assertThat(rs.wasNull()).isTrue();
    assertThat(rs.getBigDecimal(3)).isNull();
    assertThat(rs.getObject(4, LocalDateTime.class)).isNull();
    assertThat(rs.wasNull()).isTrue();
    rs.next();
    assertThat(rs.getBoolean(1)).isTrue(); // "1"
    assertThat(rs.getShort("key_seq")).isEqualTo((short) -3);
    assertThat(rs.getObject(3, Long.class)).isEqualTo(10L);
    assertThat(rs.getTime(4)).hasToString("10:11:12");
    assertThat(rs.getObject(4, LocalDateTime.class))
        .isEqualTo(LocalDateTime.of(2024, 3, 1, 10, 11, 12, 500_000_000));
  }

  @Test
  void aCalendarGivesTheZoneOfTheStoredLocalTime() throws SQLException {
    RowsResultSet rs = three();
    rs.absolute(3);
    Calendar utc = Calendar.getInstance(TimeZone.getTimeZone("UTC"));
    assertThat(rs.getTimestamp(4, utc).toInstant()).hasToString("2024-03-01T10:11:12.500Z");
  }

  @Test
  void conversionsJdbcDoesNotAllowAreDataErrors() throws SQLException {
    RowsResultSet rs = three();
    rs.next();
    assertThatThrownBy(() -> rs.getInt(1))
        .isInstanceOf(SQLDataException.class)
        .hasMessageContaining("NAME (column 1)");
    assertThatThrownBy(() -> rs.getBytes(1)).isInstanceOf(SQLDataException.class);
    assertThatThrownBy(() -> rs.getObject(1, UUID.class)).isInstanceOf(SQLDataException.class);
    RowsResultSet big =
        new RowsResultSet(
            List.of("N"),
            List.of(Types.BIGINT),
            List.of("bigint"),
            List.<Object[]>of(new Object[] {1L << 40}));
    big.next();
    assertThatThrownBy(() -> big.getInt(1))
        .isInstanceOf(SQLDataException.class)
        .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("22003"));
    assertThat(big.getLong(1)).isEqualTo(1L << 40);
  }

  @Test
  void isReadOnlyAndClosable() throws SQLException {
    RowsResultSet rs = three();
    rs.next();
    assertThatThrownBy(() -> rs.updateInt(2, 5))
        .isInstanceOf(SQLFeatureNotSupportedException.class);
    assertThatThrownBy(rs::insertRow).isInstanceOf(SQLFeatureNotSupportedException.class);
    assertThatThrownBy(() -> rs.findColumn("nope"))
        .isInstanceOf(SQLException.class)
        .hasMessageContaining("nope");
    assertThat(rs.getStatement()).isNull();
    rs.close();
    assertThat(rs.isClosed()).isTrue();
    assertThatThrownBy(rs::next).isInstanceOf(SQLException.class);
  }

  @Test
  void metaDataReportsTheGivenColumns() throws SQLException {
    ResultSetMetaData md = three().getMetaData();
    assertThat(md.getColumnCount()).isEqualTo(4);
    assertThat(md.getColumnLabel(2)).isEqualTo("KEY_SEQ");
    assertThat(md.getColumnType(2)).isEqualTo(Types.SMALLINT);
    assertThat(md.getColumnTypeName(4)).isEqualTo("datetime2");
    assertThat(md.getColumnClassName(3)).isEqualTo(BigDecimal.class.getName());
    assertThat(md.getScale(3)).isEqualTo(2);
    assertThat(md.getPrecision(1)).isEqualTo(1);
    assertThat(md.isReadOnly(1)).isTrue();
    assertThatThrownBy(() -> md.getColumnLabel(5)).isInstanceOf(SQLException.class);
  }
}
