package io.devops.platform.execution;

import static org.assertj.core.api.Assertions.assertThat;

import io.devops.platform.execution.RawEventStream.Event;
import io.devops.platform.execution.logs.RunLogs;
import io.devops.platform.execution.run.RunStatus;
import io.devops.platform.execution.run.RunTransitions;
import io.devops.platform.execution.run.Runs;
import io.devops.platform.execution.settings.ExecutionProperties;
import io.devops.platform.support.ApiTest;
import io.devops.platform.support.RunFixtures;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The live event streams of runs, through the real server: a client that stops reading holds up
 * nobody but itself, is dropped and resumes where it was; and one user holds a bounded number of
 * streams. The runs are written straight into the tables the engine writes (a run row and its log
 * chunks), so a 10 MB log costs no real step.
 */
class RunEventStreamsApiTests extends ApiTest {

    /** 10 MB in 64 KB chunks: more than the server's socket send buffer (Linux grows it up to 4 MB) holds. */
    private static final int BIG_LOG_CHUNKS = 160;
    /** The window the stalled client offers: the server's writes to it back up after a few MB. */
    private static final int SMALL_RECEIVE_BUFFER = 4096;
    private static final String CHUNK = "a line of output from a noisy installer, 64 bytes long ........\n".repeat(1024);

    @Autowired
    private Runs runs;
    @Autowired
    private RunTransitions transitions;
    @Autowired
    private RunLogs logs;
    @Autowired
    private ExecutionProperties properties;

    private final List<RawEventStream> opened = new ArrayList<>();

    @AfterEach
    void closeSockets() throws IOException {
        for (RawEventStream stream : opened) {
            stream.close();
        }
    }

    @Test
    void aClientThatStopsReadingHoldsUpNoOtherStream() throws Exception {
        long big = endedRun(BIG_LOG_CHUNKS);
        long small = endedRun(1);
        String reader = viewerToken();

        open(viewerToken(), big, SMALL_RECEIVE_BUFFER, Map.of()); // never read

        // The server fills the stalled socket's buffers within about a second; every stream opened
        // before and after that gets its first event at once, on another run or on the same one.
        long until = System.nanoTime() + Duration.ofSeconds(3).toNanos();
        do {
            assertFirstEventWithinASecond(reader, small);
            assertFirstEventWithinASecond(reader, big);
        } while (System.nanoTime() < until);
    }

    @Test
    void aStreamThatStaysBehindIsDroppedAndItsClientResumesWithLastEventId() throws Exception {
        long big = endedRun(BIG_LOG_CHUNKS);
        String viewer = viewerToken();
        RawEventStream stalled = open(viewer, big, SMALL_RECEIVE_BUFFER, Map.of());

        // Not reading is the behaviour under test: about a second to fill the buffers, then the
        // server's write must stay stuck for longer than devops.execution.events.send-timeout.
        RunFixtures.pause(3_000 + properties.events().sendTimeout().toMillis());
        List<Long> received = logIds(stalled.readEvents(Integer.MAX_VALUE, Duration.ofSeconds(10)));

        assertThat(received).as("the stalled stream ended before the end of the log").isNotEmpty();
        long last = received.get(received.size() - 1);
        assertThat(last).as("the stalled stream was dropped").isLessThan(BIG_LOG_CHUNKS);
        RawEventStream resumed = open(viewer, big, 0, Map.of("Last-Event-ID", String.valueOf(last)));
        List<Long> rest = logIds(resumed.readEvents(Integer.MAX_VALUE, Duration.ofSeconds(10)));
        assertThat(rest).containsExactlyElementsOf(LongStream.rangeClosed(last + 1, BIG_LOG_CHUNKS).boxed().toList());
    }

