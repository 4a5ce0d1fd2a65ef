package io.devops.platform.catalog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;

/**
 * The roles directory ({@code devops.catalog.roles-dir}) as a cache of the role versions stored in
 * the database: {@code .by-hash/<hash>/<role name>/} holds the files of the content with that
 * hash, unpacked on first use by whichever instance runs it, so any instance on the same database
 * runs the same files. A folder appears whole or not at all (written aside, then moved in), and
 * since a hash names exactly one set of files, what is there is never rewritten. Role names never
 * start with a dot, so the cache cannot clash with the per-role folders older releases kept here
 * (read once, by {@link #legacyFolder}, to import them).
 */
@Component
class RoleFileCache {

    private final Path root;
    private final Path byHash;
    private final RoleVersions versions;

    RoleFileCache(CatalogProperties properties, RoleVersions versions) {
        this.root = properties.rolesDir().toAbsolutePath().normalize();
        this.byHash = root.resolve(".by-hash");
        this.versions = versions;
    }

    Path root() {
        return root;
    }

    /**
     * The folder to put on Ansible's {@code roles_path} for this version of role {@code roleName}:
     * it holds a folder of that name with exactly the version's files.
     */
    Path materialise(String hash, String roleName) {
        Path entry = byHash.resolve(hash);
        Path role = entry.resolve(roleName);
        if (Files.isDirectory(role)) {
            return entry;
        }
        RoleContent content = versions.content(hash)
                .orElseThrow(() -> new IllegalStateException("No role files with hash " + hash + " are stored"));
        try {
            Files.createDirectories(entry);
            Path work = entry.resolve(".work-" + UUID.randomUUID());
            try {
                content.writeTo(work);
                Files.move(work, role, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileSystemException e) {
                if (!Files.isDirectory(role)) {
                    throw e;
                } // another run unpacked the same files first
            } finally {
                deleteTree(work);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not unpack the files of role " + roleName + " (" + hash + ")", e);
        }
        return entry;
    }

    /**
     * The {@code roles_path} folder with the role files operator version {@code operatorId} pinned;
     * empty for an operator whose role has no files (Ansible then says the role was not found).
     */
    Optional<Path> materialisePinnedBy(long operatorId) {
        return versions.pinnedBy(operatorId).map(pin -> materialise(pin.hash(), pin.roleName()));
    }

    /** The folder an older release kept the role's files in, when it is still there. */
    Optional<Path> legacyFolder(String roleName) {
        Path folder = root.resolve(roleName);
        return Files.isRegularFile(folder.resolve("tasks/main.yml")) ? Optional.of(folder) : Optional.empty();
    }

    /** A fresh empty folder to unpack an upload into before it is checked and stored. */
    Path newWorkDir() throws IOException {
        Files.createDirectories(root);
        return Files.createTempDirectory(root, ".upload-");
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
