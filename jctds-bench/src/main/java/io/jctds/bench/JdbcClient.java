package io.jctds.bench;

import com.microsoft.sqlserver.jdbc.ISQLServerBulkData;
import com.microsoft.sqlserver.jdbc.SQLServerBulkCopy;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDateTime;
import java.util.Set;
import java.util.UUID;

/**
 * A JDBC driver (mssql-jdbc or jTDS) doing the same work through java.sql, the way their users
 * write it: typed getters, a PreparedStatement batch, mssql-jdbc's SQLServerBulkCopy.
 */
final class JdbcClient implements BenchClient {
  private final Connection c;
  private final boolean mssql;

  private JdbcClient(Connection c, boolean mssql) {
    this.c = c;
    this.mssql = mssql;
  }

  /** mssql-jdbc 13.6.2; {@code tuned} adds what its documentation advises for batch inserts. */
  static JdbcClient mssql(Target t, boolean tuned) throws SQLException {
    String url =
        "jdbc:sqlserver://"
            + t.host()
            + ":"
            + t.port()
            + ";databaseName=master;user="
            + t.user()
            + ";password="
            + t.password()
            + (t.tls() ? validating(t) : ";encrypt=false")
            + (tuned ? ";useBulkCopyForBatchInsert=true;prepareMethod=prepare" : "");
    return new JdbcClient(DriverManager.getConnection(url), true);
  }

  /**
   * mssql-jdbc's TLS settings doing the work jctds does with {@code ca file}: the chain validated
   * against the server's CA (a JKS trust store, mssql-jdbc's default trustStoreType, made once per
   * JVM from the same PEM file; mssql-jdbc loads it at every connect) and the host name checked.
   * The server's certificate names DNS:localhost and IP:127.0.0.1; mssql-jdbc matches DNS names
   * only, hence {@code hostNameInCertificate=localhost}. (Until run 8 the bench ran mssql-jdbc with
   * trustServerCertificate=true: no validation at all, less work than jctds.)
   */
  private static String validating(Target t) {
    return ";encrypt=true;trustServerCertificate=false;hostNameInCertificate=localhost"
        + ";trustStoreType=JKS;trustStorePassword="
        + TRUST_STORE_PASSWORD
        + ";trustStore="
        + TRUST_STORES.computeIfAbsent(t.caPem(), JdbcClient::trustStore);
  }

  private static final String TRUST_STORE_PASSWORD = "jctds-bench";

  private static final java.util.Map<java.nio.file.Path, java.nio.file.Path> TRUST_STORES =
      new java.util.concurrent.ConcurrentHashMap<>();

  private static java.nio.file.Path trustStore(java.nio.file.Path caPem) {
    try (java.io.InputStream in = java.nio.file.Files.newInputStream(caPem)) {
      java.security.KeyStore ks = java.security.KeyStore.getInstance("JKS");
      ks.load(null, null);
      int i = 0;
      for (java.security.cert.Certificate c :
          java.security.cert.CertificateFactory.getInstance("X.509").generateCertificates(in)) {
        ks.setCertificateEntry("ca" + i++, c);
      }
      java.nio.file.Path file = java.nio.file.Files.createTempFile("jctds-bench-trust", ".jks");
      file.toFile().deleteOnExit();
      try (java.io.OutputStream out = java.nio.file.Files.newOutputStream(file)) {
        ks.store(out, TRUST_STORE_PASSWORD.toCharArray());
      }
      return file;
    } catch (java.io.IOException | java.security.GeneralSecurityException e) {
      throw new IllegalStateException("cannot make a trust store from " + caPem + ": " + e, e);
    }
  }

  /** jTDS 1.3.1 (TDS 7.1); {@code tuned}: prepareSQL=2 (sp_prepare/sp_execute). */
  static JdbcClient jtds(Target t, boolean tuned) throws SQLException {
    String url =
        "jdbc:jtds:sqlserver://"
            + t.host()
            + ":"
            + t.port()
            + "/master;tds=8.0;user="
            + t.user()
            + ";password="
            + t.password()
            + (t.tls() ? ";ssl=require" : ";ssl=off")
            + (tuned ? ";prepareSQL=2" : "");
    return new JdbcClient(
        new net.sourceforge.jtds.jdbc.Driver().connect(url, new java.util.Properties()), false);
  }

