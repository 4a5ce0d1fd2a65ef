package io.devops.platform.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import tools.jackson.databind.node.ObjectNode;

/**
 * A role of the test's own, created through the API with its files (path → text) uploaded as the
 * .tar.gz a user would send, and an operator per value set: roles others wrote, as a run meets them.
 */
public final class RoleUpload {

    private final Api api;
    private final long roleId;

    private RoleUpload(Api api, long roleId) {
        this.api = api;
        this.roleId = roleId;
    }

    /** Creates the role, declares {@code variables} as strings, and uploads {@code files}. */
    public static RoleUpload create(Api api, String name, Map<String, String> files, String... variables) {
        Api.Response role = api.post("/api/v1/roles", RunFixtures.object().put("name", name).toString());
        assertThat(role.status()).as(role.toString()).isEqualTo(201);
        RoleUpload upload = new RoleUpload(api, role.id());
        for (String variable : variables) {
            Api.Response declared = api.post("/api/v1/roles/" + role.id() + "/variables", RunFixtures.object()
                    .put("name", variable).put("type", "string").put("required", false).toString());
            assertThat(declared.status()).as(declared.toString()).isEqualTo(201);
        }
        String boundary = "----devops" + System.nanoTime();
        var body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name
                + ".tar.gz\"\r\nContent-Type: application/gzip\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(tarGz(files));
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        Api.Response uploaded = api.post("/api/v1/roles/" + role.id() + "/archive", body.toByteArray(),
                "multipart/form-data; boundary=" + boundary);
        assertThat(uploaded.status()).as(uploaded.toString()).isIn(200, 201);
        return upload;
    }

    /** An operator of this role with these values, as a new package version. */
    public long operator(String pkgVersion, Map<String, String> values) {
        ObjectNode body = RunFixtures.object().put("roleId", roleId).put("pkgVersion", pkgVersion);
        ObjectNode vars = body.putObject("values");
        values.forEach(vars::put);
        Api.Response created = api.post("/api/v1/operators", body.toString());
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.id();
    }

    private static byte[] tarGz(Map<String, String> files) {
        var buffer = new ByteArrayOutputStream();
        try (var tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(buffer))) {
            for (var file : files.entrySet()) {
                byte[] content = file.getValue().getBytes(StandardCharsets.UTF_8);
                var entry = new TarArchiveEntry(file.getKey());
                entry.setSize(content.length);
                tar.putArchiveEntry(entry);
                tar.write(content);
                tar.closeArchiveEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return buffer.toByteArray();
    }
}
