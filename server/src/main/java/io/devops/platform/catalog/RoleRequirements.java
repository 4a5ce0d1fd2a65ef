package io.devops.platform.catalog;

import io.devops.platform.shared.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * What a role's files say it needs: the roles of {@code meta/main.yml}'s {@code dependencies}
 * (names or {@code {role: name, ...}}), in order, and the collections of {@code meta/main.yml}'s
 * {@code collections} and of a {@code requirements.yml} (at the top or under {@code meta/}), each
 * with the version it asks for ({@code *} when it names none).
 */
record RoleRequirements(List<String> dependencies, Map<String, String> collections) {

    private static final Pattern ROLE_NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,63}");
    private static final Pattern COLLECTION = Pattern.compile("[a-z][a-z0-9_]{0,63}\\.[a-z][a-z0-9_]{0,63}");
    private static final Pattern VERSION_SPEC = Pattern.compile("[0-9A-Za-z.*<>=!,+ -]{1,100}");
    private static final String ANY = "*";

    static RoleRequirements of(RoleContent content) {
        List<String> dependencies = new ArrayList<>();
        Map<String, String> collections = new LinkedHashMap<>();
        yaml(content, "meta/main.yml").ifPresent(meta -> {
            list(meta, "dependencies", "meta/main.yml").forEach(item -> dependencies.add(dependency(item)));
            list(meta, "collections", "meta/main.yml").forEach(item -> add(collections, item, "meta/main.yml"));
        });
        for (String file : List.of("requirements.yml", "meta/requirements.yml")) {
            yaml(content, file).ifPresent(doc -> list(doc, "collections", file).forEach(item -> add(collections, item, file)));
        }
        return new RoleRequirements(List.copyOf(dependencies), Map.copyOf(collections));
    }

    private static String dependency(Object item) {
        Object name = item instanceof Map<?, ?> map ? (map.containsKey("role") ? map.get("role") : map.get("name")) : item;
        if (!(name instanceof String text) || !ROLE_NAME.matcher(text).matches()) {
            throw bad("meta/main.yml", "dependencies entry '" + item + "' does not name a role of the catalog");
        }
        return text;
    }

    private static void add(Map<String, String> collections, Object item, String file) {
        Object name = item instanceof Map<?, ?> map ? map.get("name") : item;
        Object version = item instanceof Map<?, ?> map && map.get("version") != null ? String.valueOf(map.get("version")) : ANY;
        if (!(name instanceof String text) || !COLLECTION.matcher(text).matches()) {
            throw bad(file, "collections entry '" + item + "' is not a collection name such as 'namespace.name'");
        }
        if (!VERSION_SPEC.matcher((String) version).matches()) {
            throw bad(file, "collection " + text + " asks for version '" + version + "', which is not a version or range");
        }
        collections.put(text, (String) version);
    }

    private static Optional<Map<?, ?>> yaml(RoleContent content, String path) {
        return content.entries().stream().filter(e -> e.path().equals(path) && e.body() != null).findFirst().map(e -> {
            try {
                Object doc = new Yaml(new SafeConstructor(new LoaderOptions())).load(new String(e.body(), StandardCharsets.UTF_8));
                if (doc != null && !(doc instanceof Map)) {
                    throw bad(path, "is not a YAML mapping");
                }
                return doc == null ? Map.of() : (Map<?, ?>) doc;
            } catch (YAMLException ex) {
                throw bad(path, "is not valid YAML");
            }
        });
    }

    private static List<?> list(Map<?, ?> doc, String key, String file) {
        Object value = doc.get(key);
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> items)) {
            throw bad(file, "'" + key + "' is not a list");
        }
        return items;
    }

    private static InvalidInputException bad(String file, String message) {
        return new InvalidInputException("archive", "The role's " + file + " " + message);
    }
}
