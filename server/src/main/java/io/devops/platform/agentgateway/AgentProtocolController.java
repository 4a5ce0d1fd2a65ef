package io.devops.platform.agentgateway;

import io.devops.platform.agentgateway.Enrolment.Enrolled;
import io.devops.platform.agentgateway.Enrolment.Outcome;
import io.devops.platform.agentgateway.Enrolment.Waiting;
import io.devops.platform.shared.InvalidInputException;
import io.devops.platform.shared.PrintableText;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.io.IOException;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** The protocol the node agent speaks; see {@link AgentSecurityConfig} for how it authenticates. */
@RestController
@RequestMapping("/api/v1/agent")
class AgentProtocolController {

    static final int MAX_WAIT_SECONDS = 25;
    static final int HEARTBEAT_SECONDS = 30;

    private final Enrolment enrolment;
    private final AgentChannel channel;
    private final OutputIntake intake;
    private final Clock clock;
    private final org.springframework.context.ApplicationEventPublisher events;
    private final boolean seesAgentsDirectly;

    /**
     * {@code devops.agent.sees-connections-directly}: false behind a reverse proxy, where the
     * connection's address is the proxy's and cannot be compared with the address an agent declares.
     */
    AgentProtocolController(Enrolment enrolment, AgentChannel channel, OutputIntake intake, Clock clock,
                            org.springframework.context.ApplicationEventPublisher events,
                            @Value("${devops.agent.sees-connections-directly:true}") boolean seesAgentsDirectly) {
        this.events = events;
        this.enrolment = enrolment;
        this.seesAgentsDirectly = seesAgentsDirectly;
        this.channel = channel;
        this.intake = intake;
        this.clock = clock;
    }

    /**
     * 201 with the credential for a new address (or the node a node-bound token names); 202 when
     * the address is a known node's: the agent then claims its credential once an admin approves.
     */
    @PostMapping("/enroll")
    ResponseEntity<Object> enrol(@Valid @RequestBody EnrolRequest request, HttpServletRequest http) {
        Outcome outcome = enrolment.enrol(new Enrolment.Applicant(request.enrollmentToken(), request.ip(),
                request.hostname(), request.facts(), request.agentVersion(), request.claimSecret(),
                seesAgentsDirectly ? http.getRemoteAddr() : null));
        return answer(outcome, HttpStatus.CREATED);
    }

    /** The waiting agent asks, with the secret it generated, whether an admin approved it: 200 either way. */
    @PostMapping("/enrollments/{id}/claim")
    ResponseEntity<Object> claim(@PathVariable long id, @Valid @RequestBody ClaimRequest request) {
        return answer(enrolment.claim(id, request.claimSecret()), HttpStatus.OK);
    }

    private static ResponseEntity<Object> answer(Outcome outcome, HttpStatus enrolledStatus) {
        if (outcome instanceof Enrolled enrolled) {
            return ResponseEntity.status(enrolledStatus).body(new EnrolAnswer("ENROLLED", enrolled.nodeId(),
                    enrolled.ip(), enrolled.nodePoolId(), enrolled.credential(), HEARTBEAT_SECONDS, MAX_WAIT_SECONDS));
        }
        long id = ((Waiting) outcome).enrollmentId();
        return ResponseEntity.status(enrolledStatus == HttpStatus.CREATED ? HttpStatus.ACCEPTED : HttpStatus.OK)
                .body(new WaitingAnswer("PENDING", id, Enrolment.CLAIM_RETRY_SECONDS, "This address belongs to a node "
                        + "the platform already knows, so an admin must approve this agent (pending enrolment " + id
                        + ") before it gets a credential"));
    }

    @PostMapping("/heartbeat")
    Heartbeat heartbeat(@AuthenticationPrincipal AgentNode agent) {
        channel.heartbeat(agent);
        return new Heartbeat(agent.nodeId(), clock.instant());
    }

    @PutMapping("/facts")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void facts(@AuthenticationPrincipal AgentNode agent, @RequestBody FactsRequest request) {
        channel.facts(agent, request.facts());
    }

    /** Long-poll: answered at once when something is pending, otherwise within {@code waitSeconds}. */
    @PostMapping("/commands/poll")
    void poll(@AuthenticationPrincipal AgentNode agent, @Valid @RequestBody PollRequest request,
              HttpServletRequest http, HttpServletResponse response) throws IOException {
        int wait = request.waitSeconds() == null ? MAX_WAIT_SECONDS : request.waitSeconds();
        if (request.finished() != null && !request.finished().isEmpty()) {
            intake.ended(agent, request.finished().stream()
                    .map(f -> new AgentChannel.Ended(f.id(), chunks(f.chunks()), checked(f.result()))).toList());
        }
        channel.poll(agent, new HashSet<>(request.held() == null ? List.of() : request.held()), Duration.ofSeconds(wait),
                http, response);
    }

    @PostMapping("/commands/{id}/output")
    Stored output(@AuthenticationPrincipal AgentNode agent, @PathVariable long id,
                  @Valid @RequestBody OutputRequest request) {
        return new Stored(intake.append(agent, id, chunks(request.chunks())));
    }

