package io.devops.platform.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.devops.platform.support.ApiTest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** The built-in content of content/catalog.yml: the seed's value sets, operators, scripts and delivery template. */
class BuiltinCatalogTests extends ApiTest {

    private static final String DRIVER = "/data/fileserver/pkg/driver/NVIDIA-Linux-x86_64-550.54.14.run";
    private static final String CUDA = "/data/fileserver/pkg/cuda/cuda_12.3.1_545.23.08_linux.run";
    private static final String FABRIC = "/data/fileserver/pkg/fabric/nvidia-fabricmanager-550_550.54.14-1_amd64.deb";

    @Autowired
    BuiltinCatalogLoader loader;

    @Test
    void theSeedsOperatorsAreLoadedWithTheir550LineageAnd535() {
        List<JsonNode> v550 = versions("operators", builtin("operators", "ins_driver_cuda 550"));
        assertThat(v550).hasSize(2);
        assertThat(v550.get(0).get("optVersion").asInt()).isEqualTo(1);
        assertThat(v550.get(0).get("latest").asBoolean()).isFalse();
        assertThat(values(v550.get(0))).isEqualTo(Map.of("local_nvidia_driver_path", DRIVER,
                "local_cuda_driver_path", CUDA, "local_fabric_path", FABRIC));
        assertThat(v550.get(1).get("optVersion").asInt()).isEqualTo(2);
        assertThat(v550.get(1).get("latest").asBoolean()).isTrue();
        assertThat(v550.get(1).get("pkgVersion").asString()).isEqualTo("550");
        assertThat(values(v550.get(1))).isEqualTo(Map.of("local_cuda_driver_path", CUDA, "local_fabric_path", FABRIC));
        assertThat(v550.get(1).get("originalOptId").asLong()).isEqualTo(v550.get(0).get("id").asLong());

        List<JsonNode> v535 = versions("operators", builtin("operators", "ins_driver_cuda 535"));
        assertThat(v535).hasSize(1);
        assertThat(values(v535.get(0))).isEqualTo(Map.of(
                "local_nvidia_driver_path", "/data/fileserver/pkg/driver/NVIDIA-Linux-x86_64-535.54.14.run",
                "local_cuda_driver_path", "/data/fileserver/pkg/cuda/cuda_12.2.0_535.54.03_linux.run"));
        assertThat(builtin("operators", "collect_net_driver_info").get("roleName").asString())
                .isEqualTo("collect_net_driver_info");
    }

    @Test
    void theSeedsScriptsAreLoadedWithParametersReportsAndDispatch() {
        JsonNode nccl = builtin("shells", "nccl_single_test");
        assertThat(nccl.get("command").asString()).isEqualTo("./script/set_multi_env.sh && ./script/single_nccl_test.sh <customer>");
        assertThat(nccl.get("parameters").get(0).get("name").asString()).isEqualTo("customer");
        assertThat(nccl.get("parameters").get(0).get("pattern").asString()).isEqualTo("[a-z0-9_-]{1,32}");
        assertThat(nccl.get("reports").get(0).asString()).isEqualTo("/tmp/single-nccl-test-<customer>.md");
        assertThat(builtin("shells", "single_torch_test").get("reports").get(0).asString())
                .isEqualTo("/tmp/single-torch-test-<customer>.md");
        // Beside the torch Markdown report, the output the torch_all_reduce check judges.
        assertThat(builtin("shells", "single_torch_test").get("reports").get(1).asString())
                .isEqualTo("/tmp/acceptance/torch_all_reduce.txt");
        assertThat(builtin("shells", "nccl_multi_test").get("dispatch").asString()).isEqualTo("launcher");
        assertThat(builtin("shells", "nccl_multi_test").get("command").asString()).contains("bash ./script/multi_test.sh nccl all");
        assertThat(builtin("shells", "torch_multi_test").get("dispatch").asString()).isEqualTo("launcher");
        JsonNode ipA = builtin("shells", "ip_a");
        assertThat(ipA.get("command").asString()).isEqualTo("ip a");
        assertThat(ipA.get("dispatch").asString()).isEqualTo("agent");
    }

