package io.devops.platform.collections;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collection;
import java.util.Comparator;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.springframework.stereotype.Component;

/**
 * Installs stored collections for a step, offline: {@code <cache>/<sha256>/ansible_collections/<ns>/<name>}
 * holds the artifact unpacked, as {@code ansible-galaxy collection install} lays it out, written
 * aside and moved in whole on first use by whichever instance runs it, never rewritten (a SHA-256
 * names one set of bytes). Unpacking is what that install does with a local artifact, without
 * starting Python for each step.
 */
@Component
public class CollectionFiles {

    private final Path root;
    private final CollectionCatalog catalog;

    CollectionFiles(CollectionsProperties properties, CollectionCatalog catalog) {
        this.root = properties.cacheDir().toAbsolutePath().normalize();
        this.catalog = catalog;
    }

    /** The value of {@code ANSIBLE_COLLECTIONS_PATH} that holds exactly {@code collections}, installed. */
    public String collectionsPath(Collection<AnsibleCollection> collections) {
        return collections.stream().map(this::materialise).map(Path::toString).collect(Collectors.joining(":"));
    }

    Path materialise(AnsibleCollection collection) {
        Path entry = root.resolve(collection.sha256());
        if (Files.isDirectory(entry)) {
            return entry;
        }
        try {
            Files.createDirectories(root);
            Path work = root.resolve(".work-" + UUID.randomUUID());
            try {
                unpack(catalog.artifact(collection.sha256()),
                        work.resolve("ansible_collections").resolve(collection.namespace()).resolve(collection.name()));
                Files.move(work, entry, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileSystemException e) {
                if (!Files.isDirectory(entry)) {
                    throw e;
                } // another step installed the same bytes first
            } finally {
                deleteTree(work);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not install collection " + collection.fullName() + " " + collection.version(), e);
        }
        return entry;
    }

    private static void unpack(byte[] artifact, Path into) throws IOException {
        Files.createDirectories(into);
        try (var tar = new TarArchiveInputStream(new GzipCompressorInputStream(new ByteArrayInputStream(artifact)))) {
            for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
                // Checked at upload as well: the stored bytes are checked by hash, the names again here.
                Path target = into.resolve(CollectionArtifact.checkedName(entry)).normalize();
                if (!target.startsWith(into)) {
                    throw new IOException("a stored collection entry leaves its folder");
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(tar, target);
                }
            }
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
