package io.devops.platform.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.devops.platform.support.Api;
import io.devops.platform.support.ApiTest;
import io.devops.platform.support.Multipart;
import io.devops.platform.support.TarGz;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Role files are stored as immutable, content-addressed versions; every operator version pins the
 * one it was made with; the versions and the diff between two are readable; and changing role
 * code is ADMIN's alone.
 */
class RoleVersionsApiTests extends ApiTest {

    private static final String V1_TASKS = "- name: say\n  debug:\n    msg: one\n";
    private static final String V2_TASKS = "- name: say\n  debug:\n    msg: two\n";

    @Test
    void eachUploadOfOtherFilesIsTheNextVersionAndTheSameFilesAddNone() {
        long role = newRole();

        Api.Response first = upload(admin(), role, files(V1_TASKS, "old.txt", "gone\n"));
        Api.Response again = upload(admin(), role, files(V1_TASKS, "old.txt", "gone\n"));
        Api.Response second = upload(admin(), role, files(V2_TASKS, "new.txt", "here\n"));

        assertThat(first.json().get("version").asInt()).isEqualTo(1);
        assertThat(again.json().get("version").asInt()).isEqualTo(1);
        assertThat(second.json().get("version").asInt()).isEqualTo(2);
        JsonNode versions = admin().get("/api/v1/roles/" + role + "/versions").json();
        assertThat(versions.size()).isEqualTo(2);
        assertThat(versions.get(0).get("version").asInt()).isEqualTo(2);
        assertThat(versions.get(0).get("hash").asString()).hasSize(64).isEqualTo(second.json().get("hash").asString())
                .isNotEqualTo(versions.get(1).get("hash").asString());
        assertThat(versions.get(0).get("fileCount").asInt()).isEqualTo(2);
        assertThat(versions.get(0).get("createdBy").asString()).isEqualTo("admin");
    }

    @Test
    void theDiffShowsWhatChangedBetweenTwoVersions() {
        long role = newRole();
        upload(admin(), role, files(V1_TASKS, "old.txt", "gone\n"));
        upload(admin(), role, files(V2_TASKS, "new.txt", "here\n"));

        Api.Response diff = admin().get("/api/v1/roles/" + role + "/versions/1/diff/2");

        assertThat(diff.status()).as(diff.toString()).isEqualTo(200);
        Map<String, JsonNode> byPath = new java.util.TreeMap<>();
        diff.json().get("files").forEach(file -> byPath.put(file.get("path").asString(), file));
        assertThat(byPath.keySet()).containsExactly("files/new.txt", "files/old.txt", "tasks/main.yml");
        assertThat(byPath.get("files/new.txt").get("change").asString()).isEqualTo("ADDED");
        assertThat(byPath.get("files/old.txt").get("change").asString()).isEqualTo("REMOVED");
        JsonNode tasks = byPath.get("tasks/main.yml");
        assertThat(tasks.get("change").asString()).isEqualTo("CHANGED");
        assertThat(tasks.get("diff").asString()).contains("--- a/tasks/main.yml", "+++ b/tasks/main.yml",
                "-    msg: one", "+    msg: two", "   debug:");
    }

    @Test
    void aDiffWithAVersionThatDoesNotExistIs404() {
        long role = newRole();
        upload(admin(), role, files(V1_TASKS, "a.txt", "a\n"));

        Api.Response diff = admin().get("/api/v1/roles/" + role + "/versions/1/diff/7");

        assertThat(diff.status()).isEqualTo(404);
        assertThat(diff.isProblem()).isTrue();
        assertThat(diff.json().get("detail").asString()).contains("Version 7 of role");
    }

    @Test
    void anOperatorVersionKeepsTheRoleVersionItWasMadeWith() {
        long role = newRole();
        upload(admin(), role, files(V1_TASKS, "a.txt", "a\n"));
        JsonNode operator = admin().post("/api/v1/operators", "{\"roleId\":" + role + ",\"pkgVersion\":\"1\",\"values\":{}}").json();

        upload(admin(), role, files(V2_TASKS, "a.txt", "a\n"));
        JsonNode second = admin().put("/api/v1/operators/" + operator.get("id").asLong(),
                "{\"pkgVersion\":\"1\",\"values\":{},\"description\":\"again\"}").json();

        assertThat(operator.get("roleVersion").asInt()).isEqualTo(1);
        assertThat(admin().get("/api/v1/operators/" + operator.get("id").asLong()).json().get("roleVersion").asInt())
                .isEqualTo(1);
        assertThat(second.get("roleVersion").asInt()).isEqualTo(2);
        assertThat(second.get("roleHash").asString()).isEqualTo(admin().get("/api/v1/roles/" + role).json().get("hash").asString());
    }

