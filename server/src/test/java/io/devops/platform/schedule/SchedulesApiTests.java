package io.devops.platform.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import io.devops.platform.support.Api;
import io.devops.platform.support.ApiTest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class SchedulesApiTests extends ApiTest {

    private long jobId;

    @BeforeEach
    void job() {
        jobId = ScheduleFixtures.job(admin(), ApiTest::unique, ApiTest::uniqueIp);
    }

    private Api.Response create(String body) {
        return admin().post("/api/v1/jobs/" + jobId + "/schedules", body);
    }

    private static List<Instant> instants(JsonNode array) {
        return array.valueStream().map(node -> Instant.parse(node.asString())).toList();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    @Test
    void aNewScheduleAnswersItsNextFiveStartsAndIsAudited() {
        var created = create("{\"cron\":\"0 3 * * *\",\"timeZone\":\"Asia/Shanghai\",\"enabled\":true,\"overlap\":\"SKIP\",\"missed\":\"RUN_ONCE\"}");

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonNode schedule = created.json();
        List<Instant> starts = instants(schedule.get("nextStarts"));
        assertThat(starts).hasSize(5);
        assertThat(starts).allSatisfy(start -> assertThat(start.toString()).endsWith("T19:00:00Z"));
        assertThat(Duration.between(starts.get(0), starts.get(4))).isEqualTo(Duration.ofDays(4));
        assertThat(schedule.get("nextStartAt").asString()).isEqualTo(starts.get(0).toString());
        assertThat(schedule.get("starter").asString()).isEqualTo("schedule:" + created.id());
        assertThat(created.header("ETag")).contains("\"0\"");
        assertThat(admin().get("/api/v1/jobs/" + jobId + "/schedules").json().get(0).get("id").asLong()).isEqualTo(created.id());

        JsonNode events = admin().get("/api/v1/audit-events?entityType=schedule&entityId=" + created.id()).json().get("items");
        assertThat(events.get(0).get("action").asString()).isEqualTo("schedule.created");
        assertThat(events.get(0).get("actor").asString()).isEqualTo("admin");
    }

    @Test
    void thePreviewFollowsTheTimeZonesDaylightSavingChanges() {
        var daily = admin().get("/api/v1/schedules/preview?cron=" + encode("30 2 * * *") + "&timeZone=Europe/Berlin&count=3"
                + "&from=2026-03-28T00:00:00Z");
        assertThat(daily.status()).as(daily.toString()).isEqualTo(200);
        assertThat(instants(daily.json())).containsExactly(Instant.parse("2026-03-28T01:30:00Z"),
                Instant.parse("2026-03-29T01:00:00Z"), Instant.parse("2026-03-30T00:30:00Z"));

        var hourly = admin().get("/api/v1/schedules/preview?cron=" + encode("0 * * * *") + "&timeZone=Europe/Berlin&count=4"
                + "&from=2026-10-24T23:30:00Z").json();
        assertThat(instants(hourly)).as("02:00 CEST and 02:00 CET are two real hours")
                .containsExactly(Instant.parse("2026-10-25T00:00:00Z"), Instant.parse("2026-10-25T01:00:00Z"),
                        Instant.parse("2026-10-25T02:00:00Z"), Instant.parse("2026-10-25T03:00:00Z"));

        var interval = admin().get("/api/v1/schedules/preview?intervalSeconds=3600&from=2026-01-01T00:00:00Z").json();
        assertThat(instants(interval)).hasSize(5).startsWith(Instant.parse("2026-01-01T01:00:00Z"));
    }

    @Test
    void badInputIsAProblemNamingTheFieldAndStoresNothing() {
        for (String[] bad : new String[][] {
                {"{\"cron\":\"0 3 * *\"}", "cron"},
                {"{\"cron\":\"0 61 * * *\"}", "cron"},
                {"{\"cron\":\"0 3 * * *\",\"timeZone\":\"Asia/Beijing\"}", "Asia/Shanghai"},
                {"{\"cron\":\"0 3 * * *\",\"intervalSeconds\":600}", "not both"},
                {"{}", "give a cron expression or intervalSeconds"},
                {"{\"intervalSeconds\":600,\"overlap\":\"ALWAYS\"}", "SKIP, QUEUE_ONE"}}) {
            var refused = create(bad[0]);
            assertThat(refused.status()).as(bad[0]).isEqualTo(400);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.json().get("detail").asString()).as(bad[0]).contains(bad[1]);
        }
        assertThat(admin().get("/api/v1/jobs/" + jobId + "/schedules").json().size()).isZero();
        var preview = admin().get("/api/v1/schedules/preview?cron=nonsense");
        assertThat(preview.status()).isEqualTo(400);
        assertThat(preview.json().get("detail").asString()).contains("5 fields");
    }

    @Test
    void anEditBasedOnAnOldVersionIsRefusedAndAPausedScheduleHasNoNextStarts() {
        long id = create("{\"intervalSeconds\":3600}").id();

        var paused = admin().header("If-Match", "\"0\"").put("/api/v1/schedules/" + id,
                "{\"intervalSeconds\":3600,\"enabled\":false,\"overlap\":\"QUEUE_ONE\",\"missed\":\"SKIP\"}");
        assertThat(paused.status()).as(paused.toString()).isEqualTo(200);
        assertThat(paused.json().get("version").asLong()).isEqualTo(1);
        assertThat(paused.json().get("enabled").asBoolean()).isFalse();
        assertThat(paused.json().has("nextStartAt")).isFalse();
        assertThat(paused.json().get("nextStarts").size()).isZero();
        assertThat(paused.json().get("overlap").asString()).isEqualTo("QUEUE_ONE");

        var stale = admin().header("If-Match", "\"0\"").put("/api/v1/schedules/" + id, "{\"intervalSeconds\":600}");
        assertThat(stale.status()).isEqualTo(409);
        assertThat(admin().get("/api/v1/schedules/" + id).json().get("intervalSeconds").asLong()).isEqualTo(3600);

        assertThat(admin().header("If-Match", "\"0\"").delete("/api/v1/schedules/" + id).status()).isEqualTo(409);
        assertThat(admin().delete("/api/v1/schedules/" + id).status()).isEqualTo(204);
        assertThat(admin().get("/api/v1/schedules/" + id).status()).isEqualTo(404);
    }

    @Test
    void aScheduleEndsAtItsEndDate() {
        Instant endsAt = Instant.now().plus(Duration.ofMinutes(150));
        var created = create("{\"intervalSeconds\":3600,\"endsAt\":\"" + endsAt + "\"}");

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.json().get("nextStarts").size()).isEqualTo(2);
    }

    @Test
    void aJobThatDoesNotExistHasNoSchedules() {
        assertThat(admin().post("/api/v1/jobs/987654321/schedules", "{\"intervalSeconds\":600}").status()).isEqualTo(404);
        assertThat(admin().get("/api/v1/jobs/987654321/schedules").status()).isEqualTo(404);
    }
}
