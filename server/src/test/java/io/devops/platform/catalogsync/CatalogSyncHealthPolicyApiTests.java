package io.devops.platform.catalogsync;

import static io.devops.platform.catalogsync.CatalogTrees.export;
import static io.devops.platform.catalogsync.CatalogTrees.files;
import static io.devops.platform.catalogsync.CatalogTrees.importTree;
import static io.devops.platform.catalogsync.CatalogTrees.pack;
import static org.assertj.core.api.Assertions.assertThat;

import io.devops.platform.support.Api;
import io.devops.platform.support.ApiTest;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Health policies travel with the catalog: one YAML each, imported as a plan like the other kinds. */
class CatalogSyncHealthPolicyApiTests extends ApiTest {

    private static final String POLICIES = "/api/v1/health-policies";

    private static String policy(String name, String actions) {
        return """
                {"name":"%s","rules":[{"match":{"component":"xid","code":"79"},"severity":"CRITICAL","actions":%s,
                 "escalateAfterRepairs":2},{"match":{"component":"gpu","code":"*"},"severity":"WARNING","actions":[]}],
                 "limits":{"maxNodesPerPool":2,"maxPercentPerPool":10,"maxPerHour":4},"dryRun":true,
                 "reacceptanceChecks":["gpu_inventory","dcgm_diag"]}""".formatted(name, actions);
    }

    private static JsonNode entry(Api.Response plan, String name) {
        for (JsonNode entry : plan.json().get("plan")) {
            if (entry.get("kind").asString().equals("healthPolicy") && entry.get("name").asString().equals(name)) {
                return entry;
            }
        }
        throw new AssertionError("the plan has no health policy " + name + ": " + plan);
    }

    @Test
    void aPolicyExportsAsOneDeterministicYamlAndAChangedOneImportsAsANewVersion() {
        String name = unique("cs_policy").toLowerCase();
        long id = admin().post(POLICIES, policy(name, "[\"DRAIN\",\"REBOOT\",\"RMA\"]")).id();
        byte[] first = export(admin(), "?include=health-policies");
        assertThat(export(admin(), "?include=health-policies")).isEqualTo(first);
        SortedMap<String, String> tree = files(first);
        String path = "health-policies/" + name + ".yaml";
        assertThat(tree.get(path)).startsWith("kind: healthPolicy\nname: " + name + "\nexportedFromVersion: 1\ndryRun: true\n")
                .contains("maxPerHour: 4", "- dcgm_diag", "code: '79'", "- REBOOT", "escalateAfterRepairs: 2");

        tree.put(path, tree.get(path).replace("  - REBOOT\n", "  - POWER_CYCLE\n"));
        Api.Response plan = importTree(admin(), pack(tree), true);
        assertThat(plan.status()).as(plan.toString()).isEqualTo(200);
        assertThat(entry(plan, name).get("action").asString()).isEqualTo("NEW_VERSION");
        assertThat(entry(plan, name).get("detail").asString()).contains("rules");

        Api.Response applied = importTree(admin(), pack(tree), false);
        assertThat(applied.status()).as(applied.toString()).isEqualTo(200);
        assertThat(entry(applied, name).get("appliedVersion").asInt()).isEqualTo(2);
        JsonNode newest = admin().get(POLICIES + "/" + id).json();
        assertThat(newest.get("version").asInt()).isEqualTo(2);
        assertThat(newest.get("rules").get(0).get("actions").toString()).isEqualTo("[\"DRAIN\",\"POWER_CYCLE\",\"RMA\"]");
        assertThat(newest.get("limits").get("maxPerHour").asInt()).isEqualTo(4);
        assertThat(newest.get("dryRun").asBoolean()).isTrue();

        Api.Response again = importTree(admin(), pack(files(export(admin(), "?include=health-policies"))), true);
        assertThat(entry(again, name).get("action").asString()).isEqualTo("UNCHANGED");
    }

    @Test
    void aNewPolicyInTheTreeIsCreatedAndOneChangedOnBothSidesIsAConflict() {
        String name = unique("cs_policy").toLowerCase();
        long id = admin().post(POLICIES, policy(name, "[\"DRAIN\",\"REBOOT\",\"RMA\"]")).id();
        SortedMap<String, String> tree = files(export(admin(), "?include=health-policies"));
        String path = "health-policies/" + name + ".yaml";
        admin().put(POLICIES + "/" + id, policy(name, "[\"DRAIN\",\"GPU_RESET\",\"RMA\"]"));
        tree.put(path, tree.get(path).replace("  - REBOOT\n", "  - POWER_CYCLE\n"));
        String created = unique("cs_policy").toLowerCase();
        tree.put("health-policies/" + created + ".yaml", tree.get(path).replace("name: " + name, "name: " + created)
                .replace("exportedFromVersion: 1\n", ""));

        Api.Response plan = importTree(admin(), pack(tree), true);
        assertThat(entry(plan, name).get("action").asString()).isEqualTo("CONFLICT");
        assertThat(entry(plan, name).get("problem").asString()).isEqualTo("CHANGED_IN_PLATFORM");
        assertThat(entry(plan, created).get("action").asString()).isEqualTo("CREATE");

        SortedMap<String, String> withoutConflict = new TreeMap<>(tree);
        withoutConflict.remove(path);
        Api.Response applied = importTree(admin(), pack(withoutConflict), false);
        assertThat(applied.status()).as(applied.toString()).isEqualTo(200);
        assertThat(admin().get(POLICIES).body()).contains("\"name\":\"" + created + "\"");
    }

    @Test
    void aPolicyFileWithAnUnknownActionOrABadRuleIsRefusedNamingTheFileAndNothingIsImported() {
        String name = unique("cs_policy").toLowerCase();
        admin().post(POLICIES, policy(name, "[\"DRAIN\",\"REBOOT\",\"RMA\"]"));
        SortedMap<String, String> tree = files(export(admin(), "?include=health-policies"));
        String path = "health-policies/" + name + ".yaml";
        String good = tree.get(path);

        tree.put(path, good.replace("  - REBOOT\n", "  - REBOOOT\n"));
        Api.Response unknown = importTree(admin(), pack(tree), false);
        assertThat(unknown.status()).as(unknown.toString()).isEqualTo(400);
        assertThat(unknown.json().get("detail").asString()).contains(path, "'REBOOOT' is not an action");

        tree.put(path, good.replace("  - REBOOT\n  - RMA\n", "  - RMA\n  - REBOOT\n"));
        Api.Response badChain = importTree(admin(), pack(tree), false);
        assertThat(badChain.status()).as(badChain.toString()).isEqualTo(400);
        assertThat(badChain.json().get("detail").asString()).contains(path, "RMA ends the chain", "nothing was imported");
        assertThat(admin().get(POLICIES).json().valueStream().filter(p -> p.get("name").asString().equals(name))
                .findFirst().orElseThrow().get("version").asInt()).isEqualTo(1);
    }
}
