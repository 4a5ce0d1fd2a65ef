package io.devops.platform.catalog;

import static io.devops.platform.catalog.CatalogFixture.operatorStep;
import static io.devops.platform.catalog.CatalogFixture.parameter;
import static io.devops.platform.catalog.CatalogFixture.scriptStep;
import static org.assertj.core.api.Assertions.assertThat;

import io.devops.platform.support.ApiTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

class TemplatesApiTests extends ApiTest {

    @Autowired
    TemplatePlans plans;

    private CatalogFixture catalog;

    @BeforeEach
    void setUp() {
        catalog = new CatalogFixture(admin());
    }

    /** The seed's example: ins_driver_cuda 550 version 2 and collect_net_driver_info, then two scripts. */
    private JsonNode seedTemplate() {
        long driverRole = catalog.builtinRole("ins_driver_cuda");
        JsonNode v1 = catalog.operator(driverRole, "550", v -> v
                .put("local_nvidia_driver_path", "/data/fileserver/pkg/driver/NVIDIA-Linux-x86_64-550.54.14.run")
                .put("local_cuda_driver_path", "/data/fileserver/pkg/cuda/cuda_12.3.1_545.23.08_linux.run")
                .put("local_fabric_path", "/data/fileserver/pkg/fabric/nvidia-fabricmanager-550_550.54.14-1_amd64.deb"));
        JsonNode v2 = catalog.created(admin().put("/api/v1/operators/" + v1.get("id").asLong(),
                catalog.operatorBody(driverRole, "550", v -> v
                        .put("local_cuda_driver_path", "/data/fileserver/pkg/cuda/cuda_12.3.1_545.23.08_linux.run")
                        .put("local_fabric_path", "/data/fileserver/pkg/fabric/nvidia-fabricmanager-550_550.54.14-1_amd64.deb"))
                        .toString()));
        JsonNode collect = catalog.operator(catalog.builtinRole("collect_net_driver_info"), null, v -> { });
        JsonNode nccl = catalog.shell(unique("nccl_single_test"),
                "./script/set_multi_env.sh && ./script/single_nccl_test.sh <node_pool>",
                p -> parameter(p, "node_pool", "[a-z0-9_-]+"), "ansible");
        JsonNode ipA = catalog.shell(unique("ip_a"), "ip a", p -> { }, "agent");
        return catalog.template(unique("GPU node delivery"), steps -> {
            operatorStep(steps, v2.get("id").asLong());
            operatorStep(steps, collect.get("id").asLong());
            scriptStep(steps, nccl.get("id").asLong(), null, p -> p.put("node_pool", "qwkj"));
            scriptStep(steps, ipA.get("id").asLong(), null, p -> { });
        });
    }

    /** One member of every task (findValuesAsString would also collect the steps' members). */
    private static List<String> field(JsonNode tasks, String name) {
        return tasks.valueStream().map(task -> task.get(name).asString()).toList();
    }

    private JsonNode plan(JsonNode template) {
        return catalog.created(admin().get("/api/v1/templates/" + template.get("id").asLong() + "/plan"));
    }

    @Test
    void seedExampleCompilesIntoOnePlaybookAndOneTaskPerScript() throws Exception {
        JsonNode seed = seedTemplate();
        JsonNode tasks = plan(seed).get("tasks");
        assertThat(tasks.size()).isEqualTo(3);
        assertThat(field(tasks, "type")).containsExactly("playbook", "shell", "shell");
        assertThat(field(tasks, "dispatch")).containsExactly("ansible", "ansible", "agent");
        assertThat(tasks.get(0).get("steps").size()).isEqualTo(2);
        assertThat(tasks.get(0).get("command").isNull()).isTrue();
        assertThat(tasks.get(1).get("playbook").isNull()).isTrue();
        assertThat(tasks.get(1).get("command").asString())
                .isEqualTo("./script/set_multi_env.sh && ./script/single_nccl_test.sh qwkj");
        assertThat(tasks.get(2).get("command").asString()).isEqualTo("ip a");

        String playbook = tasks.get(0).get("playbook").asString();
        List<Map<String, Object>> plays = PlaybookYamlTests.parse(playbook);
        assertThat(plays).hasSize(1);
        assertThat(plays.get(0)).containsEntry("hosts", "all").containsEntry("gather_facts", true);
        assertThat(PlaybookYamlTests.roleEntries(playbook)).isEqualTo(List.of(
                Map.of("role", "ins_driver_cuda", "vars", Map.of(
                        "local_cuda_driver_path", "/data/fileserver/pkg/cuda/cuda_12.3.1_545.23.08_linux.run",
                        "local_fabric_path", "/data/fileserver/pkg/fabric/nvidia-fabricmanager-550_550.54.14-1_amd64.deb")),
                Map.of("role", "collect_net_driver_info")));
        TemplatePlan plan = plans.plan(seed.get("id").asLong()).orElseThrow();
        assertThat(AnsiblePlaybookCheck.syntaxCheck(playbook, plans.rolesPaths(plan.tasks().get(0).steps())))
                .startsWith("0\n");
    }

