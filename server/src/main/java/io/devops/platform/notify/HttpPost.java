package io.devops.platform.notify;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Posts JSON with short timeouts and turns every outcome into a {@link SendResult}: a 2xx answer is
 * sent, unless the robot services' body says otherwise (they answer 200 with {@code errcode} or
 * {@code code} not 0 for a bad signature or key).
 */
@Component
class HttpPost {

    private final HttpClient client;
    private final NotifyProperties properties;
    private final JsonMapper json;

    HttpPost(NotifyProperties properties, JsonMapper json) {
        this.properties = properties;
        this.json = json;
        this.client = HttpClient.newBuilder().connectTimeout(properties.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    SendResult post(String url, Map<String, String> headers, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(properties.readTimeout())
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        headers.forEach(request::header);
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return judge(response.statusCode(), response.body());
        } catch (HttpConnectTimeoutException e) {
            return SendResult.failed(null, "could not connect within " + properties.connectTimeout().toMillis() + " ms");
        } catch (HttpTimeoutException e) {
            return SendResult.failed(null, "no answer within " + properties.readTimeout().toMillis() + " ms");
        } catch (java.net.ConnectException e) {
            return SendResult.failed(null, "could not reach the service: connection refused");
        } catch (IOException e) {
            return SendResult.failed(null, "could not reach the service: " + describe(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return SendResult.failed(null, "interrupted while sending");
        }
    }

    private SendResult judge(int status, String body) {
        if (status < 200 || status >= 300) {
            return SendResult.failed(status, "HTTP " + status + (body == null || body.isBlank() ? "" : ": " + abbreviate(body)));
        }
        JsonNode answer = parse(body);
        if (answer != null && answer.isObject()) {
            JsonNode code = answer.has("errcode") ? answer.get("errcode") : answer.get("code");
            if (code != null && code.isNumber() && code.asInt() != 0) {
                String text = answer.has("errmsg") ? answer.get("errmsg").asString() : answer.path("msg").asString("");
                return SendResult.failed(status, "the service refused the message: " + code.asInt() + " " + text);
            }
        }
        return SendResult.sent(status);
    }

    private JsonNode parse(String body) {
        try {
            return body == null || body.isBlank() ? null : json.readTree(body);
        } catch (RuntimeException notJson) {
            return null; // a plain webhook may answer anything with a 2xx
        }
    }

    private static String describe(IOException e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }

    private static String abbreviate(String text) {
        String oneLine = text.strip().replaceAll("\\s+", " ");
        return oneLine.length() > 300 ? oneLine.substring(0, 299) + "…" : oneLine;
    }
}
