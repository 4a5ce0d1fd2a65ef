package io.devops.platform.catalog;

import io.devops.platform.shared.InvalidInputException;
import io.devops.platform.shared.PrintableText;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/**
 * Unpacks an uploaded role ({@code .tar.gz}) into a work folder, refusing anything that could
 * write outside it or is not plain role content: absolute names, {@code ..}, links that point
 * outside the role, devices, FIFOs and every other entry type but files, folders and links, and
 * archives that inflate past the limit. The role may sit at the top of the archive or inside one
 * folder (as {@code tar czf role.tar.gz my_role/} makes it). Errors name entries as the archive
 * does, never by where they would land on the server.
 */
final class RoleArchive {

    private static final int MAX_NAME_SHOWN = 200;

    private final long maxBytes;
    private final int maxEntries;

    RoleArchive(long maxBytes, int maxEntries) {
        this.maxBytes = maxBytes;
        this.maxEntries = maxEntries;
    }

    private enum Kind { FILE, FOLDER, SYMLINK, HARD_LINK }

    /**
     * Extracts into {@code into} and answers the folder that holds {@code tasks/main.yml}. A broken
     * or hostile archive is an {@link InvalidInputException}; an {@link IOException} is the server's
     * own trouble (a full disk, permissions).
     */
    Path extract(InputStream upload, Path into) throws IOException {
        Path root = into.toRealPath();
        long written = 0;
        int entries = 0;
        try (var tar = new TarArchiveInputStream(gzip(upload))) {
            for (TarArchiveEntry entry = next(tar); entry != null; entry = next(tar)) {
                if (++entries > maxEntries) {
                    throw bad("has more than " + maxEntries + " entries");
                }
                String name = shown(entry.getName());
                try {
                    written += unpack(tar, root, entry, name, maxBytes - written);
                } catch (AccessDeniedException e) {
                    throw e; // the server's permissions, not the archive: a 500, the path only in the log
                } catch (FileSystemException e) {
                    throw clash(name, e);
                }
            }
        }
        return roleFolder(root);
    }

    /** Writes one entry; answers the bytes it took from the budget. */
    private long unpack(TarArchiveInputStream tar, Path root, TarArchiveEntry entry, String name, long budget)
            throws IOException {
        Kind kind = kindOf(entry, name);
        Path target = resolve(root, entry.getName(), "entry '" + name + "'");
        return switch (kind) {
            case FOLDER -> {
                ensureInside(root, target, name);
                yield 0;
            }
            case SYMLINK -> {
                link(root, target, entry, name);
                yield 0;
            }
            case HARD_LINK -> copyOfEarlier(root, target, entry, name, budget);
            case FILE -> {
                ensureInside(root, target.getParent(), name);
                yield copy(tar, target, budget);
            }
        };
    }

    /** Decided by the entry's type alone: a device named "x/" is no folder. */
    private static Kind kindOf(TarArchiveEntry entry, String name) {
        return switch (entry.getLinkFlag()) {
            // Old tars mark a folder by the '/' at the end of its name only.
            case TarArchiveEntry.LF_NORMAL, TarArchiveEntry.LF_OLDNORM, TarArchiveEntry.LF_CONTIG ->
                    entry.getName().endsWith("/") ? Kind.FOLDER : Kind.FILE;
            case TarArchiveEntry.LF_DIR -> Kind.FOLDER;
            case TarArchiveEntry.LF_SYMLINK -> Kind.SYMLINK;
            case TarArchiveEntry.LF_LINK -> Kind.HARD_LINK;
            default -> throw bad("entry '" + name + "' is " + describe(entry.getLinkFlag())
                    + "; only regular files, folders and links inside the role are allowed");
        };
    }

    private static String describe(byte type) {
        return switch (type) {
            case TarArchiveEntry.LF_CHR -> "a character device";
            case TarArchiveEntry.LF_BLK -> "a block device";
            case TarArchiveEntry.LF_FIFO -> "a FIFO (named pipe)";
            default -> "of tar type " + (type > ' ' && type < 127 ? "'" + (char) type + "'" : String.format("0x%02x", type));
        };
    }

    /** Where a name of the archive lands; {@code what} says whose name it is, for the error. */
    private static Path resolve(Path root, String name, String what) {
        String clean = clean(name);
        if (clean.startsWith("/") || clean.matches("^[A-Za-z]:.*")) {
            throw bad(what + " is an absolute path; entries must be relative to the role");
        }
        for (String segment : clean.split("/")) {
            if (segment.equals("..")) {
                throw bad(what + " contains '..'; entries must stay inside the role");
            }
        }
        Path target = root.resolve(clean).normalize();
        if (!target.startsWith(root)) {
            throw bad(what + " points outside the role");
        }
        return target;
    }