    @Test
    void planIsAvailableToOtherModulesThroughTemplatePlans() {
        JsonNode template = seedTemplate();
        TemplatePlan plan = plans.plan(template.get("id").asLong()).orElseThrow();
        assertThat(plan.tasks()).extracting(PlannedTask::type).containsExactly(TaskType.PLAYBOOK, TaskType.SHELL, TaskType.SHELL);
        assertThat(plan.tasks().get(0).roles()).containsExactly("ins_driver_cuda", "collect_net_driver_info");
        assertThat(plans.latestPlan(template.get("id").asLong())).contains(plan);
    }

    @Test
    void scriptBetweenOperatorsSplitsThemIntoTwoPlaybooks() {
        long role = catalog.role(unique("r"), "some_path");
        long op = catalog.operator(role, "1", v -> v.put("some_path", "/x")).get("id").asLong();
        long shell = catalog.shell(unique("s"), "true", p -> { }, "launcher").get("id").asLong();
        JsonNode tasks = plan(catalog.template(unique("t"), steps -> {
            operatorStep(steps, op);
            scriptStep(steps, shell, null, p -> { });
            operatorStep(steps, op);
            operatorStep(steps, op);
        })).get("tasks");
        assertThat(field(tasks, "type")).containsExactly("playbook", "shell", "playbook");
        assertThat(tasks.get(1).get("dispatch").asString()).isEqualTo("launcher");
        assertThat(tasks.get(2).get("steps").size()).isEqualTo(2);
    }

    @Test
    void parameterThatBreaksItsPatternIs400AndNothingIsStored() {
        long shell = catalog.shell(unique("s"), "echo <customer>", p -> parameter(p, "customer", "[a-z]+"), "ansible")
                .get("id").asLong();
        String name = unique("t");
        var response = admin().post("/api/v1/templates", CatalogFixture.templateBody(name,
                steps -> scriptStep(steps, shell, null, p -> p.put("customer", "qwkj; rm -rf /"))).toString());
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("steps[0].params.customer");
        assertThat(admin().get("/api/v1/templates?name=" + name).json().get("total").asLong()).isZero();
    }

    @Test
    void aValueThePatternAllowsIsStillPassedAsOneQuotedArgument() {
        long shell = catalog.shell(unique("s"), "./run.sh <customer>", p -> parameter(p, "customer", ".+"), "agent")
                .get("id").asLong();
        JsonNode tasks = plan(catalog.template(unique("t"),
                steps -> scriptStep(steps, shell, null, p -> p.put("customer", "qwkj; rm -rf /")))).get("tasks");
        assertThat(tasks.get(0).get("command").asString()).isEqualTo("./run.sh 'qwkj; rm -rf /'");
    }

    @Test
    void editingAnOperatorNeverChangesATemplateVersionThatUsesIt() {
        long role = catalog.role(unique("r"), "some_path");
        JsonNode op = catalog.operator(role, "1", v -> v.put("some_path", "/before"));
        JsonNode template = catalog.template(unique("t"), steps -> operatorStep(steps, op.get("id").asLong()));
        String before = plan(template).toString();
        catalog.created(admin().put("/api/v1/operators/" + op.get("id").asLong(),
                catalog.operatorBody(role, "1", v -> v.put("some_path", "/after")).toString()));
        assertThat(plan(template).toString()).isEqualTo(before).contains("/before");
    }

