package io.devops.platform.certificates;

import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The certificate for people: rendered from the signed JSON (never from the live data, so both say
 * the same), with the commands that verify the JSON offline. The Markdown itself is not signed.
 */
final class CertificateMarkdown {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private CertificateMarkdown() {
    }

    static String of(long nodeId, String body) {
        JsonNode doc = JSON.readTree(body);
        JsonNode identity = doc.get("identity");
        JsonNode delivery = doc.get("delivery");
        StringBuilder out = new StringBuilder();
        out.append("# Hand-off certificate: node ").append(cell(identity.get("hostname"))).append(" (").append(cell(identity.get("ip")))
                .append(")\n\n| | |\n| --- | --- |\n");
        row(out, "Verdict", cell(doc.get("verdict")));
        row(out, "Delivered", cell(delivery.get("at")) + " by " + cell(delivery.get("by")) + " into pool " + cell(delivery.get("poolName"))
                + (delivery.get("override").asBoolean() ? " **by override**: " + cell(delivery.get("reason")) : ""));
        row(out, "Board serial", cell(identity.get("boardSerial")));
        row(out, "Product serial", cell(identity.get("productSerial")));
        for (Map.Entry<String, String> version : Map.of("driver", "Driver", "cuda", "CUDA", "fabricManager", "Fabric Manager",
                "kernel", "Kernel").entrySet().stream().sorted(Map.Entry.comparingByKey()).toList()) {
            row(out, version.getValue(), cell(doc.get("versions").get(version.getKey())));
        }
        out.append("\n## GPUs\n\n| Index | Name | UUID | Bus | Serial |\n| --- | --- | --- | --- | --- |\n");
        identity.get("gpus").forEach(gpu -> out.append("| ").append(cell(gpu.get("index"))).append(" | ").append(cell(gpu.get("name")))
                .append(" | ").append(cell(gpu.get("uuid"))).append(" | ").append(cell(gpu.get("busId"))).append(" | ")
                .append(cell(gpu.get("serial"))).append(" |\n"));
        out.append("\n## Network adapters\n\n| Name | MAC / GUID | Firmware |\n| --- | --- | --- |\n");
        identity.get("nics").forEach(nic -> out.append("| ").append(cell(nic.get("name"))).append(" | ").append(cell(nic.get("mac")))
                .append(" | ").append(cell(nic.get("firmwareVersion"))).append(" |\n"));
        identity.get("infiniband").forEach(hca -> out.append("| ").append(cell(hca.get("name"))).append(" | ")
                .append(cell(hca.get("nodeGuid"))).append(" | ").append(cell(hca.get("firmwareVersion"))).append(" |\n"));
        out.append("\n## Checks\n\n| Check | Verdict | Reason | Measured | Line | Run | Judged at | Output sha256 |\n")
                .append("| --- | --- | --- | --- | --- | --- | --- | --- |\n");
        doc.get("checks").forEach(check -> out.append("| ").append(cell(check.get("check"))).append(" | ").append(cell(check.get("verdict")))
                .append(" | ").append(cell(check.get("reason"))).append(" | ").append(figure(check.get("measured"), check.get("unit")))
                .append(" | ").append(figure(check.get("threshold"), check.get("unit"))).append(" | ").append(cell(check.get("runId")))
                .append(" | ").append(cell(check.get("judgedAt"))).append(" | ").append(cell(check.get("outputSha256"))).append(" |\n"));
        out.append("\n## Verify it\n\nThis page is rendered from the signed JSON; verify the JSON itself:\n\n```sh\n")
                .append(verifyCommands(nodeId)).append("```\n");
        return out.toString();
    }

    /** The documented offline check (docs/ACCEPTANCE.md), for node {@code nodeId}. */
    static String verifyCommands(long nodeId) {
        String curl = "curl -fsS -H \"Authorization: Bearer $TOKEN\" ";
        return curl + "-H 'Accept: application/json' -o cert.json $SERVER/api/v1/nodes/" + nodeId + "/certificate\n"
                + curl + "$SERVER/api/v1/nodes/" + nodeId + "/certificate/signature | base64 -d > sig.bin\n"
                + curl + "-o key.pem $SERVER/api/v1/certificates/public-key\n"
                + "openssl pkeyutl -verify -pubin -inkey key.pem -rawin -in cert.json -sigfile sig.bin\n";
    }

    private static void row(StringBuilder out, String label, String value) {
        out.append("| ").append(label).append(" | ").append(value).append(" |\n");
    }

    private static String figure(JsonNode value, JsonNode unit) {
        if (value == null || value.isNull()) {
            return "-";
        }
        return value.asString() + (unit == null || unit.isNull() ? "" : " " + cell(unit));
    }

    /** A value in a table cell: one line, pipes escaped; unknown is "unknown". */
    private static String cell(JsonNode value) {
        if (value == null || value.isNull()) {
            return "unknown";
        }
        return value.asString().replaceAll("\\R", " ").replace("|", "\\|");
    }
}