    @Test
    void theDeliveryTemplatePlansDriverAndNicInfoAsOnePlaybookThenNcclThenIpAThroughTheAgent() {
        JsonNode template = builtin("templates", "GPU node delivery");
        JsonNode tasks = admin().get("/api/v1/templates/" + template.get("id").asLong() + "/plan").json().get("tasks");
        assertThat(tasks.size()).isEqualTo(3);
        assertThat(tasks.get(0).get("type").asString()).isEqualTo("playbook");
        assertThat(PlaybookYamlTests.roleEntries(tasks.get(0).get("playbook").asString())).isEqualTo(List.of(
                Map.of("role", "ins_driver_cuda", "vars", Map.of("local_cuda_driver_path", CUDA, "local_fabric_path", FABRIC)),
                Map.of("role", "collect_net_driver_info")));
        assertThat(tasks.get(0).get("reports").toString()).isEqualTo("[\"/tmp/host_info.md\",\"/tmp/net_driver_info.md\"]");
        assertThat(tasks.get(1).get("command").asString())
                .isEqualTo("./script/set_multi_env.sh && ./script/single_nccl_test.sh qwkj");
        assertThat(tasks.get(1).get("reports").get(0).asString()).isEqualTo("/tmp/single-nccl-test-qwkj.md");
        assertThat(tasks.get(1).get("dispatch").asString()).isEqualTo("ansible");
        assertThat(tasks.get(2).get("command").asString()).isEqualTo("ip a");
        assertThat(tasks.get(2).get("dispatch").asString()).isEqualTo("agent");
    }

    @Test
    void theAcceptanceTemplateChecksTheDriverWithoutChangesThenCollectsNicInfoThenRunsNcclAndTorch() {
        JsonNode check = builtin("operators", "ins_driver_cuda 550 check");
        assertThat(values(check)).containsEntry("ins_driver_cuda_check_only", "true")
                .containsEntry("local_nvidia_driver_path", DRIVER).containsEntry("local_fabric_path", FABRIC);

        JsonNode template = builtin("templates", "GPU node acceptance");
        JsonNode tasks = admin().get("/api/v1/templates/" + template.get("id").asLong() + "/plan").json().get("tasks");

        assertThat(tasks.size()).isEqualTo(3);
        List<Map<String, Object>> roles = PlaybookYamlTests.roleEntries(tasks.get(0).get("playbook").asString());
        assertThat(roles).extracting(role -> role.get("role")).containsExactly("ins_driver_cuda", "collect_net_driver_info");
        assertThat(roles.get(0).get("vars")).isEqualTo(Map.of("local_nvidia_driver_path", DRIVER,
                "local_cuda_driver_path", CUDA, "local_fabric_path", FABRIC, "ins_driver_cuda_check_only", true));
        assertThat(tasks.get(0).get("reports").toString()).isEqualTo("[\"/tmp/host_info.md\",\"/tmp/net_driver_info.md\"]");
        assertThat(tasks.get(1).get("command").asString()).endsWith("./script/single_nccl_test.sh acceptance");
        assertThat(tasks.get(1).get("reports").get(0).asString()).isEqualTo("/tmp/single-nccl-test-acceptance.md");
        assertThat(tasks.get(2).get("command").asString()).endsWith("./script/single_torch_test.sh acceptance");
    }

    @Test
    void theMultiNodeNcclTemplateCollectsNicInfoThenStartsOneLauncherRun() {
        JsonNode template = builtin("templates", "Multi-node NCCL");
        JsonNode tasks = admin().get("/api/v1/templates/" + template.get("id").asLong() + "/plan").json().get("tasks");

        assertThat(tasks.size()).isEqualTo(2);
        assertThat(tasks.get(0).get("reports").toString()).isEqualTo("[\"/tmp/net_driver_info.md\"]");
        assertThat(tasks.get(1).get("dispatch").asString()).isEqualTo("launcher");
        assertThat(tasks.get(1).get("command").asString()).contains("multi_test.sh nccl all");
        assertThat(tasks.get(1).get("reports").get(0).asString()).isEqualTo("/tmp/multi-nccl-test.md");
        assertThat(tasks.get(1).get("reports").get(1).asString()).isEqualTo("/tmp/acceptance/nccl_all_reduce_multi.txt");
    }

