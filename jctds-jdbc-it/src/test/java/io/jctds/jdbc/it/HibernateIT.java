package io.jctds.jdbc.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jctds.jdbc.JctdsDataSource;
import io.jctds.server.TdsServer;
import jakarta.persistence.LockModeType;
import jakarta.persistence.OptimisticLockException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.Transaction;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.cfg.Configuration;
import org.hibernate.dialect.Dialect;
import org.hibernate.dialect.SQLServerDialect;
import org.hibernate.engine.jdbc.spi.JdbcServices;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.exception.ConstraintViolationException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Hibernate ORM 7.4.16.Final with its SQLServerDialect over jctds-jdbc (issue 13): schema made by
 * hbm2ddl (create-drop), an entity of every basic type read back equal to what was written,
 * identity and sequence ids, a many-to-one relation, persist / find / update / delete, JPQL paging
 * (OFFSET ... FETCH), HQL and criteria aggregates, a rolled-back transaction, unique and foreign
 * key violations named as Hibernate reads SQL Server's messages, and the dialect found from
 * DatabaseMetaData without {@code hibernate.dialect} (then hbm2ddl validate). Expected values are
 * the Java values written: Hibernate's User Guide ("Basic values") maps each of these types to a
 * column that keeps it exactly at the precision used here.
 */
class HibernateIT {
  private static TdsServer server;
  private static SessionFactory sessions;

  @BeforeAll
  static void start() {
    server = ItServer.start();
    sessions = sessionFactory(true, "create-drop");
  }

  @AfterAll
  static void stop() {
    if (sessions != null) {
      sessions.close();
    }
    server.close();
  }

  private static JctdsDataSource dataSource() {
    JctdsDataSource ds = new JctdsDataSource();
    ds.setURL(ItServer.url(server));
    ds.setUser("sa");
    ds.setPassword("pw");
    return ds;
  }

  private static SessionFactory sessionFactory(boolean namedDialect, String hbm2ddl) {
    return sessionFactory(namedDialect, hbm2ddl, Map.of());
  }

  private static SessionFactory sessionFactory(
      boolean namedDialect, String hbm2ddl, Map<String, String> settings, Class<?>... more) {
    Configuration cfg =
        new Configuration()
            .addAnnotatedClass(AllTypes.class)
            .addAnnotatedClass(Author.class)
            .addAnnotatedClass(Book.class);
    for (Class<?> c : more) {
      cfg.addAnnotatedClass(c);
    }
    cfg.getProperties().put(AvailableSettings.JAKARTA_NON_JTA_DATASOURCE, dataSource());
    if (namedDialect) {
      cfg.setProperty(AvailableSettings.DIALECT, SQLServerDialect.class.getName());
    }
    cfg.setProperty(AvailableSettings.HBM2DDL_AUTO, hbm2ddl);
    cfg.setProperty(AvailableSettings.SHOW_SQL, "true");
    cfg.setProperty(AvailableSettings.STATEMENT_BATCH_SIZE, "20");
    settings.forEach(cfg::setProperty);
    return cfg.buildSessionFactory();
  }

  @BeforeEach
  void empty() {
    sessions.inTransaction(
        s -> {
          s.createMutationQuery("delete from Book").executeUpdate();
          s.createMutationQuery("delete from Author").executeUpdate();
          s.createMutationQuery("delete from AllTypes").executeUpdate();
        });
  }

