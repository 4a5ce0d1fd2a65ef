package io.devops.platform.notify;

import static org.assertj.core.api.Assertions.assertThat;

import io.devops.platform.acceptance.CheckVerdict;
import io.devops.platform.acceptance.NodeAcceptanceConcluded;
import io.devops.platform.execution.RunEnded;
import io.devops.platform.support.ApiTest;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import tools.jackson.databind.JsonNode;

/** Real runs that fail (their node is unreachable) and what their rules send, where and in which language. */
class RunNotificationsTests extends NotificationApiTest {

    private static final Map<String, String> SECRETS = Map.of("/webhook", "run-hook-secret");

    @Autowired
    private ApplicationEventPublisher events;

    @Test
    void aFailedRunIsToldToItsJobsRuleAndToTheGlobalRuleEachInItsChannelsLanguage() throws Exception {
        try (ServiceReceiver receiver = new ServiceReceiver(SECRETS, 0)) {
            long job = data().jobOnAnUnreachableNode(ApiTest::uniqueIp);
            long otherJob = data().jobOnAnUnreachableNode(ApiTest::uniqueIp);
            long chinese = data().create(data().channel("webhook", receiver.url("/webhook"), SECRETS.get("/webhook"))
                    .put("language", "zh-CN"));
            data().rule(chinese, job, "RUN_FAILED");
            long english = data().create(data().channel("webhook", receiver.url("/webhook"), SECRETS.get("/webhook")));
            data().rule(english, null, "RUN_FAILED", "RUN_CANCELLED");
            long otherJobs = data().create(data().channel("webhook", receiver.url("/webhook"), SECRETS.get("/webhook")));
            data().rule(otherJobs, otherJob, "RUN_FAILED");
            long successes = data().create(data().channel("webhook", receiver.url("/webhook"), SECRETS.get("/webhook")));
            data().rule(successes, job, "RUN_SUCCEEDED");

            long runId = data().start(job);
            JsonNode run = data().awaitEnd(runId, Duration.ofMinutes(2));
            assertThat(run.get("status").asString()).isEqualTo("FAILED");
            String ip = run.at("/items/0/nodes/0/ip").asString();

            JsonNode zh = awaitMessage(receiver, runId, "zh-CN");
            assertThat(zh.get("event").asString()).isEqualTo("RUN_FAILED");
            assertThat(zh.get("title").asString()).isEqualTo("【失败】作业 " + run.get("jobName").asString() + " 的运行 #" + runId);
            assertThat(zh.get("text").asString()).contains("状态：失败", "耗时：", "失败节点：1 / 1", ip, "不可达",
                    "查看：http://localhost:8080/#/runs/" + runId);
            assertThat(zh.at("/data/failedNodes/0/status").asString()).isEqualTo("UNREACHABLE");
            assertThat(zh.at("/data/failedNodes/0/step").asString()).startsWith("nt_noop");
            assertThat(zh.at("/data/jobId").asLong()).isEqualTo(job);

            JsonNode en = awaitMessage(receiver, runId, "en");
            assertThat(en.get("title").asString()).startsWith("[FAILED] Run #" + runId + " of job ");
            assertThat(en.get("text").asString()).contains("Status: FAILED", "Failed nodes: 1 of 1", ip, "UNREACHABLE",
                    "Open: http://localhost:8080/#/runs/" + runId);

            assertThat(data().awaitAttempts(chinese, 1, Duration.ofSeconds(10))).hasSize(1);
            assertThat(data().awaitAttempts(english, 1, Duration.ofSeconds(10))).hasSize(1);
            NotificationTestData.pause(1000);
            assertThat(data().attempts(otherJobs)).as("another job's rule").isEmpty();
            assertThat(data().attempts(successes)).as("a rule for another event").isEmpty();
            assertThat(receiver.received("/webhook")).hasSize(2).allSatisfy(request -> assertThat(request.problem()).isNull());
        }
    }

    @Test
    void aNodeThatFailsAcceptanceIsToldWithItsVerdictReasonAndWhereItStopped() throws Exception {
        try (ServiceReceiver receiver = new ServiceReceiver(SECRETS, 0)) {
            long job = data().jobOnAnUnreachableNode(ApiTest::uniqueIp);
            long channel = data().create(data().channel("webhook", receiver.url("/webhook"), SECRETS.get("/webhook")));
            data().rule(channel, job, "NODE_ACCEPTANCE_FAILED");
            long runId = data().start(job);
            JsonNode run = data().awaitEnd(runId, Duration.ofMinutes(2));
            long nodeId = run.at("/items/0/nodes/0/nodeId").asLong();
            String ip = run.at("/items/0/nodes/0/ip").asString();

            // As the run's acceptance judging publishes it after the run ended (here without GPUs to judge).
            events.publishEvent(new NodeAcceptanceConcluded(nodeId, runId, CheckVerdict.FAIL,
                    "nccl_all_reduce: 180 GB/s below 360", Instant.now()));
            events.publishEvent(new NodeAcceptanceConcluded(nodeId, runId, CheckVerdict.PASS, null, Instant.now()));

            JsonNode message = awaitMessage(receiver, runId, "en");
            assertThat(message.get("event").asString()).isEqualTo("NODE_ACCEPTANCE_FAILED");
            assertThat(message.get("title").asString()).isEqualTo("[ACCEPTANCE FAIL] Node " + ip);
            assertThat(message.get("text").asString()).contains("Verdict: FAIL", "Reason: nccl_all_reduce: 180 GB/s below 360",
                    "Run: #" + runId, "Open: http://localhost:8080/#/runs/" + runId);
            assertThat(message.at("/data/failedNodes/0/status").asString()).isEqualTo("UNREACHABLE");
            NotificationTestData.pause(1000);
            assertThat(data().attempts(channel)).as("a passing verdict tells nobody").hasSize(1);
        }
    }

