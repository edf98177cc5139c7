package io.jctds.jdbc;

import java.io.ByteArrayInputStream;
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
import javax.xml.transform.Result;
import javax.xml.transform.Source;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.sax.SAXSource;
import javax.xml.transform.stax.StAXSource;
import javax.xml.transform.stream.StreamSource;
import org.xml.sax.InputSource;

/**
 * Read-only Blob, Clob / NClob and SQLXML over a value already in memory (the row was received
 * whole). Positions are 1-based as JDBC's; after {@code free()} every method but free is an
 * SQLException. Writing is SQLFeatureNotSupportedException: send new content as a parameter.
 */
final class JdbcLobs {
  private JdbcLobs() {}

  private static SQLException freed(String what) {
    return new SQLException("this " + what + " was freed; read the column again", "HY010");
  }

  private static SQLFeatureNotSupportedException readOnly(String what) {
    return new SQLFeatureNotSupportedException(
        "a "
            + what
            + " read from a result set is read-only in jctds; send new content as a"
            + " PreparedStatement parameter",
        "0A000");
  }

  /** Checks 1-based {@code pos} and {@code length} against a value of {@code size} units. */
  private static int start(long pos, long length, long size, String what) throws SQLException {
    if (pos < 1 || length < 0 || pos > size + 1) {
      throw new SQLException(
          what
              + ": position "
              + pos
              + " and length "
              + length
              + " are outside 1.."
              + (size + 1)
              + " (positions are 1-based, the length not negative)",
          "22023");
    }
    return (int) (pos - 1);
  }

  /** A Blob over a byte array. */
  static final class ReadOnlyBlob implements Blob {
    private byte[] data;

    ReadOnlyBlob(byte[] data) {
      this.data = data;
    }

    private byte[] data() throws SQLException {
      if (data == null) {
        throw freed("Blob");
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
      int from = start(pos, length, d.length, "Blob.getBytes");
      int n = Math.min(length, d.length - from);
      byte[] out = new byte[n];
      System.arraycopy(d, from, out, 0, n);
      return out;
    }

    @Override
    public InputStream getBinaryStream() throws SQLException {
      return new ByteArrayInputStream(data());
    }

    @Override
    public InputStream getBinaryStream(long pos, long length) throws SQLException {
      byte[] d = data();
      int from = start(pos, length, d.length, "Blob.getBinaryStream");
      if (from + length > d.length) {
        throw new SQLException(
            "Blob.getBinaryStream: position "
                + pos
                + " plus length "
                + length
                + " runs past the Blob's "
                + d.length
                + " bytes",
            "22023");
      }
      return new ByteArrayInputStream(d, from, (int) length);
    }

    @Override
    public long position(byte[] pattern, long start) throws SQLException {
      byte[] d = data();
      if (pattern == null || start < 1) {
        throw new SQLException(
            "Blob.position: a pattern and a start of 1 or more are needed", "22023");
      }
      outer:
      for (long i = start - 1; i + pattern.length <= d.length; i++) {
        for (int j = 0; j < pattern.length; j++) {
          if (d[(int) i + j] != pattern[j]) {
            continue outer;
          }
        }
        return i + 1;
      }
      return -1;
    }

    @Override
    public long position(Blob pattern, long start) throws SQLException {
      return position(pattern.getBytes(1, (int) pattern.length()), start);
    }

    @Override
    public int setBytes(long pos, byte[] bytes) throws SQLException {
      throw readOnly("Blob");
    }

    @Override
    public int setBytes(long pos, byte[] bytes, int offset, int len) throws SQLException {
      throw readOnly("Blob");
    }

    @Override
    public OutputStream setBinaryStream(long pos) throws SQLException {
      throw readOnly("Blob");
    }

    @Override
    public void truncate(long len) throws SQLException {
      throw readOnly("Blob");
    }

    @Override
    public void free() {
      data = null;
    }
  }

  /** A Clob (and NClob) over a String; positions and lengths count UTF-16 chars. */
  static final class ReadOnlyClob implements NClob {
    private String text;

    ReadOnlyClob(String text) {
      this.text = text;
    }

    private String text() throws SQLException {
      if (text == null) {
        throw freed("Clob");
      }
      return text;
    }

    @Override
    public long length() throws SQLException {
      return text().length();
    }

    @Override
    public String getSubString(long pos, int length) throws SQLException {
      String t = text();
      int from = start(pos, length, t.length(), "Clob.getSubString");
      return t.substring(from, from + Math.min(length, t.length() - from));
    }

