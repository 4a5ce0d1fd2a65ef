package io.devops.platform.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import io.devops.platform.support.Api;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** Builders for inventory test data, created through the real API. */
final class InventoryFixtures {

    private final Api api;

    InventoryFixtures(Api api) {
        this.api = api;
    }

    long tenant(String name) {
        return created(api.post("/api/v1/tenants", "{\"name\":\"" + name + "\"}"));
    }

    long pool(String name, long tenantId) {
        return created(api.post("/api/v1/node-pools", "{\"name\":\"" + name + "\",\"tenantId\":" + tenantId + "}"));
    }

    long node(NodeBuilder node) {
        return created(api.post("/api/v1/nodes", node.json()));
    }

    static NodeBuilder aNode(String ip) {
        return new NodeBuilder(ip);
    }

    private static long created(Api.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.id();
    }

    /** A node's JSON body with sensible defaults; set only what a test is about. */
    static final class NodeBuilder {
        private final Map<String, Object> fields = new LinkedHashMap<>();
        private final Map<String, String> labels = new LinkedHashMap<>();

        NodeBuilder(String ip) {
            fields.put("ip", ip);
            fields.put("nodeType", "gpu");
        }

        NodeBuilder hostname(String hostname) {
            fields.put("hostname", hostname);
            return this;
        }

        NodeBuilder gpuType(String gpuType) {
            fields.put("gpuType", gpuType);
            return this;
        }

        NodeBuilder inPool(long poolId) {
            fields.put("nodePoolId", poolId);
            return this;
        }

        NodeBuilder sshPort(int port) {
            fields.put("sshPort", port);
            return this;
        }

        NodeBuilder label(String key, String value) {
            labels.put(key, value);
            return this;
        }

        String json() {
            String body = fields.entrySet().stream()
                    .map(field -> quote(field.getKey()) + ":" + (field.getValue() instanceof String text ? quote(text) : field.getValue()))
                    .collect(Collectors.joining(","));
            String labelJson = labels.entrySet().stream().map(label -> quote(label.getKey()) + ":" + quote(label.getValue()))
                    .collect(Collectors.joining(","));
            return "{" + body + ",\"labels\":{" + labelJson + "}}";
        }

        private static String quote(String text) {
            return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
        }
    }
}