    @Test
    void aUserBeyondTheCapOfStreamsIsRefusedWith429UntilOneOfTheirsCloses() throws Exception {
        int cap = properties.events().maxStreamsPerUser();
        long run = runningRun();
        try {
            String viewer = viewerToken();
            List<RawEventStream> mine = new ArrayList<>();
            for (int i = 0; i < cap; i++) {
                mine.add(open(viewer, run, 0, Map.of()));
                assertThat(mine.get(i).status(Duration.ofSeconds(5))).isEqualTo(200);
            }

            RawEventStream refused = open(viewer, run, 0, Map.of());
            assertThat(refused.status(Duration.ofSeconds(5))).isEqualTo(429);
            assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
            assertThat(refused.body(Duration.ofSeconds(5))).contains("already has " + cap + " live run event streams open")
                    .contains("devops.execution.events.max-streams-per-user").contains("close one");
            assertThat(open(viewerToken(), run, 0, Map.of()).status(Duration.ofSeconds(5)))
                    .as("another user is not limited by this one's streams").isEqualTo(200);

            mine.get(0).close(); // the server notices at its next write (a heartbeat) and frees the slot
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            int status;
            do {
                RawEventStream again = open(viewer, run, 0, Map.of());
                status = again.status(Duration.ofSeconds(5));
                if (status != 200) {
                    again.close();
                    RunFixtures.pause(100);
                }
            } while (status != 200 && System.nanoTime() < deadline);
            assertThat(status).as("a slot is free again once a stream closed").isEqualTo(200);
        } finally {
            transitions.endFrom(run, Set.of(RunStatus.RUNNING), RunStatus.SUCCEEDED, "test over", "test over", Instant.now(), "test"); // its streams end
        }
    }

    private void assertFirstEventWithinASecond(String token, long runId) throws IOException {
        long started = System.nanoTime();
        try (RawEventStream probe = open(token, runId, 0, Map.of())) {
            List<Event> first = probe.readEvents(1, Duration.ofSeconds(1));
            long millis = Duration.ofNanos(System.nanoTime() - started).toMillis();
            assertThat(first).extracting(Event::name).containsExactly("status");
            assertThat(millis).as("milliseconds to the first event of run " + runId).isLessThan(1000);
        } catch (SocketTimeoutException e) {
            throw new AssertionError("no event on run " + runId + " within a second: a client that stopped reading "
                    + "holds up the other streams", e);
        }
    }

    private RawEventStream open(String token, long runId, int receiveBuffer, Map<String, String> headers) throws IOException {
        RawEventStream stream = RawEventStream.open(port, "/api/v1/runs/" + runId + "/events", token, receiveBuffer, headers);
        opened.add(stream);
        return stream;
    }

    private static List<Long> logIds(List<Event> events) {
        return events.stream().filter(event -> event.name().equals("log")).map(Event::id).filter(Objects::nonNull).toList();
    }

    /** A run that has succeeded, with {@code chunks} log chunks of 64 KB. */
    private long endedRun(int chunks) {
        long run = runningRun();
        for (int seq = 1; seq <= chunks; seq++) {
            logs.append(run, seq, null, CHUNK, Instant.now());
        }
        assertThat(transitions.endFrom(run, Set.of(RunStatus.RUNNING), RunStatus.SUCCEEDED, "done", "done", Instant.now(), "test")).isTrue();
        return run;
    }

    /** A run left RUNNING (no instance executes it: nothing ends it but the test). */
    private long runningRun() {
        long run = runs.insert(new Runs.NewRun(0, 0, 1, unique("events"), "STOP", "test", null, "RUN"), Instant.now());
        assertThat(transitions.start(run, Instant.now(), "events-test")).isPresent();
        return run;
    }

    /** A new VIEWER's API token (a bearer token: no password hashing on every request). */
    private String viewerToken() {
        String username = unique("viewer");
        String password = "pw-" + unique("secret") + "-Long";
        var user = admin().post("/api/v1/users", """
                {"username":"%s","displayName":"Events viewer","password":"%s","role":"VIEWER"}""".formatted(username, password));
        assertThat(user.status()).as(user.toString()).isEqualTo(201);
        var token = anonymous().basic(username, password).post("/api/v1/api-tokens", "{\"name\":\"" + unique("events") + "\"}");
        assertThat(token.status()).as(token.toString()).isEqualTo(201);
        return "Bearer " + token.json().get("token").asString();
    }
}
