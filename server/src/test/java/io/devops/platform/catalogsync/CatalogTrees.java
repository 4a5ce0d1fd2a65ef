package io.devops.platform.catalogsync;

import io.devops.platform.support.Api;
import io.devops.platform.support.Multipart;
import io.devops.platform.support.TarGz;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.SortedMap;
import java.util.TreeMap;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/** Catalog trees for tests: exported bytes, their files as text, and trees packed back for import. */
final class CatalogTrees {

    private CatalogTrees() {
    }

    static byte[] export(Api api, String query) {
        try {
            var response = api.stream("/api/v1/catalog/export" + query);
            try (InputStream body = response.body()) {
                byte[] bytes = body.readAllBytes();
                if (response.statusCode() != 200) {
                    throw new AssertionError("export answered " + response.statusCode() + ": "
                            + new String(bytes, StandardCharsets.UTF_8));
                }
                return bytes;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static SortedMap<String, String> files(byte[] archive) {
        SortedMap<String, String> files = new TreeMap<>();
        try (var tar = new TarArchiveInputStream(new GzipCompressorInputStream(new ByteArrayInputStream(archive)))) {
            for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
                files.put(entry.getName(), new String(tar.readAllBytes(), StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    static byte[] pack(SortedMap<String, String> files) {
        TarGz tree = TarGz.archive();
        files.forEach(tree::file);
        return tree.bytes();
    }

    static Api.Response importTree(Api api, byte[] archive, boolean dryRun) {
        Multipart body = Multipart.file("file", "catalog.tar.gz", archive);
        return api.post("/api/v1/catalog/import" + (dryRun ? "?dryRun=true" : ""), body.body(), body.contentType());
    }
}
