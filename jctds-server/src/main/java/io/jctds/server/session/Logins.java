package io.jctds.server.session;

import io.jctds.protocol.ntlm.NtlmCrypto;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The SQL logins the server accepts. Login names compare case-insensitively (as under SQL Server's
 * default collation), passwords exactly. Passwords are kept only as salted SHA-256 digests and
 * compared in constant time; they never appear in any message or log.
 */
public final class Logins {
  private final byte[] salt = new byte[16];
  private final Map<String, byte[]> digests = new HashMap<>();
  private final Map<String, String> names = new HashMap<>();
  private final Set<String> restricted = new HashSet<>();
  private final Map<String, byte[]> ntHashes = new HashMap<>();
  private final Map<String, String> windowsNames = new HashMap<>();
  private final Set<String> domains = new HashSet<>();
  private boolean ntlmV1;

  /** An empty set of logins. */
  public Logins() {
    new SecureRandom().nextBytes(salt);
  }

  /**
   * Adds or replaces a login.
   *
   * @throws IllegalArgumentException if the name is empty or longer than 128 characters
   */
  public void add(String login, String password) {
    add(login, password, false);
  }

  /**
   * Adds or replaces a login; a {@code restricted} one lacks VIEW SERVER STATE (it cannot read
   * sys.dm_exec_connections), as an ordinary SQL Server login without that grant.
   *
   * @throws IllegalArgumentException if the name is empty or longer than 128 characters
   */
  public void add(String login, String password, boolean restricted) {
    if (login == null || login.isBlank() || login.length() > 128) {
      throw new IllegalArgumentException(
          "a login name must have 1 to 128 characters, got '" + login + "'");
    }
    if (password == null) {
      throw new IllegalArgumentException("login '" + login + "' needs a password (may be empty)");
    }
    String key = key(login);
    digests.put(key, digest(password));
    names.put(key, login);
    if (restricted) {
      this.restricted.add(key);
    } else {
      this.restricted.remove(key);
    }
  }

  /** Whether no login is configured. */
  public boolean isEmpty() {
    return digests.isEmpty();
  }

  /** The configured login names as given. */
  public Set<String> names() {
    return Set.copyOf(names.values());
  }

  /**
   * Checks a login and password in time independent of where they differ; an unknown login costs
   * the same digest as a known one.
   */
  public boolean check(String login, String password) {
    byte[] expected = digests.get(key(login));
    byte[] actual = digest(password == null ? "" : password);
    if (expected == null) {
      MessageDigest.isEqual(actual, actual);
      return false;
    }
    return MessageDigest.isEqual(expected, actual);
  }

  /** Whether {@code login} holds VIEW SERVER STATE (every login but the restricted ones). */
  public boolean viewServerState(String login) {
    return login == null || !restricted.contains(key(login));
  }

  /** The login's name as configured (SQL Server reports that spelling), or {@code login}. */
  public String canonicalName(String login) {
    return names.getOrDefault(key(login), login);
  }

  private static String key(String login) {
    return login.toLowerCase(Locale.ROOT);
  }

  private byte[] digest(String password) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(salt);
      return sha.digest(password.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK lacks SHA-256", e);
    }
  }

  /**
   * Adds a Windows login {@code DOMAIN\\name} checked by NTLM. The server keeps the NT hash (MD4 of
   * the password, [MS-NLMP] 3.3.1): NTLM verification needs it, and it is password-equivalent for
   * NTLM, so it never leaves this object.
   *
   * @throws IllegalArgumentException if the name is not DOMAIN\\name
   */
  public void addWindows(String domainUser, String password) {
    int slash = domainUser == null ? -1 : domainUser.indexOf('\\');
    if (slash <= 0 || slash == domainUser.length() - 1 || domainUser.length() > 128) {
      throw new IllegalArgumentException(
          "a Windows login is DOMAIN\\name (1 to 128 characters), got '" + domainUser + "'");
    }
    if (password == null) {
      throw new IllegalArgumentException("Windows login '" + domainUser + "' needs a password");
    }
    String key = key(domainUser);
    ntHashes.put(key, NtlmCrypto.ntowfV1(password));
    windowsNames.put(key, domainUser);
    domains.add(key(domainUser.substring(0, slash)));
  }

  /** Whether any Windows (NTLM) login is configured. */
  public boolean hasWindowsLogins() {
    return !ntHashes.isEmpty();
  }

  /** The configured Windows login names as given. */
  public Set<String> windowsNames() {
    return Set.copyOf(windowsNames.values());
  }

  /** Whether some Windows login belongs to {@code domain} (case-insensitive). */
  public boolean knowsDomain(String domain) {
    return domains.contains(key(domain));
  }

  /** The NT hash of a Windows login, or null if there is none. */
  byte[] ntHash(String domain, String user) {
    byte[] h = ntHashes.get(key(domain + "\\" + user));
    return h == null ? null : h.clone();
  }

  /** The Windows login's name as configured, or {@code domain\\user}. */
  public String windowsName(String domain, String user) {
    String k = key(domain + "\\" + user);
    return windowsNames.getOrDefault(k, domain + "\\" + user);
  }

  /** Whether NTLMv1 responses are accepted (default: only NTLMv2). */
  public boolean ntlmV1Allowed() {
    return ntlmV1;
  }

  /** Accepts NTLMv1 responses too (weak; off by default). */
  public void allowNtlmV1(boolean on) {
    ntlmV1 = on;
  }

  /** Shows the login names only. */
  @Override
  public String toString() {
    return "Logins" + names.values();
  }
}
