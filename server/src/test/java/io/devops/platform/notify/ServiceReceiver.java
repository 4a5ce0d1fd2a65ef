package io.devops.platform.notify;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A local HTTP server on 127.0.0.1 that plays the generic webhook and the DingTalk, Feishu and WeCom
 * robots. Each checks the signature and the payload as its service documents it (its own HMAC code,
 * not the server's) and answers as that service would: an error code in a 200 for a bad signature.
 * The first {@code failFirst} requests to each path are answered 500, as by a service that is down.
 */
public final class ServiceReceiver implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration MAX_SKEW = Duration.ofHours(1);

    /** A request as received, and whether it was signed and shaped as the service requires (why not, if not). */
    public record Received(String path, Map<String, String> query, Map<String, String> headers, String body, String problem) {

        public JsonNode json() {
            return JSON.readTree(body);
        }

        public boolean valid() {
            return problem == null;
        }
    }

    private final HttpServer server;
    private final Map<String, String> secrets;
    private final int failFirst;
    private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();

    /** {@code secrets}: the signing secret each path expects ("/webhook", "/dingtalk", "/feishu"); WeCom has none. */
    public ServiceReceiver(Map<String, String> secrets, int failFirst) throws IOException {
        this.secrets = Map.copyOf(secrets);
        this.failFirst = failFirst;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    public List<Received> received(String path) {
        return received.stream().filter(request -> request.path().equals(path)).toList();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
        Map<String, String> headers = new LinkedHashMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(), values.get(0)));
        String problem = check(path, query, headers, body);
        received.add(new Received(path, query, headers, body, problem));
        if (counts.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet() <= failFirst) {
            answer(exchange, 500, "{\"error\":\"temporarily unavailable\"}");
        } else if (problem != null) {
            answer(exchange, path.equals("/webhook") ? 401 : 200, path.equals("/feishu")
                    ? "{\"code\":19021,\"msg\":\"sign match fail or timestamp is not within one hour from current time\"}"
                    : "{\"errcode\":310000,\"errmsg\":\"" + problem + "\"}");
        } else {
            answer(exchange, 200, path.equals("/feishu") ? "{\"code\":0,\"msg\":\"success\",\"data\":{}}"
                    : "{\"errcode\":0,\"errmsg\":\"ok\"}");
        }
    }

    private String check(String path, Map<String, String> query, Map<String, String> headers, String body) {
        try {
            JsonNode json = JSON.readTree(body);
            return switch (path) {
                case "/webhook" -> webhook(headers, body, json);
                case "/dingtalk" -> dingTalk(query, json);
                case "/feishu" -> feishu(json);
                case "/wecom" -> weCom(query, json);
                default -> "unknown path " + path;
            };
        } catch (RuntimeException e) {
            return "not JSON: " + e.getMessage();
        }
    }

    /** Ours: X-Devops-Signature = "sha256=" + hex(HMAC-SHA256(secret, timestamp + "." + body)), a fresh timestamp. */
    private String webhook(Map<String, String> headers, String body, JsonNode json) {
        String timestamp = headers.get("x-devops-timestamp");
        if (timestamp == null || !fresh(Instant.ofEpochSecond(Long.parseLong(timestamp)))) {
            return "missing or stale X-Devops-Timestamp";
        }
        String expected = "sha256=" + HexFormat.of().formatHex(hmac(secrets.get("/webhook"), timestamp + "." + body));
        if (!expected.equals(headers.get("x-devops-signature"))) {
            return "signature mismatch";
        }
        return json.path("event").isString() && json.path("title").isString() && json.path("text").isString()
                && json.path("data").isObject() ? null : "not the webhook's payload";
    }

    /** DingTalk: timestamp (ms, within an hour) and sign = urlencode(base64(HMAC(secret, timestamp + "\n" + secret))). */
    private String dingTalk(Map<String, String> query, JsonNode json) {
        String timestamp = query.get("timestamp");
        if (!"dt-token".equals(query.get("access_token")) || timestamp == null
                || !fresh(Instant.ofEpochMilli(Long.parseLong(timestamp)))) {
            return "missing access_token or timestamp";
        }
        String secret = secrets.get("/dingtalk");
        String expected = Base64.getEncoder().encodeToString(hmac(secret, timestamp + "\n" + secret));
        if (!expected.equals(query.get("sign"))) {
            return "sign not match";
        }
        return "markdown".equals(json.path("msgtype").asString("")) && json.path("markdown").path("title").isString()
                && json.path("markdown").path("text").isString() ? null : "not a markdown message";
    }

    /** Feishu: body timestamp (s, within an hour) and sign = base64(HMAC(key = timestamp + "\n" + secret, data = empty)). */
    private String feishu(JsonNode json) {
        String timestamp = json.path("timestamp").asString("");
        if (timestamp.isEmpty() || !fresh(Instant.ofEpochSecond(Long.parseLong(timestamp)))) {
            return "missing timestamp";
        }
        String expected = Base64.getEncoder().encodeToString(hmacKeyOnly(timestamp + "\n" + secrets.get("/feishu")));
        if (!expected.equals(json.path("sign").asString(""))) {
            return "sign mismatch";
        }
        return "text".equals(json.path("msg_type").asString("")) && json.path("content").path("text").isString()
                ? null : "not a text message";
    }

    /** WeCom: the key in the address, a markdown message. */
    private String weCom(Map<String, String> query, JsonNode json) {
        if (!"wc-key".equals(query.get("key"))) {
            return "invalid webhook url, key missing";
        }
        return "markdown".equals(json.path("msgtype").asString("")) && json.path("markdown").path("content").isString()
                ? null : "not a markdown message";
    }

    private static boolean fresh(Instant at) {
        return Duration.between(at, Instant.now()).abs().compareTo(MAX_SKEW) < 0;
    }

    private static byte[] hmac(String key, String data) {
        return mac(key.getBytes(StandardCharsets.UTF_8), data.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] hmacKeyOnly(String key) {
        return mac(key.getBytes(StandardCharsets.UTF_8), new byte[0]);
    }

    private static byte[] mac(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> query = new LinkedHashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                String[] kv = pair.split("=", 2);
                query.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8), kv.length < 2 ? "" : URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
            }
        }
        return query;
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
