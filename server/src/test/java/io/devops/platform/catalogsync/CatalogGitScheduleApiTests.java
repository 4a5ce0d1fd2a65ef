package io.devops.platform.catalogsync;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.devops.platform.support.Api;
import io.devops.platform.support.ApiTest;
import io.devops.platform.support.Eventually;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import tools.jackson.databind.json.JsonMapper;
import java.nio.file.Path;
import java.time.Instant;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Scheduled syncs of Git sources, driven by calling the poller with the instant the source is due
 * (the recurring db-scheduler task calls the same method with the clock's time).
 */
class CatalogGitScheduleApiTests extends ApiTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path repository;

    @Autowired
    GitSyncPoller poller;

    /** Commits the script's file; {@code exportedFromVersion} null leaves it out. */
    private String commit(Git git, String script, String command, Integer exportedFromVersion) throws Exception {
        Path file = repository.resolve("catalog/scripts/" + script + ".yaml");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "kind: script\nname: " + script + "\n"
                + (exportedFromVersion == null ? "" : "exportedFromVersion: " + exportedFromVersion + "\n")
                + "dispatch: ansible\ncommand: " + command + "\n");
        git.add().addFilepattern(".").call();
        var author = new PersonIdent("Test", "test@example.invalid");
        return git.commit().setMessage("catalog").setAuthor(author).setCommitter(author).setSign(false).call().getName();
    }

    private long register(boolean autoApply) {
        Api.Response source = admin().post("/api/v1/catalog/git-sources", """
                {"url":"%s","branch":"main","path":"catalog","schedule":"0 3 * * *","autoApply":%s}"""
                .formatted(repository.toUri(), autoApply));
        assertThat(source.status()).as(source.toString()).isEqualTo(201);
        assertThat(source.json().get("schedule").asString()).isEqualTo("0 3 * * *");
        return source.id();
    }

    private JsonNode source(long id) {
        return admin().get("/api/v1/catalog/git-sources").json().valueStream()
                .filter(s -> s.get("id").asLong() == id).findFirst().orElseThrow();
    }

    /** Runs the scheduled sync that is due next for the source. */
    private void syncWhenDue(long id) {
        Instant due = Instant.parse(source(id).get("nextSyncAt").asString());
        poller.syncDue(due);
        assertThat(Instant.parse(source(id).get("nextSyncAt").asString())).as("the next sync moved on").isAfter(due);
    }

    private JsonNode scriptVersions(String name) {
        return admin().get("/api/v1/shells?allVersions=true&sort=version,asc&name=" + name).json().get("items");
    }

    private JsonNode importOf(String script, String commit) {
        return admin().get("/api/v1/catalog/imports?limit=200").json().valueStream()
                .filter(r -> r.get("name").asString().equals(script) && r.get("commit").asString().equals(commit))
                .findFirst().orElseThrow();
    }

    @Test
    void aScheduledSyncWithAutoApplyStoresANewCommitsScriptVersionWithTheCommitAndSkipsAnUnchangedOne() throws Exception {
        String script = unique("gs_auto");
        try (Git git = Git.init().setDirectory(repository.toFile()).setInitialBranch("main").call()) {
            String first = commit(git, script, "echo one", null);
            long id = register(true);

            syncWhenDue(id);
            assertThat(scriptVersions(script)).hasSize(1);
            assertThat(importOf(script, first).get("importedBy").asString()).isEqualTo("git-source#" + id);
            assertThat(source(id).get("lastCommit").asString()).isEqualTo(first);
            assertThat(source(id).get("pendingCommit")).as("nothing waits for approval").isNull();

            String second = commit(git, script, "echo two", null);
            syncWhenDue(id);
            assertThat(scriptVersions(script)).hasSize(2);
            assertThat(scriptVersions(script).get(1).get("command").asString()).isEqualTo("echo two");
            assertThat(importOf(script, second).get("version").asInt()).isEqualTo(2);
            assertThat(source(id).get("lastOutcome").asString()).contains("applied commit " + second);

            syncWhenDue(id);
            assertThat(scriptVersions(script)).as("an unchanged commit changes nothing").hasSize(2);
            JsonNode ofScript = admin().get("/api/v1/catalog/imports?kind=script&name=" + script).json();
            assertThat(ofScript.valueStream().map(r -> r.get("version").asInt() + "@" + r.get("commit").asString()))
                    .containsExactly("2@" + second, "1@" + first);
        }
    }

    /** A webhook channel on a local receiver, with a rule (for every job) for waiting catalog plans. */
    private long planWaitingChannel(String url) {
        Api.Response channel = admin().post("/api/v1/notification-channels",
                "{\"name\":\"%s\",\"type\":\"webhook\",\"language\":\"en\",\"url\":\"%s\",\"secret\":\"plan-hook\"}"
                        .formatted(unique("gs_hook"), url));
        assertThat(channel.status()).as(channel.toString()).isEqualTo(201);
        Api.Response rule = admin().post("/api/v1/notification-rules",
                "{\"channelId\":%d,\"jobId\":null,\"events\":[\"CATALOG_PLAN_WAITING\"]}".formatted(channel.id()));
        assertThat(rule.status()).as(rule.toString()).isEqualTo(201);
        return channel.id();
    }

    @Test
    void aScheduledPlanThatWaitsIsSentToTheChannelsOfRulesForWaitingPlans() throws Exception {
        List<String> received = new CopyOnWriteArrayList<>();
        HttpServer receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.createContext("/hook", exchange -> {
            received.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        long channel = planWaitingChannel("http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook");
        try (Git git = Git.init().setDirectory(repository.toFile()).setInitialBranch("main").call()) {
            String commit = commit(git, unique("gs_told"), "echo one", null);
            long id = register(false);

            syncWhenDue(id);
            JsonNode message = Eventually.within(Duration.ofSeconds(20), "a message about commit " + commit,
                    () -> received.stream().map(JSON::readTree).filter(body -> body.toString().contains(commit))
                            .findFirst().orElse(null));
            assertThat(message.get("event").asString()).isEqualTo("CATALOG_PLAN_WAITING");
            assertThat(message.get("title").asString()).isEqualTo("[APPROVAL NEEDED] A Git sync's catalog plan waits");
            assertThat(message.get("text").asString()).contains("Git source #" + id, "branch main", "1 to create",
                    "/#/catalog/git-sources");
        } finally {
            admin().delete("/api/v1/notification-channels/" + channel);
            receiver.stop(0);
        }
    }

    @Test
    void withoutAutoApplyTheScheduledPlanWaitsAndChangesNothingUntilItsCommitIsApproved() throws Exception {
        String script = unique("gs_wait");
        try (Git git = Git.init().setDirectory(repository.toFile()).setInitialBranch("main").call()) {
            String first = commit(git, script, "echo one", null);
            long id = register(false);

            syncWhenDue(id);
            assertThat(scriptVersions(script)).isEmpty();
            JsonNode waiting = source(id);
            assertThat(waiting.get("pendingCommit").asString()).isEqualTo(first);
            assertThat(waiting.get("lastPlan").get("plan").get(0).get("action").asString()).isEqualTo("CREATE");
            assertThat(waiting.get("lastOutcome").asString()).contains("waits for approval");

            Api.Response approved = admin().post("/api/v1/catalog/git-sources/" + id + "/sync?apply=true&commit=" + first, "");
            assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
            assertThat(scriptVersions(script)).hasSize(1);
            assertThat(source(id).get("pendingCommit")).as("nothing waits for approval").isNull();
        }
    }

    @Test
    void aConflictingChangeInThePlatformIsReportedAndNotOverwrittenEvenWithAutoApply() throws Exception {
        String script = unique("gs_conflict");
        try (Git git = Git.init().setDirectory(repository.toFile()).setInitialBranch("main").call()) {
            commit(git, script, "echo one", null);
            long id = register(true);
            syncWhenDue(id);
            long v1 = scriptVersions(script).get(0).get("id").asLong();
            Api.Response edited = admin().put("/api/v1/shells/" + v1,
                    "{\"name\":\"" + script + "\",\"command\":\"echo platform\",\"dispatch\":\"ansible\"}");
            assertThat(edited.status()).as(edited.toString()).isEqualTo(200);

            String fromGit = commit(git, script, "echo git", 1);
            syncWhenDue(id);

            assertThat(scriptVersions(script)).hasSize(2);
            assertThat(scriptVersions(script).get(1).get("command").asString()).isEqualTo("echo platform");
            JsonNode source = source(id);
            assertThat(source.get("pendingCommit").asString()).isEqualTo(fromGit);
            assertThat(source.get("lastOutcome").asString()).contains("has conflicts, nothing applied");
            JsonNode entry = source.get("lastPlan").get("plan").get(0);
            assertThat(entry.get("action").asString()).isEqualTo("CONFLICT");
            assertThat(entry.get("problem").asString()).isEqualTo("CHANGED_IN_PLATFORM");
        }
    }

    @Test
    void aBadScheduleOrAutoApplyWithoutScheduleIs400() {
        Api.Response badCron = admin().post("/api/v1/catalog/git-sources",
                "{\"url\":\"file:///tmp/x.git\",\"branch\":\"main\",\"schedule\":\"every day\"}");
        assertThat(badCron.status()).isEqualTo(400);
        assertThat(badCron.json().get("errors").get(0).get("field").asString()).isEqualTo("schedule");
        Api.Response noSchedule = admin().post("/api/v1/catalog/git-sources",
                "{\"url\":\"file:///tmp/x.git\",\"branch\":\"main\",\"autoApply\":true}");
        assertThat(noSchedule.status()).isEqualTo(400);
        assertThat(noSchedule.json().get("errors").get(0).get("field").asString()).isEqualTo("autoApply");
    }
}