    @Test
    void anOperatorMadeBeforeTheRoleHadFilesPinsItsFirstFiles() {
        long role = newRole();
        long operator = admin().post("/api/v1/operators", "{\"roleId\":" + role + ",\"pkgVersion\":\"1\",\"values\":{}}").id();
        assertThat(admin().get("/api/v1/operators/" + operator).json().get("roleVersion").isNull()).isTrue();

        upload(admin(), role, files(V1_TASKS, "a.txt", "a\n"));
        upload(admin(), role, files(V2_TASKS, "a.txt", "a\n"));

        assertThat(admin().get("/api/v1/operators/" + operator).json().get("roleVersion").asInt()).isEqualTo(1);
    }

    @Test
    void theBuiltinRolesHaveTheirShippedFilesAsAVersion() {
        long id = admin().get("/api/v1/roles?name=collect_net_driver_info").json().get("items").get(0).get("id").asLong();

        JsonNode versions = admin().get("/api/v1/roles/" + id + "/versions").json();

        assertThat(versions.size()).isGreaterThanOrEqualTo(1);
        assertThat(versions.get(versions.size() - 1).get("source").asString()).isEqualTo("builtin");
    }

    @Test
    void anOperatorUserMayNotChangeRoleCodeButMayReadIt() {
        long role = newRole();
        upload(admin(), role, files(V1_TASKS, "a.txt", "a\n"));
        Api operator = operatorUser();

        Api.Response upload = upload(operator, role, files(V2_TASKS, "a.txt", "a\n"));
        Api.Response variable = operator.post("/api/v1/roles/" + role + "/variables", "{\"name\":\"x\",\"type\":\"string\"}");
        Api.Response reports = operator.put("/api/v1/roles/" + role + "/reports", "{\"reports\":[\"/tmp/r.md\"]}");

        assertThat(List.of(upload.status(), variable.status(), reports.status())).containsOnly(403);
        assertThat(upload.isProblem()).isTrue();
        JsonNode after = admin().get("/api/v1/roles/" + role).json();
        assertThat(after.get("version").asInt()).isEqualTo(1);
        assertThat(after.get("variables").size()).isZero();
        assertThat(after.get("reports").size()).isZero();
        assertThat(operator.get("/api/v1/roles/" + role + "/versions").status()).isEqualTo(200);
        assertThat(operator.get("/api/v1/roles/" + role + "/versions/1/diff/1").status()).isEqualTo(200);
        // Making an operator of the role stays an OPERATOR's work: it runs the files an ADMIN put there.
        assertThat(operator.post("/api/v1/operators", "{\"roleId\":" + role + ",\"pkgVersion\":\"1\",\"values\":{}}")
                .status()).isEqualTo(201);
    }

    @Test
    void aStaleUploadIs409WithTheCurrentRevisionAndStoresNothing() {
        long role = newRole();
        int revision = admin().get("/api/v1/roles/" + role).json().get("revision").asInt();
        assertThat(upload(admin().header("If-Match", "\"" + revision + "\""), role, files(V1_TASKS, "a.txt", "a\n"))
                .status()).isEqualTo(201);

        Api.Response stale = upload(admin().header("If-Match", "\"" + revision + "\""), role, files(V2_TASKS, "a.txt", "a\n"));

        assertThat(stale.status()).as(stale.toString()).isEqualTo(409);
        assertThat(stale.isProblem()).isTrue();
        assertThat(stale.json().get("currentVersion").asInt()).isEqualTo(revision + 1);
        assertThat(stale.json().get("detail").asString()).contains("changed meanwhile", "Reload");
        assertThat(admin().get("/api/v1/roles/" + role + "/versions").json().size()).isEqualTo(1);
    }

    private long newRole() {
        Api.Response created = admin().post("/api/v1/roles", "{\"name\":\"" + unique("versioned") + "\"}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.id();
    }

    private static TarGz files(String tasks, String file, String content) {
        return TarGz.archive().file("tasks/main.yml", tasks).file("files/" + file, content);
    }

    private static Api.Response upload(Api api, long role, TarGz archive) {
        Multipart body = Multipart.file("file", "role.tar.gz", archive.bytes());
        return api.post("/api/v1/roles/" + role + "/archive", body.body(), body.contentType());
    }

    private Api operatorUser() {
        String name = unique("coder").toLowerCase();
        String password = "pw-" + unique("secret") + "-Long";
        Api.Response created = admin().post("/api/v1/users", """
                {"username":"%s","displayName":"Test","password":"%s","role":"OPERATOR"}""".formatted(name, password));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return anonymous().basic(name, password);
    }
}
