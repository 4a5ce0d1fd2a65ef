package io.devops.platform.execution;

import static org.assertj.core.api.Assertions.assertThat;

import io.devops.platform.support.Api;
import io.devops.platform.support.ApiTest;
import io.devops.platform.support.RoleUpload;
import io.devops.platform.support.RunFixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Lists, maps, Jinja-looking text and a secret reach a role (whose own argument spec Ansible checks
 * them against) on real Ansible over SSH as the data they are: the role writes what it received as
 * JSON, and the file equals what was given (the text unevaluated, integers still integers), except
 * the value of a variable an ADMIN declared templated, which Ansible evaluates. The secret's text is then in no answer about the run, not
 * in its log (masked there), not in the server's log, and in no text column of the database.
 */
@ExtendWith(OutputCaptureExtension.class)
class StructuredValuesRunTests extends ApiTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Set<Integer> TEXT_TYPES = Set.of(Types.CHAR, Types.VARCHAR, Types.LONGVARCHAR, Types.CLOB,
            Types.NCHAR, Types.NVARCHAR, Types.LONGNVARCHAR, Types.NCLOB);

    @Autowired
    JdbcClient jdbc;
    @Autowired
    DataSource dataSource;

    @Test
    void aRoleReceivesListsMapsTextAndASecretAsGivenAndTheSecretIsInNoAnswerLogOrRow(CapturedOutput serverLog)
            throws IOException, SQLException {
        RunFixtures fixtures = RunFixtures.onTestNodes(admin());
        Path out = Files.createDirectories(Path.of("target", "structured-values").toAbsolutePath()).resolve(unique("received") + ".json");
        String secret = unique("s3cr3t-{{ 7 * 7 }}-token");
        String report = "/tmp/" + unique("structured-report") + ".md";
        RoleUpload role = RoleUpload.create(admin(), unique("received"), Map.of("tasks/main.yml", """
                - name: write what the role received
                  copy:
                    content: "{{ {'nginx_vhosts': nginx_vhosts, 'settings': settings, 'motd': motd, 'workers': workers, 'registry_token': registry_token, 'greeting': greeting} | to_json }}"
                    dest: "{{ out }}"
                    mode: "0600"
                - name: say the token
                  debug:
                    msg: "token is {{ registry_token }}"
                - name: write the token into a report, as a careless role would
                  copy:
                    content: "token is {{ registry_token }}\\n"
                    dest: "%s"
                    mode: "0600"
                """.formatted(report),
                // Ansible checks the values against the role's own argument spec before its tasks run.
                "meta/argument_specs.yml", """
                argument_specs:
                  main:
                    options:
                      nginx_vhosts:
                        type: list
                        elements: dict
                        required: true
                        options:
                          name: {type: str, required: true}
                          port: {type: int, required: true}
                          aliases: {type: list, elements: str}
                      settings: {type: dict, required: true}
                      motd: {type: str, required: true}
                      workers: {type: int, required: true}
                      registry_token: {type: str, required: true, no_log: true}
                      greeting: {type: str, required: true}
                      out: {type: path, required: true}
                """));
        role.reports(report);
        long roleId = admin().get("/api/v1/roles?name=" + role.name()).json().get("items").get(0).get("id").asLong();
        declare(roleId, "nginx_vhosts", "list", """
                {"type":"array","items":{"type":"object","required":["name","port"]}}""");
        declare(roleId, "settings", "map", null);
        declare(roleId, "motd", "string", null);
        declare(roleId, "workers", "integer", null);
        declare(roleId, "registry_token", "secret", null);
        declare(roleId, "out", "path", null);
        ObjectNode templated = RunFixtures.object().put("name", "greeting").put("type", "string").put("required", true)
                .put("templated", true);
        assertThat(admin().post("/api/v1/roles/" + roleId + "/variables", templated.toString()).status()).isEqualTo(201);
        ObjectNode given = (ObjectNode) JSON.readTree("""
                {"nginx_vhosts":[{"name":"a.example","port":8080,"aliases":["www","{{ inventory_hostname }}"]},{"name":"b","port":443}],
                 "settings":{"nccl":{"NCCL_DEBUG":"INFO","NCCL_IB_HCA":["mlx5_0","mlx5_1"]},"retries":3,"strict":false},
                 "motd":"{{ lookup('pipe','id') }}",
                 "workers":12}""");
        ObjectNode body = RunFixtures.object().put("roleId", roleId).put("pkgVersion", "1");
        body.set("values", given.deepCopy().put("registry_token", secret).put("out", out.toString()).put("greeting", "{{ 6 * 7 }}"));
        Api.Response operator = admin().post("/api/v1/operators", body.toString());
        assertThat(operator.status()).as(operator.toString()).isEqualTo(201);
        long template = fixtures.template(unique("received"), steps -> RunFixtures.operatorStep(steps, operator.id()));
        long runId = fixtures.start(fixtures.job(unique("received"), "STOP", template, List.of(fixtures.testNodeIds().get(0))));

        JsonNode run = fixtures.awaitEnd(runId, Duration.ofMinutes(3));
        String log = admin().get("/api/v1/runs/" + runId + "/log").body();

        assertThat(run.get("status").asString()).as(log).isEqualTo("SUCCEEDED");
        JsonNode received = JSON.readTree(Files.readString(out));
        Files.delete(out);
        assertThat(received.get("greeting").asString()).as("a variable an ADMIN declared templated is evaluated").isEqualTo("42");
        ((ObjectNode) received).remove("greeting");
        assertThat(received).isEqualTo(given.deepCopy().put("registry_token", secret));
        assertThat(received.get("workers").isIntegralNumber()).isTrue();
        assertThat(log).contains("token is ***");
        String reports = admin().get("/api/v1/runs/" + runId + "/reports").body();
        assertThat(reports).as("the report the role wrote, masked as the log is").contains("token is ***");
        List<String> answers = List.of(run.toString(), log, operator.body(),
                admin().get("/api/v1/runs/" + runId + "/reports").body(),
                admin().get("/api/v1/runs/" + runId + "/log/window").body(),
                admin().get("/api/v1/runs?size=50").body(),
                admin().get("/api/v1/templates/" + template).body(),
                admin().get("/api/v1/operators/" + operator.id() + "/versions").body());
        assertThat(answers).allSatisfy(answer -> assertThat(answer).doesNotContain(secret));
        assertThat(textColumnsHolding(secret)).isEmpty();
        assertThat(serverLog.getAll()).doesNotContain(secret);
        assertThat(sealedSecretsOf(operator.id())).singleElement().asString().isNotBlank().doesNotContain(secret);
    }

    private void declare(long roleId, String name, String type, String schema) {
        ObjectNode variable = RunFixtures.object().put("name", name).put("type", type).put("required", true);
        if (schema != null) {
            variable.set("schema", JSON.readTree(schema));
        }
        Api.Response declared = admin().post("/api/v1/roles/" + roleId + "/variables", variable.toString());
        assertThat(declared.status()).as(declared.toString()).isEqualTo(201);
    }

    private List<String> sealedSecretsOf(long operatorId) {
        return jdbc.sql("""
                SELECT rv.variable_value FROM operators o JOIN role_variables rv ON rv.value_set_id = o.value_set_id
                JOIN variables v ON v.id = rv.variable_id WHERE o.id = ? AND v.var_type = 'SECRET'""")
                .param(operatorId).query(String.class).list();
    }

    /** Every text column of every table (table.column) with a row that contains {@code text}. */
    private List<String> textColumnsHolding(String text) throws SQLException {
        List<String> columns = new ArrayList<>();
        try (Connection connection = dataSource.getConnection()) {
            DatabaseMetaData meta = connection.getMetaData();
            try (ResultSet rs = meta.getColumns(connection.getCatalog(), connection.getSchema(), "%", "%")) {
                while (rs.next()) {
                    if (TEXT_TYPES.contains(rs.getInt("DATA_TYPE"))) {
                        columns.add(rs.getString("TABLE_NAME") + "." + rs.getString("COLUMN_NAME"));
                    }
                }
            }
        }
        assertThat(columns).as("the text columns found").anyMatch(c -> c.equalsIgnoreCase("role_variables.variable_value"));
        return columns.stream().filter(column -> {
            String[] parts = column.split("\\.");
            return jdbc.sql("SELECT COUNT(*) FROM `" + parts[0] + "` WHERE `" + parts[1] + "` LIKE ?")
                    .param("%" + text + "%").query(Long.class).single() > 0;
        }).toList();
    }
}
