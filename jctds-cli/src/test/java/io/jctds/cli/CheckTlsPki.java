package io.jctds.cli;

import io.jctds.server.tls.CertificateAuthority;
import io.jctds.server.tls.ServerCredentials;
import java.math.BigInteger;
import java.net.InetAddress;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** Server credentials with a certificate that expired yesterday, for {@link CheckTlsIT}. */
final class CheckTlsPki {
  private CheckTlsPki() {}

  /** A leaf for localhost / 127.0.0.1 issued by {@code ca}, valid 30 days ago to yesterday. */
  static ServerCredentials expired(CertificateAuthority ca) throws Exception {
    KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
    g.initialize(2048);
    KeyPair keys = g.generateKeyPair();
    Instant now = Instant.now();
    GeneralNames names =
        new GeneralNames(
            new GeneralName[] {
              new GeneralName(GeneralName.dNSName, "localhost"),
              new GeneralName(
                  GeneralName.iPAddress,
                  new DEROctetString(InetAddress.getByName("127.0.0.1").getAddress()))
            });
    var builder =
        new JcaX509v3CertificateBuilder(
                X500Name.getInstance(ca.certificate().getSubjectX500Principal().getEncoded()),
                new BigInteger(64, new SecureRandom()).setBit(62),
                Date.from(now.minus(Duration.ofDays(30))),
                Date.from(now.minus(Duration.ofDays(1))),
                new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, "localhost").build(),
                keys.getPublic())
            .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
            .addExtension(Extension.subjectAlternativeName, false, names);
    X509Certificate leaf =
        new JcaX509CertificateConverter()
            .getCertificate(
                builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(ca.privateKey())));
    return new ServerCredentials(
        keys.getPrivate(), List.of(leaf, ca.certificate()), ca.certificate());
  }
}
