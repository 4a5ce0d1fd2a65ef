package io.devops.platform.catalog;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * One version of an operator: a role with one value set for a package version, and the version of
 * the role's files it runs ({@code roleVersion}, {@code roleHash}; null only while the role has no
 * files). {@code values} are typed (integers stay numbers) in the role's variable order; secret
 * values are never among them: {@code secretsSet} names the secrets this version has.
 */
record Operator(long id, String name, long roleId, String roleName, String pkgVersion, long valueSetId,
                int valueSetVersion, int optVersion, long originalOptId, boolean latest, boolean deleted,
                String description, Map<String, JsonNode> values, List<String> secretsSet,
                @JsonInclude(JsonInclude.Include.ALWAYS) Integer roleVersion,
                @JsonInclude(JsonInclude.Include.ALWAYS) String roleHash,
                Instant createdAt, String createdBy) {

    /** Lists show every versioned thing with a {@code version}. */
    @JsonProperty("version")
    public int version() {
        return optVersion;
    }
}