  @Override
  public long fetchRows(long n) throws SQLException {
    long sum = 0;
    long acc = 0;
    try (Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT * FROM jctds_bench_rows(" + n + ")")) {
      while (rs.next()) {
        sum += rs.getInt(1);
        acc += rs.getLong(2);
        acc += rs.getString(3).length();
        acc += created(rs).getNano();
        acc += rs.getBigDecimal(5).scale();
        acc += (long) rs.getDouble(6);
        acc += rs.getBoolean(7) ? 1 : 0;
        acc += UUID.fromString(rs.getString(8)).getLeastSignificantBits();
      }
    }
    Blackhole.consume(acc);
    return sum;
  }

  /** datetime2: mssql-jdbc decodes it; jTDS (TDS 7.1) receives nvarchar text and parses it. */
  private LocalDateTime created(ResultSet rs) throws SQLException {
    if (mssql) {
      return rs.getObject(4, LocalDateTime.class);
    }
    return LocalDateTime.parse(rs.getString(4).replace(' ', 'T'));
  }

  @Override
  public long fetchBlobs(long n, int size) throws SQLException {
    long bytes = 0;
    try (Statement st = c.createStatement();
        ResultSet rs =
            st.executeQuery("SELECT * FROM jctds_bench_blobs(" + n + ", " + size + ")")) {
      while (rs.next()) {
        bytes += rs.getBytes(2).length;
      }
    }
    return bytes;
  }

  @Override
  public long selectOne() throws SQLException {
    try (Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT 1")) {
      rs.next();
      return rs.getInt(1);
    }
  }

  @Override
  public long insertMany(long n) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(SinkRows.INSERT)) {
      for (long i = 1; i <= n; i++) {
        Object[] r = SinkRows.row(i);
        ps.setInt(1, (Integer) r[0]);
        ps.setLong(2, (Long) r[1]);
        ps.setString(3, (String) r[2]);
        ps.setTimestamp(4, Timestamp.valueOf((LocalDateTime) r[3]));
        ps.setBigDecimal(5, (BigDecimal) r[4]);
        ps.setDouble(6, (Double) r[5]);
        ps.setBoolean(7, (Boolean) r[6]);
        ps.setString(8, r[7].toString());
        ps.addBatch();
      }
      ps.executeBatch();
    }
    return n;
  }

  @Override
  public long bulkInsert(long n) throws SQLException {
    if (!mssql) {
      throw new UnsupportedOperationException("jTDS has no bulk copy API");
    }
    try (SQLServerBulkCopy bc = new SQLServerBulkCopy(c)) {
      bc.setDestinationTableName("jctds_bench_sink");
      bc.writeToServer(new Generated(n));
    }
    return n;
  }

  /** mssql-jdbc's bulk source: rows made as SQLServerBulkCopy asks for them. */
  private static final class Generated implements ISQLServerBulkData {
    private static final long serialVersionUID = 1L;
    private static final int[] TYPES = {
      Types.INTEGER,
      Types.BIGINT,
      Types.NVARCHAR,
      Types.TIMESTAMP,
      Types.DECIMAL,
      Types.DOUBLE,
      Types.BIT,
      Types.CHAR
    };
    private static final String[] NAMES = {
      "id", "big", "name", "created", "amount", "ratio", "flag", "guid"
    };
    private final long n;
    private long i;

    Generated(long n) {
      this.n = n;
    }

    @Override
    public Set<Integer> getColumnOrdinals() {
      return Set.of(1, 2, 3, 4, 5, 6, 7, 8);
    }

    @Override
    public String getColumnName(int column) {
      return NAMES[column - 1];
    }

    @Override
    public int getColumnType(int column) {
      return TYPES[column - 1];
    }

    @Override
    public int getPrecision(int column) {
      return switch (column) {
        case 3 -> 50;
        case 4 -> 27;
        case 5 -> 18;
        case 8 -> 36;
        default -> 0;
      };
    }

    @Override
    public int getScale(int column) {
      return switch (column) {
        case 4 -> 7;
        case 5 -> 4;
        default -> 0;
      };
    }

    @Override
    public Object[] getRowData() {
      Object[] r = SinkRows.row(i);
      r[3] = Timestamp.valueOf((LocalDateTime) r[3]);
      r[7] = r[7].toString();
      return r;
    }

    @Override
    public boolean next() {
      return ++i <= n;
    }
  }

  @Override
  public void close() throws SQLException {
    c.close();
  }
}