    private void link(Path root, Path target, TarArchiveEntry entry, String name) throws IOException {
        // Links may only point down from their (real, checked) folder: by induction none can leave the role.
        String linkName = entry.getLinkName().replace('\\', '/');
        if (linkName.isEmpty() || linkName.startsWith("/") || ("/" + linkName + "/").contains("/../")) {
            throw bad("the link '" + name + "' -> '" + shown(linkName) + "' may point outside the role; "
                    + "links must be relative and must not use '..'");
        }
        ensureInside(root, target.getParent(), name);
        Files.createSymbolicLink(target, Paths.get(linkName));
    }

    /**
     * A hard link names an earlier file by its name in the archive. It becomes a copy of that file,
     * which must be a regular file inside the role: nothing unpacked shares an inode with anything.
     */
    private long copyOfEarlier(Path root, Path target, TarArchiveEntry entry, String name, long budget) throws IOException {
        String what = "the hard link '" + name + "' -> '" + shown(entry.getLinkName()) + "'";
        Path source = resolve(root, entry.getLinkName(), what);
        if (!Files.isRegularFile(source, LinkOption.NOFOLLOW_LINKS) || !source.getParent().toRealPath().startsWith(root)) {
            throw bad(what + " must name a regular file of the role that comes earlier in the archive");
        }
        long size = Files.size(source);
        if (size > budget) {
            throw tooLarge();
        }
        ensureInside(root, target.getParent(), name);
        Files.copy(source, target);
        return size;
    }

    /** A parent that resolves, through links made earlier, to somewhere else must not be written into. */
    private void ensureInside(Path root, Path parent, String name) throws IOException {
        Files.createDirectories(parent);
        if (!parent.toRealPath().startsWith(root)) {
            throw bad("entry '" + name + "' would be written outside the role through a link");
        }
    }

    private long copy(InputStream tar, Path target, long budget) throws IOException {
        byte[] buffer = new byte[8192];
        long total = 0;
        try (OutputStream out = Files.newOutputStream(target)) {
            int n;
            while ((n = read(tar, buffer)) > 0) {
                total += n;
                if (total > budget) {
                    throw tooLarge();
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

    // Reading the upload fails only on a broken archive, writing only on the server's side: told apart here.

    private static InputStream gzip(InputStream upload) {
        try {
            return new GzipCompressorInputStream(upload);
        } catch (IOException e) {
            throw unreadable(e);
        }
    }

    private static TarArchiveEntry next(TarArchiveInputStream tar) {
        try {
            return tar.getNextEntry();
        } catch (IOException e) {
            throw unreadable(e);
        }
    }

    private static int read(InputStream tar, byte[] buffer) {
        try {
            return tar.read(buffer);
        } catch (IOException e) {
            throw unreadable(e);
        }
    }

    /** The entry's name as the archive lists it (without a leading "./"), safe to show. */
    private static String shown(String name) {
        return PrintableText.of(clean(name), MAX_NAME_SHOWN);
    }

    private static String clean(String name) {
        String clean = name.replace('\\', '/');
        while (clean.startsWith("./")) {
            clean = clean.substring(2);
        }
        return clean;
    }

    private InvalidInputException tooLarge() {
        return bad("unpacks to more than " + maxBytes / (1024 * 1024) + " MB");
    }

    private static InvalidInputException unreadable(IOException e) {
        return bad("is not a readable .tar.gz archive (" + PrintableText.of(e.getMessage(), MAX_NAME_SHOWN) + ")");
    }

    /** An entry the file system would not take, said without the path it would have had on the server. */
    private static InvalidInputException clash(String name, FileSystemException e) {
        String why;
        if (e instanceof FileAlreadyExistsException || e instanceof NotDirectoryException || e instanceof NoSuchFileException) {
            why = "it clashes with an earlier entry (the same name twice, a file where a folder is needed, "
                    + "or a link that leads nowhere)";
        } else {
            why = e.getReason() == null || e.getReason().contains("/") ? "the server's file system refused it" : e.getReason();
        }
        return bad("entry '" + name + "' cannot be unpacked: " + why);
    }

    private static InvalidInputException bad(String message) {
        return new InvalidInputException("archive", "The role archive " + message);
    }
}