    @Override
    public Reader getCharacterStream() throws SQLException {
      return new StringReader(text());
    }

    @Override
    public Reader getCharacterStream(long pos, long length) throws SQLException {
      String t = text();
      int from = start(pos, length, t.length(), "Clob.getCharacterStream");
      if (from + length > t.length()) {
        throw new SQLException(
            "Clob.getCharacterStream: position "
                + pos
                + " plus length "
                + length
                + " runs past the Clob's "
                + t.length()
                + " characters",
            "22023");
      }
      return new StringReader(t.substring(from, from + (int) length));
    }

    @Override
    public InputStream getAsciiStream() throws SQLException {
      return new ByteArrayInputStream(text().getBytes(StandardCharsets.US_ASCII));
    }

    @Override
    public long position(String searchstr, long start) throws SQLException {
      String t = text();
      if (searchstr == null || start < 1) {
        throw new SQLException(
            "Clob.position: a string and a start of 1 or more are needed", "22023");
      }
      if (start > t.length() + 1) {
        return -1;
      }
      int i = t.indexOf(searchstr, (int) (start - 1));
      return i < 0 ? -1 : i + 1;
    }

    @Override
    public long position(Clob searchstr, long start) throws SQLException {
      return position(searchstr.getSubString(1, (int) searchstr.length()), start);
    }

    @Override
    public int setString(long pos, String str) throws SQLException {
      throw readOnly("Clob");
    }

    @Override
    public int setString(long pos, String str, int offset, int len) throws SQLException {
      throw readOnly("Clob");
    }

    @Override
    public OutputStream setAsciiStream(long pos) throws SQLException {
      throw readOnly("Clob");
    }

    @Override
    public Writer setCharacterStream(long pos) throws SQLException {
      throw readOnly("Clob");
    }

    @Override
    public void truncate(long len) throws SQLException {
      throw readOnly("Clob");
    }

    @Override
    public void free() {
      text = null;
    }
  }

  /** An SQLXML over the document's text. */
  static final class ReadOnlySqlXml implements SQLXML {
    private String text;

    ReadOnlySqlXml(String text) {
      this.text = text;
    }

    private String text() throws SQLException {
      if (text == null) {
        throw freed("SQLXML");
      }
      return text;
    }

    @Override
    public String getString() throws SQLException {
      return text();
    }

    @Override
    public Reader getCharacterStream() throws SQLException {
      return new StringReader(text());
    }

    /** The document as UTF-8 (the encoding an XML parser assumes without a declaration). */
    @Override
    public InputStream getBinaryStream() throws SQLException {
      return new ByteArrayInputStream(text().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The document as a StreamSource (also for null), DOMSource, SAXSource or StAXSource, the four
     * the SQLXML javadoc names. The parsers refuse DOCTYPE declarations, so no external entity is
     * ever fetched.
     */
    @Override
    public <T extends Source> T getSource(Class<T> sourceClass) throws SQLException {
      String t = text();
      Source s;
      try {
        if (sourceClass == null || sourceClass == StreamSource.class) {
          s = new StreamSource(new StringReader(t));
        } else if (sourceClass == DOMSource.class) {
          s = new DOMSource(XmlParsers.document(t));
        } else if (sourceClass == SAXSource.class) {
          s = new SAXSource(XmlParsers.reader(), new InputSource(new StringReader(t)));
        } else if (sourceClass == StAXSource.class) {
          s = new StAXSource(XmlParsers.stream(t));
        } else {
          throw new SQLFeatureNotSupportedException(
              "SQLXML.getSource: "
                  + sourceClass.getName()
                  + " is not one of StreamSource, DOMSource, SAXSource, StAXSource",
              "0A000");
        }
      } catch (SQLException e) {
        throw e;
      } catch (Exception e) {
        throw new SQLException(
            "SQLXML.getSource: the column's XML could not be parsed: " + e.getMessage(),
            "22000",
            e);
      }
      @SuppressWarnings("unchecked")
      T result = (T) s;
      return result;
    }

    @Override
    public OutputStream setBinaryStream() throws SQLException {
      throw readOnly("SQLXML");
    }

    @Override
    public Writer setCharacterStream() throws SQLException {
      throw readOnly("SQLXML");
    }

    @Override
    public void setString(String value) throws SQLException {
      throw readOnly("SQLXML");
    }

    @Override
    public <T extends Result> T setResult(Class<T> resultClass) throws SQLException {
      throw readOnly("SQLXML");
    }

    @Override
    public void free() {
      text = null;
    }
  }
}
