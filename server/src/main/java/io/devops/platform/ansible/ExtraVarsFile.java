package io.devops.platform.ansible;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A run's extra variables as a YAML file for {@code --extra-vars @file}: values never appear on a
 * command line (where {@code ps} shows them), and every text is {@code !unsafe}, so a value such as
 * "{{ lookup('pipe', 'id') }}" reaches the role as typed, never evaluated as Jinja.
 */
final class ExtraVarsFile {

    static final String NAME = "extra-vars.yml";

    private ExtraVarsFile() {
    }

    /** Writes the file in {@code dir} and answers its name there. */
    static String write(Path dir, Map<String, Object> vars) {
        Map<String, Object> guarded = guarded(vars);
        try {
            // Secret values ride here: readable by the owner only from the moment the file exists.
            Path file = dir.resolve(NAME);
            Files.deleteIfExists(file);
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, UnsafeText.dumper().dump(guarded));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the extra variables under " + dir, e);
        }
        return NAME;
    }

    /** The values may be secrets: the file goes with the run's keys. */
    static void remove(Path dir) {
        try {
            Files.deleteIfExists(dir.resolve(NAME));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove the extra variables under " + dir, e);
        }
    }

    /** Every text in these variables, nested too, as {@link UnsafeText}. */
    static Map<String, Object> guarded(Map<String, Object> vars) {
        Map<String, Object> guarded = new LinkedHashMap<>();
        vars.forEach((name, value) -> guarded.put(name, guard(value)));
        return guarded;
    }

    static Object guard(Object value) {
        if (value instanceof String text) {
            return new UnsafeText(text);
        }
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> inner = new LinkedHashMap<>();
            map.forEach((key, item) -> inner.put(key, guard(item)));
            return inner;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(ExtraVarsFile::guard).toList();
        }
        return value;
    }
}
