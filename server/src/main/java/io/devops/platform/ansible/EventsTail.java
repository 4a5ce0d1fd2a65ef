package io.devops.platform.ansible;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Follows the callback's events file while the playbook runs, for the {@code host_start} events:
 * the task each host is at. Reads only whole lines (the callback writes one line per event), from
 * where it stopped; a file it cannot read yet is tried again at the next poll.
 */
final class EventsTail {

    private final Path file;
    private final JsonMapper json;
    private long offset;

    EventsTail(Path file, JsonMapper json) {
        this.file = file;
        this.json = json;
    }

    /** The task each host started since the last poll (its latest one), by host name. */
    Map<String, String> poll() {
        Map<String, String> started = new LinkedHashMap<>();
        if (!Files.exists(file)) {
            return started;
        }
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
            long length = in.length();
            if (length <= offset) {
                return started;
            }
            byte[] bytes = new byte[(int) Math.min(length - offset, 4 * 1024 * 1024)];
            in.seek(offset);
            in.readFully(bytes);
            int end = lastNewline(bytes);
            if (end < 0) {
                return started;
            }
            offset += end + 1;
            for (String line : new String(bytes, 0, end, StandardCharsets.UTF_8).split("\n")) {
                accept(line, started);
            }
        } catch (IOException unreadable) {
            return started;
        }
        return started;
    }

    private void accept(String line, Map<String, String> started) {
        JsonNode event;
        try {
            event = json.readTree(line);
        } catch (RuntimeException notJson) {
            return;
        }
        if ("host_start".equals(event.path("event").asString("")) && event.path("host").isString()) {
            started.put(event.path("host").asString(), event.path("task").asString(""));
        }
    }

    private static int lastNewline(byte[] bytes) {
        for (int i = bytes.length - 1; i >= 0; i--) {
            if (bytes[i] == '\n') {
                return i;
            }
        }
        return -1;
    }
}
