package io.devops.agent;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * The agent's secrets in its work dir, readable by their owner only (0600): {@code credential},
 * and while an admin has to approve the enrolment, {@code pending-enrollment} (its id and the
 * claim secret). A file that others may read is refused, not used: the credential runs commands
 * as root, so a copy of it in someone else's hands is a takeover of the node.
 */
final class CredentialStore {

    private static final Set<PosixFilePermission> OTHERS = EnumSet.of(
            PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE,
            PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

    private final Path file;
    private final Path pending;

    CredentialStore(Path workDir) {
        this.file = workDir.resolve("credential");
        this.pending = workDir.resolve("pending-enrollment");
    }

    Path file() {
        return file;
    }

    /** @throws ExposedSecretException when the file's mode lets others than its owner read or write it */
    Optional<String> load() throws IOException {
        return readPrivate(file);
    }

    void save(String credential) throws IOException {
        writePrivate(file, credential);
        Files.deleteIfExists(pending);
    }

    /** An enrolment waiting for an admin: its id and the claim secret, so that a restart keeps waiting. */
    Optional<PendingClaim> loadPending() throws IOException {
        return readPrivate(pending).map(text -> {
            String[] parts = text.split("\\s+", 2);
            if (parts.length != 2) {
                throw new IllegalStateException(pending + " is damaged; delete it and enrol with a new token");
            }
            return new PendingClaim(Long.parseLong(parts[0]), parts[1]);
        });
    }

    void savePending(PendingClaim claim) throws IOException {
        writePrivate(pending, claim.enrollmentId() + " " + claim.secret());
    }

    void clearPending() throws IOException {
        Files.deleteIfExists(pending);
    }

    private static Optional<String> readPrivate(Path path) throws IOException {
        if (!Files.exists(path)) {
            return Optional.empty();
        }
        requireOwnerOnly(path);
        String value = Files.readString(path, StandardCharsets.UTF_8).strip();
        return value.isEmpty() ? Optional.empty() : Optional.of(value);
    }

    static void requireOwnerOnly(Path path) throws IOException {
        if (!Files.getFileStore(path).supportsFileAttributeView("posix")) {
            return;
        }
        Set<PosixFilePermission> exposed = EnumSet.copyOf(Files.getPosixFilePermissions(path));
        exposed.retainAll(OTHERS);
        if (!exposed.isEmpty()) {
            throw new ExposedSecretException(path + " is " + PosixFilePermissions.toString(Files.getPosixFilePermissions(path))
                    + ": others than its owner may read it, so it may have been copied. Refusing to use it. If you are sure "
                    + "it was not, run 'chmod 600 " + path + "'; otherwise revoke the node's agent and enrol again");
        }
    }

    /** Written to a 0600 temporary file first and moved into place, so that it is never readable by others. */
    private static void writePrivate(Path path, String content) throws IOException {
        Files.createDirectories(path.getParent());
        Path temp = path.resolveSibling(path.getFileName() + ".tmp");
        Files.deleteIfExists(temp);
        Files.createFile(temp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(temp, content + "\n", StandardCharsets.UTF_8);
        Files.move(temp, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** What a waiting agent needs to claim its credential once an admin approves it. */
    record PendingClaim(long enrollmentId, String secret) {
    }

    /** A secret file with a mode that lets others read it. */
    static final class ExposedSecretException extends IOException {
        ExposedSecretException(String message) {
            super(message);
        }
    }
}
