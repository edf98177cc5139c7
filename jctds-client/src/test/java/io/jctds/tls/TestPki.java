package io.jctds.tls;

import io.jctds.server.tls.CertificateAuthority;
import io.jctds.server.tls.Pem;
import io.jctds.server.tls.ServerCredentials;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Certificates for tests: the embedded server's {@link CertificateAuthority} for CAs, standard
 * leaves and CRLs, plus leaves with exactly chosen names, validity and key usage (built with
 * BouncyCastle, test scope only).
 */
final class TestPki {
  private static final KeyPair LEAF_KEYS = rsa();

  private TestPki() {}

  static CertificateAuthority ca(String name) {
    return CertificateAuthority.generate(name);
  }

  /** What a custom leaf looks like. */
  record Spec(
      List<String> commonNames,
      List<String> dnsNames,
      List<String> ipAddresses,
      Instant notBefore,
      Instant notAfter,
      List<KeyPurposeId> usage) {

    static Spec names(String... dns) {
      return new Spec(
          List.of("test leaf"),
          List.of(dns),
          List.of(),
          Instant.now().minus(Duration.ofHours(1)),
          Instant.now().plus(Duration.ofDays(30)),
          List.of(KeyPurposeId.id_kp_serverAuth));
    }

    Spec cn(String... cns) {
      return new Spec(List.of(cns), dnsNames, ipAddresses, notBefore, notAfter, usage);
    }

    Spec dns(String... names) {
      return new Spec(commonNames, List.of(names), ipAddresses, notBefore, notAfter, usage);
    }

    Spec ips(String... addresses) {
      return new Spec(commonNames, dnsNames, List.of(addresses), notBefore, notAfter, usage);
    }

    Spec valid(Instant from, Instant to) {
      return new Spec(commonNames, dnsNames, ipAddresses, from, to, usage);
    }

    /** The extended key usage purposes; none: no extendedKeyUsage extension at all. */
    Spec eku(KeyPurposeId... purposes) {
      return new Spec(commonNames, dnsNames, ipAddresses, notBefore, notAfter, List.of(purposes));
    }
  }

  /** A leaf signed by {@code ca} exactly as {@code spec} says (no SAN extension when no names). */
  static X509Certificate leaf(CertificateAuthority ca, Spec spec) {
    try {
      X500NameBuilder subject = new X500NameBuilder(BCStyle.INSTANCE);
      for (String cn : spec.commonNames()) {
        subject.addRDN(BCStyle.CN, cn);
      }
      X509v3CertificateBuilder builder =
          new JcaX509v3CertificateBuilder(
                  X500Name.getInstance(ca.certificate().getSubjectX500Principal().getEncoded()),
                  new BigInteger(64, new java.security.SecureRandom()).setBit(62),
                  Date.from(spec.notBefore()),
                  Date.from(spec.notAfter()),
                  subject.build(),
                  LEAF_KEYS.getPublic())
              .addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
      if (!spec.usage().isEmpty()) {
        builder.addExtension(
            Extension.extendedKeyUsage,
            false,
            new ExtendedKeyUsage(spec.usage().toArray(KeyPurposeId[]::new)));
      }
      List<GeneralName> names = new ArrayList<>();
      spec.dnsNames().forEach(n -> names.add(new GeneralName(GeneralName.dNSName, n)));
      for (String ip : spec.ipAddresses()) {
        names.add(
            new GeneralName(
                GeneralName.iPAddress, new DEROctetString(InetAddress.getByName(ip).getAddress())));
      }
      if (!names.isEmpty()) {
        builder.addExtension(
            Extension.subjectAlternativeName,
            false,
            new GeneralNames(names.toArray(GeneralName[]::new)));
      }
      return new JcaX509CertificateConverter()
          .getCertificate(
              builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(ca.privateKey())));
    } catch (Exception e) {
      throw new IllegalStateException("cannot build the test certificate: " + e, e);
    }
  }

  /** An intermediate CA named {@code name}, signed by {@code root}. */
  static CertificateAuthority intermediate(CertificateAuthority root, String name) {
    try {
      KeyPair keys = rsa();
      X509v3CertificateBuilder builder =
          new JcaX509v3CertificateBuilder(
                  X500Name.getInstance(root.certificate().getSubjectX500Principal().getEncoded()),
                  BigInteger.valueOf(System.nanoTime()),
                  Date.from(Instant.now().minus(Duration.ofHours(1))),
                  Date.from(Instant.now().plus(Duration.ofDays(365))),
                  new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, name).build(),
                  keys.getPublic())
              .addExtension(Extension.basicConstraints, true, new BasicConstraints(0))
              .addExtension(
                  Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
      X509Certificate cert =
          new JcaX509CertificateConverter()
              .getCertificate(
                  builder.build(
                      new JcaContentSignerBuilder("SHA256withRSA").build(root.privateKey())));
      return new CertificateAuthority(keys.getPrivate(), cert);
    } catch (Exception e) {
      throw new IllegalStateException("cannot build the intermediate CA: " + e, e);
    }
  }

  /** Server credentials for a custom leaf: chain [leaf, CA]. */
  static ServerCredentials credentials(CertificateAuthority ca, X509Certificate leaf) {
    return new ServerCredentials(
        LEAF_KEYS.getPrivate(), List.of(leaf, ca.certificate()), ca.certificate());
  }

  static Path writeCertificates(Path file, X509Certificate... certificates) {
    return write(file, Pem.encodeCertificates(List.of(certificates)));
  }

  static Path writeCrl(Path file, X509CRL crl) {
    return write(file, Pem.encodeCrl(crl));
  }

  static Path write(Path file, String text) {
    try {
      Files.writeString(file, text);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static X509CRL revoking(CertificateAuthority ca, X509Certificate... revoked) {
    List<BigInteger> serials = new ArrayList<>();
    for (X509Certificate c : revoked) {
      serials.add(c.getSerialNumber());
    }
    return ca.revoke(serials);
  }

  private static KeyPair rsa() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
