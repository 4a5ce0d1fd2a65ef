package io.devops.platform.catalog;

import io.devops.platform.support.TarGz;
import io.devops.platform.support.Multipart;
import static org.assertj.core.api.Assertions.assertThat;

import io.devops.platform.support.Api;
import io.devops.platform.support.ApiTest;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

class RolesApiTests extends ApiTest {

    @Autowired
    RoleFileCache roleFiles;

    private Api.Response upload(long roleId, byte[] archive) {
        Multipart body = Multipart.file("file", "role.tar.gz", archive);
        return admin().post("/api/v1/roles/" + roleId + "/archive", body.body(), body.contentType());
    }

    private long newRole() {
        var response = admin().post("/api/v1/roles", "{\"name\":\"" + unique("role") + "\",\"description\":\"test\"}");
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.id();
    }

    @Test
    void builtinRolesAreInstalledWithFilesAndTheSeedsVariables() {
        JsonNode page = admin().get("/api/v1/roles?name=ins_driver_cuda").json();
        long id = page.get("items").get(0).get("id").asLong();
        JsonNode role = admin().get("/api/v1/roles/" + id).json();
        assertThat(role.get("source").asString()).isEqualTo("builtin");
        assertThat(role.get("hasTasks").asBoolean()).isTrue();
        assertThat(role.get("files").toString()).contains("tasks/main.yml", "defaults/main.yml");
        assertThat(role.get("variables").findValuesAsString("name"))
                .contains("local_nvidia_driver_path", "local_cuda_driver_path", "local_fabric_path");
    }

    @Test
    void createdRoleGetsTypedVariables() {
        long role = newRole();
        var created = admin().post("/api/v1/roles/" + role + "/variables", """
                {"name":"gpu_count","actionType":"driver","type":"integer","required":true,"default":8}""");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.json().get("type").asString()).isEqualTo("integer");
        assertThat(created.json().get("defaultValue").isNumber()).isTrue();
        assertThat(admin().get("/api/v1/roles/" + role + "/variables").json().size()).isEqualTo(1);
    }

    @Test
    void invalidVariableNameIs400WithTheFieldNamed() {
        long role = newRole();
        var response = admin().post("/api/v1/roles/" + role + "/variables", """
                {"name":"not-an-identifier","type":"path"}""");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.isProblem()).isTrue();
        assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("name");
        assertThat(admin().get("/api/v1/roles/" + role + "/variables").json().size()).isZero();
    }

    @Test
    void defaultOfTheWrongTypeIs400() {
        long role = newRole();
        var response = admin().post("/api/v1/roles/" + role + "/variables", """
                {"name":"driver_file","type":"path","default":"relative.run"}""");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("default");
    }

    @Test
    void uploadedArchiveReplacesTheRolesFiles() {
        long role = newRole();
        var response = upload(role, TarGz.archive().file("r/tasks/main.yml", "[]\n").file("r/files/run.sh", "echo\n").bytes());
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        assertThat(response.json().get("files").toString()).contains("tasks/main.yml", "files/run.sh");
        assertThat(response.json().get("source").asString()).isEqualTo("uploaded");
    }

    @Test
    void badArchiveIs400AndKeepsTheOldFiles() {
        long role = newRole();
        upload(role, TarGz.validRole().bytes());
        var response = upload(role, TarGz.validRole().file("../../escape", "x").bytes());
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.isProblem()).isTrue();
        assertThat(response.json().get("detail").asString()).contains("..");
        assertThat(admin().get("/api/v1/roles/" + role).json().get("files").toString()).contains("tasks/main.yml");
    }

    @Test
    void deviceOrFifoEntriesAre400NamingTheEntryAndNothingIsStored() {
        long role = newRole();
        upload(role, TarGz.validRole().bytes());

        var response = upload(role, TarGz.validRole().file("files/run.sh", "echo\n")
                .entry("files/null", TarArchiveEntry.LF_CHR).bytes());

        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.isProblem()).isTrue();
        assertThat(response.json().get("detail").asString()).contains("'files/null' is a character device");
        assertThat(admin().get("/api/v1/roles/" + role).json().get("files").toString())
                .contains("tasks/main.yml").doesNotContain("files/run.sh", "files/null");
    }

    @Test
    void archiveErrorsNameTheEntryButNeverAPathOnTheServer() {
        long role = newRole();

        var response = upload(role, TarGz.validRole().folder("files").file("files", "x").bytes());

        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.json().get("detail").asString()).contains("entry 'files'")
                .doesNotContain(roleFiles.root().toString(), ".work-");
    }

    @Test
    void duplicateRoleNameIs409() {
        String name = unique("dup");
        admin().post("/api/v1/roles", "{\"name\":\"" + name + "\"}");
        assertThat(admin().post("/api/v1/roles", "{\"name\":\"" + name + "\"}").status()).isEqualTo(409);
    }

    @Test
    void unusedRoleCanBeDeletedAndDisappearsFromTheList() {
        long role = newRole();
        assertThat(admin().delete("/api/v1/roles/" + role).status()).isEqualTo(204);
        assertThat(admin().get("/api/v1/roles/" + role).json().get("deleted").asBoolean()).isTrue();
    }
}
