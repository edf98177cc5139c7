package io.jctds.jdbc;

import java.io.ByteArrayInputStream;
import java.io.CharArrayReader;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Reader;
import java.io.StringReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.NClob;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLXML;
import java.util.Arrays;
import javax.xml.transform.Result;
import javax.xml.transform.Source;
import javax.xml.transform.stream.StreamResult;
import javax.xml.transform.stream.StreamSource;

/**
 * The LOBs {@code Connection.createBlob / createClob / createNClob / createSQLXML} return: empty,
 * in memory, written with the JDBC setters (positions 1-based, JDBC 4.3 §16) and sent as their
 * content when set as a parameter.
 */
final class WritableLobs {
  private WritableLobs() {}

  private static SQLException freed() {
    return new SQLException("the LOB was freed", "HY010");
  }

  private static int at(long pos, long size) throws SQLException {
    if (pos < 1 || pos > size + 1) {
      throw new SQLException("position " + pos + " is outside 1.." + (size + 1), "22023");
    }
    return (int) (pos - 1);
  }

  /** A Blob over a growable byte array. */
  static final class WritableBlob implements Blob {
    private byte[] data = new byte[0];
    private boolean freed;

    private byte[] data() throws SQLException {
      if (freed) {
        throw freed();
      }
      return data;
    }

    @Override
    public long length() throws SQLException {
      return data().length;
    }

    @Override
    public byte[] getBytes(long pos, int length) throws SQLException {
      byte[] d = data();
      int from = at(pos, d.length);
      return Arrays.copyOfRange(d, from, Math.min(d.length, from + Math.max(0, length)));
    }

    @Override
    public InputStream getBinaryStream() throws SQLException {
      return new ByteArrayInputStream(data());
    }

    @Override
    public InputStream getBinaryStream(long pos, long length) throws SQLException {
      return new ByteArrayInputStream(getBytes(pos, (int) Math.min(Integer.MAX_VALUE, length)));
    }

    @Override
    public long position(byte[] pattern, long start) throws SQLException {
      byte[] d = data();
      for (int i = at(start, d.length); i + pattern.length <= d.length; i++) {
        if (Arrays.equals(d, i, i + pattern.length, pattern, 0, pattern.length)) {
          return i + 1;
        }
      }
      return -1;
    }

    @Override
    public long position(Blob pattern, long start) throws SQLException {
      return position(pattern.getBytes(1, (int) pattern.length()), start);
    }

    @Override
    public int setBytes(long pos, byte[] bytes) throws SQLException {
      return setBytes(pos, bytes, 0, bytes.length);
    }

    @Override
    public int setBytes(long pos, byte[] bytes, int offset, int len) throws SQLException {
      int from = at(pos, data().length);
      if (from + len > data.length) {
        data = Arrays.copyOf(data, from + len);
      }
      System.arraycopy(bytes, offset, data, from, len);
      return len;
    }

    @Override
    public OutputStream setBinaryStream(long pos) throws SQLException {
      long[] next = {pos};
      at(pos, data().length);
      return new OutputStream() {
        @Override
        public void write(int b) throws java.io.IOException {
          write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws java.io.IOException {
          try {
            next[0] += setBytes(next[0], b, off, len);
          } catch (SQLException e) {
            throw new java.io.IOException(e.getMessage(), e);
          }
        }
      };
    }

    @Override
    public void truncate(long len) throws SQLException {
      if (len < 0 || len > data().length) {
        throw new SQLException("cannot truncate to " + len + " of " + data.length, "22023");
      }
      data = Arrays.copyOf(data, (int) len);
    }

    @Override
    public void free() {
      freed = true;
      data = new byte[0];
    }
  }

  /** A Clob / NClob over a StringBuilder. */
  static final class WritableClob implements NClob {
    private final StringBuilder text = new StringBuilder();
    private boolean freed;

    private StringBuilder text() throws SQLException {
      if (freed) {
        throw freed();
      }
      return text;
    }

    @Override
    public long length() throws SQLException {
      return text().length();
    }

    @Override
    public String getSubString(long pos, int length) throws SQLException {
      StringBuilder t = text();
      int from = at(pos, t.length());
      return t.substring(from, Math.min(t.length(), from + Math.max(0, length)));
    }

    @Override
    public Reader getCharacterStream() throws SQLException {
      return new StringReader(text().toString());
    }

