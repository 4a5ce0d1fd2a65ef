package io.devops.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Reads {@code text/event-stream} line by line into events ({@code event:}, {@code id:}, {@code data:};
 * a blank line ends an event; {@code :} lines are heartbeats). Several data lines join with a newline.
 * The server writes {@code data:} without a space, so a value's leading space is content and kept.
 */
final class ServerSentEvents {

    record Event(String name, String id, String data) {
    }

    private final Consumer<Event> sink;
    private String name;
    private String id;
    private final List<String> data = new ArrayList<>();

    ServerSentEvents(Consumer<Event> sink) {
        this.sink = sink;
    }

    void accept(String line) {
        if (line.isEmpty()) {
            dispatch();
            return;
        }
        if (line.startsWith(":")) {
            return;
        }
        int colon = line.indexOf(':');
        String field = colon < 0 ? line : line.substring(0, colon);
        String value = colon < 0 ? "" : line.substring(colon + 1);
        switch (field) {
            case "event" -> name = value;
            case "id" -> id = value;
            case "data" -> data.add(value);
            default -> { } // retry and unknown fields change nothing here
        }
    }

    /** Ends the stream: an event the server did not close with a blank line still counts. */
    void end() {
        dispatch();
    }

    private void dispatch() {
        if (!data.isEmpty()) {
            sink.accept(new Event(name == null ? "message" : name, id, String.join("\n", data)));
        }
        name = null;
        id = null;
        data.clear();
    }
}
