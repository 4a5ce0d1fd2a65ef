package io.devops.platform.catalogsync;

import io.devops.platform.shared.InvalidInputException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/**
 * The tree as a tar.gz. Written deterministically: entries sorted by path, files only (folders are
 * implied), owner 0/0 without names, mode 0644, mtime 0, and the JDK's gzip header (no name, mtime
 * 0), so the same tree gives the same bytes. Read strictly: anything but plain files and folders
 * with relative, {@code ..}-free names inside the size limits is refused, naming the entry.
 */
final class TreeArchive {

    static final int MAX_ENTRIES = 20_000;
    static final long MAX_FILE_BYTES = 8L << 20;
    static final long MAX_TOTAL_BYTES = 64L << 20;

    private TreeArchive() {
    }

    static byte[] write(SortedMap<String, byte[]> files) {
        var buffer = new ByteArrayOutputStream();
        try (var tar = new TarArchiveOutputStream(new GZIPOutputStream(buffer), "UTF-8")) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                var entry = new TarArchiveEntry(file.getKey());
                entry.setSize(file.getValue().length);
                entry.setMode(0100644);
                entry.setModTime(0);
                entry.setIds(0, 0);
                entry.setNames("", "");
                tar.putArchiveEntry(entry);
                tar.write(file.getValue());
                tar.closeArchiveEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the catalog archive", e);
        }
        return buffer.toByteArray();
    }

    /** The files of the archive by normalised path; 400 naming the first entry that is not acceptable. */
    static SortedMap<String, byte[]> read(InputStream upload) {
        InputStream gzip;
        try {
            gzip = new GzipCompressorInputStream(upload);
        } catch (IOException e) {
            throw bad("the upload is not a gzip file (send the tar.gz that GET /api/v1/catalog/export gives)");
        }
        SortedMap<String, byte[]> files = new TreeMap<>();
        long total = 0;
        int entries = 0;
        try (var tar = new TarArchiveInputStream(gzip, "UTF-8")) {
            for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
                if (++entries > MAX_ENTRIES) {
                    throw bad("the archive has more than " + MAX_ENTRIES + " entries");
                }
                String name = checkedName(entry.getName());
                if (entry.isDirectory()) {
                    continue;
                }
                if (!entry.isFile() || entry.isLink() || entry.isSymbolicLink()) {
                    throw bad(name + ": is a " + (entry.isSymbolicLink() ? "symbolic link" : entry.isLink() ? "hard link"
                            : "special file") + "; the tree holds plain files only (role links go in role.yaml's links)");
                }
                if (entry.getSize() > MAX_FILE_BYTES) {
                    throw bad(name + ": is " + entry.getSize() + " bytes; a file may have at most " + MAX_FILE_BYTES);
                }
                total += entry.getSize();
                if (total > MAX_TOTAL_BYTES) {
                    throw bad(name + ": the files add up to more than " + MAX_TOTAL_BYTES + " bytes");
                }
                if (files.put(name, tar.readNBytes((int) entry.getSize())) != null) {
                    throw bad(name + ": appears twice in the archive");
                }
            }
        } catch (IOException e) {
            throw bad("the archive cannot be read as tar.gz: " + e.getMessage());
        }
        if (files.isEmpty()) {
            throw bad("the archive holds no files");
        }
        return files;
    }

    private static String checkedName(String raw) {
        String name = raw.startsWith("./") ? raw.substring(2) : raw;
        if (name.endsWith("/")) {
            name = name.substring(0, name.length() - 1);
        }
        if (name.startsWith("/") || name.matches("^[A-Za-z]:.*") || name.contains("\\") || name.indexOf('\0') >= 0) {
            throw bad(shown(raw) + ": absolute or odd paths are not allowed; names must be relative to the tree");
        }
        for (String segment : name.split("/", -1)) {
            if (segment.equals("..") || segment.equals(".") || (segment.isEmpty() && !name.isEmpty())) {
                throw bad(shown(raw) + ": '..', '.' and empty path segments are not allowed");
            }
        }
        return name;
    }

    private static String shown(String name) {
        String printable = name.replaceAll("[\\p{Cntrl}]", "?");
        return printable.length() <= 200 ? printable : printable.substring(0, 197) + "...";
    }

    static InvalidInputException bad(String message) {
        return new InvalidInputException("file", message);
    }
}
