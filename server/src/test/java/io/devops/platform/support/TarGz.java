package io.devops.platform.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;

/** Builds role archives for tests, including the hostile ones. */
public final class TarGz {

    private record Item(String name, byte[] content, String linkTarget, byte type) {
    }

    private final List<Item> items = new ArrayList<>();

    public static TarGz archive() {
        return new TarGz();
    }

    public static TarGz validRole() {
        return archive().file("tasks/main.yml", "- ansible.builtin.debug: {msg: hi}\n");
    }

    public TarGz file(String name, String content) {
        items.add(new Item(name, content.getBytes(StandardCharsets.UTF_8), null, TarArchiveEntry.LF_NORMAL));
        return this;
    }

    public TarGz symlink(String name, String target) {
        items.add(new Item(name, new byte[0], target, TarArchiveEntry.LF_SYMLINK));
        return this;
    }

    public TarGz hardLink(String name, String target) {
        items.add(new Item(name, new byte[0], target, TarArchiveEntry.LF_LINK));
        return this;
    }

    public TarGz folder(String name) {
        items.add(new Item(name.endsWith("/") ? name : name + "/", new byte[0], null, TarArchiveEntry.LF_DIR));
        return this;
    }

    /** An entry of any other tar type: {@code LF_CHR}, {@code LF_BLK}, {@code LF_FIFO}... */
    public TarGz entry(String name, byte type) {
        items.add(new Item(name, new byte[0], null, type));
        return this;
    }

    public byte[] bytes() {
        var buffer = new ByteArrayOutputStream();
        try (var tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(buffer))) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            for (Item item : items) {
                // The preserveAbsolutePath flag keeps hostile names such as /etc/passwd as they are.
                var entry = new TarArchiveEntry(item.name(), item.type(), true);
                if (entry.isGlobalPaxHeader()) {
                    // As git archive writes it; the stream writes and closes such an entry itself.
                    entry.addPaxHeader("comment", "8c3f1e2d0b4a59687f0e1d2c3b4a596870f1e2d3");
                    tar.putArchiveEntry(entry);
                    continue;
                }
                if (item.linkTarget() != null) {
                    entry.setLinkName(item.linkTarget());
                } else {
                    entry.setSize(item.content().length);
                }
                tar.putArchiveEntry(entry);
                tar.write(item.content());
                tar.closeArchiveEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return buffer.toByteArray();
    }
}
