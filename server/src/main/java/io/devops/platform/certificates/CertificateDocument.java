package io.devops.platform.certificates;

import io.devops.platform.acceptance.AcceptanceVerdicts.NodeVerdict;
import io.devops.platform.acceptance.CheckResult;
import io.devops.platform.acceptance.CheckVerdict;
import io.devops.platform.inventory.NodeRegistry.KnownNode;
import io.devops.platform.lifecycle.NodeDelivered;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.core.json.JsonWriteFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A node's hand-off certificate as the canonical JSON that is signed: keys sorted at every level, no
 * whitespace, every character outside ASCII escaped, so the bytes are the same whatever stores or
 * sends them. What the node's agent did not report (a serial, a firmware version) is null: unknown,
 * never guessed. The overall verdict is the worst of the checks' ("NONE" without any): a delivery by
 * override shows what it overrode.
 */
public final class CertificateDocument {

    static final String FORMAT = "devops-handoff-certificate/1";
    private static final JsonMapper CANONICAL = JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();

    private CertificateDocument() {
    }

    /**
     * The JSON text to sign and keep: {@code facts} are what the node's agent last reported (null:
     * none), {@code latest} is the node's latest verdict per check.
     */
    public static String json(KnownNode node, JsonNode facts, NodeDelivered delivery, List<NodeVerdict> latest,
                              String keyFingerprint) {
        Map<String, Object> document = new TreeMap<>();
        document.put("format", FORMAT);
        document.put("identity", identity(node, facts));
        document.put("versions", versions(facts));
        document.put("delivery", delivery(delivery));
        List<NodeVerdict> checks = latest.stream().sorted(Comparator.comparing(verdict -> verdict.result().check())).toList();
        document.put("checks", checks.stream().map(CertificateDocument::check).toList());
        document.put("verdict", checks.stream().map(verdict -> verdict.result().verdict()).reduce(CheckVerdict::worse)
                .map(Enum::name).orElse("NONE"));
        document.put("signature", map("algorithm", "Ed25519", "publicKeySha256", keyFingerprint));
        return CANONICAL.writeValueAsString(document);
    }

    private static Map<String, Object> identity(KnownNode node, JsonNode facts) {
        Map<String, Object> identity = map("nodeId", node.id(), "ip", node.ip(), "hostname", node.hostname(),
                "declaredGpuType", node.gpuType(), "declaredGpuCount", node.gpuCount());
        identity.put("boardSerial", text(facts, "system", "boardSerial"));
        identity.put("productSerial", text(facts, "system", "productSerial"));
        identity.put("gpus", list(at(facts, "gpu", "devices"), gpu -> map("index", number(gpu, "index"), "name", text(gpu, "name"),
                "uuid", text(gpu, "uuid"), "busId", text(gpu, "busId"), "serial", text(gpu, "serial"))));
        identity.put("nics", list(at(facts, "nics"), nic -> map("name", text(nic, "name"), "mac", text(nic, "mac"),
                "busInfo", text(nic, "busInfo"), "firmwareVersion", text(nic, "firmwareVersion"), "serial", text(nic, "serial"))));
        identity.put("infiniband", list(at(facts, "infiniband"), hca -> map("name", text(hca, "name"), "nodeGuid",
                text(hca, "nodeGuid"), "hcaType", text(hca, "hcaType"), "firmwareVersion", text(hca, "firmwareVersion"))));
        return identity;
    }

    private static Map<String, Object> versions(JsonNode facts) {
        return map("driver", text(facts, "gpu", "driverVersion"), "cuda", text(facts, "gpu", "cudaVersion"),
                "fabricManager", text(facts, "gpu", "fabricManagerVersion"), "kernel", text(facts, "kernel"));
    }

    private static Map<String, Object> delivery(NodeDelivered delivery) {
        return map("at", delivery.at().toString(), "by", delivery.actor(), "tenantId", delivery.tenantId(), "poolId", delivery.poolId(),
                "poolName", delivery.poolName(), "override", delivery.override(), "reason", delivery.reason());
    }

    private static Map<String, Object> check(NodeVerdict verdict) {
        CheckResult result = verdict.result();
        Map<String, Object> check = map("check", result.check(), "verdict", result.verdict().name(),
                "reason", result.reason() == null ? null : result.reason().name(), "measured", result.measured(),
                "threshold", result.threshold(), "unit", result.unit());
        check.put("message", result.message());
        check.put("runId", verdict.runId());
        check.put("judgedAt", verdict.at().toString());
        check.put("outputSha256", verdict.outputSha256());
        if (verdict.baseline() != null) {
            // Only when judged by one: a check judged by its line alone keeps the entry it always had.
            check.put("baseline", map("id", verdict.baseline().id(), "value", verdict.baseline().value(),
                    "samples", verdict.baseline().samples()));
        }
        return check;
    }

    /** A sorted map of these key-value pairs; null values stay, as "unknown". */
    private static Map<String, Object> map(Object... pairs) {
        Map<String, Object> map = new TreeMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }

    private static List<Object> list(JsonNode array, java.util.function.Function<JsonNode, Object> each) {
        List<Object> items = new ArrayList<>();
        if (array != null && array.isArray()) {
            array.forEach(item -> items.add(each.apply(item)));
        }
        return items;
    }

    private static JsonNode at(JsonNode node, String... path) {
        JsonNode value = node;
        for (String step : path) {
            value = value == null || !value.isObject() ? null : value.get(step);
        }
        return value == null || value.isNull() || value.isMissingNode() ? null : value;
    }

    private static String text(JsonNode node, String... path) {
        JsonNode value = at(node, path);
        return value == null || !value.isValueNode() || value.asString().isBlank() ? null : value.asString().strip();
    }

    private static Long number(JsonNode node, String... path) {
        JsonNode value = at(node, path);
        return value != null && value.isIntegralNumber() ? value.asLong() : null;
    }
}
