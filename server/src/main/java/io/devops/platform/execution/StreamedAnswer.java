package io.devops.platform.execution;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.exc.JacksonIOException;
import tools.jackson.databind.json.JsonMapper;

/**
 * An answer written to the response as it is read from the database, so that its size is bounded
 * by the client's patience, not by the heap. It is written on the request's own thread: an async
 * body (StreamingResponseBody) is cut at the async timeout (30 s on Tomcat), which ended a long
 * download early yet cleanly, so a client took a truncated log for the whole one.
 */
final class StreamedAnswer {

    private static final Logger log = LoggerFactory.getLogger(StreamedAnswer.class);

    private StreamedAnswer() {
    }

    static void text(HttpServletResponse response, String fileName, TextBody body) throws IOException {
        response.setContentType(new MediaType("text", "plain", StandardCharsets.UTF_8).toString());
        response.setHeader("Content-Disposition", "inline; filename=\"" + fileName + "\"");
        write(response, () -> {
            Writer writer = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
            body.write(writer);
            writer.flush();
        });
    }

    /** JSON written with the mapper (and so the settings) of every other answer. */
    static void json(HttpServletResponse response, JsonMapper json, JsonBody body) throws IOException {
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        write(response, () -> {
            JsonGenerator generator = json.createGenerator(response.getOutputStream());
            body.write(generator);
            // Closed only when whole: closing after a failure would end the JSON early but well formed.
            generator.close();
        });
    }

    private static void write(HttpServletResponse response, Body body) throws IOException {
        try {
            body.write();
        } catch (IOException | JacksonIOException e) {
            if (!response.isCommitted()) {
                throw e;
            }
            // Only the response is written to: the client went away, and there is no one left to answer.
            log.debug("A streamed answer was not read to its end: {}", e.toString());
        }
    }

    @FunctionalInterface
    interface TextBody {
        void write(Writer writer) throws IOException;
    }

    @FunctionalInterface
    interface JsonBody {
        void write(JsonGenerator generator) throws IOException;
    }

    @FunctionalInterface
    private interface Body {
        void write() throws IOException;
    }
}
