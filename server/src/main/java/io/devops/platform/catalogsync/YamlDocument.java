package io.devops.platform.catalogsync;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** Typed reads from one loaded YAML mapping; every problem is a 400 naming the file and the key. */
record YamlDocument(String path, Map<String, Object> values) {

    YamlDocument allowOnly(Set<String> keys) {
        for (Object key : values.keySet()) {
            if (!keys.contains(String.valueOf(key))) {
                throw problem(key + ": is not a known key here; known keys are " + new TreeSet<>(keys));
            }
        }
        return this;
    }

    String text(String key) {
        Object value = values.get(key);
        if (value == null) {
            return null;
        }
        if (value instanceof Map || value instanceof List) {
            throw problem(key + ": must be a single value");
        }
        return String.valueOf(value);
    }

    /** A single value as YAML typed it (text, whole number, true/false), or null. */
    Object scalar(String key) {
        Object value = values.get(key);
        if (value instanceof Map || value instanceof List) {
            throw problem(key + ": must be a single value");
        }
        return value;
    }

    String requiredText(String key) {
        String value = text(key);
        if (value == null || value.isBlank()) {
            throw problem(key + ": is required");
        }
        return value;
    }

    /** A version number: from 1. */
    Integer integer(String key) {
        return integer(key, 1);
    }

    /** A whole number from {@code min}, or null. */
    Integer integer(String key, int min) {
        Object value = values.get(key);
        if (value == null) {
            return null;
        }
        if (!(value instanceof Integer number) || number < min) {
            throw problem(key + ": must be a whole number from " + min);
        }
        return number;
    }

    boolean bool(String key, boolean otherwise) {
        Object value = values.get(key);
        if (value == null) {
            return otherwise;
        }
        if (!(value instanceof Boolean flag)) {
            throw problem(key + ": must be true or false");
        }
        return flag;
    }

    List<String> texts(String key) {
        Object value = values.get(key);
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> list) || list.stream().anyMatch(v -> v == null || v instanceof Map || v instanceof List)) {
            throw problem(key + ": must be a list of single values");
        }
        return list.stream().map(String::valueOf).toList();
    }

    /** A mapping of names to single values, as text, sorted by name. */
    Map<String, String> textMap(String key) {
        Object value = values.get(key);
        if (value == null) {
            return new TreeMap<>();
        }
        if (!(value instanceof Map<?, ?> map) || map.values().stream().anyMatch(v -> v == null || v instanceof Map || v instanceof List)) {
            throw problem(key + ": must map names to single values");
        }
        Map<String, String> texts = new TreeMap<>();
        map.forEach((k, v) -> texts.put(String.valueOf(k), String.valueOf(v)));
        return texts;
    }

    List<YamlDocument> documents(String key) {
        Object value = values.get(key);
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> list)) {
            throw problem(key + ": must be a list");
        }
        List<YamlDocument> documents = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            if (!(list.get(i) instanceof Map<?, ?> map)) {
                throw problem(key + "[" + i + "]: must be a mapping");
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> entry = (Map<String, Object>) map;
            documents.add(new YamlDocument(path + " " + key + "[" + i + "]", entry));
        }
        return documents;
    }

    /** A nested mapping, or null. */
    YamlDocument document(String key) {
        Object value = values.get(key);
        if (value == null) {
            return null;
        }
        if (!(value instanceof Map<?, ?> map)) {
            throw problem(key + ": must be a mapping");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> entry = (Map<String, Object>) map;
        return new YamlDocument(path + " " + key, entry);
    }

    RuntimeException problem(String message) {
        return TreeArchive.bad(path + ": " + message);
    }
}
