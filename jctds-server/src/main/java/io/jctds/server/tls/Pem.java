package io.jctds.server.tls;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;

/**
 * PEM files: certificate chains, private keys (PKCS#8 {@code PRIVATE KEY}, PKCS#1 {@code RSA
 * PRIVATE KEY}, SEC1 {@code EC PRIVATE KEY}) and CRLs. Keys are written as unencrypted PKCS#8,
 * readable by the owner only where the file system supports POSIX permissions.
 */
public final class Pem {
  private static final JcaX509CertificateConverter CERTIFICATES = new JcaX509CertificateConverter();
  private static final JcaPEMKeyConverter KEYS = new JcaPEMKeyConverter();

  private Pem() {}

  /**
   * Reads every certificate of a PEM file, in file order (a chain: leaf first).
   *
   * @throws TlsCredentialsException if the file cannot be read or holds no certificate
   */
  public static List<X509Certificate> readCertificates(Path file) {
    List<X509Certificate> certificates = new ArrayList<>();
    try (PEMParser parser = parser(file)) {
      for (Object o = parser.readObject(); o != null; o = parser.readObject()) {
        if (o instanceof X509CertificateHolder holder) {
          certificates.add(CERTIFICATES.getCertificate(holder));
        }
      }
    } catch (IOException | CertificateException e) {
      throw new TlsCredentialsException(
          "cannot read the certificates in " + file + ": " + e.getMessage(), e);
    }
    if (certificates.isEmpty()) {
      throw new TlsCredentialsException(
          file + " holds no PEM certificate (expected -----BEGIN CERTIFICATE-----)");
    }
    return certificates;
  }

  /**
   * Reads the first private key of a PEM file: PKCS#8, PKCS#1 RSA or SEC1 EC, unencrypted.
   *
   * @throws TlsCredentialsException if the file cannot be read, holds no key, or the key is
   *     encrypted
   */
  public static PrivateKey readPrivateKey(Path file) {
    try (PEMParser parser = parser(file)) {
      for (Object o = parser.readObject(); o != null; o = parser.readObject()) {
        if (o instanceof PrivateKeyInfo info) {
          return KEYS.getPrivateKey(info);
        } else if (o instanceof PEMKeyPair pair) {
          return KEYS.getPrivateKey(pair.getPrivateKeyInfo()); // SEC1 may omit the public key
        } else if (o instanceof PKCS8EncryptedPrivateKeyInfo || o instanceof PEMEncryptedKeyPair) {
          throw new TlsCredentialsException(
              "the private key in "
                  + file
                  + " is encrypted; give an unencrypted key (openssl pkey -in key.pem -out"
                  + " plain.pem) or a PKCS#12 file with its password");
        }
      }
    } catch (IOException e) {
      throw new TlsCredentialsException(
          "cannot read the private key in " + file + ": " + e.getMessage(), e);
    }
    throw new TlsCredentialsException(
        file
            + " holds no PEM private key (expected PRIVATE KEY, RSA PRIVATE KEY or EC PRIVATE"
            + " KEY)");
  }

  private static PEMParser parser(Path file) throws IOException {
    Reader reader = Files.newBufferedReader(file, StandardCharsets.US_ASCII);
    return new PEMParser(reader);
  }

  /** Certificates as concatenated PEM blocks. */
  public static String encodeCertificates(List<X509Certificate> certificates) {
    return encode(certificates.toArray());
  }

  /** A private key as an unencrypted PKCS#8 {@code PRIVATE KEY} block. */
  public static String encodePrivateKey(PrivateKey key) {
    StringBuilder pem = new StringBuilder("-----BEGIN PRIVATE KEY-----\n");
    pem.append(Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(key.getEncoded()));
    return pem.append("\n-----END PRIVATE KEY-----\n").toString();
  }

  /** A CRL as an {@code X509 CRL} block. */
  public static String encodeCrl(X509CRL crl) {
    return encode(crl);
  }

  private static String encode(Object... objects) {
    StringWriter out = new StringWriter();
    try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
      for (Object o : objects) {
        writer.writeObject(o);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("PEM encoding failed", e);
    }
    return out.toString();
  }

  /**
   * Writes PEM text to a file, replacing it.
   *
   * @param secret restrict the file to its owner (for private keys)
   * @throws TlsCredentialsException if the file cannot be written
   */
  public static void write(Path file, String pem, boolean secret) {
    try {
      if (secret && FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
        Files.deleteIfExists(file);
        Files.createFile(
            file,
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      }
      Files.writeString(file, pem, StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw new TlsCredentialsException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }
}
