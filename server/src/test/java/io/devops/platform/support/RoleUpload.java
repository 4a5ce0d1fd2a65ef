package io.devops.platform.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import tools.jackson.databind.node.ObjectNode;

/**
 * A role of the test's own, created through the API with its files (path → text) uploaded as the
 * .tar.gz a user would send, and an operator per value set: roles others wrote, as a run meets them.
 */
public final class RoleUpload {

    private final Api api;
    private final long roleId;
    private final String name;

    private RoleUpload(Api api, long roleId, String name) {
        this.api = api;
        this.roleId = roleId;
        this.name = name;
    }

    public String name() {
        return name;
    }

    /** Creates the role, declares {@code variables} as strings, and uploads {@code files}. */
    public static RoleUpload create(Api api, String name, Map<String, String> files, String... variables) {
        Api.Response role = api.post("/api/v1/roles", RunFixtures.object().put("name", name).toString());
        assertThat(role.status()).as(role.toString()).isEqualTo(201);
        RoleUpload upload = new RoleUpload(api, role.id(), name);
        for (String variable : variables) {
            Api.Response declared = api.post("/api/v1/roles/" + role.id() + "/variables", RunFixtures.object()
                    .put("name", variable).put("type", "string").put("required", false).toString());
            assertThat(declared.status()).as(declared.toString()).isEqualTo(201);
        }
        upload.upload(files);
        return upload;
    }

    /** Uploads {@code files} as the role's next version of its files; answers the role. */
    public tools.jackson.databind.JsonNode upload(Map<String, String> files) {
        TarGz archive = TarGz.archive();
        files.forEach(archive::file);
        Multipart body = Multipart.file("file", "role.tar.gz", archive.bytes());
        Api.Response uploaded = api.post("/api/v1/roles/" + roleId + "/archive", body.body(), body.contentType());
        assertThat(uploaded.status()).as(uploaded.toString()).isIn(200, 201);
        return uploaded.json();
    }

    /** Declares the report files the role writes on each node. */
    public void reports(String... paths) {
        ObjectNode body = RunFixtures.object();
        for (String path : paths) {
            body.withArray("reports").add(path);
        }
        Api.Response set = api.put("/api/v1/roles/" + roleId + "/reports", body.toString());
        assertThat(set.status()).as(set.toString()).isEqualTo(200);
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
}
