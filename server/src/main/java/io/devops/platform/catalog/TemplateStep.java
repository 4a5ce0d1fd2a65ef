package io.devops.platform.catalog;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** A resolved step of a template version, as the compiler receives it. */
sealed interface TemplateStep permits TemplateStep.OperatorStep, TemplateStep.ScriptStep {

    int sequence();

    PlannedStep planned();

    /**
     * One operator version: its role, the hash of the role files it pinned (null while the role has
     * none) and its typed values (Long, Boolean or String), in variable order.
     */
    record OperatorStep(int sequence, long operatorId, String name, int version, String role, String roleHash,
                        Map<String, Object> values, Set<String> templated) implements TemplateStep {

        OperatorStep(int sequence, long operatorId, String name, int version, String role, Map<String, Object> values) {
            this(sequence, operatorId, name, version, role, null, values);
        }

        OperatorStep(int sequence, long operatorId, String name, int version, String role, String roleHash,
                     Map<String, Object> values) {
            this(sequence, operatorId, name, version, role, roleHash, values, Set.of());
        }

        @Override
        public PlannedStep planned() {
            return new PlannedStep(sequence, "operator", operatorId, name, version);
        }
    }

    /**
     * One shell version with its checked parameter values, already rendered into the exact command,
     * and the node user it runs as (null: the agent's own user).
     */
    record ScriptStep(int sequence, long shellId, String name, int version, Dispatch dispatch, String command,
                      List<String> reports, String runAs) implements TemplateStep {

        @Override
        public PlannedStep planned() {
            return new PlannedStep(sequence, "script", shellId, name, version);
        }
    }
}
