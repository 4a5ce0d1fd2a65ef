package io.devops.platform.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.devops.platform.collections.GalaxyBuild;
import io.devops.platform.support.Api;
import io.devops.platform.support.ApiTest;
import io.devops.platform.support.Multipart;
import io.devops.platform.support.RoleUpload;
import io.devops.platform.support.RunFixtures;
import io.devops.platform.support.TarGz;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A role's meta/main.yml dependencies and its collections (meta/main.yml or requirements.yml)
 * resolve to the catalog when it is uploaded: what is missing is refused then, naming it, and what
 * resolved is pinned and shown with its version.
 */
class RoleNeedsApiTests extends ApiTest {

    private static final String TASKS = "- ansible.builtin.debug: {msg: hi}\n";

    @Test
    void aDependencyOrCollectionTheCatalogLacksIsRefusedNamingItAndAddsNoVersion() {
        long role = newRole(unique("needy"));
        String absent = unique("absent_role");

        Api.Response noRole = upload(role, Map.of("tasks/main.yml", TASKS, "meta/main.yml",
                "dependencies:\n  - role: " + absent + "\n    vars: {x: 1}\n"));
        Api.Response noCollection = upload(role, Map.of("tasks/main.yml", TASKS,
                "requirements.yml", "collections:\n  - name: nowhere.missing\n    version: '>=1.0.0'\n"));

        assertThat(noRole.status()).as(noRole.toString()).isEqualTo(400);
        assertThat(noRole.body()).contains(absent, "archive");
        assertThat(noCollection.status()).as(noCollection.toString()).isEqualTo(400);
        assertThat(noCollection.body()).contains("nowhere.missing");
        assertThat(admin().get("/api/v1/roles/" + role + "/versions").json().size()).isZero();
    }

    @Test
    void resolvedDependenciesAndCollectionsArePinnedAndShownWithTheirVersions() {
        RoleUpload base = RoleUpload.create(admin(), unique("base"), Map.of("tasks/main.yml", TASKS));
        String namespace = unique("ns").toLowerCase(Locale.ROOT);
        upload(GalaxyBuild.build(namespace, "tools", "1.0.0", "old"));
        upload(GalaxyBuild.build(namespace, "tools", "1.4.0", "newest in range"));
        upload(GalaxyBuild.build(namespace, "tools", "2.0.0", "out of range"));
        long role = newRole(unique("user"));

        Api.Response uploaded = upload(role, Map.of("tasks/main.yml", TASKS,
                "meta/main.yml", "dependencies: [" + base.name() + "]\ncollections: [" + namespace + ".tools]\n",
                "requirements.yml", "collections:\n  - name: " + namespace + ".tools\n    version: '>=1.0.0,<2.0.0'\n"));

        assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(201);
        JsonNode details = admin().get("/api/v1/roles/" + role).json();
        assertThat(details.get("dependencies").get(0).asString()).isEqualTo(base.name());
        assertThat(details.get("collections").get(0).asString()).isEqualTo(namespace + ".tools");
        assertThat(details.get("needs").toString()).contains("\"kind\":\"role\"", "\"version\":\"1\"",
                "\"kind\":\"collection\"", "\"version\":\"1.4.0\"");
    }

    @Test
    void aDependencyCycleIsRefused() {
        String firstName = unique("first");
        RoleUpload.create(admin(), firstName, Map.of("tasks/main.yml", TASKS));
        RoleUpload second = RoleUpload.create(admin(), unique("second"), Map.of("tasks/main.yml", TASKS,
                "meta/main.yml", "dependencies: [" + firstName + "]\n"));
        long firstId = admin().get("/api/v1/roles?name=" + firstName).json().get("items").get(0).get("id").asLong();

        Api.Response cycle = upload(firstId, Map.of("tasks/main.yml", TASKS, "meta/main.yml",
                "dependencies: [" + second.name() + "]\n"));

        assertThat(cycle.status()).as(cycle.toString()).isEqualTo(400);
        assertThat(cycle.body()).contains("cycle", second.name());
        assertThat(admin().get("/api/v1/roles/" + firstId).json().get("dependencies").size()).isZero();
    }

    @Test
    void anOperatorOfARoleWhoseDependencyWasDeletedIsRefusedNamingIt() {
        String baseName = unique("gone");
        RoleUpload.create(admin(), baseName, Map.of("tasks/main.yml", TASKS));
        long baseId = admin().get("/api/v1/roles?name=" + baseName).json().get("items").get(0).get("id").asLong();
        RoleUpload user = RoleUpload.create(admin(), unique("orphan"), Map.of("tasks/main.yml", TASKS,
                "meta/main.yml", "dependencies: [" + baseName + "]\n"));
        assertThat(admin().delete("/api/v1/roles/" + baseId).status()).isEqualTo(204);
        long userId = admin().get("/api/v1/roles?name=" + user.name()).json().get("items").get(0).get("id").asLong();

        Api.Response operator = admin().post("/api/v1/operators", RunFixtures.object().put("roleId", userId)
                .put("pkgVersion", "1").toString());

        assertThat(operator.status()).as(operator.toString()).isEqualTo(400);
        assertThat(operator.body()).contains(baseName, "roleId");
    }

    private long newRole(String name) {
        Api.Response role = admin().post("/api/v1/roles", RunFixtures.object().put("name", name).toString());
        assertThat(role.status()).as(role.toString()).isEqualTo(201);
        return role.id();
    }

    private Api.Response upload(long role, Map<String, String> files) {
        TarGz archive = TarGz.archive();
        files.forEach(archive::file);
        Multipart body = Multipart.file("file", "role.tar.gz", archive.bytes());
        return admin().post("/api/v1/roles/" + role + "/archive", body.body(), body.contentType());
    }

    private void upload(byte[] collection) {
        Multipart body = Multipart.file("file", "c.tar.gz", collection);
        Api.Response stored = admin().post("/api/v1/collections", body.body(), body.contentType());
        assertThat(stored.status()).as(stored.toString()).isEqualTo(201);
    }
}
