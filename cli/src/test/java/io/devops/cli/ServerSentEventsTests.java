package io.devops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ServerSentEventsTests {

    @Test
    void dataLinesJoinAndCommentsAreSkipped() {
        List<ServerSentEvents.Event> events = new ArrayList<>();
        ServerSentEvents stream = new ServerSentEvents(events::add);

        List.of("event:status", "data:{\"status\":\"RUNNING\"}", "", ":", "", "id:7", "event:log", "data:line one", "data: indented",
                "data:", "").forEach(stream::accept);
        stream.accept("event:log");
        stream.accept("data:unterminated");
        stream.end();

        assertThat(events).containsExactly(new ServerSentEvents.Event("status", null, "{\"status\":\"RUNNING\"}"),
                new ServerSentEvents.Event("log", "7", "line one\n indented\n"),
                new ServerSentEvents.Event("log", null, "unterminated"));
    }
}
