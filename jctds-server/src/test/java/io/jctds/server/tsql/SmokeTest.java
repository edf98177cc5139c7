package io.jctds.server.tsql;

import org.junit.jupiter.api.Test;

class SmokeTest extends EngineTest {
  @Test
  void basics() {
    ok("CREATE TABLE parent (id int PRIMARY KEY, name varchar(5) NOT NULL)");
    ok("CREATE TABLE child (p int REFERENCES parent(id), CHECK (p > 0))");
    System.out.println(run("INSERT INTO child VALUES (5)").errors());
    System.out.println(run("INSERT INTO child VALUES (-1)").errors());
    System.out.println(run("SELECT 1\nTHROW 51000, 'custom failure', 2;\nSELECT 2").errors());
  }
}
