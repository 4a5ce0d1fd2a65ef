package io.devops.platform.collections;

import io.devops.platform.shared.InvalidInputException;
import io.devops.platform.shared.PrintableText;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.regex.Pattern;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads what a collection artifact says it is. Who it is comes from its {@code MANIFEST.json}
 * ({@code collection_info}), never from the file name. The whole archive is walked first: absolute
 * names, {@code ..}, links and every entry but files and folders are refused, as is an archive
 * that inflates past the limit, so that unpacking it later on any instance is safe.
 */
final class CollectionArtifact {

    /** Galaxy's rule for a namespace or a name. */
    static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,63}");
    /** Semantic versions, as Galaxy requires them. */
    static final Pattern VERSION = Pattern.compile("\\d{1,9}\\.\\d{1,9}\\.\\d{1,9}(?:-[0-9A-Za-z.-]{1,64})?(?:\\+[0-9A-Za-z.-]{1,64})?");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int MAX_MANIFEST = 1024 * 1024;
    /** By the entry's type alone: commons-compress counts a link as a file. */
    private static final java.util.Set<Byte> FILES_AND_FOLDERS = java.util.Set.of(TarArchiveEntry.LF_NORMAL,
            TarArchiveEntry.LF_OLDNORM, TarArchiveEntry.LF_CONTIG, TarArchiveEntry.LF_DIR);

    record Identity(String namespace, String name, String version) {
    }

    private CollectionArtifact() {
    }

    static Identity read(byte[] artifact, long maxExtracted, int maxEntries) {
        byte[] manifest = null;
        long inflated = 0;
        int entries = 0;
        try (var tar = new TarArchiveInputStream(new GzipCompressorInputStream(new ByteArrayInputStream(artifact)))) {
            for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
                if (++entries > maxEntries) {
                    throw bad("has more than " + maxEntries + " entries");
                }
                String name = checkedName(entry);
                inflated += entry.isDirectory() ? 0 : entry.getSize();
                if (inflated > maxExtracted) {
                    throw bad("unpacks to more than " + maxExtracted / (1024 * 1024) + " MB");
                }
                if (name.equals("MANIFEST.json")) {
                    manifest = small(tar, entry);
                }
            }
        } catch (IOException e) {
            throw bad("is not a readable .tar.gz archive (" + PrintableText.of(e.getMessage(), 200) + ")");
        }
        if (manifest == null) {
            throw bad("has no MANIFEST.json at its top; upload what 'ansible-galaxy collection build' makes");
        }
        return identity(manifest);
    }

    static String checkedName(TarArchiveEntry entry) {
        String name = entry.getName().replace('\\', '/');
        while (name.startsWith("./")) {
            name = name.substring(2);
        }
        String shown = PrintableText.of(name, 200);
        if (!FILES_AND_FOLDERS.contains(entry.getLinkFlag())) {
            throw bad("entry '" + shown + "' is a link or a special file; a collection holds only files and folders");
        }
        if (name.startsWith("/") || ("/" + name + "/").contains("/../")) {
            throw bad("entry '" + shown + "' leaves the collection (an absolute name or '..')");
        }
        return name;
    }

    private static byte[] small(InputStream tar, TarArchiveEntry entry) throws IOException {
        if (entry.getSize() > MAX_MANIFEST) {
            throw bad("has a MANIFEST.json larger than 1 MB");
        }
        return tar.readNBytes(MAX_MANIFEST);
    }

    private static Identity identity(byte[] manifest) {
        JsonNode info;
        try {
            info = JSON.readTree(manifest).path("collection_info");
        } catch (JacksonException e) {
            throw bad("has a MANIFEST.json that is not JSON");
        }
        String namespace = field(info, "namespace", NAME);
        String name = field(info, "name", NAME);
        String version = field(info, "version", VERSION);
        return new Identity(namespace, name, version);
    }

    private static String field(JsonNode info, String field, Pattern valid) {
        JsonNode value = info.path(field);
        if (!value.isString() || !valid.matcher(value.asString()).matches()) {
            throw bad("has no valid collection_info." + field + " in its MANIFEST.json");
        }
        return value.asString();
    }

    private static InvalidInputException bad(String message) {
        return new InvalidInputException("file", "The collection artifact " + message);
    }
}
