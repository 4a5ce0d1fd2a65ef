package io.devops.platform.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;

/**
 * The roles directory: one folder per role, named as the role, which is what {@code roles_path}
 * points Ansible at. Folders starting with a dot are work in progress and never roles.
 */
@Component
class RoleFiles {

    private final Path root;

    RoleFiles(CatalogProperties properties) {
        this.root = properties.rolesDir().toAbsolutePath().normalize();
    }

    Path root() {
        return root;
    }

    Path dirOf(String roleName) {
        return root.resolve(roleName);
    }

    boolean hasTasks(String roleName) {
        return Files.isRegularFile(dirOf(roleName).resolve("tasks/main.yml"));
    }

    /** The role's files, relative to its folder, sorted. */
    List<String> list(String roleName) {
        Path dir = dirOf(roleName);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(p -> !Files.isDirectory(p)).map(p -> dir.relativize(p).toString().replace('\\', '/'))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A fresh empty folder beside the roles, on the same file system so that it can be moved in atomically. */
    Path newWorkDir() throws IOException {
        Files.createDirectories(root);
        return Files.createDirectory(root.resolve(".work-" + UUID.randomUUID()));
    }

    /** Puts {@code prepared} in place of the role's folder; the old folder is removed afterwards. */
    void replace(String roleName, Path prepared) throws IOException {
        Path target = dirOf(roleName);
        Path old = root.resolve(".old-" + UUID.randomUUID());
        if (Files.exists(target)) {
            Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
        }
        Files.move(prepared, target, StandardCopyOption.ATOMIC_MOVE);
        deleteTree(old);
    }

    /** Writes one built-in file unless the role's folder already has it: local edits win. */
    void installIfAbsent(String relativePath, InputStream content) throws IOException {
        Path target = root.resolve(relativePath).normalize();
        if (!target.startsWith(root) || Files.exists(target)) {
            return;
        }
        Files.createDirectories(target.getParent());
        Files.copy(content, target);
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
