package io.devops.platform.catalog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * The files of one role version, as data: regular files with their bytes and relative links with
 * their targets, sorted by path. Its {@link #hash()} (SHA-256 over the sorted listing and every
 * body's own SHA-256) names it: equal files, equal hash, on every instance.
 */
record RoleContent(List<Entry> entries) {

    enum Kind { FILE, LINK }

    /** One file ({@code body}) or link ({@code linkTarget}), its path relative to the role folder. */
    record Entry(String path, Kind kind, byte[] body, String linkTarget) {

        static Entry file(String path, byte[] body) {
            return new Entry(path, Kind.FILE, body, null);
        }

        static Entry link(String path, String target) {
            return new Entry(path, Kind.LINK, null, target);
        }

        String bodyHash() {
            return body == null ? null : sha256(body);
        }

        long size() {
            return body == null ? 0 : body.length;
        }
    }

    RoleContent {
        entries = entries.stream().sorted(Comparator.comparing(Entry::path)).toList();
    }

    /** Reads a role folder (as {@link RoleArchive} left it): files and links, never following a link. */
    static RoleContent read(Path folder) {
        List<Entry> entries = new ArrayList<>();
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.toList()) {
                String relative = folder.relativize(path).toString().replace('\\', '/');
                if (Files.isSymbolicLink(path)) {
                    entries.add(Entry.link(relative, Files.readSymbolicLink(path).toString().replace('\\', '/')));
                } else if (Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)) {
                    entries.add(Entry.file(relative, Files.readAllBytes(path)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the role files in " + folder.getFileName(), e);
        }
        return new RoleContent(entries);
    }

    /** Writes the files and links under {@code folder}, which must be empty or absent. */
    void writeTo(Path folder) throws IOException {
        Files.createDirectories(folder);
        for (Entry entry : entries) {
            Path target = folder.resolve(entry.path()).normalize();
            if (!target.startsWith(folder)) {
                throw new IOException("A stored role file leaves its folder: " + entry.path());
            }
            Files.createDirectories(target.getParent());
            if (entry.kind() == Kind.LINK) {
                Files.createSymbolicLink(target, Paths.get(entry.linkTarget()));
            } else {
                Files.write(target, entry.body());
            }
        }
    }

    String hash() {
        MessageDigest digest = digest();
        for (Entry entry : entries) {
            String line = entry.kind() + "\0" + entry.path() + "\0"
                    + (entry.kind() == Kind.FILE ? entry.bodyHash() : entry.linkTarget()) + "\n";
            digest.update(line.getBytes(StandardCharsets.UTF_8));
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    List<String> paths() {
        return entries.stream().map(Entry::path).toList();
    }

    boolean hasTasks() {
        return entries.stream().anyMatch(e -> e.path().equals("tasks/main.yml"));
    }

    long totalBytes() {
        return entries.stream().mapToLong(Entry::size).sum();
    }

    static String sha256(byte[] bytes) {
        return HexFormat.of().formatHex(digest().digest(bytes));
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