    @Test
    void theBurnInTiersAreOperatorsOfTheAcceptanceRoleAtDcgmLevels123AndFullAddsStressAndTheMultiNodeStep() {
        assertThat(values(builtin("operators", "gpu_acceptance quick"))).containsEntry("gpu_acceptance_dcgm_level", "1")
                .containsEntry("gpu_acceptance_nccl_all_reduce", "false").containsEntry("gpu_acceptance_nvbandwidth", "false");
        assertThat(values(builtin("operators", "gpu_acceptance standard"))).containsEntry("gpu_acceptance_dcgm_level", "2")
                .containsEntry("gpu_acceptance_ib_write_bw", "true");
        assertThat(values(builtin("operators", "gpu_acceptance full"))).containsEntry("gpu_acceptance_dcgm_level", "3")
                .containsEntry("gpu_acceptance_gpu_stress", "true").containsEntry("gpu_acceptance_stress_seconds", "3600");

        JsonNode quick = plan(builtin("templates", "Burn-in quick"));
        JsonNode full = plan(builtin("templates", "Burn-in full"));

        assertThat(quick.size()).isEqualTo(1);
        assertThat(quick.get(0).get("reports").toString()).contains("acceptance/dcgm_diag.txt").contains("acceptance/gpu_stress.txt");
        assertThat(full.size()).isEqualTo(2);
        assertThat(full.get(1).get("dispatch").asString()).isEqualTo("launcher");
        assertThat(full.get(1).get("command").asString()).contains("multi_test.sh nccl all");
        assertThat(plan(builtin("templates", "Burn-in standard")).size()).isEqualTo(1);
    }

    private JsonNode plan(JsonNode template) {
        return admin().get("/api/v1/templates/" + template.get("id").asLong() + "/plan").json().get("tasks");
    }

    @Test
    void theBuiltinRolesDeclareTheirReportsAndUserSetItsVariables() {
        var fixture = new CatalogFixture(admin());
        JsonNode install = admin().get("/api/v1/roles/" + fixture.builtinRole("ins_driver_cuda")).json();
        assertThat(install.get("reports").toString()).isEqualTo("[\"/tmp/host_info.md\"]");
        JsonNode users = admin().get("/api/v1/roles/" + fixture.builtinRole("user_set")).json();
        assertThat(users.get("variables").toString()).contains("user_set_name").contains("user_set_sudo")
                .contains("user_set_distribute_keys");
    }

    @Test
    void loadingAgainChangesNothingAndKeepsTheUsersVersions() throws Exception {
        JsonNode shell = builtin("shells", "torch_multi_test");
        var edit = CatalogFixture.object().put("name", "torch_multi_test").put("description", "edited by a user")
                .put("command", "./script/set_multi_env.sh && bash ./script/multi_test.sh torch 2").put("dispatch", "launcher");
        edit.putArray("reports").add("/tmp/multi-torch-test.md");
        assertThat(admin().put("/api/v1/shells/" + shell.get("id").asLong(), edit.toString()).status()).isEqualTo(200);
        Map<String, Long> before = totals();

        loader.run(null);
        loader.run(null);

        assertThat(totals()).isEqualTo(before);
        JsonNode head = builtin("shells", "torch_multi_test");
        assertThat(head.get("version").asInt()).isEqualTo(2);
        assertThat(head.get("description").asString()).isEqualTo("edited by a user");
        assertThat(head.get("command").asString()).endsWith("multi_test.sh torch 2");
    }

    private Map<String, Long> totals() {
        return Map.of("operators", total("operators"), "shells", total("shells"), "templates", total("templates"));
    }

    private long total(String kind) {
        return admin().get("/api/v1/" + kind + "?allVersions=true&size=1").json().get("total").asLong();
    }

    /** The head of the built-in lineage named exactly {@code name} (the oldest: tests may create name-sakes). */
    private JsonNode builtin(String kind, String name) {
        JsonNode items = admin().get("/api/v1/" + kind + "?size=100&name=" + URLEncoder.encode(name, StandardCharsets.UTF_8))
                .json().get("items");
        return StreamSupport.stream(items.spliterator(), false).filter(item -> item.get("name").asString().equals(name))
                .min((a, b) -> Long.compare(lineage(kind, a), lineage(kind, b)))
                .orElseThrow(() -> new AssertionError("no built-in " + kind + " named " + name + " in " + items));
    }

    private static long lineage(String kind, JsonNode item) {
        return item.get(switch (kind) {
            case "operators" -> "originalOptId";
            case "shells" -> "originalShellId";
            default -> "originalTemplateId";
        }).asLong();
    }

    private List<JsonNode> versions(String kind, JsonNode head) {
        JsonNode all = admin().get("/api/v1/" + kind + "/" + head.get("id").asLong() + "/versions").json();
        JsonNode items = all.has("items") ? all.get("items") : all;
        return StreamSupport.stream(items.spliterator(), false).toList();
    }

    private static Map<String, String> values(JsonNode operator) {
        Map<String, String> values = new java.util.TreeMap<>();
        operator.get("values").properties().forEach(e -> values.put(e.getKey(), e.getValue().asString()));
        return values;
    }
}