    @PostMapping("/commands/{id}/result")
    ResultAnswer result(@AuthenticationPrincipal AgentNode agent, @PathVariable long id,
                        @Valid @RequestBody AgentResult result) {
        return new ResultAnswer(id, channel.report(agent, id, checked(result)));
    }

    private static AgentResult checked(AgentResult result) {
        if (result == null || result.outcome() == null) {
            throw new InvalidInputException("outcome", "a result needs an outcome: EXITED, TIMED_OUT, CANCELLED or FAILED_TO_START");
        }
        if (result.outcome() == AgentResult.Kind.EXITED && result.exitCode() == null) {
            throw new InvalidInputException("exitCode", "an EXITED result needs an exit code");
        }
        return result;
    }

    private static List<OutputChunk> chunks(List<Chunk> chunks) {
        return chunks == null ? List.of() : chunks.stream().map(c -> new OutputChunk(c.seq(), c.stream(), c.content(), null)).toList();
    }

    /**
     * The agent's health events (see {@link AgentHealthReported}): 200 once the health module has
     * stored them; 400 naming the bad field, storing none.
     */
    @PostMapping("/health-events")
    Stored health(@AuthenticationPrincipal AgentNode agent, @Valid @RequestBody HealthRequest request) {
        events.publishEvent(new AgentHealthReported(agent.nodeId(), request.events().stream().map(HealthEvent::checked).toList()));
        return new Stored(request.events().size());
    }

    @GetMapping(value = "/scripts/{sha256}", produces = MediaType.APPLICATION_OCTET_STREAM_VALUE)
    byte[] script(@AuthenticationPrincipal AgentNode agent, @PathVariable String sha256) {
        return channel.script(agent, sha256);
    }

    /** {@code claimSecret}: generated by the agent, to claim its credential with should it have to wait. */
    record EnrolRequest(@NotBlank @Size(max = 200) String enrollmentToken, @NotBlank @Size(max = 45) String ip,
                        @Size(max = 253) String hostname, @NotNull JsonNode facts, @Size(max = 64) String agentVersion,
                        @Size(min = 32, max = 200) String claimSecret) {
    }

    record ClaimRequest(@NotBlank @Size(min = 32, max = 200) String claimSecret) {
    }

    /** The only answers that ever contain the agent's credential. */
    record EnrolAnswer(String status, long nodeId, String ip, long nodePoolId, String credential, int heartbeatSeconds,
                       int pollWaitSeconds) {
    }

    record WaitingAnswer(String status, long enrollmentId, int retrySeconds, String detail) {
    }

    record Heartbeat(long nodeId, Instant serverTime) {
    }

    record FactsRequest(JsonNode facts) {
    }

    /**
     * {@code finished}: commands that ended since the last poll, with their last output, so that a
     * quick command costs its agent no exchange of its own (results of longer ones go by /result).
     */
    record PollRequest(@Size(max = 1000) List<Long> held, @Min(0) @Max(MAX_WAIT_SECONDS) Integer waitSeconds,
                       @Size(max = 100) List<@Valid Finished> finished) {
    }

    record Finished(long id, @Size(max = 100) List<Chunk> chunks, @NotNull AgentResult result) {
    }

    record OutputRequest(@NotNull @Size(max = 100) List<Chunk> chunks) {
    }

    record Chunk(int seq, String stream, String content) {
    }

    record HealthRequest(@NotNull @Size(max = 100) List<@Valid @NotNull HealthEvent> events) {
    }

    /**
     * Evidence, message and subject are cut to what the server keeps, control characters shown as '?'
     * (a kernel line may carry anything); component, code and severity are plain identifiers.
     */
    record HealthEvent(@NotBlank @jakarta.validation.constraints.Pattern(regexp = "[a-z][a-z0-9-]{0,31}") String component,
                       @NotBlank @jakarta.validation.constraints.Pattern(regexp = "[A-Za-z0-9_.-]{1,64}") String code,
                       @NotBlank @Size(max = 128) String subject,
                       @NotNull @jakarta.validation.constraints.Pattern(regexp = "CRITICAL|WARNING|INFO") String severity,
                       @NotBlank String message, String evidence, @NotNull Instant firstSeen, @NotNull Instant lastSeen,
                       @Min(1) long count, boolean open) {

        static final int MAX_MESSAGE = 500;
        static final int MAX_EVIDENCE = 2000;

        AgentHealthReported.Event checked() {
            if (lastSeen.isBefore(firstSeen)) {
                throw new InvalidInputException("lastSeen", "must not be before firstSeen");
            }
            return new AgentHealthReported.Event(component, code, PrintableText.of(subject, 127), severity,
                    PrintableText.of(message, MAX_MESSAGE - 1), evidence == null ? null : PrintableText.of(evidence, MAX_EVIDENCE - 1),
                    micros(firstSeen), micros(lastSeen), count, open);
        }

        /** The database keeps microseconds: the key must compare equal when the same event comes again. */
        private static Instant micros(Instant at) {
            return at.truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        }
    }

    record Stored(int stored) {
    }

    record ResultAnswer(long id, CommandStatus status) {
    }
}
