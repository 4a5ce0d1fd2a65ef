package io.devops.platform.inventory;

import java.util.List;
import java.util.Map;

/**
 * A pool's or node's variables as the API shows them: plain values in full, secrets by name only
 * (write-only: no answer ever holds their text).
 */
record InventoryVarsView(Map<String, Object> vars, List<String> secretVarsSet) {

    /**
     * A {@code PUT}: {@code vars} replaces the plain values; a secret left out of {@code secretVars}
     * keeps its value, one given as {@code null} is removed.
     */
    record Request(Map<String, Object> vars, Map<String, String> secretVars) {

        Request {
            vars = vars == null ? Map.of() : vars;
            secretVars = secretVars == null ? Map.of() : secretVars;
        }
    }
}
