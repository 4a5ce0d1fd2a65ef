package io.devops.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CredentialStoreTests {

    @TempDir
    Path dir;

    @Test
    void theCredentialIsWrittenForItsOwnerOnlyAndReadBack() throws Exception {
        CredentialStore store = new CredentialStore(dir);

        store.save("dva_secret");

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(store.file()))).isEqualTo("rw-------");
        assertThat(store.load()).contains("dva_secret");
    }

    @Test
    void aCredentialFileTheGroupOrOthersCanReadIsRefused() throws Exception {
        CredentialStore store = new CredentialStore(dir);
        store.save("dva_secret");

        for (String mode : new String[] {"rw-r-----", "rw----r--", "rw-rw-rw-"}) {
            Files.setPosixFilePermissions(store.file(), PosixFilePermissions.fromString(mode));

            assertThatThrownBy(store::load).isInstanceOf(CredentialStore.ExposedSecretException.class)
                    .hasMessageContaining(mode).hasMessageContaining("chmod 600 " + store.file());
        }
    }

    @Test
    void aPendingEnrolmentIsKeptPrivatelyUntilTheCredentialReplacesIt() throws Exception {
        CredentialStore store = new CredentialStore(dir);

        store.savePending(new CredentialStore.PendingClaim(42, "claim-secret"));
        CredentialStore.PendingClaim loaded = store.loadPending().orElseThrow();
        store.save("dva_secret");

        assertThat(loaded).isEqualTo(new CredentialStore.PendingClaim(42, "claim-secret"));
        assertThat(store.loadPending()).isEmpty();
    }
}
