package io.jctds.server.session;

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

  /** Shows the login names only. */
  @Override
  public String toString() {
    return "Logins" + names.values();
  }
}
