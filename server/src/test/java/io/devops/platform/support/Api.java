package io.devops.platform.support;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real HTTP client for the running test server: requests go through Tomcat, the security
 * filters and the JSON converters exactly as a user's script would.
 */
public final class Api {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final String baseUrl;
    private final String authorization;
    /** Null unless {@link #withCookies()}: then the client keeps cookies like a browser. */
    private final CookieManager cookies;
    private final HttpClient http;
    private final Map<String, String> headers;

    private Api(String baseUrl, String authorization, CookieManager cookies, HttpClient http, Map<String, String> headers) {
        this.baseUrl = baseUrl;
        this.authorization = authorization;
        this.cookies = cookies;
        this.http = http;
        this.headers = Map.copyOf(headers);
    }

    public static Api anonymous(int port) {
        return new Api("http://localhost:" + port, null, null, HTTP, Map.of());
    }

    public Api basic(String username, String password) {
        String credentials = Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
        return new Api(baseUrl, "Basic " + credentials, cookies, http, headers);
    }

    public Api bearer(String token) {
        return new Api(baseUrl, "Bearer " + token, cookies, http, headers);
    }

    /** The same client with a cookie jar of its own, as a browser has: for session sign-in. */
    public Api withCookies() {
        CookieManager jar = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
        return new Api(baseUrl, authorization, jar, HttpClient.newBuilder().cookieHandler(jar).build(), headers);
    }

    /** The same client (and cookie jar) sending one more header on every request. */
    public Api header(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new Api(baseUrl, authorization, cookies, http, more);
    }

    /** A cookie the server set, when this client keeps cookies. */
    public Optional<HttpCookie> cookie(String name) {
        if (cookies == null) {
            return Optional.empty();
        }
        return cookies.getCookieStore().getCookies().stream().filter(cookie -> cookie.getName().equals(name)).findFirst();
    }

    public Response get(String path) {
        return send(request(path).GET());
    }

    public Response delete(String path) {
        return send(request(path).DELETE());
    }

    public Response post(String path, String json) {
        return send(request(path).header("Content-Type", "application/json").POST(BodyPublishers.ofString(json)));
    }

    public Response put(String path, String json) {
        return send(request(path).header("Content-Type", "application/json").PUT(BodyPublishers.ofString(json)));
    }

    public Response post(String path, byte[] body, String contentType) {
        return send(request(path).header("Content-Type", contentType).POST(BodyPublishers.ofByteArray(body)));
    }

    /** A GET whose body is read as it arrives, for answers too large to hold: the caller closes it. */
    public java.net.http.HttpResponse<java.io.InputStream> stream(String path) {
        try {
            return http.send(request(path).GET().build(), BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw new IllegalStateException("request failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + path));
        if (authorization != null) {
            builder.header("Authorization", authorization);
        }
        headers.forEach(builder::header);
        return builder;
    }

    private Response send(HttpRequest.Builder request) {
        try {
            var response = http.send(request.build(), BodyHandlers.ofString());
            String contentType = response.headers().firstValue("Content-Type").orElse("");
            return new Response(response.statusCode(), contentType, response.body(), response.headers());
        } catch (IOException e) {
            throw new IllegalStateException("request failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** An answer: status, content type, and the body as text and as JSON. */
    public record Response(int status, String contentType, String body, java.net.http.HttpHeaders headers) {

        public java.util.Optional<String> header(String name) {
            return headers.firstValue(name);
        }

        public JsonNode json() {
            return JSON.readTree(body);
        }

        public long id() {
            return json().get("id").asLong();
        }

        public boolean isProblem() {
            return contentType.startsWith("application/problem+json");
        }

        @Override
        public String toString() {
            return status + " " + contentType + " " + body;
        }
    }
}
