package io.devops.platform.execution.reports;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the collection play recorded of one node's reports ({@code <host>.json}: {@code sizes}, -1
 * for a file the node does not have, and {@code notes}, why a file did not arrive). Absent when the
 * play never got to the node: then nothing is known of its reports, which is never "missing".
 */
record Arrived(List<Report> reports) {

    record Report(long size, String note) {
    }

    static Arrived read(Path file, JsonMapper json) {
        try {
            if (!Files.exists(file)) {
                return new Arrived(List.of());
            }
            JsonNode facts = json.readTree(Files.readString(file));
            JsonNode sizes = facts.path("sizes");
            JsonNode notes = facts.path("notes");
            List<Report> reports = new ArrayList<>();
            for (int i = 0; i < sizes.size(); i++) {
                JsonNode size = sizes.get(i);
                reports.add(new Report(size.isNumber() ? size.asLong() : -1, notes.path(i).isString() ? notes.get(i).asString() : ""));
            }
            return new Arrived(List.copyOf(reports));
        } catch (IOException | JacksonException e) {
            return new Arrived(List.of()); // unreadable: treated as never recorded, so the report counts as not fetched
        }
    }

    Optional<Report> of(int index) {
        return index < reports.size() ? Optional.of(reports.get(index)) : Optional.empty();
    }
}