  private static AllTypes sample() {
    AllTypes t = new AllTypes();
    t.text = "plain text";
    t.nationalText = "Grüße, Καλημέρα, 日本語";
    t.primitiveInt = Integer.MIN_VALUE;
    t.boxedInt = Integer.MAX_VALUE;
    t.primitiveLong = Long.MAX_VALUE;
    t.primitiveShort = Short.MIN_VALUE;
    t.primitiveByte = Byte.MIN_VALUE;
    t.primitiveBoolean = true;
    t.boxedBoolean = Boolean.FALSE;
    t.primitiveDouble = Math.PI;
    t.primitiveFloat = 3.25f;
    t.primitiveChar = 'é';
    t.money = new BigDecimal("123456789012345.6789");
    t.big = new BigInteger("-12345678901234567890123456789012345678");
    t.localDate = LocalDate.of(2024, 2, 29);
    // by default Hibernate binds and reads a LocalTime as java.sql.Time (TimeJdbcType: setTime /
    // getTime), which carries milliseconds; see javaTimeDirectJdbcKeepsTheTimesNanoseconds
    t.localTime = LocalTime.of(23, 59, 58, 123_000_000);
    t.localDateTime = LocalDateTime.of(1999, 12, 31, 23, 59, 59, 123_456_700);
    t.offsetDateTime =
        OffsetDateTime.of(2021, 6, 30, 8, 15, 0, 654_321_700, ZoneOffset.ofHoursMinutes(5, 30));
    t.instant = Instant.parse("2038-01-19T03:14:07.9999999Z");
    t.duration = Duration.ofSeconds(90_061, 500_000_000);
    t.uuid = UUID.fromString("6f9619ff-8b86-d011-b42d-00c04fc964ff");
    byte[] blob = new byte[20_000];
    for (int i = 0; i < blob.length; i++) {
      blob[i] = (byte) (i * 31);
    }
    t.blob = blob;
    t.clob = "lob text ".repeat(2_000);
    t.nclob = "Ωμέγα ".repeat(2_000);
    t.ordinalColour = AllTypes.Colour.BLUE;
    t.namedColour = AllTypes.Colour.GREEN;
    return t;
  }

  @Test
  void everyBasicTypeReadsBackAsWritten() {
    AllTypes written = sample();
    sessions.inTransaction(s -> s.persist(written));
    assertThat(written.id).isNotNull();
    AllTypes read = sessions.fromTransaction(s -> s.find(AllTypes.class, written.id));
    assertThat((Object) read).isNotSameAs(written);
    assertThat((Object) read).usingRecursiveComparison().isEqualTo(written);
  }

  @Test
  void javaTimeDirectJdbcKeepsTheTimesNanoseconds() {
    // hibernate.type.java_time_use_direct_jdbc: java.time values go through setObject /
    // getObject(LocalTime.class) (JDBC 4.2), so time(7) keeps its 100 ns
    try (SessionFactory direct =
        sessionFactory(true, "none", Map.of(AvailableSettings.JAVA_TIME_USE_DIRECT_JDBC, "true"))) {
      AllTypes written = sample();
      written.localTime = LocalTime.of(23, 59, 58, 123_456_700);
      direct.inTransaction(s -> s.persist(written));
      AllTypes read = direct.fromTransaction(s -> s.find(AllTypes.class, written.id));
      assertThat((Object) read).isNotSameAs(written);
      assertThat((Object) read).usingRecursiveComparison().isEqualTo(written);
    }
  }

  @Test
  void updateAndDelete() {
    AllTypes written = sample();
    sessions.inTransaction(s -> s.persist(written));
    sessions.inTransaction(
        s -> {
          AllTypes t = s.find(AllTypes.class, written.id);
          t.text = "changed";
          t.money = new BigDecimal("-0.0001");
          t.localDate = LocalDate.of(1900, 1, 1);
          t.uuid = null;
          t.blob = new byte[] {1, 2, 3};
          t.namedColour = AllTypes.Colour.RED;
        });
    AllTypes read = sessions.fromTransaction(s -> s.find(AllTypes.class, written.id));
    assertThat(read.text).isEqualTo("changed");
    assertThat(read.money).isEqualTo(new BigDecimal("-0.0001"));
    assertThat(read.localDate).isEqualTo(LocalDate.of(1900, 1, 1));
    assertThat(read.uuid).isNull();
    assertThat(read.blob).containsExactly(1, 2, 3);
    assertThat(read.namedColour).isEqualTo(AllTypes.Colour.RED);
    assertThat(read.nationalText).isEqualTo(written.nationalText);
    sessions.inTransaction(s -> s.remove(s.find(AllTypes.class, written.id)));
    AllTypes gone = sessions.fromTransaction(s -> s.find(AllTypes.class, written.id));
    assertThat(gone).isNull();
  }