    @Test
    void aTemplateTakesAChineseNameAndADuplicateIsAConflictNamingTheRule() {
        long shell = catalog.shell(unique("s"), "true", p -> { }, "ansible").get("id").asLong();
        String name = "GPU 节点交付 · " + unique("模板");
        JsonNode template = catalog.template(name, steps -> scriptStep(steps, shell, null, p -> { }));
        assertThat(template.get("name").asString()).isEqualTo(name);

        var duplicate = admin().post("/api/v1/templates",
                CatalogFixture.templateBody(name, steps -> scriptStep(steps, shell, null, p -> { })).toString());
        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(duplicate.json().get("errors").get(0).get("rule").asString()).isEqualTo("name.duplicate");
        assertThat(duplicate.json().get("detail").asString()).contains("edit it to make a new version");
    }

    @Test
    void putMakesANewTemplateVersionAndTheOldPlanStays() {
        long role = catalog.role(unique("r"));
        long op = catalog.operator(role, "1", v -> { }).get("id").asLong();
        long shell = catalog.shell(unique("s"), "true", p -> { }, "ansible").get("id").asLong();
        String name = unique("t");
        JsonNode v1 = catalog.template(name, steps -> {
            operatorStep(steps, op);
            scriptStep(steps, shell, null, p -> { });
        });
        JsonNode v2 = catalog.created(admin().put("/api/v1/templates/" + v1.get("id").asLong(),
                CatalogFixture.templateBody(name, steps -> {
                    scriptStep(steps, shell, "agent", p -> { });
                    operatorStep(steps, op);
                }).toString()));
        assertThat(v2.get("version").asInt()).isEqualTo(2);
        assertThat(v2.get("originalTemplateId").asLong()).isEqualTo(v1.get("id").asLong());
        assertThat(field(plan(v1).get("tasks"), "type")).containsExactly("playbook", "shell");
        assertThat(field(plan(v2).get("tasks"), "type")).containsExactly("shell", "playbook");
        assertThat(admin().get("/api/v1/templates?allVersions=true&name=" + name).json().get("total").asLong()).isEqualTo(2);
    }

    @Test
    void deletingAnOperatorOrShellThatATemplateUsesIsRefusedNamingTheTemplate() {
        long role = catalog.role(unique("r"));
        long op = catalog.operator(role, "1", v -> { }).get("id").asLong();
        long shell = catalog.shell(unique("s"), "true", p -> { }, "ansible").get("id").asLong();
        String name = unique("t");
        catalog.template(name, steps -> {
            operatorStep(steps, op);
            scriptStep(steps, shell, null, p -> { });
        });
        var refused = admin().delete("/api/v1/operators/" + op);
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("detail").asString()).contains(name);
        assertThat(admin().delete("/api/v1/shells/" + shell).json().get("detail").asString()).contains(name);
    }

    @Test
    void deletedOperatorCannotBeAddedToATemplate() {
        long role = catalog.role(unique("r"));
        long op = catalog.operator(role, "1", v -> { }).get("id").asLong();
        admin().delete("/api/v1/operators/" + op);
        var response = admin().post("/api/v1/templates", CatalogFixture.templateBody(unique("t"),
                steps -> operatorStep(steps, op)).toString());
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("detail").asString()).contains("deleted");
    }

    @Test
    void deletedTemplateLeavesTheListButItsPlanStaysReadable() {
        long role = catalog.role(unique("r"));
        long op = catalog.operator(role, "1", v -> { }).get("id").asLong();
        String name = unique("t");
        JsonNode template = catalog.template(name, steps -> operatorStep(steps, op));
        assertThat(admin().delete("/api/v1/templates/" + template.get("id").asLong()).status()).isEqualTo(204);
        assertThat(admin().get("/api/v1/templates?name=" + name).json().get("total").asLong()).isZero();
        assertThat(plan(template).get("tasks").size()).isEqualTo(1);
        assertThat(admin().delete("/api/v1/operators/" + op).status()).isEqualTo(204);
    }
}
