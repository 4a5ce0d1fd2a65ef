package io.devops.platform.inventory;

import io.devops.platform.shared.AnsibleVariableNames;
import io.devops.platform.shared.InvalidInputException;
import io.devops.platform.shared.InvalidInputException.InputError;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.json.JsonMapper;

/**
 * What pool and node variables may be: Ansible identifiers that are neither Ansible's own names nor
 * the platform's ({@code devops_*}: node id, facts, secret references), within size limits. Every
 * problem names its field ({@code vars.gpu driver}, {@code secretVars.token}).
 */
final class VarsRules {

    static final int MAX_NAMES = 200;
    static final int MAX_VARS_JSON = 65_536;
    static final int MAX_SECRET_LENGTH = 8_192;

    private VarsRules() {
    }

    /** @throws InvalidInputException naming every refused field; nothing is stored then */
    static void check(Map<String, Object> vars, Map<String, String> secretVars, Set<String> keptSecrets, JsonMapper json) {
        List<InputError> errors = new ArrayList<>();
        vars.forEach((name, value) -> {
            nameProblem(name).ifPresent(problem -> errors.add(new InputError("vars." + name, problem)));
            if (value == null) {
                errors.add(new InputError("vars." + name, "needs a value: leave the name out to unset it"));
            }
        });
        secretVars.forEach((name, value) -> {
            nameProblem(name).ifPresent(problem -> errors.add(new InputError("secretVars." + name, problem)));
            if (value != null && (value.isEmpty() || value.length() > MAX_SECRET_LENGTH)) {
                errors.add(new InputError("secretVars." + name, "must be 1 to " + MAX_SECRET_LENGTH
                        + " characters; null removes the secret"));
            }
        });
        vars.keySet().stream().filter(name -> secretVars.get(name) != null || (keptSecrets.contains(name) && !secretVars.containsKey(name)))
                .forEach(name -> errors.add(new InputError("vars." + name, "is also a secret variable; remove the secret"
                        + " (\"secretVars\": {\"" + name + "\": null}) to make it a plain one")));
        if (vars.size() + secretVars.size() > MAX_NAMES) {
            errors.add(new InputError("vars", "at most " + MAX_NAMES + " variables"));
        }
        if (json.writeValueAsString(vars).length() > MAX_VARS_JSON) {
            errors.add(new InputError("vars", "at most " + MAX_VARS_JSON + " characters as JSON"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors.get(0).field() + ": " + errors.get(0).message(), errors);
        }
    }

    private static Optional<String> nameProblem(String name) {
        if (name != null && name.startsWith("devops_")) {
            return Optional.of("names starting with devops_ belong to the platform (devops_node_id, devops_facts)");
        }
        return AnsibleVariableNames.problem(name);
    }
}
