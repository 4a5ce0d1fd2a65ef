package io.devops.agent;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;

/** The agent's credential in {@code <work dir>/credential}, readable by its owner only (0600). */
final class CredentialStore {

    private final Path file;

    CredentialStore(Path workDir) {
        this.file = workDir.resolve("credential");
    }

    Path file() {
        return file;
    }

    Optional<String> load() throws IOException {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        String value = Files.readString(file, StandardCharsets.UTF_8).strip();
        return value.isEmpty() ? Optional.empty() : Optional.of(value);
    }

    /** Written to a 0600 temporary file first and moved into place, so that it is never readable by others. */
    void save(String credential) throws IOException {
        Files.createDirectories(file.getParent());
        Path temp = file.resolveSibling("credential.tmp");
        Files.deleteIfExists(temp);
        Files.createFile(temp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(temp, credential + "\n", StandardCharsets.UTF_8);
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