    @Test
    void aRunThatWaitsForApprovalIsToldWithWhoStartedItWhyItWaitsAndWhereToDecide() throws Exception {
        try (ServiceReceiver receiver = new ServiceReceiver(SECRETS, 0)) {
            long job = data().jobOnAnUnreachableNode(ApiTest::uniqueIp);
            assertThat(admin().put("/api/v1/jobs/" + job + "/approval-rule", "{\"whenDelivered\":true}").status()).isEqualTo(200);
            long english = data().create(data().channel("webhook", receiver.url("/webhook"), SECRETS.get("/webhook")));
            data().rule(english, job, "RUN_PENDING_APPROVAL");
            long chinese = data().create(data().channel("webhook", receiver.url("/webhook"), SECRETS.get("/webhook"))
                    .put("language", "zh-CN"));
            data().rule(chinese, null, "RUN_PENDING_APPROVAL");

            var started = admin().post("/api/v1/jobs/" + job + "/runs", "{}");
            assertThat(started.json().get("status").asString()).isEqualTo("PENDING_APPROVAL");
            long runId = started.id();

            JsonNode en = awaitMessage(receiver, runId, "en");
            assertThat(en.get("event").asString()).isEqualTo("RUN_PENDING_APPROVAL");
            assertThat(en.get("title").asString()).startsWith("[APPROVAL NEEDED] Run #" + runId + " of job ");
            assertThat(en.get("text").asString()).contains("Nodes: 1", "Started by admin: 1 of its nodes is DELIVERED to a tenant",
                    "Approve or reject: http://localhost:8080/#/runs/" + runId);
            JsonNode zh = awaitMessage(receiver, runId, "zh-CN");
            assertThat(zh.get("title").asString()).isEqualTo("【待审批】作业 " + started.json().get("jobName").asString() + " 的运行 #" + runId);
            assertThat(admin().post("/api/v1/runs/" + runId + "/cancel", "{}").status()).isEqualTo(202);
        }
    }

    @Test
    void anUnreachableOrSilentReceiverNeverDelaysTheRun() throws Exception {
        int closedPort;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = probe.getLocalPort();
        }
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            List<Socket> held = new CopyOnWriteArrayList<>();
            Thread acceptor = new Thread(() -> {
                try {
                    while (true) {
                        held.add(silent.accept()); // accepted and never answered
                    }
                } catch (IOException closed) {
                    // the test is over
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            long job = data().jobOnAnUnreachableNode(ApiTest::uniqueIp);
            long unreachable = data().create(data().channel("webhook", "http://127.0.0.1:" + closedPort + "/hook", "s"));
            data().rule(unreachable, job, "RUN_FAILED");
            long silentChannel = data().create(data().channel("webhook", "http://127.0.0.1:" + silent.getLocalPort() + "/hook", "s"));
            data().rule(silentChannel, job, "RUN_FAILED");

            long runId = data().start(job);
            JsonNode run = data().awaitEnd(runId, Duration.ofMinutes(2));
            assertThat(run.get("status").asString()).isEqualTo("FAILED");

            // What the run's thread does when it ends: publish the event. It only hands the work over.
            long started = System.nanoTime();
            events.publishEvent(new RunEnded(runId, job, RunEnded.Outcome.FAILED, Instant.now(), Instant.now()));
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(500));

            JsonNode refused = data().awaitAttempts(unreachable, 1, Duration.ofSeconds(10));
            assertThat(refused.get(0).get("status").asString()).isEqualTo("FAILED");
            assertThat(refused.get(0).path("responseCode").asInt(0)).as("no HTTP answer").isZero();
            assertThat(refused.get(0).get("error").asString()).contains("could not reach the service: connection refused");
            JsonNode timedOut = data().awaitAttempts(silentChannel, 1, Duration.ofSeconds(15));
            assertThat(timedOut.get(0).get("error").asString()).contains("no answer within 2000 ms");
            Instant runEnded = Instant.parse(run.get("finishedAt").asString());
            assertThat(Instant.parse(timedOut.get(0).get("at").asString())).as("the try ended after the run had")
                    .isAfter(runEnded.plusMillis(1500));
            for (Socket socket : held) {
                socket.close();
            }
        }
    }

    private static JsonNode awaitMessage(ServiceReceiver receiver, long runId, String language) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            for (ServiceReceiver.Received request : receiver.received("/webhook")) {
                JsonNode body = request.json();
                if (body.at("/data/runId").asLong() == runId && language.equals(body.get("language").asString())) {
                    return body;
                }
            }
            NotificationTestData.pause(100);
        }
        throw new AssertionError("no " + language + " message about run " + runId + " arrived; got " + receiver.received("/webhook"));
    }
}
