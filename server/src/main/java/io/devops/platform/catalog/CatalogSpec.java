package io.devops.platform.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;

/**
 * The catalog as plain data keyed by names, never ids: what "catalog as code" exports and imports.
 * Two specs are equal exactly when the platform would store the same thing for them.
 */
public final class CatalogSpec {

    private CatalogSpec() {
    }

    /** A spec with the version the platform holds it at (a role's revision, else its head version). */
    public record Current<T>(T spec, int version) {
    }

    public record Role(String name, String description, List<RoleVariable> variables, List<String> reports,
                       RoleFiles files) {
    }

    /**
     * {@code defaultValue} is the canonical text of the default, {@code schema} the compact JSON of the
     * value's JSON Schema (null: none).
     */
    public record RoleVariable(String name, String actionType, String type, boolean required, String defaultValue,
                               List<String> choices, String description, String schema, boolean templated) {

        public RoleVariable(String name, String actionType, String type, boolean required, String defaultValue,
                            List<String> choices, String description, String schema) {
            this(name, actionType, type, required, defaultValue, choices, description, schema, false);
        }
    }

    /** A role's files by path; links by path and target. Equal when their content hash is. */
    public record RoleFiles(SortedMap<String, byte[]> bodies, SortedMap<String, String> links) {

        public String hash() {
            List<RoleContent.Entry> entries = new ArrayList<>();
            bodies.forEach((path, body) -> entries.add(RoleContent.Entry.file(path, body)));
            links.forEach((path, target) -> entries.add(RoleContent.Entry.link(path, target)));
            return new RoleContent(entries).hash();
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof RoleFiles files && files.hash().equals(hash());
        }

        @Override
        public int hashCode() {
            return hash().hashCode();
        }
    }

    /** Operators are told apart by role, name and package version (empty when none). */
    public record OperatorKey(String role, String name, String pkgVersion) {

        public OperatorKey {
            pkgVersion = pkgVersion == null ? "" : pkgVersion;
        }

        @Override
        public String toString() {
            return role + "/" + name + (pkgVersion.isEmpty() ? "" : " " + pkgVersion);
        }
    }

    /** {@code values}: the canonical text of each set value by variable name. */
    public record Operator(OperatorKey key, String description, Map<String, String> values) {
    }

    /** Written as the platform stores it: an unnamed dispatch is ansible. */
    public record Script(String name, String description, String command, String dispatch, String runAs,
                         List<ScriptParameter> parameters, List<String> reports) {

        public Script {
            dispatch = dispatch == null ? Dispatch.ANSIBLE.apiName() : dispatch.trim().toLowerCase(Locale.ROOT);
        }
    }

    /** Written as the platform stores it: an unnamed type is string, an unnamed pattern the default one. */
    public record ScriptParameter(String name, String type, String pattern, boolean required, String defaultValue,
                                  String description) {

        public ScriptParameter {
            type = type == null ? VariableType.STRING.apiName() : type.trim().toLowerCase(Locale.ROOT);
            pattern = pattern == null || pattern.isEmpty() ? ShellParameter.DEFAULT_PATTERN : pattern;
        }
    }

    public record Template(String name, String description, List<Step> steps) {
    }

    /**
     * A template step: an operator (by key) or a script (by name) at a pinned {@code version}
     * (null: the newest); a script step's parameter values and dispatch.
     */
    public record Step(String type, OperatorKey operator, String script, Integer version, Map<String, String> params,
                       String dispatch) {

        public static final String OPERATOR = "operator";
        public static final String SCRIPT = "script";

        public String target() {
            return type.equals(OPERATOR) ? "operator " + operator : "script " + script;
        }
    }
}
