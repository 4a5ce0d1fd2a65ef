package io.devops.platform.execution;

import static org.assertj.core.api.Assertions.assertThat;

import io.devops.platform.catalog.Dispatch;
import io.devops.platform.catalog.PlannedStep;
import io.devops.platform.catalog.PlannedTask;
import io.devops.platform.catalog.TaskType;
import io.devops.platform.execution.logs.NodeLines;
import io.devops.platform.execution.logs.RunLogs;
import io.devops.platform.execution.reports.RunReports;
import io.devops.platform.execution.run.RunContents;
import io.devops.platform.execution.run.RunStatus;
import io.devops.platform.execution.run.RunTransitions;
import io.devops.platform.execution.run.Runs;
import io.devops.platform.inventory.NodeTargets.TargetNode;
import io.devops.platform.support.ApiTest;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A run far larger than the server should ever hold at once (100 MB of log, 100 MB of reports),
 * read through the API: each answer arrives whole, and the server's heap (this JVM's: the test
 * server runs in it) grows by far less than what it streams. The rows go in through the
 * repositories, as a run would write them, so no node has to produce them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LargeRunReadsTests extends ApiTest {

    private static final int CHUNK_CHARS = 64 * 1024;
    private static final int CHUNKS = 1_536;
    private static final int REPORT_CHARS = 512 * 1024;
    private static final int REPORTS = 200;
    private static final String FIRST_IP = "127.9.0.1";
    private static final String SECOND_IP = "127.9.0.2";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    private Runs runs;
    @Autowired
    private RunTransitions transitions;
    @Autowired
    private RunContents contents;
    @Autowired
    private RunLogs logs;
    @Autowired
    private RunReports reports;
    @Autowired
    private JdbcClient jdbc;

    private long runId;
    private long firstNode;
    private long secondNode;
    private long firstTask;
    private long secondTask;
    private final Expected wholeLog = new Expected();
    private final Expected firstTaskLog = new Expected();
    private final Expected firstTaskFirstNode = new Expected();
    private final Expected allReports = new Expected();

    @BeforeAll
    void aLargeRun() {
        Instant now = Instant.now();
        runId = runs.insert(new Runs.NewRun(0, 0, 1, unique("large-run"), "CONTINUE", "admin", null, "RUN"), now);
        // Data only: it never runs, and holds no node.
        transitions.endFrom(runId, java.util.Set.of(RunStatus.QUEUED), RunStatus.CANCELLED, "test data", "test data", now, "admin");
        firstNode = 9_000_000_000L + runId * 2;
        secondNode = firstNode + 1;
        contents.insertItem(runId, new RunContents.SnapshotItem(1, 0, "large", 1,
                List.of(node(firstNode, FIRST_IP), node(secondNode, SECOND_IP)), List.of(task(1), task(2))));
        List<RunContents.RunTask> tasks = contents.items(runId).get(0).tasks();
        firstTask = tasks.get(0).id();
        secondTask = tasks.get(1).id();
        writeLog(now);
        writeReports(now);
    }

    @AfterAll
    void dropTheBulk() {
        // The run's rows stay (they are small); the 200 MB would weigh on every later test.
        jdbc.sql("DELETE FROM run_log_chunks WHERE run_id = ?").param(runId).update();
        jdbc.sql("DELETE FROM run_reports WHERE run_id = ?").param(runId).update();
    }

    @Test
    void theWholeLogOfAHugeRunArrivesWholeWithoutTheServerHoldingIt() throws IOException {
        Read read = readText("/api/v1/runs/" + runId + "/log", wholeLog.bytes);

        assertThat(read.digest).isEqualTo(wholeLog.digest());
        assertThat(read.heapGrowth).as("heap growth while streaming %d bytes", wholeLog.bytes).isLessThan(wholeLog.bytes / 4);
    }

    @Test
    void aDownloadThatTakesLongerThanTheAsyncTimeoutIsNotCutShort() throws IOException {
        MessageDigest digest = sha256();
        long read = 0;
        try (InputStream in = body("/api/v1/runs/" + runId + "/log")) {
            byte[] buffer = new byte[64 * 1024];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
                read += n;
                if (read == n) {
                    // A slow client: past spring.mvc.async.request-timeout (2 s in the test profile).
                    LockSupport.parkNanos(Duration.ofMillis(2_500).toNanos());
                }
            }
        }

        assertThat(read).isEqualTo(wholeLog.bytes);
        assertThat(HexFormat.of().formatHex(digest.digest())).isEqualTo(wholeLog.digest());
    }

    @Test
    void oneStepsOutputOfAHugeRunArrivesWholeWithoutTheServerHoldingIt() throws IOException {
        Read read = readText("/api/v1/runs/" + runId + "/log?outputId=" + firstTask, firstTaskLog.bytes);

        assertThat(read.digest).isEqualTo(firstTaskLog.digest());
        assertThat(read.heapGrowth).as("heap growth while streaming %d bytes", firstTaskLog.bytes).isLessThan(firstTaskLog.bytes / 4);
    }

    @Test
    void oneNodesOutputOfAHugeStepArrivesWholeWithoutTheServerHoldingTheStep() throws IOException {
        Read read = readText("/api/v1/runs/" + runId + "/log?outputId=" + firstTask + "&nodeId=" + firstNode,
                firstTaskFirstNode.bytes);

        assertThat(read.digest).isEqualTo(firstTaskFirstNode.digest());
        // The server reads the whole step to filter it: that is what must not be held.
        assertThat(read.heapGrowth).as("heap growth while filtering %d bytes", firstTaskLog.bytes).isLessThan(firstTaskLog.bytes / 4);
    }

    @Test
    void aHugeRunsReportsArriveAsThePlainArrayWithoutTheServerHoldingThem() throws IOException {
        List<JsonNode> firstOnes = new ArrayList<>();
        Read read = readJson("/api/v1/runs/" + runId + "/reports", (parser, digest) -> {
            JsonNode report = parser.readValueAsTree();
            digest.update(report.get("content").asString().getBytes(StandardCharsets.UTF_8));
            if (firstOnes.size() < 2) {
                firstOnes.add(report);
            }
        });

        assertThat(read.items).isEqualTo(REPORTS + 2);
        assertThat(read.digest).isEqualTo(allReports.digest());
        assertThat(read.heapGrowth).as("heap growth while streaming %d bytes", allReports.bytes).isLessThan(allReports.bytes / 4);
        JsonNode first = firstOnes.get(0);
        assertThat(first.get("nodeId").asLong()).isEqualTo(firstNode);
        assertThat(first.get("taskId").asLong()).isEqualTo(firstTask);
        assertThat(first.get("ip").asString()).isEqualTo(FIRST_IP);
        assertThat(first.get("path").asString()).isEqualTo("/tmp/large-0.md");
        assertThat(first.get("sizeBytes").asLong()).isEqualTo(REPORT_CHARS);
        assertThat(first.get("truncated").asBoolean()).isFalse();
        assertThat(first.get("collectedAt").asString()).isNotBlank();
        assertThat(firstOnes.get(1).get("id").asLong()).isGreaterThan(first.get("id").asLong());
    }

    @Test
    void aHugeRunsJudgementsAreMadeWithoutTheServerHoldingItsReports() throws IOException {
        List<JsonNode> judged = new ArrayList<>();
        Read read = readJson("/api/v1/runs/" + runId + "/judgements", (parser, digest) -> judged.add(parser.readValueAsTree()));

        assertThat(read.heapGrowth).as("heap growth while judging %d bytes", allReports.bytes).isLessThan(allReports.bytes / 4);
        // Only the two NCCL outputs (of the second node) are judged; the rest are no NCCL reports.
        assertThat(judged).hasSize(2);
        assertThat(judged).allSatisfy(judgement -> {
            assertThat(judgement.get("nodeId").asLong()).isEqualTo(secondNode);
            assertThat(judgement.get("judgement").get("verdict").asString()).isNotBlank();
        });
    }

    @Test
    void reportsArePagedOnRequestInTheOrderOfThePlainArray() {
        JsonNode second = admin().get("/api/v1/runs/" + runId + "/reports?page=1&size=3&nodeId=" + firstNode).json();
        JsonNode ofSecondNode = admin().get("/api/v1/runs/" + runId + "/reports?nodeId=" + secondNode).json();
        JsonNode last = admin().get("/api/v1/runs/" + runId + "/reports?page=" + (REPORTS / 50) + "&size=50").json();

        assertThat(second.get("total").asLong()).isEqualTo(REPORTS);
        assertThat(second.get("page").asInt()).isEqualTo(1);
        assertThat(second.get("size").asInt()).isEqualTo(3);
        assertThat(second.get("items")).extracting(item -> item.get("path").asString())
                .containsExactly("/tmp/large-3.md", "/tmp/large-4.md", "/tmp/large-5.md");
        assertThat(ofSecondNode.isArray()).isTrue();
        assertThat(ofSecondNode).extracting(item -> item.get("ip").asString()).containsExactly(SECOND_IP, SECOND_IP);
        assertThat(last.get("total").asLong()).isEqualTo(REPORTS + 2);
        assertThat(last.get("items")).extracting(item -> item.get("id").asLong())
                .containsExactly(ofSecondNode.get(0).get("id").asLong(), ofSecondNode.get(1).get("id").asLong());
    }

    @Test
    void aPageOfReportsOutOfBoundsIsRefusedWithAProblem() {
        var tooLarge = admin().get("/api/v1/runs/" + runId + "/reports?size=501");
        var negative = admin().get("/api/v1/runs/" + runId + "/reports?page=-1");

        assertThat(tooLarge.status()).isEqualTo(400);
        assertThat(tooLarge.isProblem()).isTrue();
        assertThat(tooLarge.body()).contains("size").contains("between 1 and 500");
        assertThat(negative.status()).isEqualTo(400);
        assertThat(negative.body()).contains("page");
    }

    private void writeLog(Instant at) {
        for (int seq = 1; seq <= CHUNKS; seq++) {
            // Chunks of the two steps alternate, as two steps' output would not, to make the filter work.
            boolean first = seq % 2 == 1;
            String chunk = chunk(seq);
            logs.append(runId, seq, first ? firstTask : secondTask, chunk, at);
            wholeLog.add(chunk);
            if (first) {
                firstTaskLog.add(chunk);
                firstTaskFirstNode.add(NodeLines.of(FIRST_IP).keep(chunk));
            }
        }
    }

    /** 64 KB of whole lines, from both nodes. */
    private static String chunk(int seq) {
        StringBuilder text = new StringBuilder(CHUNK_CHARS);
        int line = 0;
        while (text.length() < CHUNK_CHARS - 100) {
            text.append(line % 2 == 0 ? FIRST_IP : SECOND_IP).append(" | chunk ").append(seq).append(" line ").append(line++)
                    .append(" ").append("x".repeat(40)).append('\n');
        }
        return text.toString();
    }

    private void writeReports(Instant at) {
        for (int i = 0; i < REPORTS; i++) {
            String line = "report " + i + "\n";
            String content = line.repeat(REPORT_CHARS / line.length() + 1).substring(0, REPORT_CHARS);
            reports.save(runId, firstTask, firstNode, FIRST_IP, "/tmp/large-" + i + ".md", content, REPORT_CHARS, false, at);
            allReports.add(content);
        }
        String nccl = "# NCCL test\n\n| GPUs | 8 x NVIDIA H100 80GB HBM3 |\n| Command | `all_reduce_perf -b 8 -e 8G -f 2 -g 8` |\n\n```text\n" + ncclSample() + "```\n";
        for (int i = 0; i < 2; i++) {
            reports.save(runId, firstTask, secondNode, SECOND_IP, "/tmp/nccl-" + i + ".md", nccl, nccl.length(), false, at);
            allReports.add(nccl);
        }
    }

    private static String ncclSample() {
        try (InputStream in = LargeRunReadsTests.class.getResourceAsStream("/nccl-samples/gcp-2x8-h100.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private InputStream body(String path) {
        HttpResponse<InputStream> response = admin().stream(path);
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    private Read readText(String path, long expectedBytes) throws IOException {
        MessageDigest digest = sha256();
        long read = 0;
        try (HeapProbe heap = new HeapProbe(); InputStream in = body(path)) {
            byte[] buffer = new byte[64 * 1024];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
                read += n;
            }
            assertThat(read).isEqualTo(expectedBytes);
            return new Read(HexFormat.of().formatHex(digest.digest()), 0, heap.growth());
        }
    }

    /** Reads a JSON array, or a page's items, one object at a time, as a client with little memory would. */
    private Read readJson(String path, ItemReader each) throws IOException {
        MessageDigest digest = sha256();
        int items = 0;
        try (HeapProbe heap = new HeapProbe(); InputStream in = body(path); JsonParser parser = JSON.createParser(in)) {
            assertThat(parser.nextToken()).isEqualTo(JsonToken.START_ARRAY);
            while (parser.nextToken() == JsonToken.START_OBJECT) {
                each.read(parser, digest);
                items++;
            }
            assertThat(parser.currentToken()).isEqualTo(JsonToken.END_ARRAY);
            return new Read(HexFormat.of().formatHex(digest.digest()), items, heap.growth());
        }
    }

    private static TargetNode node(long id, String ip) {
        return new TargetNode(id, ip, "large-" + ip, 22, "root", 0, "none", null, null);
    }

    private static PlannedTask task(int sequence) {
        return new PlannedTask(sequence, TaskType.SHELL, Dispatch.ANSIBLE, List.of(new PlannedStep(sequence, "script", 0, "step", 1)),
                null, 0L, null, "true", List.of(), List.of("/tmp/large.md"));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @FunctionalInterface
    private interface ItemReader {
        void read(JsonParser parser, MessageDigest digest);
    }

    private record Read(String digest, int items, long heapGrowth) {
    }

    /** What an answer must hold, in order: its size in bytes and checksum. */
    private static final class Expected {

        private final MessageDigest digest = sha256();
        private long bytes;

        void add(String text) {
            byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
            digest.update(utf8);
            bytes += utf8.length;
        }

        String digest() {
            try {
                return HexFormat.of().formatHex(((MessageDigest) digest.clone()).digest());
            } catch (CloneNotSupportedException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /**
     * The heap in use after a full collection: once before a read, then over and over while it
     * goes on (one collection after another, so no moment the server holds much goes unseen),
     * until it ends. The client here keeps one buffer or one item at a time.
     */
    private static final class HeapProbe implements AutoCloseable {

        private final long baseline;
        private final AtomicLong peak;
        private final Thread sampler;
        private volatile boolean done;

        HeapProbe() {
            baseline = usedAfterGc();
            peak = new AtomicLong(baseline);
            sampler = new Thread(this::sample, "heap-probe");
            sampler.setDaemon(true);
            sampler.start();
        }

        private void sample() {
            while (!done) {
                peak.accumulateAndGet(usedAfterGc(), Math::max);
                LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
            }
        }

        /** How much more heap was in use at the worst moment of the read than before it. */
        long growth() {
            close();
            return peak.get() - baseline;
        }

        @Override
        public void close() {
            done = true;
            try {
                sampler.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        private static long usedAfterGc() {
            System.gc();
            return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        }
    }
}
