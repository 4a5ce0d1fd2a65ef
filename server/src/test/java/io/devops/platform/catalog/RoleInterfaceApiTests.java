package io.devops.platform.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.devops.platform.support.Api;
import io.devops.platform.support.ApiTest;
import io.devops.platform.support.Multipart;
import io.devops.platform.support.TarGz;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * An upload proposes the variables the role's files declare; {@code declare=true} declares them; a
 * dry run shows what a new version adds, removes or changes and which operators it breaks, saving nothing.
 */
class RoleInterfaceApiTests extends ApiTest {

    private static final String TASKS = "- ansible.builtin.debug: {msg: hi}\n";
    /** Version 1 of the role's interface; version 2 turns the port into a choice, drops web_mode, adds web_root. */
    private static final String V1_SPEC = """
            argument_specs:
              main:
                options:
                  web_vhosts: {type: list, elements: dict, description: The sites to serve.,
                               options: {name: {type: str, required: true}, port: {type: int}}}
                  web_mode: {type: str, choices: [fast, safe], default: safe}
                  web_password: {type: str, no_log: true}
            """;
    private static final String V2_SPEC = """
            argument_specs:
              main:
                options:
                  web_vhosts:
                    type: list
                    elements: dict
                    options:
                      name: {type: str, required: true}
                      port: {type: str, choices: ["80", "443"]}
                  web_password: {type: str, no_log: true}
                  web_root: {type: path, required: true}
            """;

    @Test
    void anUploadProposesTheArgumentSpecWithoutDeclaringIt() {
        long role = newRole();

        Api.Response uploaded = upload(role, V1_SPEC, "");

        assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(201);
        JsonNode proposed = uploaded.json().get("proposedVariables");
        assertThat(names(proposed)).containsExactly("web_vhosts", "web_mode", "web_password");
        assertThat(proposed.get(0).get("type").asString()).isEqualTo("list");
        assertThat(proposed.get(0).get("schema").get("items").get("required").get(0).asString()).isEqualTo("name");
        assertThat(proposed.get(1).get("default").asString()).isEqualTo("safe");
        assertThat(proposed.get(2).get("type").asString()).isEqualTo("secret");
        assertThat(uploaded.json().get("variables").size()).isZero();
    }

    @Test
    void declareTrueDeclaresTheProposal() {
        long role = newRole();

        Api.Response uploaded = upload(role, V1_SPEC, "?declare=true");

        assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(201);
        JsonNode variables = admin().get("/api/v1/roles/" + role + "/variables").json();
        assertThat(names(variables)).containsExactly("web_vhosts", "web_mode", "web_password");
        assertThat(variables.get(1).get("choices").size()).isEqualTo(2);
        assertThat(variables.get(0).get("description").asString()).isEqualTo("The sites to serve.");
    }

    @Test
    void aDryRunOfANewVersionListsTheChangesAndTheOperatorsTheyBreakAndSavesNothing() {
        long role = newRole();
        upload(role, V1_SPEC, "?declare=true");
        long broken = admin().post("/api/v1/operators", """
                {"roleId":%d,"pkgVersion":"1","values":{"web_vhosts":[{"name":"a","port":8080}],"web_mode":"fast"}}"""
                .formatted(role)).id();
        JsonNode before = admin().get("/api/v1/roles/" + role).json();

        Api.Response preview = upload(role, V2_SPEC, "?dryRun=true");

        assertThat(preview.status()).as(preview.toString()).isEqualTo(200);
        JsonNode changes = preview.json().get("variables");
        assertThat(texts(changes.get("added"))).containsExactly("web_root");
        assertThat(texts(changes.get("removed"))).containsExactly("web_mode");
        assertThat(changes.get("changed").get(0).get("name").asString()).isEqualTo("web_vhosts");
        JsonNode operator = changes.get("brokenOperators").get(0);
        assertThat(operator.get("id").asLong()).isEqualTo(broken);
        assertThat(texts(operator.get("reasons"))).anyMatch(r -> r.startsWith("web_vhosts[0].port: must be"))
                .anyMatch(r -> r.startsWith("web_mode: holds a value"))
                .anyMatch(r -> r.startsWith("web_root: is now required"));
        assertThat(preview.json().get("from").asInt()).isEqualTo(1);
        assertThat(preview.json().get("to").asInt()).isEqualTo(2);
        JsonNode after = admin().get("/api/v1/roles/" + role).json();
        assertThat(after.get("version").asInt()).isEqualTo(1);
        assertThat(after.get("revision").asInt()).isEqualTo(before.get("revision").asInt());
        assertThat(names(after.get("variables"))).containsExactly("web_vhosts", "web_mode", "web_password");
    }

