package io.jctds.server.tsql;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SmokeTest extends EngineTest {
  @Test
  void basics() {
    assertThat(scalar("SELECT 1")).isEqualTo(1);
    RecordingSink s =
        run(
            "CREATE TABLE t (id int IDENTITY PRIMARY KEY, name nvarchar(20), d datetime)\n"
                + "INSERT INTO t (name, d) VALUES (N'a', '2020-01-01 10:00:00.001'), (N'b', GETDATE())\n"
                + "SELECT * FROM t ORDER BY id");
    System.out.println(s.events);
    assertThat(s.errors()).isEmpty();
  }
}
