package io.devops.platform.ansible;

import io.devops.platform.ansible.PlaybookOutcome.HostStats;
import io.devops.platform.ansible.PlaybookOutcome.HostTaskResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads the callback's JSON lines into per-host task results and the recap. */
final class EventsFile {

    private final List<HostTaskResult> results = new ArrayList<>();
    private final Map<String, HostStats> stats = new LinkedHashMap<>();

    static EventsFile read(Path file, JsonMapper json) {
        EventsFile events = new EventsFile();
        if (!Files.exists(file)) {
            return events;
        }
        try (var lines = Files.lines(file)) {
            lines.filter(line -> !line.isBlank()).forEach(line -> events.accept(line, json));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the playbook events " + file, e);
        }
        return events;
    }

    /** A line that is not the callback's JSON (something else wrote to the file) is no event: its host lacks a result. */
    private void accept(String line, JsonMapper json) {
        JsonNode event;
        try {
            event = json.readTree(line);
        } catch (RuntimeException notJson) {
            return;
        }
        accept(event);
    }

    private void accept(JsonNode event) {
        switch (event.path("event").asString("")) {
            case "host_result" -> results.add(new HostTaskResult(event.path("host").asString(), event.path("task").asString(),
                    text(event, "role"), event.path("status").asString(), event.path("changed").asBoolean(),
                    event.path("rc").isNumber() ? event.path("rc").asInt() : null, text(event, "msg"),
                    event.path("duration_ms").asLong(), text(event, "step")));
            case "stats" -> event.path("hosts").properties().forEach(host -> stats.put(host.getKey(), stats(host.getValue())));
            default -> { }
        }
    }

    private static HostStats stats(JsonNode host) {
        return new HostStats(host.path("ok").asInt(), host.path("changed").asInt(), host.path("failures").asInt(),
                host.path("unreachable").asInt(), host.path("skipped").asInt(), host.path("rescued").asInt(),
                host.path("ignored").asInt());
    }

    private static String text(JsonNode event, String field) {
        JsonNode value = event.path(field);
        return value.isNull() || value.isMissingNode() ? null : value.asString();
    }

    List<HostTaskResult> results() {
        return results;
    }

    Map<String, HostStats> stats() {
        return stats;
    }
}
