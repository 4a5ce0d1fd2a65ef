package io.devops.platform.catalogsync;

import static io.devops.platform.catalogsync.CatalogTrees.export;
import static io.devops.platform.catalogsync.CatalogTrees.files;
import static io.devops.platform.catalogsync.CatalogTrees.importTree;
import static io.devops.platform.catalogsync.CatalogTrees.pack;
import static org.assertj.core.api.Assertions.assertThat;

import io.devops.platform.support.Api;
import io.devops.platform.support.ApiTest;
import io.devops.platform.support.TarGz;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class CatalogSyncApiTests extends ApiTest {

    private static final List<String> BUILTIN_ROLES = List.of("collect_net_driver_info", "gpu_acceptance",
            "ins_driver_cuda", "user_set");

    private static String script(String name, String command) {
        return """
                {"name":"%s","command":"%s","dispatch":"ansible","reports":[],
                 "parameters":[{"name":"customer","type":"string","pattern":"[a-z]+"}]}""".formatted(name, command);
    }

    private static JsonNode entry(Api.Response plan, String kind, String name) {
        for (JsonNode entry : plan.json().get("plan")) {
            if (entry.get("kind").asString().equals(kind) && entry.get("name").asString().equals(name)) {
                return entry;
            }
        }
        throw new AssertionError("the plan has no " + kind + " " + name + ": " + plan);
    }

    private static List<String> actionsOtherThan(Api.Response plan, String kind, String name) {
        List<String> others = new ArrayList<>();
        for (JsonNode entry : plan.json().get("plan")) {
            if (!(entry.get("kind").asString().equals(kind) && entry.get("name").asString().equals(name))) {
                others.add(entry.get("action").asString());
            }
        }
        return others;
    }

    private JsonNode shellVersions(String name) {
        return admin().get("/api/v1/shells?allVersions=true&sort=version,asc&name=" + name).json().get("items");
    }

    @Test
    void twoExportsOfAnUnchangedCatalogAreByteIdentical() {
        byte[] first = export(admin(), "");
        byte[] second = export(admin(), "");
        assertThat(second).isEqualTo(first);
        assertThat(files(first)).containsKey("catalog.yaml").containsKey("roles/user_set/role.yaml");
    }

    @Test
    void theExportedCatalogImportsAsAllUnchangedBuiltInRolesIncluded() {
        // Jobs are left out: other tests' jobs may target nodes deleted since (jobs: see the test that creates one).
        Api.Response plan = importTree(admin(), export(admin(), "?include=roles,operators,scripts,templates,health-policies"), true);
        assertThat(plan.status()).as(plan.toString()).isEqualTo(200);
        for (String role : BUILTIN_ROLES) {
            assertThat(entry(plan, "role", role).get("action").asString()).isEqualTo("UNCHANGED");
        }
        assertThat(plan.json().get("plan").valueStream().map(e -> e.get("kind") + " " + e.get("name") + " "
                + e.get("action") + " " + e.get("detail")).filter(e -> !e.contains("\"UNCHANGED\""))).isEmpty();
        assertThat(plan.json().get("counts").get("UNCHANGED").asLong()).isEqualTo(plan.json().get("plan").size());
    }

    @Test
    void anOperatorsListAndMapValuesAndTheirSchemaRoundTripAndItsSecretNeverLeavesThePlatform() {
        String roleName = unique("structured");
        long role = admin().post("/api/v1/roles", "{\"name\":\"" + roleName + "\"}").json().get("id").asLong();
        String schema = "{\"type\":\"array\",\"items\":{\"type\":\"object\",\"required\":[\"name\"]}}";
        for (String variable : List.of("vhosts:list", "sysctl:map", "token:secret")) {
            String[] nameAndType = variable.split(":");
            String withSchema = nameAndType[1].equals("list") ? ",\"schema\":" + schema : "";
            assertThat(admin().post("/api/v1/roles/" + role + "/variables", "{\"name\":\"" + nameAndType[0]
                    + "\",\"type\":\"" + nameAndType[1] + "\",\"required\":false" + withSchema + "}").status()).isEqualTo(201);
        }
        String secret = unique("secret-text");
        Api.Response operator = admin().post("/api/v1/operators", """
                {"roleId":%d,"pkgVersion":"1","values":{"vhosts":[{"name":"a","port":8080}],
                 "sysctl":{"net":{"somaxconn":4096}},"token":"%s"}}""".formatted(role, secret));
        assertThat(operator.status()).as(operator.toString()).isEqualTo(201);

        byte[] tree = export(admin(), "?include=roles,operators");
        String operatorYaml = files(tree).entrySet().stream().filter(file -> file.getKey().startsWith("operators/" + roleName))
                .map(java.util.Map.Entry::getValue).findFirst().orElseThrow();
        assertThat(operatorYaml).contains("8080").contains("somaxconn").doesNotContain(secret);
        assertThat(new String(tree, StandardCharsets.ISO_8859_1)).doesNotContain(secret);
        assertThat(files(tree).get("roles/" + roleName + "/role.yaml")).as("the list's schema travels with its role")
                .contains("\"required\":[\"name\"]");

        Api.Response applied = importTree(admin(), tree, false);
        assertThat(applied.status()).as(applied.toString()).isEqualTo(200);
        assertThat(applied.json().get("plan").valueStream().filter(e -> e.get("kind").asString().equals("operator")
                && e.get("name").asString().startsWith(roleName + "/")).map(e -> e.get("action").asString()))
                .as(applied.toString()).containsExactly("UNCHANGED");
        JsonNode after = admin().get("/api/v1/operators/" + operator.json().get("id").asLong()).json();
        assertThat(after.get("values").get("vhosts").get(0).get("port").asInt()).isEqualTo(8080);
        assertThat(after.get("secretsSet").toString()).isEqualTo("[\"token\"]");
    }

    @Test
    void aChangedScriptInTheTreeBecomesANewVersionAndTheOldOneStays() {
        String name = unique("cs_script");
        long v1 = admin().post("/api/v1/shells", script(name, "echo one <customer>")).id();
        SortedMap<String, String> tree = files(export(admin(), "?include=scripts"));
        String path = "scripts/" + name + ".yaml";
        tree.put(path, tree.get(path).replace("echo one", "echo two"));

        Api.Response plan = importTree(admin(), pack(tree), true);
        assertThat(plan.status()).as(plan.toString()).isEqualTo(200);
        assertThat(entry(plan, "script", name).get("action").asString()).isEqualTo("NEW_VERSION");
        assertThat(actionsOtherThan(plan, "script", name)).containsOnly("UNCHANGED");
        assertThat(shellVersions(name)).as("a dry run changes nothing").hasSize(1);

        Api.Response applied = importTree(admin(), pack(tree), false);
        assertThat(applied.status()).as(applied.toString()).isEqualTo(200);
        assertThat(applied.json().get("applied").asBoolean()).isTrue();
        JsonNode versions = shellVersions(name);
        assertThat(versions).hasSize(2);
        assertThat(versions.get(1).get("version").asInt()).isEqualTo(2);
        assertThat(versions.get(1).get("command").asString()).isEqualTo("echo two <customer>");
        assertThat(admin().get("/api/v1/shells/" + v1).json().get("command").asString()).isEqualTo("echo one <customer>");
        assertThat(entry(applied, "script", name).get("appliedVersion").asInt()).isEqualTo(2);
        JsonNode audited = admin().get("/api/v1/audit-events?action=catalog.imported&sort=id,desc&size=5").json().get("items");
        assertThat(audited.valueStream().anyMatch(event -> event.toString().contains(name))).as(audited.toString()).isTrue();

        Api.Response again = importTree(admin(), pack(tree), false);
        assertThat(again.status()).as(again.toString()).isEqualTo(200);
        assertThat(again.json().get("applied").asBoolean()).isFalse();
        assertThat(again.json().get("counts").get("UNCHANGED").asLong()).isEqualTo(again.json().get("plan").size());
        assertThat(shellVersions(name)).hasSize(2);
    }

    @Test
    void aTreeChangedWhereThePlatformChangedSinceTheExportIsAConflictAndAppliesNothing() {
        String name = unique("cs_script");
        long v1 = admin().post("/api/v1/shells", script(name, "echo one <customer>")).id();
        SortedMap<String, String> tree = files(export(admin(), "?include=scripts"));
        assertThat(admin().put("/api/v1/shells/" + v1, script(name, "echo platform <customer>")).status()).isEqualTo(200);
        String path = "scripts/" + name + ".yaml";
        tree.put(path, tree.get(path).replace("echo one", "echo tree"));

        Api.Response plan = importTree(admin(), pack(tree), true);
        JsonNode conflict = entry(plan, "script", name);
        assertThat(conflict.get("action").asString()).isEqualTo("CONFLICT");
        assertThat(conflict.get("problem").asString()).isEqualTo("CHANGED_IN_PLATFORM");
        assertThat(conflict.get("detail").asString()).contains("version 1 then, 2 now").contains("command");

        Api.Response refused = importTree(admin(), pack(tree), false);
        assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
        assertThat(entry(refused, "script", name).get("action").asString()).isEqualTo("CONFLICT");
        assertThat(refused.json().get("applied").asBoolean()).isFalse();
        JsonNode versions = shellVersions(name);
        assertThat(versions).hasSize(2);
        assertThat(versions.get(1).get("command").asString()).isEqualTo("echo platform <customer>");
    }

    @Test
    void aJobWhoseTemplateUsesAScriptNeitherTheTreeNorThePlatformHasIsNamedInThePlanAndNothingIsApplied() {
        String job = unique("cs_job");
        String template = unique("cs_template");
        String missing = unique("cs_missing");
        String script = unique("cs_script");
        var tree = new TreeMap<String, String>();
        tree.put("scripts/" + script + ".yaml", scriptYaml(script, "[a-z]+"));
        tree.put("templates/" + template + ".yaml", """
                kind: template
                name: %s
                steps:
                  - script: %s
                    params: {customer: acme}
                  - script: %s
                    params: {customer: acme}
                """.formatted(template, script, missing));
        tree.put("jobs/" + job + ".yaml", jobYaml(job, template, "spare_nodepool") + "      - pool: cs_no_such_pool\n");

        Api.Response plan = importTree(admin(), pack(tree), true);
        JsonNode broken = entry(plan, "template", template);
        assertThat(broken.get("action").asString()).isEqualTo("CONFLICT");
        assertThat(broken.get("problem").asString()).isEqualTo("MISSING_REFERENCE");
        assertThat(broken.get("detail").asString()).contains("script " + missing).contains("neither in the tree nor in the platform");
        assertThat(entry(plan, "script", script).get("action").asString()).isEqualTo("CREATE");
        JsonNode brokenJob = entry(plan, "job", job);
        assertThat(brokenJob.get("action").asString()).isEqualTo("CONFLICT");
        assertThat(brokenJob.get("detail").asString()).contains("template " + template).contains("pool cs_no_such_pool");

        assertThat(importTree(admin(), pack(tree), false).status()).isEqualTo(409);
        assertThat(admin().get("/api/v1/jobs?name=" + job).json().get("total").asLong()).isZero();
        assertThat(shellVersions(script)).isEmpty();
        assertThat(admin().get("/api/v1/templates?name=" + template).json().get("total").asLong()).isZero();
    }

    @Test
    void aScriptATemplateAndAJobUsingThemAreCreatedTogetherAndImportAgainAsUnchanged() {
        String job = unique("cs_job");
        String template = unique("cs_template");
        String script = unique("cs_script");
        var tree = new TreeMap<String, String>();
        tree.put("scripts/" + script + ".yaml", scriptYaml(script, "[a-z]+"));
        tree.put("templates/" + template + ".yaml", templateYaml(template, script, "acme"));
        tree.put("jobs/" + job + ".yaml", jobYaml(job, template, "spare_nodepool"));

        Api.Response applied = importTree(admin(), pack(tree), false);
        assertThat(applied.status()).as(applied.toString()).isEqualTo(200);
        assertThat(entry(applied, "template", template).get("action").asString()).isEqualTo("CREATE");
        JsonNode created = admin().get("/api/v1/templates?name=" + template).json().get("items").get(0);
        assertThat(created.get("steps").get(0).get("name").asString()).isEqualTo(script);
        assertThat(created.get("steps").get(0).get("refVersion").asInt()).isEqualTo(1);
        JsonNode createdJob = admin().get("/api/v1/jobs?name=" + job).json().get("items").get(0);
        assertThat(createdJob.get("items").get(0).get("templateName").asString()).isEqualTo(template);
        assertThat(createdJob.get("items").get(0).get("templateVersion").asInt()).isEqualTo(1);

        Api.Response again = importTree(admin(), pack(tree), true);
        assertThat(again.json().get("counts").get("UNCHANGED").asLong()).as(again.toString()).isEqualTo(3);
        SortedMap<String, String> exported = files(export(admin(), "?include=jobs"));
        assertThat(exported.get("jobs/" + job + ".yaml")).contains("template: " + template).contains("pool: spare_nodepool");
    }

    @Test
    void aFailureMidwayRollsBackWhatTheImportHadAlreadyStored() {
        String template = unique("cs_template");
        String script = unique("cs_script");
        var tree = new TreeMap<String, String>();
        tree.put("scripts/" + script + ".yaml", scriptYaml(script, "[a-z]+"));
        // The plan cannot see it; saving the template refuses the value, after the script was stored.
        tree.put("templates/" + template + ".yaml", templateYaml(template, script, "NOT-LOWER"));

        Api.Response refused = importTree(admin(), pack(tree), false);
        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(refused.json().get("detail").asString()).contains("templates/" + template + ".yaml")
                .contains("nothing was imported");
        assertThat(shellVersions(script)).as("the script stored before the failure is rolled back").isEmpty();
        assertThat(admin().get("/api/v1/templates?name=" + template).json().get("total").asLong()).isZero();
    }

    @Test
    void hostileOrBrokenArchivesAre400NamingTheFileAndChangeNothing() {
        String script = unique("cs_script");
        String valid = scriptYaml(script, "[a-z]+");
        assertRefused(TarGz.archive().file("scripts/" + script + ".yaml", valid).file("../evil.yaml", "x").bytes(),
                "../evil.yaml");
        assertRefused(TarGz.archive().file("scripts/" + script + ".yaml", valid).file("/etc/evil.yaml", "x").bytes(),
                "/etc/evil.yaml");
        assertRefused(TarGz.archive().file("scripts/" + script + ".yaml", valid).symlink("scripts/link.yaml", "/etc/passwd")
                .bytes(), "scripts/link.yaml");
        assertRefused("not a gzip file".getBytes(StandardCharsets.UTF_8), "not a gzip file");
        assertRefused(TarGz.archive().file("scripts/" + script + ".yaml", valid).file("scripts/bad.yaml", "kind: [script")
                .bytes(), "scripts/bad.yaml");
        assertRefused(TarGz.archive().file("scripts/" + script + ".yaml", valid).file("widgets/x.yaml", "kind: widget")
                .bytes(), "widgets/x.yaml");
        assertThat(shellVersions(script)).isEmpty();
    }

    @Test
    void onlyAnAdminMayImport() {
        String name = unique("coder").toLowerCase();
        String password = "pw-" + unique("secret") + "-Long";
        assertThat(admin().post("/api/v1/users", """
                {"username":"%s","displayName":"Test","password":"%s","role":"OPERATOR"}""".formatted(name, password))
                .status()).isEqualTo(201);
        Api operator = anonymous().basic(name, password);
        byte[] tree = export(operator, "?include=scripts");
        assertThat(importTree(operator, tree, true).status()).isEqualTo(403);
    }

    private void assertRefused(byte[] archive, String named) {
        Api.Response response = importTree(admin(), archive, false);
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("detail").asString()).contains(named);
    }

    private static String scriptYaml(String name, String pattern) {
        return """
                kind: script
                name: %s
                dispatch: ansible
                parameters:
                  - {name: customer, type: string, pattern: '%s'}
                command: echo hello <customer>
                """.formatted(name, pattern);
    }

    private static String jobYaml(String name, String template, String pool) {
        return """
                kind: job
                name: %s
                failurePolicy: STOP
                items:
                  - template: %s
                    targets:
                      - pool: %s
                """.formatted(name, template, pool);
    }

    private static String templateYaml(String name, String script, String customer) {
        return """
                kind: template
                name: %s
                steps:
                  - script: %s
                    params: {customer: %s}
                """.formatted(name, script, customer);
    }
}
