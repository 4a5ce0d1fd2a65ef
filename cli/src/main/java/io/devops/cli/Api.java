package io.devops.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The platform's public REST API over {@link HttpClient}: JSON in and out, paged lists read to
 * the end, downloads, multipart uploads and the run event stream. An error answer becomes an
 * {@link ApiException} carrying the problem's {@code detail}; no connection becomes exit code 3.
 */
final class Api {

    static final ObjectMapper JSON = new ObjectMapper();
    /** problem+json as well, so that an error answer can be written in the form it is read. */
    private static final String ACCEPT_JSON = "application/json, application/problem+json";
    private static final int PAGE_SIZE = 500;
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final Settings settings;
    private final HttpClient http;

    Api(Settings settings) {
        this.settings = settings;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    JsonNode get(String path, Map<String, ?> query) {
        return json(send(request(path, query).GET().header("Accept", ACCEPT_JSON), HttpResponse.BodyHandlers.ofByteArray()));
    }

    JsonNode get(String path) {
        return get(path, Map.of());
    }

    /** Every item of a paged list ({@code {"items","total","page","size"}}), page after page. */
    ArrayNode getAll(String path, Map<String, ?> query) {
        ArrayNode all = JSON.createArrayNode();
        for (int page = 0; ; page++) {
            Map<String, Object> paged = new LinkedHashMap<>(query);
            paged.put("page", page);
            paged.put("size", PAGE_SIZE);
            JsonNode answer = get(path, paged);
            JsonNode items = answer.path("items");
            if (!items.isArray()) {
                throw CliException.failed("the server's answer to " + path + " is not a page of items");
            }
            items.forEach(all::add);
            long total = answer.path("total").asLong(-1);
            if (items.isEmpty() || total >= 0 && all.size() >= total) {
                return all;
            }
        }
    }

    JsonNode post(String path, Map<String, ?> query, Object body) {
        byte[] content = bytes(body);
        HttpRequest.Builder request = request(path, query).header("Content-Type", "application/json")
                .header("Accept", ACCEPT_JSON).POST(HttpRequest.BodyPublishers.ofByteArray(content));
        return json(send(request, HttpResponse.BodyHandlers.ofByteArray()));
    }

    JsonNode post(String path, Object body) {
        return post(path, Map.of(), body);
    }

    JsonNode delete(String path) {
        return json(send(request(path, Map.of()).DELETE().header("Accept", ACCEPT_JSON), HttpResponse.BodyHandlers.ofByteArray()));
    }

    /** POSTs one file as the multipart field {@code field}. */
    JsonNode postFile(String path, Map<String, ?> query, String field, String fileName, byte[] content) {
        String boundary = "devopsctl-" + UUID.randomUUID();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/gzip\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        HttpRequest.Builder request = request(path, query).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("Accept", ACCEPT_JSON)
                .POST(HttpRequest.BodyPublishers.ofByteArrays(List.of(head, content, tail)));
        return json(send(request, HttpResponse.BodyHandlers.ofByteArray()));
    }

    /** The answer's body as a stream (a log, an archive); the caller closes it. */
    InputStream download(String path, Map<String, ?> query, String accept) {
        HttpResponse<InputStream> response = sendRaw(request(path, query).timeout(Duration.ofDays(1)).GET()
                        .header("Accept", accept + ", application/problem+json"),
                HttpResponse.BodyHandlers.ofInputStream());
        if (response.statusCode() >= 400) {
            try (InputStream body = response.body()) {
                throw problem(response.statusCode(), body.readAllBytes());
            } catch (IOException e) {
                throw problem(response.statusCode(), new byte[0]);
            }
        }
        return response.body();
    }

    /** The lines of an event stream ({@code text/event-stream}), as they arrive; the caller closes the stream. */
    Stream<String> eventLines(String path, Long lastEventId) {
        HttpRequest.Builder request = request(path, Map.of()).timeout(Duration.ofDays(1)).GET()
                .header("Accept", "text/event-stream, application/problem+json");
        if (lastEventId != null) {
            request.header("Last-Event-ID", String.valueOf(lastEventId));
        }
        HttpResponse<Stream<String>> response = sendRaw(request, HttpResponse.BodyHandlers.ofLines());
        if (response.statusCode() >= 400) {
            String body;
            try (Stream<String> lines = response.body()) {
                body = String.join("\n", lines.toList());
            }
            throw problem(response.statusCode(), body.getBytes(StandardCharsets.UTF_8));
        }
        return response.body();
    }

    private HttpRequest.Builder request(String path, Map<String, ?> query) {
        // The token travels in this header only: never in a URL, a log line or a message.
        return HttpRequest.newBuilder(uri(path, query)).timeout(TIMEOUT).header("Authorization", "Bearer " + settings.token())
                .header("User-Agent", "devopsctl");
    }

    URI uri(String path, Map<String, ?> query) {
        StringJoiner parameters = new StringJoiner("&");
        query.forEach((name, value) -> {
            if (value instanceof Iterable<?> values) {
                values.forEach(each -> parameters.add(encode(name) + "=" + encode(String.valueOf(each))));
            } else if (value != null) {
                parameters.add(encode(name) + "=" + encode(String.valueOf(value)));
            }
        });
        String base = settings.server().toString();
        return URI.create(base + path + (parameters.length() == 0 ? "" : "?" + parameters));
    }

    private <T> HttpResponse<T> send(HttpRequest.Builder request, HttpResponse.BodyHandler<T> handler) {
        HttpResponse<T> response = sendRaw(request, handler);
        if (response.statusCode() >= 400) {
            Object body = response.body();
            throw problem(response.statusCode(), body instanceof byte[] raw ? raw : new byte[0]);
        }
        return response;
    }

    private <T> HttpResponse<T> sendRaw(HttpRequest.Builder request, HttpResponse.BodyHandler<T> handler) {
        try {
            HttpResponse<T> response = http.send(request.build(), handler);
            if (response.statusCode() >= 300 && response.statusCode() < 400) {
                // Redirects are not followed: the token would travel to wherever they point.
                throw CliException.usage("the server answered " + response.statusCode() + ", a redirect to "
                        + response.headers().firstValue("Location").orElse("another address")
                        + ": give --server (or DEVOPSCTL_SERVER) the address it redirects to");
            }
            return response;
        } catch (ConnectException e) {
            throw new CliException(ExitCodes.UNAVAILABLE, "cannot connect to " + settings.server() + ": connection refused or no route"
                    + " (is the server running, and is --server right?)", e);
        } catch (HttpTimeoutException e) {
            throw new CliException(ExitCodes.UNAVAILABLE, "the server " + settings.server() + " did not answer in time", e);
        } catch (IOException e) {
            throw new CliException(ExitCodes.UNAVAILABLE, "cannot talk to " + settings.server() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw CliException.failed("interrupted");
        }
    }

    /** An error answer as an exception: the problem's detail and its field errors, else the status alone. */
    static ApiException problem(int status, byte[] body) {
        JsonNode json = null;
        try {
            json = body.length == 0 ? null : JSON.readTree(body);
        } catch (IOException notJson) {
            // An answer that is not JSON (a proxy's page): the status speaks for it.
        }
        StringBuilder message = new StringBuilder("HTTP ").append(status);
        String detail = json == null ? null : json.path("detail").asText(null);
        if (detail == null && json != null) {
            detail = json.path("title").asText(null);
        }
        if (detail != null) {
            message.append(": ").append(detail);
        }
        if (json != null && json.path("errors").isArray()) {
            for (JsonNode error : json.path("errors")) {
                String line = error.path("field").asText("?") + ": " + error.path("message").asText("");
                if (detail == null || !detail.contains(line)) {
                    message.append("\n  ").append(line);
                }
            }
        }
        return new ApiException(status, message.toString(), json);
    }

    private static JsonNode json(HttpResponse<byte[]> response) {
        byte[] body = response.body();
        if (body == null || body.length == 0) {
            return JSON.nullNode();
        }
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw CliException.failed("the server's answer (HTTP " + response.statusCode() + ") is not JSON");
        }
    }

    private static byte[] bytes(Object body) {
        try {
            return JSON.writeValueAsBytes(body == null ? Map.of() : body);
        } catch (IOException e) {
            throw CliException.failed("cannot write the request: " + e.getMessage());
        }
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