  /** 12 books by 3 authors; pages 100, 110, ..., 210; price 1.50 x (i + 1). */
  private static List<Book> library() {
    List<Book> books = new ArrayList<>();
    sessions.inTransaction(
        s -> {
          Author[] authors = {new Author("Austen"), new Author("Borges"), new Author("Calvino")};
          for (Author a : authors) {
            s.persist(a);
          }
          for (int i = 0; i < 12; i++) {
            Book b =
                new Book(
                    "Book " + i,
                    100 + 10 * i,
                    new BigDecimal("1.50").multiply(BigDecimal.valueOf(i + 1)),
                    authors[i % 3]);
            s.persist(b);
            books.add(b);
          }
        });
    return books;
  }

  @Test
  void sequenceIdsAndManyToOne() {
    List<Book> books = library();
    List<Long> ids = books.stream().map(b -> b.id).toList();
    assertThat(ids).doesNotHaveDuplicates().isSorted();
    Book read = sessions.fromTransaction(s -> s.find(Book.class, ids.get(4)));
    assertThat(read.title).isEqualTo("Book 4");
    assertThat(read.author.name).isEqualTo("Borges");
    assertThat(read.price).isEqualByComparingTo("7.50");
    // the sequence is the server's: its next value is past every id Hibernate handed out
    long next =
        sessions.fromTransaction(
            s ->
                ((Number)
                        s.createNativeQuery("SELECT NEXT VALUE FOR book_seq", Object.class)
                            .getSingleResult())
                    .longValue());
    assertThat(next).isGreaterThan(ids.get(ids.size() - 1));
  }

  @Test
  void jpqlPaging() {
    library();
    List<String> page =
        sessions.fromTransaction(
            s ->
                s.createSelectionQuery(
                        "select b.title from Book b order by b.pages desc", String.class)
                    .setFirstResult(3)
                    .setMaxResults(4)
                    .getResultList());
    assertThat(page).containsExactly("Book 8", "Book 7", "Book 6", "Book 5");
    List<Book> first =
        sessions.fromTransaction(
            s ->
                s.createSelectionQuery(
                        "from Book b where b.author.name = :n order by b.title", Book.class)
                    .setParameter("n", "Calvino")
                    .setMaxResults(2)
                    .getResultList());
    assertThat(first).extracting(b -> b.title).containsExactly("Book 11", "Book 2");
    // no ORDER BY: SQL Server's OFFSET needs one, and the dialect adds "order by (select 0)"
    List<Author> second =
        sessions.fromTransaction(
            s ->
                s.createSelectionQuery("from Author", Author.class)
                    .setFirstResult(1)
                    .setMaxResults(5)
                    .getResultList());
    assertThat(second).hasSize(2);
  }

  @Test
  void aggregates() {
    library();
    List<Object[]> rows =
        sessions.fromTransaction(
            s ->
                s.createSelectionQuery(
                        "select a.name, count(b), sum(b.price), max(b.pages) from Book b join"
                            + " b.author a group by a.name order by a.name",
                        Object[].class)
                    .getResultList());
    assertThat(rows).hasSize(3);
    // Austen: books 0, 3, 6, 9: prices 1.5 x (1 + 4 + 7 + 10) = 33.00, pages up to 190
    assertThat(rows.get(0)[0]).isEqualTo("Austen");
    assertThat(rows.get(0)[1]).isEqualTo(4L);
    assertThat((BigDecimal) rows.get(0)[2]).isEqualByComparingTo("33.00");
    assertThat(rows.get(0)[3]).isEqualTo(190);
    Long count =
        sessions.fromTransaction(
            s -> {
              var cb = s.getCriteriaBuilder();
              var q = cb.createQuery(Long.class);
              var b = q.from(Book.class);
              q.select(cb.count(b)).where(cb.greaterThan(b.get("pages"), 150));
              return s.createQuery(q).getSingleResult();
            });
    assertThat(count).isEqualTo(6L); // 160 .. 210
  }

  @Test
  void theMappedConstraintsHold() {
    library();
    // hbm2ddl added the unique key and the foreign key with ALTER TABLE; Hibernate's
    // SQLServerDialect reads the constraint's name from SQL Server's message (2627 "Violation of
    // UNIQUE KEY constraint '...'", 547 "... conflicted with the REFERENCE constraint \"...\"")
    assertThatThrownBy(() -> sessions.inTransaction(s -> s.persist(new Author("Borges"))))
        .isInstanceOfSatisfying(
            ConstraintViolationException.class,
            e -> {
              assertThat(e.getKind()).isEqualTo(ConstraintViolationException.ConstraintKind.UNIQUE);
              assertThat(e.getConstraintName()).isEqualToIgnoringCase("uk_author_name");
            });
    assertThatThrownBy(
            () ->
                sessions.inTransaction(
                    s -> s.createMutationQuery("delete from Author").executeUpdate()))
        .isInstanceOfSatisfying(
            ConstraintViolationException.class,
            e -> assertThat(e.getConstraintName()).isEqualToIgnoringCase("fk_book_author"));
  }

