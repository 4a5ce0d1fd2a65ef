package io.devops.platform.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import io.devops.platform.support.Api;
import io.devops.platform.support.ApiTest;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Walks every endpoint of the OpenAPI document as each kind of user. For tenant users the ids in
 * the path are another tenant's: the answer must be the one a missing id gets (no existence leak),
 * a list must not contain the other tenant's objects, and an endpoint whose resource this walk does
 * not know must refuse tenant users (403) until it is scoped and listed here. So an endpoint added
 * later without scoping fails this test, or is closed to tenant users by {@code @TenantAware}'s default.
 */
class EndpointWalkApiTests extends ApiTest {

    private static final long MISSING = 987_654_321L;
    /** The words of the tenant gate's 403 ({@code TenantAwareEndpoints}). */
    private static final String TENANT_GATE = "Only the operations team";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern VARIABLE = Pattern.compile("\\{[^}]+}");
    /** Resources that belong to a tenant: the path's first variable is replaced by the other tenant's id. */
    private static final Set<String> TENANT_OWNED = Set.of("tenants", "node-pools", "nodes", "jobs", "runs", "schedules");
    /**
     * Global resources tenant users may read (the catalog, pass lines, the public key that verifies
     * their certificates), that are their own (sign-in, tokens) or that read nothing stored (the schedule preview).
     */
    private static final Set<String> GLOBAL_FOR_ALL = Set.of("roles", "operators", "shells", "templates", "acceptance-thresholds",
            "auth", "api-tokens", "schedules", "certificates");
    /** Lists whose items belong to tenants: checked for the other tenant's objects. */
    private static final Set<String> SCOPED_LISTS = Set.of("/api/v1/tenants", "/api/v1/node-pools", "/api/v1/nodes", "/api/v1/jobs",
            "/api/v1/runs", "/api/v1/audit-events", "/api/v1/overview", "/api/v1/health-events", "/api/v1/health-events/summary",
            "/api/v1/repair-recommendations");

    private TenantWorld world;

    @BeforeEach
    void world() {
        world = TenantWorld.get(admin(), ApiTest::unique, ApiTest::uniqueIp);
    }

    @Test
    void tenantUsersGetNothingOfAnotherTenantFromAnyEndpoint() throws IOException {
        List<String> problems = new ArrayList<>();
        for (Endpoint endpoint : endpoints()) {
            walkAsTenantUser(world.operatorA(), "OPERATOR of A", endpoint, problems);
            walkAsTenantUser(world.viewerA(), "VIEWER of A", endpoint, problems);
        }
        assertThat(problems).isEmpty();
    }

