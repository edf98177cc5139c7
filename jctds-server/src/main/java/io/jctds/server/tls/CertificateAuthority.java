package io.jctds.server.tls;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.CertificateException;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLNumber;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509CRLHolder;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CRLConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A private certificate authority that issues the embedded server's certificate, so a client can
 * validate it (chain and host name) by trusting one CA file. Keys are RSA 2048, signatures SHA-256
 * with RSA. The CA is valid 10 years; server certificates 1 year, with a random serial.
 *
 * @param privateKey the CA's signing key
 * @param certificate the CA's self-signed certificate (basicConstraints CA:true)
 */
public record CertificateAuthority(PrivateKey privateKey, X509Certificate certificate) {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Duration BACKDATE = Duration.ofHours(1);
  private static final Duration CA_VALIDITY = Duration.ofDays(3653);
  private static final Duration SERVER_VALIDITY = Duration.ofDays(365);
  private static final Duration CRL_VALIDITY = Duration.ofDays(30);
  private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

  /** Names every generated server certificate carries, besides the extra ones. */
  public static final List<String> DEFAULT_NAMES = List.of("localhost", "127.0.0.1", "::1");

  public CertificateAuthority {
    Objects.requireNonNull(privateKey, "privateKey");
    Objects.requireNonNull(certificate, "certificate");
  }

  /**
   * Generates a new CA.
   *
   * @param commonName the CA's subject CN, e.g. "jctds embedded server CA"
   */
  public static CertificateAuthority generate(String commonName) {
    KeyPair keys = rsaKeyPair();
    X500Name subject = name(commonName);
    Instant now = Instant.now();
    try {
      JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
      X509v3CertificateBuilder builder =
          new JcaX509v3CertificateBuilder(
                  subject,
                  serial(),
                  Date.from(now.minus(BACKDATE)),
                  Date.from(now.plus(CA_VALIDITY)),
                  subject,
                  keys.getPublic())
              .addExtension(Extension.basicConstraints, true, new BasicConstraints(true))
              .addExtension(
                  Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
              .addExtension(
                  Extension.subjectKeyIdentifier,
                  false,
                  utils.createSubjectKeyIdentifier(keys.getPublic()));
      return new CertificateAuthority(keys.getPrivate(), sign(builder, keys.getPrivate()));
    } catch (GeneralSecurityException | CertIOException e) {
      throw new TlsCredentialsException("cannot generate the CA certificate: " + e, e);
    }
  }

  /**
   * Issues a server certificate for {@link #DEFAULT_NAMES} plus {@code extraNames}, each a DNS name
   * or an IPv4/IPv6 literal (SAN DNS or IP entries). The subject CN is the first extra name, or
   * {@code localhost}. Extended key usage serverAuth.
   *
   * @return the new key, the chain [server, CA] and the CA as trust anchor
   */
  public ServerCredentials issueServerCredentials(List<String> extraNames) {
    Set<String> names = new LinkedHashSet<>();
    for (String name : extraNames) {
      if (name == null || name.isBlank()) {
        throw new TlsCredentialsException("a server certificate name is empty");
      }
      names.add(name.trim());
    }
    names.addAll(DEFAULT_NAMES);
    String commonName = names.iterator().next();
    KeyPair keys = rsaKeyPair();
    Instant now = Instant.now();
    try {
      JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
      X509v3CertificateBuilder builder =
          new JcaX509v3CertificateBuilder(
                  certificate,
                  serial(),
                  Date.from(now.minus(BACKDATE)),
                  Date.from(now.plus(SERVER_VALIDITY)),
                  name(commonName),
                  keys.getPublic())
              .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
              .addExtension(
                  Extension.keyUsage,
                  true,
                  new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment))
              .addExtension(
                  Extension.extendedKeyUsage,
                  false,
                  new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth))
              .addExtension(Extension.subjectAlternativeName, false, alternativeNames(names))
              .addExtension(
                  Extension.subjectKeyIdentifier,
                  false,
                  utils.createSubjectKeyIdentifier(keys.getPublic()))
              .addExtension(
                  Extension.authorityKeyIdentifier,
                  false,
                  utils.createAuthorityKeyIdentifier(certificate));
      X509Certificate leaf = sign(builder, privateKey);
      return new ServerCredentials(keys.getPrivate(), List.of(leaf, certificate), certificate);
    } catch (GeneralSecurityException | CertIOException e) {
      throw new TlsCredentialsException("cannot generate the server certificate: " + e, e);
    }
  }

  /**
   * A CRL signed by this CA that revokes the given serial numbers (reason keyCompromise); valid
   * from now for 30 days.
   */
  public X509CRL revoke(List<BigInteger> serials) {
    Instant now = Instant.now();
    try {
      X509v2CRLBuilder builder =
          new X509v2CRLBuilder(
              X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded()),
              Date.from(now.minus(BACKDATE)));
      builder.setNextUpdate(Date.from(now.plus(CRL_VALIDITY)));
      for (BigInteger serial : serials) {
        builder.addCRLEntry(serial, Date.from(now.minus(BACKDATE)), CRLReason.keyCompromise);
      }
      builder.addExtension(
          Extension.authorityKeyIdentifier,
          false,
          new JcaX509ExtensionUtils().createAuthorityKeyIdentifier(certificate));
      builder.addExtension(
          Extension.cRLNumber, false, new CRLNumber(BigInteger.valueOf(now.getEpochSecond())));
      X509CRLHolder holder = builder.build(signer(privateKey));
      return new JcaX509CRLConverter().getCRL(holder);
    } catch (GeneralSecurityException | CertIOException e) {
      throw new TlsCredentialsException("cannot generate the CRL: " + e, e);
    }
  }

  private static GeneralNames alternativeNames(Set<String> names) {
    List<GeneralName> entries = new ArrayList<>();
    for (String name : names) {
      entries.add(
          isIpLiteral(name)
              ? new GeneralName(GeneralName.iPAddress, ipBytes(name))
              : new GeneralName(GeneralName.dNSName, name));
    }
    return new GeneralNames(entries.toArray(GeneralName[]::new));
  }

  static boolean isIpLiteral(String name) {
    return IPV4.matcher(name).matches() || name.contains(":");
  }

  private static DEROctetString ipBytes(String literal) {
    try {
      // a literal (checked above) is parsed, never looked up
      return new DEROctetString(InetAddress.getByName(literal).getAddress());
    } catch (UnknownHostException e) {
      throw new TlsCredentialsException(
          "'" + literal + "' looks like an IP address but is not a valid one", e);
    }
  }

  private static X500Name name(String commonName) {
    return new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, commonName).build();
  }

  private static BigInteger serial() {
    return new BigInteger(127, RANDOM).setBit(126);
  }

  private static KeyPair rsaKeyPair() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048, RANDOM);
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new TlsCredentialsException("this JDK cannot generate RSA keys: " + e, e);
    }
  }

  private static ContentSigner signer(PrivateKey key) throws GeneralSecurityException {
    try {
      return new JcaContentSignerBuilder("SHA256withRSA").build(key);
    } catch (OperatorCreationException e) {
      throw new GeneralSecurityException(e);
    }
  }

  private static X509Certificate sign(X509v3CertificateBuilder builder, PrivateKey key)
      throws GeneralSecurityException {
    try {
      return new JcaX509CertificateConverter().getCertificate(builder.build(signer(key)));
    } catch (CertificateException e) {
      throw new GeneralSecurityException(e);
    }
  }

  /** Never shows the key. */
  @Override
  public String toString() {
    return "CertificateAuthority[" + certificate.getSubjectX500Principal().getName() + "]";
  }
}
