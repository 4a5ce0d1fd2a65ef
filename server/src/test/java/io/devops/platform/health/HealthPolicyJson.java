package io.devops.platform.health;

import java.util.ArrayList;
import java.util.List;

/** Builds the JSON body of POST/PUT /api/v1/health-policies for the tests. */
final class HealthPolicyJson {

    private final String name;
    private final List<String> rules = new ArrayList<>();
    private String limits = "{\"maxNodesPerPool\":1,\"maxPercentPerPool\":5,\"maxPerHour\":10}";
    private String checks = "[\"gpu_inventory\",\"xid\"]";
    private boolean dryRun;

    private HealthPolicyJson(String name) {
        this.name = name;
    }

    static HealthPolicyJson named(String name) {
        return new HealthPolicyJson(name);
    }

    HealthPolicyJson rule(String component, String code, String severity, String actions, int escalate) {
        rules.add("""
                {"match":{"component":"%s","code":"%s"},"severity":"%s","actions":%s,"escalateAfterRepairs":%d}"""
                .formatted(component, code, severity, actions, escalate));
        return this;
    }

    HealthPolicyJson xid79() {
        return rule("xid", "79", "CRITICAL", "[\"DRAIN\",\"REBOOT\",\"RMA\"]", 2);
    }

    HealthPolicyJson limits(String json) {
        limits = json;
        return this;
    }

    HealthPolicyJson checks(String json) {
        checks = json;
        return this;
    }

    HealthPolicyJson dryRun() {
        dryRun = true;
        return this;
    }

    String json() {
        return """
                {"name":"%s","rules":[%s],"limits":%s,"dryRun":%b,"reacceptanceChecks":%s}"""
                .formatted(name, String.join(",", rules), limits, dryRun, checks);
    }
}