    @Override
    public Reader getCharacterStream(long pos, long length) throws SQLException {
      return new StringReader(getSubString(pos, (int) Math.min(Integer.MAX_VALUE, length)));
    }

    @Override
    public InputStream getAsciiStream() throws SQLException {
      return new ByteArrayInputStream(text().toString().getBytes(StandardCharsets.US_ASCII));
    }

    @Override
    public long position(String pattern, long start) throws SQLException {
      int i = text().indexOf(pattern, at(start, text.length()));
      return i < 0 ? -1 : i + 1;
    }

    @Override
    public long position(Clob pattern, long start) throws SQLException {
      return position(pattern.getSubString(1, (int) pattern.length()), start);
    }

    @Override
    public int setString(long pos, String str) throws SQLException {
      return setString(pos, str, 0, str.length());
    }

    @Override
    public int setString(long pos, String str, int offset, int len) throws SQLException {
      int from = at(pos, text().length());
      int end = Math.min(text.length(), from + len);
      text.replace(from, end, str.substring(offset, offset + len));
      return len;
    }

    @Override
    public Writer setCharacterStream(long pos) throws SQLException {
      long[] next = {pos};
      at(pos, text().length());
      return new Writer() {
        @Override
        public void write(char[] c, int off, int len) throws java.io.IOException {
          try {
            next[0] += setString(next[0], new String(c, off, len));
          } catch (SQLException e) {
            throw new java.io.IOException(e.getMessage(), e);
          }
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
      };
    }

    @Override
    public OutputStream setAsciiStream(long pos) throws SQLException {
      Writer w = setCharacterStream(pos);
      return new OutputStream() {
        @Override
        public void write(int b) throws java.io.IOException {
          w.write(b & 0x7F);
        }
      };
    }

    @Override
    public void truncate(long len) throws SQLException {
      if (len < 0 || len > text().length()) {
        throw new SQLException("cannot truncate to " + len + " of " + text.length(), "22023");
      }
      text.setLength((int) len);
    }

    @Override
    public void free() {
      freed = true;
      text.setLength(0);
    }
  }

  /** An SQLXML written once (setString, setCharacterStream or a StreamResult), then readable. */
  static final class WritableSqlXml implements SQLXML {
    private final java.io.CharArrayWriter text = new java.io.CharArrayWriter();
    private boolean written;
    private boolean freed;

    private void writing() throws SQLException {
      if (freed) {
        throw freed();
      }
      if (written) {
        throw new SQLException("the SQLXML value was already written", "HY010");
      }
      written = true;
    }

    private String value() throws SQLException {
      if (freed) {
        throw freed();
      }
      return text.toString();
    }

    @Override
    public void setString(String value) throws SQLException {
      writing();
      text.append(value);
    }

    @Override
    public Writer setCharacterStream() throws SQLException {
      writing();
      return text;
    }

    @Override
    public OutputStream setBinaryStream() throws SQLException {
      throw new SQLFeatureNotSupportedException("write XML as characters: setCharacterStream");
    }

    @Override
    public <T extends Result> T setResult(Class<T> resultClass) throws SQLException {
      if (resultClass != null && resultClass != StreamResult.class) {
        throw new SQLFeatureNotSupportedException(
            "only StreamResult is supported for writing, not " + resultClass.getName());
      }
      writing();
      @SuppressWarnings("unchecked") // null asks for the default Result, a StreamResult
      T r = (T) new StreamResult(text);
      return r;
    }

    @Override
    public String getString() throws SQLException {
      return value();
    }

    @Override
    public Reader getCharacterStream() throws SQLException {
      return new CharArrayReader(value().toCharArray());
    }

    @Override
    public InputStream getBinaryStream() throws SQLException {
      return new ByteArrayInputStream(value().getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public <T extends Source> T getSource(Class<T> sourceClass) throws SQLException {
      if (sourceClass != null && sourceClass != StreamSource.class) {
        throw new SQLFeatureNotSupportedException(
            "only StreamSource is supported here, not " + sourceClass.getName());
      }
      @SuppressWarnings("unchecked") // null asks for the default Source, a StreamSource
      T s = (T) new StreamSource(new StringReader(value()));
      return s;
    }

    @Override
    public void free() {
      freed = true;
    }
  }
}
