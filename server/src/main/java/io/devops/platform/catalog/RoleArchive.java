package io.devops.platform.catalog;

import io.devops.platform.shared.InvalidInputException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/**
 * Unpacks an uploaded role ({@code .tar.gz}) into a work folder, refusing anything that could
 * write outside it: absolute names, {@code ..}, hard links, devices, symbolic links that point
 * outside the role, and archives that inflate past the limit. The role may sit at the top of the
 * archive or inside one folder (as {@code tar czf role.tar.gz my_role/} makes it).
 */
final class RoleArchive {

    private final long maxBytes;
    private final int maxEntries;

    RoleArchive(long maxBytes, int maxEntries) {
        this.maxBytes = maxBytes;
        this.maxEntries = maxEntries;
    }

    /** Extracts into {@code into} and answers the folder that holds {@code tasks/main.yml}. */
    Path extract(InputStream upload, Path into) throws IOException {
        Path root = into.toRealPath();
        long written = 0;
        int entries = 0;
        try (var tar = new TarArchiveInputStream(new GzipCompressorInputStream(upload))) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                if (++entries > maxEntries) {
                    throw bad("has more than " + maxEntries + " entries");
                }
                Path target = resolve(root, entry.getName());
                if (entry.isDirectory()) {
                    ensureInside(root, target, entry.getName());
                } else if (entry.isSymbolicLink()) {
                    link(root, target, entry);
                } else if (entry.isFile() && !entry.isLink()) {
                    ensureInside(root, target.getParent(), entry.getName());
                    written += copy(tar, target, maxBytes - written);
                } else {
                    throw bad("'" + entry.getName() + "' is a hard link or a device; only files, folders and "
                            + "links inside the role are allowed");
                }
            }
        } catch (IOException e) {
            throw bad("is not a readable .tar.gz archive (" + e.getMessage() + ")");
        }
        return roleFolder(root);
    }

    private Path resolve(Path root, String name) {
        String clean = name.replace('\\', '/');
        while (clean.startsWith("./")) {
            clean = clean.substring(2);
        }
        if (clean.startsWith("/") || clean.matches("^[A-Za-z]:.*")) {
            throw bad("'" + name + "' is an absolute path; entries must be relative to the role");
        }
        for (String segment : clean.split("/")) {
            if (segment.equals("..")) {
                throw bad("'" + name + "' contains '..'; entries must stay inside the role");
            }
        }
        Path target = root.resolve(clean).normalize();
        if (!target.startsWith(root)) {
            throw bad("'" + name + "' points outside the role");
        }
        return target;
    }

    private void link(Path root, Path target, TarArchiveEntry entry) throws IOException {
        // Links may only point down from their (real, checked) folder: by induction none can leave the role.
        String linkName = entry.getLinkName().replace('\\', '/');
        if (linkName.isEmpty() || linkName.startsWith("/") || ("/" + linkName + "/").contains("/../")) {
            throw bad("the link '" + entry.getName() + "' -> '" + linkName + "' may point outside the role; "
                    + "links must be relative and must not use '..'");
        }
        ensureInside(root, target.getParent(), entry.getName());
        Files.createDirectories(target.getParent());
        Files.createSymbolicLink(target, Paths.get(linkName));
    }

    /** A parent that resolves, through links made earlier, to somewhere else must not be written into. */
    private void ensureInside(Path root, Path parent, String name) throws IOException {
        Files.createDirectories(parent);
        if (!parent.toRealPath().startsWith(root)) {
            throw bad("'" + name + "' would be written outside the role through a link");
        }
    }

    private long copy(InputStream in, Path target, long budget) throws IOException {
        byte[] buffer = new byte[8192];
        long total = 0;
        try (OutputStream out = Files.newOutputStream(target)) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                total += n;
                if (total > budget) {
                    throw bad("unpacks to more than " + maxBytes / (1024 * 1024) + " MB");
                }
                out.write(buffer, 0, n);
            }
        }
        return total;
    }

    private static Path roleFolder(Path root) throws IOException {
        if (Files.isRegularFile(root.resolve("tasks/main.yml"))) {
            return root;
        }
        try (var top = Files.list(root)) {
            var children = top.toList();
            if (children.size() == 1 && Files.isRegularFile(children.get(0).resolve("tasks/main.yml"))) {
                return children.get(0);
            }
        }
        throw bad("must contain tasks/main.yml, at the top or inside a single folder");
    }

    private static InvalidInputException bad(String message) {
        return new InvalidInputException("archive", "The role archive " + message);
    }
}
