package io.jctds.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Set;
import java.util.regex.Pattern;
import org.jline.reader.impl.history.DefaultHistory;

/**
 * The interactive shell's history: kept in {@code ~/.jctds_history} (mode 600, created so), one
 * entry per statement as it was run, and never a statement that sets or carries a password or
 * another secret.
 */
final class ShellHistory extends DefaultHistory {
  /** The file's name in the home directory. */
  static final String FILE_NAME = ".jctds_history";

  private static final Set<PosixFilePermission> OWNER_ONLY =
      PosixFilePermissions.fromString("rw-------");

  /**
   * What marks a statement as secret. The words PASSWORD and OLD_PASSWORD (CREATE / ALTER LOGIN,
   * CREATE / ALTER USER, CREATE / ALTER APPLICATION ROLE, OPEN MASTER KEY and OPEN SYMMETRIC KEY
   * ... DECRYPTION BY PASSWORD, CREATE MASTER KEY / CERTIFICATE / SYMMETRIC KEY ... ENCRYPTION BY
   * PASSWORD, BACKUP ... WITH PASSWORD), SECRET (CREATE / ALTER [DATABASE SCOPED] CREDENTIAL), the
   * procedures that take a password (sp_password, sp_addlogin, sp_addapprole, sp_setapprole,
   * sp_approlepassword, sp_addlinkedsrvlogin, sp_control_dbmasterkey_password) and the pass-phrase
   * functions. Whole words only: sys.sql_logins' password_hash is not a secret.
   */
  private static final Pattern SECRET =
      Pattern.compile(
          "\\b(?:old_)?password\\b|\\bsecret\\b"
              + "|\\bsp_(?:password|addlogin|addapprole|setapprole|approlepassword"
              + "|addlinkedsrvlogin|control_dbmasterkey_password)\\b"
              + "|\\b(?:en|de)cryptbypassphrase\\b",
          Pattern.CASE_INSENSITIVE);

  /** Whether {@code statement} sets or carries a password or secret, and so is never stored. */
  static boolean isSecret(String statement) {
    return SECRET.matcher(statement).find();
  }

  /**
   * The history file: {@code $HOME/.jctds_history}, or under {@code user.home} when HOME is not
   * set.
   */
  static Path defaultFile() {
    String home = System.getenv("HOME");
    if (home == null || home.isBlank()) {
      home = System.getProperty("user.home");
    }
    return Path.of(home, FILE_NAME);
  }

  /**
   * Creates {@code file} readable and writable by its owner only, or takes an existing one back to
   * that mode.
   *
   * @throws IOException if the file cannot be created or its mode set
   */
  static void prepare(Path file) throws IOException {
    if (Files.notExists(file)) {
      try {
        Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        return;
      } catch (UnsupportedOperationException e) {
        Files.createFile(file); // not a POSIX file system: the platform's default protection
        return;
      }
    }
    if (Files.getFileStore(file).supportsFileAttributeView("posix")
        && !Files.getPosixFilePermissions(file).equals(OWNER_ONLY)) {
      Files.setPosixFilePermissions(file, OWNER_ONLY);
    }
  }

  @Override
  public void add(Instant time, String line) {
    if (!isSecret(line)) {
      super.add(time, line);
    }
  }
}
