package io.devops.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * The catalog tree as a {@code .tar.gz} and back, with nothing outside the JDK. Packing takes
 * regular files and folders only (never {@code .git}), in name order, with fixed modes, owners and
 * times, so an unchanged tree packs to the same bytes. Unpacking first checks every entry and
 * writes nothing when one is unsafe: an absolute path, a {@code ..} step, a link or device, or a
 * folder of the target that is a link leading out of it.
 */
final class Tarball {

    private static final int BLOCK = 512;

    /** One file of an archive; {@code content} is null for a folder. */
    record Entry(String name, byte[] content) {
        boolean folder() {
            return content == null;
        }
    }

    private Tarball() {
    }

    // ---- packing ----

    static byte[] pack(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw CliException.usage(dir + " is not a folder");
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
            for (Entry entry : entries(dir)) {
                write(gzip, entry);
            }
            gzip.write(new byte[2 * BLOCK]);
        }
        return bytes.toByteArray();
    }

    static List<Entry> entries(Path dir) throws IOException {
        List<Path> paths;
        try (Stream<Path> walk = Files.walk(dir)) {
            paths = walk.filter(path -> !path.equals(dir)).filter(path -> !dir.relativize(path).startsWith(".git")).sorted().toList();
        }
        List<Entry> entries = new ArrayList<>();
        for (Path path : paths) {
            String name = dir.relativize(path).toString().replace('\\', '/');
            if (Files.isSymbolicLink(path)) {
                throw CliException.failed(path + " is a symbolic link: the catalog takes regular files and folders only");
            } else if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
                entries.add(new Entry(name, null));
            } else if (Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)) {
                entries.add(new Entry(name, Files.readAllBytes(path)));
            } else {
                throw CliException.failed(path + " is not a regular file or folder");
            }
        }
        return entries;
    }

    private static void write(OutputStream out, Entry entry) throws IOException {
        String name = entry.folder() ? entry.name() + "/" : entry.name();
        byte[] nameBytes = name.getBytes(StandardCharsets.UTF_8);
        boolean ascii = nameBytes.length == name.length();
        if (nameBytes.length > 100 || !ascii) {
            // A PAX header carries the whole name; the ustar field keeps a shortened stand-in.
            byte[] record = paxRecord("path", name);
            out.write(header("PaxHeader/" + shortName(name), record.length, 'x'));
            writePadded(out, record);
        }
        out.write(header(shortName(name), entry.folder() ? 0 : entry.content().length, entry.folder() ? '5' : '0'));
        if (!entry.folder()) {
            writePadded(out, entry.content());
        }
    }

    private static String shortName(String name) {
        String ascii = name.replaceAll("[^\\x20-\\x7e]", "_");
        return ascii.length() <= 99 ? ascii : ascii.substring(ascii.length() - 99);
    }

    private static byte[] paxRecord(String key, String value) {
        String body = " " + key + "=" + value + "\n";
        int bodyLength = body.getBytes(StandardCharsets.UTF_8).length;
        int length = bodyLength + 1;
        while (String.valueOf(length).length() + bodyLength != length) {
            length++;
        }
        return (length + body).getBytes(StandardCharsets.UTF_8);
    }

    static byte[] header(String name, long size, char type) {
        byte[] header = new byte[BLOCK];
        put(header, 0, 100, name.getBytes(StandardCharsets.US_ASCII));
        octal(header, 100, 8, type == '5' ? 0755 : 0644);
        octal(header, 108, 8, 0);
        octal(header, 116, 8, 0);
        octal(header, 124, 12, size);
        octal(header, 136, 12, 0);
        header[156] = (byte) type;
        put(header, 257, 6, "ustar\0".getBytes(StandardCharsets.US_ASCII));
        put(header, 263, 2, "00".getBytes(StandardCharsets.US_ASCII));
        Arrays.fill(header, 148, 156, (byte) ' ');
        long sum = 0;
        for (byte b : header) {
            sum += b & 0xff;
        }
        octal(header, 148, 7, sum);
        return header;
    }

    private static void octal(byte[] header, int offset, int length, long value) {
        String digits = String.format("%0" + (length - 1) + "o", value);
        put(header, offset, length, (digits + "\0").getBytes(StandardCharsets.US_ASCII));
    }

    private static void put(byte[] header, int offset, int length, byte[] value) {
        System.arraycopy(value, 0, header, offset, Math.min(length, value.length));
    }

    static void writePadded(OutputStream out, byte[] content) throws IOException {
        out.write(content);
        int rest = content.length % BLOCK;
        if (rest != 0) {
            out.write(new byte[BLOCK - rest]);
        }
    }

    // ---- unpacking ----

    /** Reads every entry of a {@code .tar.gz}, refusing what could not be unpacked safely. */
    static List<Entry> read(byte[] tarGz) throws IOException {
        List<Entry> entries = new ArrayList<>();
        try (DataInputStream in = new DataInputStream(new GZIPInputStream(new ByteArrayInputStream(tarGz)))) {
            String longName = null;
            byte[] header = new byte[BLOCK];
            while (readBlock(in, header)) {
                if (allZero(header)) {
                    break;
                }
                char type = (char) header[156];
                long size = size(header);
                byte[] data = readData(in, size, type == '0' || type == '\0' || type == 'x' || type == 'L' || type == 'g');
                String name = longName != null ? longName : name(header);
                longName = null;
                switch (type) {
                    case 'x' -> longName = paxPath(data);
                    case 'L' -> longName = cString(data);
                    case 'g' -> { } // global PAX settings: nothing this reader uses
                    case '0', '\0', '7' -> entries.add(new Entry(safeName(name), data));
                    case '5' -> {
                        if (!isRoot(name)) {
                            entries.add(new Entry(safeName(name), null));
                        }
                    }
                    case '1', '2' -> throw CliException.failed("the archive holds a link (" + name + "): refused, nothing written");
                    default -> throw CliException.failed("the archive holds a special file (" + name + ", type " + type
                            + "): refused, nothing written");
                }
            }
        }
        return entries;
    }

    /** Unpacks into {@code dir} (made if missing); returns how many files it wrote. Nothing is written when an entry is unsafe. */
    static int unpack(byte[] tarGz, Path dir) throws IOException {
        List<Entry> entries = read(tarGz);
        Files.createDirectories(dir);
        Path root = dir.toRealPath();
        for (Entry entry : entries) {
            Path target = root.resolve(entry.name()).normalize();
            if (!target.startsWith(root)) {
                throw CliException.failed("the archive entry " + entry.name() + " leads out of " + dir + ": refused");
            }
            Path parent = entry.folder() ? target : target.getParent();
            Files.createDirectories(parent);
            if (!parent.toRealPath().startsWith(root)) {
                throw CliException.failed(parent + " is a link that leads out of " + dir + ": refused to write " + entry.name());
            }
            if (!entry.folder()) {
                if (Files.isSymbolicLink(target)) {
                    throw CliException.failed(target + " is a symbolic link: refused to write through it");
                }
                Files.write(target, entry.content());
            }
        }
        return (int) entries.stream().filter(entry -> !entry.folder()).count();
    }

    /** {@code ./}: the folder being unpacked into, which {@code tar -C dir .} lists first. */
    private static boolean isRoot(String name) {
        return name.matches("(\\./*)+");
    }

    /** The name, refused when absolute or when it steps up with {@code ..}; {@code ./} and trailing slashes dropped. */
    static String safeName(String raw) {
        String name = raw;
        while (name.startsWith("./")) {
            name = name.substring(2);
        }
        while (name.endsWith("/")) {
            name = name.substring(0, name.length() - 1);
        }
        if (name.isEmpty() || name.equals(".")) {
            throw CliException.failed("the archive holds an entry without a name: refused, nothing written");
        }
        if (name.startsWith("/") || name.contains("\\") || name.contains("\0") || name.matches("^[A-Za-z]:.*")) {
            throw CliException.failed("the archive entry " + raw + " is an absolute path: refused, nothing written");
        }
        for (String part : name.split("/")) {
            if (part.equals("..")) {
                throw CliException.failed("the archive entry " + raw + " steps out with '..': refused, nothing written");
            }
        }
        return name;
    }

    private static boolean readBlock(DataInputStream in, byte[] block) throws IOException {
        try {
            in.readFully(block);
            return true;
        } catch (EOFException end) {
            return false;
        }
    }

    private static byte[] readData(DataInputStream in, long size, boolean keep) throws IOException {
        if (size > Integer.MAX_VALUE - BLOCK) {
            throw CliException.failed("the archive holds a file of " + size + " bytes: too large");
        }
        int padded = (int) ((size + BLOCK - 1) / BLOCK * BLOCK);
        byte[] data = new byte[padded];
        in.readFully(data);
        return keep ? Arrays.copyOf(data, (int) size) : new byte[0];
    }

    private static String name(byte[] header) {
        String name = cString(Arrays.copyOfRange(header, 0, 100));
        boolean ustar = new String(header, 257, 5, StandardCharsets.US_ASCII).equals("ustar");
        String prefix = ustar ? cString(Arrays.copyOfRange(header, 345, 500)) : "";
        return prefix.isEmpty() ? name : prefix + "/" + name;
    }

    private static long size(byte[] header) {
        if ((header[124] & 0x80) != 0) {
            long size = 0;
            for (int i = 125; i < 136; i++) {
                size = size << 8 | header[i] & 0xff;
            }
            return size;
        }
        String digits = new String(header, 124, 12, StandardCharsets.US_ASCII).replace("\0", "").trim();
        return digits.isEmpty() ? 0 : Long.parseLong(digits, 8);
    }

    private static String paxPath(byte[] data) {
        String path = null;
        int at = 0;
        while (at < data.length && data[at] != 0) {
            int space = at;
            while (space < data.length && data[space] != ' ') {
                space++;
            }
            int length = space < data.length && space > at ? Integer.parseInt(new String(data, at, space - at, StandardCharsets.US_ASCII)) : -1;
            if (length <= space - at + 1 || at + length > data.length) {
                throw CliException.failed("the archive has a damaged PAX header: refused, nothing written");
            }
            String keyValue = new String(data, space + 1, at + length - space - 2, StandardCharsets.UTF_8);
            if (keyValue.startsWith("path=")) {
                path = keyValue.substring(5);
            }
            at += length;
        }
        return path;
    }

    private static String cString(byte[] bytes) {
        int end = 0;
        while (end < bytes.length && bytes[end] != 0) {
            end++;
        }
        return new String(bytes, 0, end, StandardCharsets.UTF_8);
    }

    private static boolean allZero(byte[] block) {
        for (byte b : block) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }
}