    @Test
    void aMalformedArgumentSpecIs400NamingTheFileAndKeyAndStoresNoVersion() {
        assertRefused("argument_specs:\n  main:\n    options:\n      web_port:\n        type: int\n        required: maybe\n",
                "meta/argument_specs.yml", "argument_specs.main.options.web_port.required");
    }

    @Test
    void aDefaultThatDoesNotFitItsTypeIs400NamingTheKey() {
        assertRefused("argument_specs:\n  main:\n    options:\n      web_port: {type: int, default: eighty}\n",
                "argument_specs.main.options.web_port", "must be an integer");
    }

    @Test
    void aDefaultTooLongForTheCatalogRefusesOnlyTheDeclarationNotTheRoleItself() {
        long role = newRole();
        TarGz archive = TarGz.archive().file("tasks/main.yml", TASKS)
                .file("defaults/main.yml", "web_banner: \"" + "x".repeat(5000) + "\"\nweb_workers: 4\n");

        Api.Response uploaded = send(role, archive, "");
        Api.Response declared = send(newRole(), archive, "?declare=true");

        assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(201);
        assertThat(admin().get("/api/v1/roles/" + role).json().get("version").asInt()).isEqualTo(1);
        assertThat(declared.status()).as(declared.toString()).isEqualTo(400);
        assertThat(declared.json().get("detail").asString()).contains("web_banner");
    }

    private void assertRefused(String spec, String... detail) {
        long role = newRole();

        Api.Response uploaded = upload(role, spec, "?declare=true");

        assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(400);
        assertThat(uploaded.isProblem()).isTrue();
        assertThat(uploaded.json().get("detail").asString()).contains(detail);
        JsonNode after = admin().get("/api/v1/roles/" + role).json();
        assertThat(after.get("version").isNull()).isTrue();
        assertThat(after.get("variables").size()).isZero();
    }

    @Test
    void withoutAnArgumentSpecTheDefaultsAreProposed() {
        long role = newRole();
        TarGz archive = TarGz.archive().file("tasks/main.yml", TASKS)
                .file("defaults/main.yml", "web_workers: 4\nweb_hosts:\n  - \"{{ inventory_hostname }}\"\n");

        JsonNode proposed = send(role, archive, "?declare=true").json().get("proposedVariables");

        assertThat(names(proposed)).containsExactly("web_workers", "web_hosts");
        assertThat(proposed.get(1).get("default").get(0).asString()).isEqualTo("{{ inventory_hostname }}");
        JsonNode variables = admin().get("/api/v1/roles/" + role + "/variables").json();
        assertThat(variables.get(0).get("type").asString()).isEqualTo("integer");
        assertThat(variables.get(1).get("type").asString()).isEqualTo("list");
    }

    private long newRole() {
        Api.Response created = admin().post("/api/v1/roles", "{\"name\":\"" + unique("declared") + "\"}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.id();
    }

    private Api.Response upload(long role, String spec, String query) {
        return send(role, TarGz.archive().file("tasks/main.yml", TASKS).file("meta/argument_specs.yml", spec), query);
    }

    private Api.Response send(long role, TarGz archive, String query) {
        Multipart body = Multipart.file("file", "role.tar.gz", archive.bytes());
        return admin().post("/api/v1/roles/" + role + "/archive" + query, body.body(), body.contentType());
    }

    private static List<String> names(JsonNode items) {
        List<String> names = new ArrayList<>();
        items.forEach(item -> names.add(item.get("name").asString()));
        return names;
    }

    private static List<String> texts(JsonNode items) {
        List<String> texts = new ArrayList<>();
        items.forEach(item -> texts.add(item.asString()));
        return texts;
    }
}