    /** The operations team is never refused by the tenant gate (other refusals, such as OPERATOR-only reads, stand). */
    @Test
    void theOperationsTeamIsNeverClosedOutByTheTenantGate() throws IOException {
        List<String> problems = new ArrayList<>();
        for (Endpoint endpoint : endpoints()) {
            if (!endpoint.method().equals("GET")) {
                continue;
            }
            String path = endpoint.path(this::theirs);
            for (var user : Map.of("admin", world.admin(), "global VIEWER", world.globalViewer()).entrySet()) {
                Answer answer = call(user.getValue(), endpoint.method(), path);
                boolean refused = answer.status() == 403 && (user.getKey().equals("admin") || answer.body().contains(TENANT_GATE));
                if (answer.status() >= 500 || refused) {
                    problems.add(user.getKey() + " GET " + path + " answered " + answer);
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    private void walkAsTenantUser(Api user, String who, Endpoint endpoint, List<String> problems) throws IOException {
        String theirsPath = endpoint.path(this::theirs);
        String missingPath = endpoint.path(segment -> MISSING);
        Answer theirs = call(user, endpoint.method(), theirsPath);
        String where = who + " " + endpoint.method() + " " + theirsPath + ": ";
        if (theirs.status() >= 500 || theirs.status() == 401 && !endpoint.segment().equals("agent")) {
            problems.add(where + theirs);
            return;
        }
        if (theirs.status() == 403 && !endpoint.hasVariable()) {
            return;
        }
        if (endpoint.hasVariable() && TENANT_OWNED.contains(endpoint.segment())) {
            Answer missing = call(user, endpoint.method(), missingPath);
            String expected = missing.body().replace(Long.toString(MISSING), Long.toString(theirs(endpoint.segment())));
            if (theirs.status() != missing.status() || !sameProblem(theirs.body(), expected)) {
                problems.add(where + theirs + " but a missing id gets " + missing);
            }
            return;
        }
        if (theirs.status() == 403 || endpoint.segment().equals("agent")) {
            return;
        }
        if (!GLOBAL_FOR_ALL.contains(endpoint.segment()) && !SCOPED_LISTS.contains(endpoint.template())
                && !(endpoint.template().equals("/api/v1/jobs") && endpoint.method().equals("POST"))) {
            problems.add(where + "answered " + theirs.status() + " to a tenant user: scope it and list it in this walk, or leave it"
                    + " closed to tenant users (no @TenantAware)");
            return;
        }
        if (theirs.status() == 200 && SCOPED_LISTS.contains(endpoint.template())) {
            world.b().markers().stream().filter(theirs.body()::contains)
                    .forEach(marker -> problems.add(where + "the list shows the other tenant's " + marker));
        }
    }

    /**
     * Equal problems, whatever their {@code instance} (the request's own path, which for a path of two
     * ids, such as a comparison of two runs, holds the missing id too); the order of Bean Validation's
     * field errors is not fixed, so they are compared as sets.
     */
    private static boolean sameProblem(String theirs, String expected) {
        if (theirs.equals(expected)) {
            return true;
        }
        try {
            JsonNode a = JSON.readTree(theirs);
            JsonNode b = JSON.readTree(expected);
            if (a.isObject() && b.isObject()) {
                ((tools.jackson.databind.node.ObjectNode) a).remove("instance");
                ((tools.jackson.databind.node.ObjectNode) b).remove("instance");
                if (a.equals(b)) {
                    return true;
                }
            }
            return a.path("status").asInt() == 400 && b.path("status").asInt() == 400
                    && fields(a).equals(fields(b)) && !fields(a).isEmpty();
        } catch (RuntimeException notJson) {
            return false;
        }
    }

    private static Set<String> fields(JsonNode problem) {
        Set<String> fields = new java.util.TreeSet<>();
        problem.path("errors").forEach(error -> fields.add(error.path("field").asString() + ": " + error.path("message").asString()));
        return fields;
    }

    private long theirs(String segment) {
        var b = world.b();
        return switch (segment) {
            case "tenants" -> b.id();
            case "node-pools" -> b.pool();
            case "nodes" -> b.node();
            case "jobs" -> b.job();
            case "runs" -> b.run();
            case "schedules" -> b.schedule();
            default -> MISSING;
        };
    }

    private List<Endpoint> endpoints() {
        JsonNode paths = world.admin().get("/v3/api-docs").json().get("paths");
        List<Endpoint> endpoints = new ArrayList<>();
        for (String path : paths.propertyNames()) {
            for (String method : paths.get(path).propertyNames()) {
                endpoints.add(new Endpoint(method.toUpperCase(java.util.Locale.ROOT), path));
            }
        }
        assertThat(endpoints).hasSizeGreaterThan(80);
        return endpoints;
    }

    private static Answer call(Api api, String method, String path) throws IOException {
        if (path.endsWith("/events")) {
            var stream = api.header("Accept", "text/event-stream").stream(path);
            try (var body = stream.body()) {
                return new Answer(stream.statusCode(), stream.statusCode() == 200 ? "(a stream)" : new String(body.readAllBytes()));
            }
        }
        Api.Response response = switch (method) {
            case "GET" -> api.get(path);
            case "POST" -> api.post(path, "{}");
            case "PUT" -> api.put(path, "{}");
            case "DELETE" -> api.delete(path);
            default -> api.post(path, "{}");
        };
        return new Answer(response.status(), response.body());
    }

    record Answer(int status, String body) {
        @Override
        public String toString() {
            return status + " " + (body.length() > 300 ? body.substring(0, 300) + "…" : body);
        }
    }

    /** One operation of the document; {@code segment} is the resource after /api/v1/. */
    record Endpoint(String method, String template) {

        String segment() {
            String rest = template.startsWith("/api/v1/") ? template.substring("/api/v1/".length()) : template;
            int slash = rest.indexOf('/');
            return slash < 0 ? rest : rest.substring(0, slash);
        }

        boolean hasVariable() {
            return VARIABLE.matcher(template).find();
        }

        /** The first variable gets the resource's id, any further one a missing id. */
        String path(java.util.function.ToLongFunction<String> firstId) {
            Matcher matcher = VARIABLE.matcher(template);
            StringBuilder path = new StringBuilder();
            boolean first = true;
            while (matcher.find()) {
                matcher.appendReplacement(path, Long.toString(first ? firstId.applyAsLong(segment()) : MISSING));
                first = false;
            }
            matcher.appendTail(path);
            return path.toString();
        }
    }
}
