package io.jctds.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The history filter against the statement forms of Microsoft's Transact-SQL reference (the
 * examples of CREATE LOGIN, ALTER LOGIN, CREATE USER, sp_password, sp_addlogin, OPEN MASTER KEY,
 * OPEN SYMMETRIC KEY, CREATE MASTER KEY, CREATE CERTIFICATE, CREATE APPLICATION ROLE,
 * sp_setapprole, CREATE CREDENTIAL, EncryptByPassPhrase), and the file's mode.
 */
class ShellHistoryTest {
  @ParameterizedTest
  @ValueSource(
      strings = {
        "CREATE LOGIN shcooper WITH PASSWORD = '<enterStrongPasswordHere>';",
        "CREATE LOGIN [Contoso\\Mary] WITH PASSWORD = '<password>' MUST_CHANGE,"
            + " CHECK_EXPIRATION = ON;",
        "ALTER LOGIN Victoria WITH PASSWORD = 'B3r1000d#2-36';",
        "ALTER LOGIN Victoria WITH\n     PASSWORD = 'V1cteAmanti55imE'\n"
            + "     OLD_PASSWORD = 'B3r1000d#2-36';",
        "ALTER LOGIN TestUser WITH\n"
            + "PASSWORD = 0x01000CF35567C60BFB41EBDE4CF700A985A13D773D6B45B90900 HASHED ;",
        "CREATE USER Carlo WITH PASSWORD='<strong password>'",
        "ALTER USER Mary51 WITH PASSWORD = '<new strong password>' OLD_PASSWORD ="
            + " '<old strong password>';",
        "EXEC sp_password NULL, 'ok', 'Victoria'",
        "EXEC sp_password 'ok', 'coffee','Victoria'",
        "EXEC sp_addlogin 'Victoria', 'B1r12-36';",
        "EXEC sp_addlogin 'Albert', 'B5432-3M6', 'corporate';",
        "OPEN MASTER KEY DECRYPTION BY PASSWORD = '43987hkhj4325tsku7';",
        "OPEN SYMMETRIC KEY MarketingKey11 DECRYPTION BY PASSWORD = '<enterStrongPasswordHere>';",
        "CREATE MASTER KEY ENCRYPTION BY PASSWORD = '23987hxJ#KL95234nl0zBe';",
        "CREATE CERTIFICATE Shipping04\n   ENCRYPTION BY PASSWORD = 'pGFD4bb925DGvbd2439587y'\n"
            + "   WITH SUBJECT = 'Sammamish Shipping Records',\n"
            + "   EXPIRY_DATE = '20201031';",
        "CREATE APPLICATION ROLE weekly_receipts\n"
            + "    WITH PASSWORD = '987G^bv876sPY)Y5m23'\n"
            + "    , DEFAULT_SCHEMA = Sales;",
        "EXEC sys.sp_setapprole 'SalesApp', '<password>';",
        "CREATE CREDENTIAL AlterEgo WITH IDENTITY = 'Mary5',\n"
            + "    SECRET = '<EnterStrongPasswordHere>';",
        "SET @EncryptedCardNumber = EncryptByPassPhrase(@PassphraseEnteredByUser,"
            + " @CardNumber, 1, CONVERT(varbinary, @CreditCardID));",
        "create login x with password = 'y'\ngo"
      })
  void statementsThatCarryAPasswordOrSecretAreNeverStored(String statement) {
    assertThat(ShellHistory.isSecret(statement)).as(statement).isTrue();
    ShellHistory history = new ShellHistory();
    history.add(Instant.EPOCH, statement);
    assertThat(history.size()).isZero();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "SELECT name, password_hash FROM sys.sql_logins;",
        "OPEN SYMMETRIC KEY SymKeyMarketing3 DECRYPTION BY CERTIFICATE MarketingCert9;",
        "CREATE LOGIN [Contoso\\Mary] FROM WINDOWS;",
        "CREATE USER AbolrousHazem FOR LOGIN AbolrousHazem;",
        "SELECT * FROM shell_orders\ngo"
      })
  void otherStatementsAreStored(String statement) {
    assertThat(ShellHistory.isSecret(statement)).as(statement).isFalse();
    ShellHistory history = new ShellHistory();
    history.add(Instant.EPOCH, statement);
    assertThat(history.size()).isOne();
  }

  @Test
  void theFileIsCreatedReadableByItsOwnerOnly(@TempDir Path home) throws Exception {
    Path file = home.resolve(ShellHistory.FILE_NAME);
    ShellHistory.prepare(file);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
  }

  @Test
  void anExistingFileOpenToOthersIsTakenBackToMode600(@TempDir Path home) throws Exception {
    Path file =
        Files.createFile(
            home.resolve(ShellHistory.FILE_NAME),
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-r--r--")));
    ShellHistory.prepare(file);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
  }
}
