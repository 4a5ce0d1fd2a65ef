package io.devops.platform.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.devops.platform.shared.NotFoundException;
import io.devops.platform.support.ApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;

class CredentialVaultTests extends ApiTest {

    @Autowired
    private CredentialVault vault;
    @Autowired
    private JdbcClient jdbc;

    private long credential(String name) {
        return CredentialsApiTests.create(admin(), name, TestKeys.rsaPkcs8(), null, null).id();
    }

    @Test
    void aNodesOwnCredentialWinsOverItsPools() {
        String nodeName = unique("node_cred");
        long node = credential(nodeName);
        long pool = credential(unique("pool_cred"));
        assertThat(vault.resolve(node, pool)).get().extracting(SshCredential::name).isEqualTo(nodeName);
    }

    @Test
    void withoutANodeCredentialThePoolsIsUsed() {
        String poolName = unique("pool_cred");
        long pool = credential(poolName);
        assertThat(vault.resolve(null, pool)).get().extracting(SshCredential::name).isEqualTo(poolName);
    }

    @Test
    void withNeitherAndNoDefaultConfiguredThereIsNone() {
        assertThat(vault.resolve(null, null)).isEmpty();
    }

    @Test
    void aMissingCredentialIsNotFound() {
        assertThatThrownBy(() -> vault.resolve(987654321L, null)).isInstanceOf(NotFoundException.class)
                .hasMessage("Credential 987654321 does not exist");
        assertThat(vault.exists(987654321L)).isFalse();
    }

    @Test
    void secretsAlteredInTheDatabaseAreReportedNotDecrypted() {
        String name = unique("altered");
        long id = credential(name);
        String sealed = jdbc.sql("SELECT private_key FROM credentials WHERE id = ?").param(id).query(String.class).single();
        // Flip one byte of the ciphertext itself: flipping a base64 character could touch only padding bits.
        String prefix = sealed.substring(0, sealed.indexOf(':') + 1);
        byte[] bytes = java.util.Base64.getDecoder().decode(sealed.substring(prefix.length()));
        bytes[bytes.length / 2] ^= 0x01;
        String altered = prefix + java.util.Base64.getEncoder().encodeToString(bytes);
        jdbc.sql("UPDATE credentials SET private_key = ? WHERE id = ?").params(altered, id).update();

        assertThatThrownBy(() -> vault.resolve(null, id))
                .isInstanceOfSatisfying(SecretsUnavailableException.class, e -> assertThat(e.status()).isEqualTo(HttpStatus.CONFLICT))
                .hasMessageContaining("credential '" + name + "' cannot be decrypted");
        assertThat(vault.exists(id)).isTrue();
    }
}
