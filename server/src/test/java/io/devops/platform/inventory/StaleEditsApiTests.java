package io.devops.platform.inventory;

import static io.devops.platform.inventory.InventoryFixtures.aNode;
import static org.assertj.core.api.Assertions.assertThat;

import io.devops.platform.support.Api;
import io.devops.platform.support.ApiTest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every edit of a tenant, node pool, node or label says which version it was based on (If-Match
 * or a version field); a stale one is a 409 naming the current version and changes nothing. An
 * edit without a version is still accepted, as scripts written before versions send none.
 */
class StaleEditsApiTests extends ApiTest {

    private InventoryFixtures inventory;

    @BeforeEach
    void setUp() {
        inventory = new InventoryFixtures(admin());
    }

    /** A resource and a valid whole-state PUT body for it, with a marker that shows whether it was applied. */
    private record Editable(String path, String marker, String body) {
    }

    private List<Editable> oneOfEach() {
        long tenant = inventory.tenant(unique("tenant"));
        String poolName = unique("pool");
        long pool = inventory.pool(poolName, tenant);
        String ip = uniqueIp();
        long node = inventory.node(aNode(ip).inPool(pool));
        String key = unique("k");
        long label = admin().post("/api/v1/labels", "{\"key\":\"" + key + "\",\"value\":\"v\"}").id();
        String edited = unique("edited").replace('_', '-');
        return List.of(
                new Editable("/api/v1/tenants/" + tenant, edited, "{\"name\":\"" + edited + "\"}"),
                new Editable("/api/v1/node-pools/" + pool, edited,
                        "{\"name\":\"" + poolName + "\",\"tenantId\":" + tenant + ",\"description\":\"" + edited + "\"}"),
                new Editable("/api/v1/nodes/" + node, edited, aNode(ip).inPool(pool).hostname(edited).json()),
                new Editable("/api/v1/labels/" + label, edited,
                        "{\"key\":\"" + key + "\",\"value\":\"v\",\"description\":\"" + edited + "\"}"));
    }

    private static String withVersion(String body, long version) {
        return body.substring(0, body.lastIndexOf('}')) + ",\"version\":" + version + "}";
    }

    @Test
    void readsCarryTheVersionAsETagAndField() {
        for (Editable editable : oneOfEach()) {
            var read = admin().get(editable.path());
            assertThat(read.json().get("version").asLong()).as(editable.path()).isEqualTo(1);
            assertThat(read.header("ETag")).as(editable.path()).contains("\"1\"");
        }
    }

    @Test
    void anEditBasedOnTheCurrentVersionIsAppliedAndMakesTheNext() {
        for (Editable editable : oneOfEach()) {
            var edited = admin().header("If-Match", "\"1\"").put(editable.path(), editable.body());

            assertThat(edited.status()).as(edited.toString()).isEqualTo(200);
            assertThat(edited.json().get("version").asLong()).isEqualTo(2);
            assertThat(edited.header("ETag")).contains("\"2\"");
            assertThat(admin().get(editable.path()).body()).contains(editable.marker());
        }
    }

    @Test
    void aStaleEditIs409WithTheCurrentVersionAndChangesNothing() {
        for (Editable editable : oneOfEach()) {
            assertThat(admin().put(editable.path(), editable.body()).status()).isEqualTo(200);
            String current = admin().get(editable.path()).body();

            var byHeader = admin().header("If-Match", "\"1\"").put(editable.path(), editable.body());
            var byField = admin().put(editable.path(), withVersion(editable.body(), 1));

            for (Api.Response stale : List.of(byHeader, byField)) {
                assertThat(stale.status()).as(editable.path() + " " + stale).isEqualTo(409);
                assertThat(stale.isProblem()).isTrue();
                assertThat(stale.json().get("currentVersion").asLong()).isEqualTo(2);
                assertThat(stale.json().get("detail").asString()).contains("based on version 1")
                        .contains("the current version is 2");
            }
            assertThat(admin().get(editable.path()).body()).isEqualTo(current);
        }
    }

    @Test
    void anEditWithoutAVersionIsStillAccepted() {
        for (Editable editable : oneOfEach()) {
            assertThat(admin().put(editable.path(), editable.body()).status()).isEqualTo(200);
            var again = admin().header("If-Match", "*").put(editable.path(), editable.body());
            assertThat(again.status()).as(again.toString()).isEqualTo(200);
            assertThat(again.json().get("version").asLong()).isEqualTo(3);
        }
    }

    @Test
    void aMalformedOrContradictoryVersionIs400() {
        Editable tenant = oneOfEach().get(0);

        var malformed = admin().header("If-Match", "version one").put(tenant.path(), tenant.body());
        var contradictory = admin().header("If-Match", "\"1\"").put(tenant.path(), withVersion(tenant.body(), 2));

        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.json().get("errors").get(0).get("field").asString()).isEqualTo("If-Match");
        assertThat(contradictory.status()).isEqualTo(400);
        assertThat(contradictory.json().get("errors").get(0).get("field").asString()).isEqualTo("version");
        assertThat(admin().get(tenant.path()).json().get("version").asLong()).isEqualTo(1);
    }

    @Test
    void theApiDescriptionShowsIfMatchAsAHeaderOfEdits() {
        var put = admin().get("/v3/api-docs").json().get("paths").get("/api/v1/tenants/{id}").get("put");

        assertThat(put.get("parameters").toString()).contains("\"name\":\"If-Match\"").contains("\"in\":\"header\"")
                .doesNotContain("ifMatch");
    }

    @Test
    void ofTwoEditsBasedOnTheSameVersionExactlyOneWins() throws Exception {
        Editable tenant = oneOfEach().get(0);
        var pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Api.Response>> edits = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                String name = unique("race");
                edits.add(pool.submit(() -> admin().header("If-Match", "\"1\"").put(tenant.path(),
                        "{\"name\":\"" + name + "\"}")));
            }
            List<Integer> statuses = new ArrayList<>();
            for (var edit : edits) {
                statuses.add(edit.get().status());
            }
            assertThat(statuses).containsOnlyOnce(200).containsOnly(200, 409);
        } finally {
            pool.shutdown();
        }
    }
}
