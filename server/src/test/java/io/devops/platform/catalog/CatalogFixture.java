package io.devops.platform.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.devops.platform.support.Api;
import java.util.function.Consumer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Builders for catalog test data through the real API; every create asserts it worked. */
final class CatalogFixture {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private final Api api;

    CatalogFixture(Api api) {
        this.api = api;
    }

    static ObjectNode object() {
        return JSON.createObjectNode();
    }

    JsonNode created(Api.Response response) {
        assertThat(response.status()).as(response.toString()).isIn(200, 201);
        return response.json();
    }

    long role(String name, String... pathVariables) {
        long id = created(api.post("/api/v1/roles", object().put("name", name).toString())).get("id").asLong();
        for (String variable : pathVariables) {
            variable(id, variable, "path", false);
        }
        return id;
    }

    JsonNode variable(long roleId, String name, String type, boolean required) {
        return created(api.post("/api/v1/roles/" + roleId + "/variables",
                object().put("name", name).put("type", type).put("required", required).toString()));
    }

    long builtinRole(String name) {
        return api.get("/api/v1/roles?name=" + name).json().get("items").get(0).get("id").asLong();
    }

    ObjectNode operatorBody(long roleId, String pkgVersion, Consumer<ObjectNode> values) {
        ObjectNode body = object().put("roleId", roleId).put("pkgVersion", pkgVersion);
        values.accept(body.putObject("values"));
        return body;
    }

    JsonNode operator(long roleId, String pkgVersion, Consumer<ObjectNode> values) {
        return created(api.post("/api/v1/operators", operatorBody(roleId, pkgVersion, values).toString()));
    }

    JsonNode shell(String name, String command, Consumer<ArrayNode> parameters, String dispatch) {
        ObjectNode body = object().put("name", name).put("command", command).put("dispatch", dispatch);
        parameters.accept(body.putArray("parameters"));
        return created(api.post("/api/v1/shells", body.toString()));
    }

    static ObjectNode parameter(ArrayNode parameters, String name, String pattern) {
        return parameters.addObject().put("name", name).put("pattern", pattern).put("required", true);
    }

    static ObjectNode operatorStep(ArrayNode steps, long operatorId) {
        return steps.addObject().put("type", "operator").put("operatorId", operatorId);
    }

    static ObjectNode scriptStep(ArrayNode steps, long shellId, String dispatch, Consumer<ObjectNode> params) {
        ObjectNode step = steps.addObject().put("type", "script").put("shellId", shellId);
        if (dispatch != null) {
            step.put("dispatch", dispatch);
        }
        params.accept(step.putObject("params"));
        return step;
    }

    static ObjectNode templateBody(String name, Consumer<ArrayNode> steps) {
        ObjectNode body = object().put("name", name).put("description", "test");
        steps.accept(body.putArray("steps"));
        return body;
    }

    JsonNode template(String name, Consumer<ArrayNode> steps) {
        return created(api.post("/api/v1/templates", templateBody(name, steps).toString()));
    }
}
