package io.devops.platform.acceptance;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@code nvidia-smi -q [-d ...]}: a header ({@code Driver Version}, {@code Attached GPUs}),
 * then one block per GPU opened by {@code GPU 00000000:18:00.0}. Inside a block, a line without a
 * colon opens a section and deeper-indented lines belong to it; a {@code Key : value} line is split
 * at its first colon (labels are padded differently by driver version, values may hold colons).
 * Values are kept by path: {@code "Remapped Rows/Pending"}, {@code "ECC Errors/Volatile/DRAM Uncorrectable"}.
 */
record SmiQuery(String driverVersion, Integer attachedGpus, List<Gpu> gpus) {

    private static final Pattern GPU = Pattern.compile("^GPU ([0-9A-Fa-f]{4,8}:[0-9A-Fa-f]{2}:[0-9A-Fa-f]{2}\\.[0-9A-Fa-f])$");
    private static final Pattern ATTACHED = Pattern.compile("^\\d{1,3}$");

    /** One GPU's values by path, in the order printed. */
    record Gpu(String busId, Map<String, String> values) {

        String value(String path) {
            return values.get(path);
        }

        /** The values directly or indirectly under a section, by their path below it. */
        Map<String, String> under(String section) {
            Map<String, String> found = new LinkedHashMap<>();
            values.forEach((path, value) -> {
                if (path.startsWith(section + "/")) {
                    found.put(path.substring(section.length() + 1), value);
                }
            });
            return found;
        }

        boolean hasSection(String section) {
            return values.keySet().stream().anyMatch(path -> path.equals(section) || path.startsWith(section + "/"));
        }
    }

    static SmiQuery parse(String text) {
        String driver = null;
        Integer attached = null;
        List<Gpu> gpus = new ArrayList<>();
        Map<String, String> current = null;
        Deque<Section> sections = new ArrayDeque<>();
        for (String raw : text.split("\\R")) {
            String line = raw.stripTrailing();
            String body = line.strip();
            Matcher gpu = GPU.matcher(body);
            if (gpu.matches()) {
                current = new LinkedHashMap<>();
                gpus.add(new Gpu(gpu.group(1), current));
                sections.clear();
                continue;
            }
            if (body.isEmpty() || body.startsWith("=")) {
                continue;
            }
            int indent = line.length() - line.stripLeading().length();
            while (!sections.isEmpty() && sections.peek().indent() >= indent) {
                sections.pop();
            }
            int colon = body.indexOf(':');
            String key = (colon < 0 ? body : body.substring(0, colon)).strip();
            String path = pathOf(sections, key);
            if (colon < 0) {
                sections.push(new Section(indent, path));
                if (current != null) {
                    current.put(path, "");
                }
                continue;
            }
            String value = body.substring(colon + 1).strip();
            if (current != null) {
                current.put(path, value);
            } else if (key.equals("Driver Version")) {
                driver = value;
            } else if (key.equals("Attached GPUs") && ATTACHED.matcher(value).matches()) {
                attached = Integer.valueOf(value);
            }
        }
        return new SmiQuery(driver, attached, List.copyOf(gpus));
    }

    /** Why the report cannot be judged (not -q output, or fewer GPU blocks than attached GPUs), or null. */
    String unreadable() {
        if (attachedGpus == null) {
            return "no 'Attached GPUs' line: this is not the output of nvidia-smi -q";
        }
        if (attachedGpus == 0) {
            return "nvidia-smi reports 0 attached GPUs";
        }
        if (gpus.size() < attachedGpus) {
            return "the output is cut short: " + attachedGpus + " GPUs attached, " + gpus.size() + " listed";
        }
        return null;
    }

    private static String pathOf(Deque<Section> sections, String key) {
        return sections.isEmpty() ? key : sections.peek().path() + "/" + key;
    }

    private record Section(int indent, String path) {
    }
}
