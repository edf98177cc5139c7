package io.jctds.tls;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.cert.CRL;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * Reads PEM bundles: every {@code CERTIFICATE} (also OpenSSL's {@code TRUSTED CERTIFICATE}) or
 * {@code X509 CRL} block, ignoring text between blocks (comments in distribution bundles). A file
 * without any PEM block that starts like DER is read as one DER object.
 */
final class PemFile {
  private static final String BEGIN = "-----BEGIN ";
  private static final String END = "-----END ";

  private PemFile() {}

  /** A block that could not be decoded: its 1-based number in the file and why. */
  static final class BadBlockException extends Exception {
    private static final long serialVersionUID = 1L;

    BadBlockException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  static List<X509Certificate> certificates(byte[] content) throws BadBlockException {
    List<X509Certificate> out = new ArrayList<>();
    int n = 0;
    for (byte[] der : blocks(content, "CERTIFICATE", "TRUSTED CERTIFICATE")) {
      n++;
      try {
        Certificate c = factory().generateCertificate(new ByteArrayInputStream(der));
        if (c instanceof X509Certificate x) {
          out.add(x);
        }
      } catch (GeneralSecurityException | RuntimeException e) {
        throw new BadBlockException(
            "certificate #" + n + " cannot be parsed: " + e.getMessage(), e);
      }
    }
    return out;
  }

  static List<X509CRL> crls(byte[] content) throws BadBlockException {
    List<X509CRL> out = new ArrayList<>();
    int n = 0;
    for (byte[] der : blocks(content, "X509 CRL")) {
      n++;
      try {
        CRL crl = factory().generateCRL(new ByteArrayInputStream(der));
        if (crl instanceof X509CRL x) {
          out.add(x);
        }
      } catch (GeneralSecurityException | RuntimeException e) {
        throw new BadBlockException("CRL #" + n + " cannot be parsed: " + e.getMessage(), e);
      }
    }
    return out;
  }

  private static CertificateFactory factory() throws GeneralSecurityException {
    return CertificateFactory.getInstance("X.509");
  }

  /** The DER content of every block with one of {@code labels}; a whole-file DER fallback. */
  static List<byte[]> blocks(byte[] content, String... labels) throws BadBlockException {
    String text = new String(content, StandardCharsets.ISO_8859_1);
    List<byte[]> out = new ArrayList<>();
    int from = 0;
    int n = 0;
    while (true) {
      int begin = text.indexOf(BEGIN, from);
      if (begin < 0) {
        break;
      }
      int labelEnd = text.indexOf("-----", begin + BEGIN.length());
      if (labelEnd < 0) {
        break;
      }
      String label = text.substring(begin + BEGIN.length(), labelEnd);
      String endMarker = END + label + "-----";
      int end = text.indexOf(endMarker, labelEnd + 5);
      if (end < 0) {
        throw new BadBlockException("the PEM block '" + label + "' has no END line", null);
      }
      from = end + endMarker.length();
      if (Arrays.asList(labels).contains(label)) {
        n++;
        out.add(decode(text.substring(labelEnd + 5, end), n));
      }
    }
    if (out.isEmpty() && text.indexOf(BEGIN) < 0 && content.length > 1 && content[0] == 0x30) {
      out.add(content);
    }
    return out;
  }

  private static byte[] decode(String base64, int n) throws BadBlockException {
    try {
      return outerTlv(Base64.getMimeDecoder().decode(base64.trim()));
    } catch (IllegalArgumentException e) {
      throw new BadBlockException("PEM block #" + n + " is not valid base64: " + e.getMessage(), e);
    }
  }

  /**
   * The first DER object of {@code der}: OpenSSL's TRUSTED CERTIFICATE appends trust settings after
   * the certificate, which the JDK's parser does not expect.
   */
  private static byte[] outerTlv(byte[] der) {
    if (der.length < 2 || der[0] != 0x30) {
      return der;
    }
    int length = der[1] & 0xff;
    int header = 2;
    if (length >= 0x80) {
      int count = length & 0x7f;
      if (count < 1 || count > 4 || der.length < 2 + count) {
        return der;
      }
      length = 0;
      for (int i = 0; i < count; i++) {
        length = (length << 8) | (der[2 + i] & 0xff);
      }
      header += count;
    }
    long total = (long) header + length;
    return total > 0 && total < der.length ? Arrays.copyOf(der, (int) total) : der;
  }
}
