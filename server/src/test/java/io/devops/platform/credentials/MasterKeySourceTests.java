package io.devops.platform.credentials;

import static org.assertj.core.api.Assertions.assertThat;

import io.devops.platform.credentials.MasterKeySource.MasterKey;
import io.devops.platform.credentials.MasterKeySource.Origin;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SSH credentials work on the first start: without DEVOPS_SECRET_KEY the server keeps a key of its own. */
class MasterKeySourceTests {

    @TempDir
    Path data;

    @Test
    void withoutTheVariableTheFirstStartGeneratesAKeyOnlyTheOwnerCanRead() throws Exception {
        Path file = data.resolve("data/master.key");

        MasterKey key = MasterKeySource.resolve("", file);

        assertThat(key.origin()).isEqualTo(Origin.GENERATED);
        assertThat(key.value()).hasSizeGreaterThanOrEqualTo(Keyring.MIN_KEY_LENGTH);
        assertThat(Files.readString(file).strip()).isEqualTo(key.value());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }

    @Test
    void laterStartsReadTheSameKeyAgain() {
        Path file = data.resolve("master.key");
        MasterKey first = MasterKeySource.resolve(null, file);

        MasterKey again = MasterKeySource.resolve("", file);

        assertThat(again.origin()).isEqualTo(Origin.FILE);
        assertThat(again.value()).isEqualTo(first.value());
    }

    @Test
    void theVariableWinsAndNoFileIsWritten() {
        Path file = data.resolve("master.key");

        MasterKey key = MasterKeySource.resolve("production-key-from-the-environment-0123", file);

        assertThat(key.origin()).isEqualTo(Origin.ENVIRONMENT);
        assertThat(key.value()).isEqualTo("production-key-from-the-environment-0123");
        assertThat(file).doesNotExist();
    }

    @Test
    void aFolderThatCannotHoldTheKeyLeavesNoKeyAndTheServerSaysWhy() throws Exception {
        Path notAFolder = data.resolve("occupied");
        Files.writeString(notAFolder, "a file where the folder should be");

        MasterKey key = MasterKeySource.resolve("", notAFolder.resolve("master.key"));

        assertThat(key.origin()).isEqualTo(Origin.NONE);
        assertThat(key.value()).isEmpty();
    }

    @Test
    void twoGeneratedKeysDiffer() {
        assertThat(MasterKeySource.resolve("", data.resolve("a.key")).value())
                .isNotEqualTo(MasterKeySource.resolve("", data.resolve("b.key")).value());
    }
}
