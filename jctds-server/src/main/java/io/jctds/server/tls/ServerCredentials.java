package io.jctds.server.tls;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Objects;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;

/**
 * The server's private key and certificate chain, and the certificate clients should trust.
 *
 * @param privateKey the key of the leaf certificate (RSA or EC)
 * @param chain the certificate chain, leaf first
 * @param trustAnchor what clients put in their {@code ca file}: the private CA when the certificate
 *     was generated, otherwise the last certificate of the chain (its root, or the leaf itself when
 *     the chain is a single self-signed certificate)
 */
public record ServerCredentials(
    PrivateKey privateKey, List<X509Certificate> chain, X509Certificate trustAnchor) {

  /** Alias of the key entry in PKCS#12 files written by {@link #writePkcs12}. */
  public static final String ALIAS = "jctds-server";

  /**
   * @throws TlsCredentialsException if the chain is empty or the key does not belong to its leaf
   */
  public ServerCredentials {
    Objects.requireNonNull(privateKey, "privateKey");
    chain = List.copyOf(chain);
    Objects.requireNonNull(trustAnchor, "trustAnchor");
    if (chain.isEmpty()) {
      throw new TlsCredentialsException("the server certificate chain is empty");
    }
    checkKeyMatches(privateKey, chain.get(0));
  }

  /**
   * Loads a PEM certificate chain (leaf first) and its PEM private key.
   *
   * @throws TlsCredentialsException if a file is unreadable or the key does not match
   */
  public static ServerCredentials fromPem(Path chainFile, Path keyFile) {
    List<X509Certificate> chain = Pem.readCertificates(chainFile);
    PrivateKey key = Pem.readPrivateKey(keyFile);
    try {
      return new ServerCredentials(key, chain, chain.get(chain.size() - 1));
    } catch (TlsCredentialsException e) {
      throw new TlsCredentialsException(
          e.getMessage() + " (key " + keyFile + ", certificate " + chainFile + ")", e);
    }
  }

  /**
   * Loads the first key entry of a PKCS#12 file.
   *
   * @throws TlsCredentialsException if the file is unreadable, the password is wrong or the file
   *     holds no key
   */
  public static ServerCredentials fromPkcs12(Path file, char[] password) {
    try (InputStream in = Files.newInputStream(file)) {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(in, password);
      for (Enumeration<String> aliases = store.aliases(); aliases.hasMoreElements(); ) {
        String alias = aliases.nextElement();
        if (store.isKeyEntry(alias)) {
          PrivateKey key = (PrivateKey) store.getKey(alias, password);
          List<X509Certificate> chain = new ArrayList<>();
          for (Certificate c : store.getCertificateChain(alias)) {
            chain.add((X509Certificate) c);
          }
          return new ServerCredentials(key, chain, chain.get(chain.size() - 1));
        }
      }
    } catch (IOException | GeneralSecurityException e) {
      throw new TlsCredentialsException(
          "cannot read the PKCS#12 file "
              + file
              + " (wrong password, or not a PKCS#12 file?): "
              + e.getMessage(),
          e);
    }
    throw new TlsCredentialsException(
        "the PKCS#12 file " + file + " holds no private key entry, only certificates");
  }

  /** The server's own certificate. */
  public X509Certificate leaf() {
    return chain.get(0);
  }

  /** The certificate clients should trust, as PEM (for a {@code ca file}). */
  public String trustAnchorPem() {
    return Pem.encodeCertificates(List.of(trustAnchor));
  }

  /** Writes the chain and the key as PEM files; the key file is readable by its owner only. */
  public void writePem(Path chainFile, Path keyFile) {
    Pem.write(chainFile, Pem.encodeCertificates(chain), false);
    Pem.write(keyFile, Pem.encodePrivateKey(privateKey), true);
  }

  /** Writes the certificate clients should trust as a PEM file. */
  public void writeTrustAnchorPem(Path file) {
    Pem.write(file, trustAnchorPem(), false);
  }

  /** Writes key and chain as a PKCS#12 file under {@link #ALIAS}. */
  public void writePkcs12(Path file, char[] password) {
    try (OutputStream out = Files.newOutputStream(file)) {
      keyStore(password).store(out, password);
    } catch (IOException | GeneralSecurityException e) {
      throw new TlsCredentialsException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * JSSE key managers serving this key and chain. {@code SunX509}: its key manager takes the key
   * out of the store once, at creation. The {@code PKIX} one fetches it from the PKCS#12 store at
   * every handshake, i.e. a PBKDF2 derivation and a decryption per connection: 160 of the 406
   * server JFR samples of a TLS handshake (NOTES-tlsconn.md).
   */
  public KeyManager[] keyManagers() {
    char[] password = "jctds".toCharArray(); // protects an in-memory store only
    try {
      KeyManagerFactory factory = KeyManagerFactory.getInstance("SunX509");
      factory.init(keyStore(password), password);
      return factory.getKeyManagers();
    } catch (GeneralSecurityException e) {
      throw new TlsCredentialsException("JSSE refused the server key: " + e.getMessage(), e);
    }
  }

  private KeyStore keyStore(char[] password) throws GeneralSecurityException {
    KeyStore store = KeyStore.getInstance("PKCS12");
    try {
      store.load(null, password);
    } catch (IOException e) {
      throw new IllegalStateException("an empty key store cannot fail to load", e);
    }
    store.setKeyEntry(ALIAS, privateKey, password, chain.toArray(Certificate[]::new));
    return store;
  }

  /** Signs and verifies a probe: proves the key belongs to the certificate. */
  private static void checkKeyMatches(PrivateKey key, X509Certificate leaf) {
    String algorithm =
        switch (key.getAlgorithm()) {
          case "RSA" -> "SHA256withRSA";
          case "EC" -> "SHA256withECDSA";
          case "Ed25519", "Ed448", "EdDSA" -> key.getAlgorithm();
          default ->
              throw new TlsCredentialsException(
                  "unsupported server key type "
                      + key.getAlgorithm()
                      + "; use an RSA (recommended for old TDS clients) or EC key");
        };
    byte[] probe = "jctds key check".getBytes(StandardCharsets.US_ASCII);
    try {
      Signature signer = Signature.getInstance(algorithm);
      signer.initSign(key);
      signer.update(probe);
      byte[] signature = signer.sign();
      Signature verifier = Signature.getInstance(algorithm);
      verifier.initVerify(leaf.getPublicKey());
      verifier.update(probe);
      if (verifier.verify(signature)) {
        return;
      }
    } catch (GeneralSecurityException e) {
      throw new TlsCredentialsException(
          "the private key does not belong to the certificate "
              + leaf.getSubjectX500Principal().getName()
              + ": "
              + e.getMessage(),
          e);
    }
    throw new TlsCredentialsException(
        "the private key does not belong to the certificate "
            + leaf.getSubjectX500Principal().getName()
            + " (the first certificate of the chain must be the server's own)");
  }

  /** Never shows the key. */
  @Override
  public String toString() {
    return "ServerCredentials[leaf="
        + leaf().getSubjectX500Principal().getName()
        + ", chain length="
        + chain.size()
        + ", trust anchor="
        + trustAnchor.getSubjectX500Principal().getName()
        + ", key="
        + privateKey.getAlgorithm()
        + "]";
  }
}