  @Test
  void schemaUpdateAddsATableAndOptimisticLockingChecksTheVersion() throws SQLException {
    List<Book> books = library();
    // hbm2ddl=update reads the schema through DatabaseMetaData and INFORMATION_SCHEMA.SEQUENCES,
    // creates only what is missing (table review, its foreign key), and halts on any DDL error
    Map<String, String> update = Map.of(AvailableSettings.HBM2DDL_HALT_ON_ERROR, "true");
    try (SessionFactory updated = sessionFactory(false, "update", update, Review.class)) {
      Review r = new Review(5, books.get(0));
      updated.inTransaction(s -> s.persist(r));
      updated.inTransaction(s -> s.find(Review.class, r.id).stars = 4);
      Review read = updated.fromTransaction(s -> s.find(Review.class, r.id));
      assertThat(read.stars).isEqualTo(4);
      assertThat(read.version).isEqualTo(1);
      assertThat(read.book.title).isEqualTo("Book 0");
      // a stale copy (version 0) no longer matches: "update ... where id=? and version=?" counts 0
      assertThatThrownBy(() -> updated.inTransaction(s -> s.merge(r)))
          .isInstanceOf(OptimisticLockException.class);
    } finally {
      // outside a transaction: the embedded server runs no DROP TABLE inside one (README)
      try (Connection c = dataSource().getConnection();
          Statement st = c.createStatement()) {
        st.execute("IF OBJECT_ID('dbo.review') IS NOT NULL DROP TABLE dbo.review");
      }
    }
  }

  @Test
  void pessimisticLocksUseSqlServerTableHints() {
    library();
    Author locked =
        sessions.fromTransaction(
            s -> {
              Long id =
                  s.createSelectionQuery(
                          "select a.id from Author a where a.name = 'Austen'", Long.class)
                      .getSingleResult();
              // SQLServerDialect: "with (updlock,holdlock,rowlock)" after the table name
              return s.find(Author.class, id, LockModeType.PESSIMISTIC_WRITE);
            });
    assertThat(locked.name).isEqualTo("Austen");
    List<Book> shared =
        sessions.fromTransaction(
            s ->
                s.createSelectionQuery(
                        "from Book b where b.pages > 180 order by b.pages", Book.class)
                    .setLockMode(LockModeType.PESSIMISTIC_READ)
                    .getResultList());
    assertThat(shared).extracting(b -> b.title).containsExactly("Book 9", "Book 10", "Book 11");
  }

  @Test
  void rollbackLeavesNothing() {
    try (Session s = sessions.openSession()) {
      Transaction tx = s.beginTransaction();
      s.persist(new Author("Rolled Back"));
      s.flush(); // the INSERT has reached the server
      assertThat(
              s.createSelectionQuery("select count(a) from Author a", Long.class).getSingleResult())
          .isEqualTo(1L);
      tx.rollback();
    }
    Long n =
        sessions.fromTransaction(
            s ->
                s.createSelectionQuery("select count(a) from Author a", Long.class)
                    .getSingleResult());
    assertThat(n).isZero();
  }

  @Test
  void dialectFoundFromDatabaseMetaData() {
    // validate: the schema create-drop made is what the detected dialect expects (read back through
    // DatabaseMetaData.getTables / getColumns)
    try (SessionFactory detected = sessionFactory(false, "validate")) {
      Dialect d =
          detected
              .unwrap(SessionFactoryImplementor.class)
              .getServiceRegistry()
              .requireService(JdbcServices.class)
              .getDialect();
      assertThat(d).isInstanceOf(SQLServerDialect.class);
      // SERVERPROPERTY('ProductVersion') of the embedded server is 16.x (SQL Server 2022)
      assertThat(d.getVersion().getMajor()).isEqualTo(16);
    }
  }
}
