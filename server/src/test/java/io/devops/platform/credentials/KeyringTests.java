package io.devops.platform.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.devops.platform.support.ApiTest;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

/** The master key's guards, on the test database's real keyring row. */
class KeyringTests extends ApiTest {

    @Autowired
    private JdbcClient jdbc;
    @Autowired
    private PlatformTransactionManager transactions;
    @Autowired
    private Keyring configured;

    private Keyring withMasterKey(String masterKey) {
        return new Keyring(jdbc, transactions, masterKey, Clock.systemUTC());
    }

    @Test
    void withoutAMasterKeySecretsAreRefusedWithHowToSetIt() {
        assertThatThrownBy(() -> withMasterKey("").cipher())
                .isInstanceOfSatisfying(SecretsUnavailableException.class,
                        e -> assertThat(e.status()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE))
                .hasMessageContaining("set DEVOPS_SECRET_KEY (at least 32 characters)").hasMessageContaining("restart the server");
    }

    @Test
    void aTooShortMasterKeyIsRefusedWithHowToSetIt() {
        assertThatThrownBy(() -> withMasterKey("short").cipher())
                .hasMessageContaining("has only 5 characters")
                .hasMessageContaining("set DEVOPS_SECRET_KEY (at least 32 characters)").hasMessageContaining("restart the server");
    }

    @Test
    void aChangedMasterKeyIsReportedInsteadOfDecryptingGarbage() {
        long id = CredentialsApiTests.create(admin(), unique("keyring"), TestKeys.rsaPkcs8(), null, null).id();
        assertThat(id).isPositive(); // a stored credential: the keyring cannot simply adopt a new key

        assertThatThrownBy(() -> withMasterKey("a-different-master-key-of-40-characters!").cipher())
                .isInstanceOfSatisfying(SecretsUnavailableException.class,
                        e -> assertThat(e.status()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE))
                .hasMessageContaining("not the key the stored credentials were encrypted with")
                .hasMessageContaining("restore the previous key");
        assertThat(configured.cipher()).as("the configured key still works").isNotNull();
    }

    @Test
    void theKeyringStoresOnlyASaltAndAVerifierNeverTheKey() {
        configured.cipher();
        var row = jdbc.sql("SELECT kdf, salt, verifier FROM credential_keyring WHERE id = 1").query().singleRow();
        assertThat(row.get("kdf")).isEqualTo("PBKDF2WithHmacSHA256:600000");
        assertThat(row.values().toString()).doesNotContain("test-only-master-key");
    }
}
