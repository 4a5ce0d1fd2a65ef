package io.devops.platform.agentgateway;

import io.devops.platform.agentgateway.EnrollmentTokens.EnrollmentTokenView;
import io.devops.platform.agentgateway.PendingEnrollments.NewPending;
import io.devops.platform.agentgateway.PendingEnrollments.PendingRow;
import io.devops.platform.inventory.NodeRegistry;
import io.devops.platform.inventory.NodeRegistry.FactsSummary;
import io.devops.platform.inventory.NodeRegistry.KnownNode;
import io.devops.platform.inventory.NodeRegistry.RegisteredNode;
import io.devops.platform.shared.ConflictException;
import io.devops.platform.shared.InvalidInputException.InputError;
import io.devops.platform.shared.PrintableText;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An agent presents an enrolment token and receives its own credential. The token and the facts
 * are checked first, outside any transaction, so that a refusal records its audit event without
 * holding a connection; the enrolment itself is one transaction: a refused one (bad IP, missing
 * pool) takes no use of the token and changes nothing.
 * <p>
 * A token never takes over a node: it enrols only addresses the inventory does not know, into its
 * own pool. An agent that declares a known address waits as a {@link PendingEnrollments pending
 * enrolment} until an admin decides, and meanwhile the node's agent keeps working; only a token
 * bound to that node (a reinstalled host) replaces its agent at once. An approved agent claims
 * its credential with the one-time secret it generated, so that nobody else can pick it up.
 */
@Service
class Enrolment {

    /** How often a waiting agent asks whether an admin has decided. */
    static final int CLAIM_RETRY_SECONDS = 3;

    private final EnrollmentTokens tokens;
    private final AgentCredentials credentials;
    private final PendingEnrollments pending;
    private final NodeRegistry registry;
    private final AgentRevocation revocation;
    private final NodeAudit audit;
    private final FactsRefusals refusals;
    private final TransactionTemplate transactions;
    private final JsonMapper json;
    private final Clock clock;

    Enrolment(EnrollmentTokens tokens, AgentCredentials credentials, PendingEnrollments pending, NodeRegistry registry,
              AgentRevocation revocation, NodeAudit audit, FactsRefusals refusals, TransactionTemplate transactions,
              JsonMapper json, Clock clock) {
        this.tokens = tokens;
        this.credentials = credentials;
        this.pending = pending;
        this.registry = registry;
        this.revocation = revocation;
        this.audit = audit;
        this.refusals = refusals;
        this.transactions = transactions;
        this.json = json;
        this.clock = clock;
    }

    Outcome enrol(Applicant applicant) {
        Instant now = clock.instant();
        EnrollmentTokenView token = liveToken(applicant.enrollmentToken(), now);
        // Checked once the token is known good: only an agent an admin let in can fill the audit trail.
        JsonNode facts = applicant.facts();
        String factsJson = facts == null ? "" : json.writeValueAsString(facts);
        List<InputError> problems = new ArrayList<>(Facts.enrolmentProblems(applicant.hostname(), applicant.agentVersion()));
        problems.addAll(Facts.problems(facts, factsJson));
        refusals.refuseIfAny(problems, "the node at " + PrintableText.of(applicant.ip(), 45) + " enrolling with token "
                + token.prefix() + "…", "agent-enrollment-token", token.id());
        Enrolling enrolling = new Enrolling(token, applicant, Facts.summarize(facts, applicant.hostname()), factsJson, now);
        return transactions.execute(status -> enrol(enrolling));
    }

    private EnrollmentTokenView liveToken(String enrollmentToken, Instant now) {
        EnrollmentTokenView token = tokens.byHash(Secrets.sha256(enrollmentToken == null ? "" : enrollmentToken))
                .orElseThrow(() -> AgentRefusedException.unauthorized(
                        "The enrolment token is unknown; ask an admin for one (POST /api/v1/agent-enrollment-tokens)"));
        String refusal = token.refusal(now);
        if (refusal != null) {
            throw refused(token, refusal);
        }
        return token;
    }

    private Outcome enrol(Enrolling enrolling) {
        EnrollmentTokenView token = enrolling.token();
        Optional<KnownNode> known = registry.byIp(enrolling.applicant().ip());
        if (token.nodeId() != null) {
            requireBoundNode(token, known, enrolling.applicant().ip());
        } else if (known.isPresent()) {
            return waitForAdmin(enrolling, known.get());
        }
        takeUse(token, enrolling.at());
        return issue(enrolling.applicant().ip(), enrolling.applicant().hostname(), token.nodePoolId(), token.id(),
                enrolling.applicant().agentVersion(), enrolling.factsJson(), enrolling.summary(), enrolling.at(),
                "token " + token.prefix() + "…" + (token.nodeId() != null ? " bound to this node" : ""));
    }

    /** A node-bound token re-enrols that node at its own address, and nothing else. */
    private static void requireBoundNode(EnrollmentTokenView token, Optional<KnownNode> known, String ip) {
        if (known.isEmpty() || known.get().id() != token.nodeId()) {
            throw AgentRefusedException.forbidden("The enrolment token " + token.prefix() + "… re-enrols node "
                    + token.nodeId() + " only, and " + PrintableText.of(ip, 45) + " is not that node's address; "
                    + "start the agent with --node-ip set to the node's address, or ask an admin for another token");
        }
    }

    private Outcome waitForAdmin(Enrolling enrolling, KnownNode node) {
        Applicant applicant = enrolling.applicant();
        EnrollmentTokenView token = enrolling.token();
        if (applicant.claimSecret() == null) {
            throw new ConflictException("The address " + node.ip() + " belongs to node " + node.id()
                    + ", which is already known, and this agent sent no claimSecret to wait for an admin's approval "
                    + "with; upgrade the agent, or ask an admin for a token bound to that node");
        }
        takeUse(token, enrolling.at());
        boolean differs = applicant.seenFrom() != null && !sameAddress(applicant.seenFrom(), node.ip());
        long id = pending.insert(new NewPending(node.ip(), node.id(), token.id(), token.nodePoolId(), applicant.hostname(),
                applicant.agentVersion(), enrolling.factsJson(), applicant.seenFrom(), differs,
                Secrets.sha256(applicant.claimSecret()), enrolling.at()));
        audit.record(node.id(), "agent-enrollment.pending", "agent-enrollment", id, "An agent with token " + token.prefix()
                        + "… declared " + node.ip() + ", the address of known node " + node.id()
                        + "; it waits for an admin" + (differs ? " (it connected from " + applicant.seenFrom() + ")" : ""),
                PendingEnrollmentView.knownSide(node), PendingEnrollmentView.declaredSide(applicant.hostname(),
                        enrolling.summary(), applicant.seenFrom(), token));
        return new Waiting(id);
    }

    /**
     * The waiting agent asks for its credential with the secret it generated: still pending,
     * issued now (once), or refused. An unknown id and a wrong secret look the same.
     */
    Outcome claim(long enrollmentId, String secret) {
        PendingRow row = pending.byId(enrollmentId).filter(p -> secretMatches(p, secret))
                .orElseThrow(() -> AgentRefusedException.unauthorized("No pending enrolment " + enrollmentId
                        + " with this secret; enrol again with a new token"));
        return switch (row.status()) {
            case PENDING -> new Waiting(row.id());
            case REJECTED -> throw AgentRefusedException.forbidden("An admin (" + row.decidedBy() + ") rejected this enrolment at "
                    + row.decidedAt() + (row.comment() == null ? "" : ": " + PrintableText.of(row.comment(), 1000)));
            case CLAIMED -> throw AgentRefusedException.unauthorized("The credential of enrolment " + row.id()
                    + " was already picked up at " + row.claimedAt() + "; enrol again with a new token");
            case APPROVED -> transactions.execute(status -> claimApproved(row));
        };
    }

    private Outcome claimApproved(PendingRow row) {
        Instant now = clock.instant();
        if (!pending.claim(row.id(), now)) {
            throw AgentRefusedException.unauthorized("The credential of enrolment " + row.id() + " was already picked up");
        }
        JsonNode facts = json.readTree(row.factsJson());
        return issue(row.declaredIp(), row.hostname(), row.tokenPoolId(), row.tokenId(), row.agentVersion(), row.factsJson(),
                Facts.summarize(facts, row.hostname()), now, "pending enrolment " + row.id() + " approved by " + row.decidedBy());
    }

    private Enrolled issue(String ip, String hostname, Long poolId, long tokenId, String agentVersion, String factsJson,
                           FactsSummary summary, Instant now, String how) {
        RegisteredNode node = registry.register(ip, hostname, poolId);
        // A node-bound token's agent replaces the node's: whatever its predecessor ran is lost with it.
        int replaced = revocation.cutOff(node.id(), now, "re-enrolment",
                "the node's agent enrolled again; the command was lost with the old agent").credentials();
        String credential = Secrets.newSecret(Secrets.CREDENTIAL_PREFIX);
        credentials.insert(node.id(), Secrets.sha256(credential), Secrets.displayPrefix(credential), tokenId,
                agentVersion, now);
        registry.reportFacts(node.id(), factsJson, summary);
        audit.record(node.id(), "agent.enrolled", "node", node.id(), "The agent on " + node.ip() + " enrolled with " + how
                + (node.created() ? " and created the node" : "")
                + (replaced > 0 ? ", replacing its previous credential" : ""), null,
                Map.of("ip", node.ip(), "nodePoolId", node.nodePoolId(), "enrollmentTokenId", tokenId));
        return new Enrolled(node.id(), node.ip(), node.nodePoolId(), credential);
    }

    private void takeUse(EnrollmentTokenView token, Instant now) {
        if (!tokens.use(token.id(), now)) {
            throw refused(token, "has been used up");
        }
    }

    private static boolean secretMatches(PendingRow row, String secret) {
        return secret != null && MessageDigest.isEqual(row.secretHash().getBytes(StandardCharsets.US_ASCII),
                Secrets.sha256(secret).getBytes(StandardCharsets.US_ASCII));
    }

    /** Both are IP literals (the container's remote address, the inventory's canonical one): no lookup. */
    private static boolean sameAddress(String seenFrom, String declared) {
        try {
            return InetAddress.getByName(seenFrom).equals(InetAddress.getByName(declared));
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static AgentRefusedException refused(EnrollmentTokenView token, String why) {
        return AgentRefusedException.unauthorized("The enrolment token " + token.prefix() + "… " + why
                + "; ask an admin for a new one");
    }

    /**
     * What an agent sends to enrol. {@code claimSecret}: a one-time secret it generated, to claim
     * its credential with should it have to wait for an admin; {@code seenFrom}: the address its
     * connection came from, where the server sees it directly (null behind a proxy).
     */
    record Applicant(String enrollmentToken, String ip, String hostname, JsonNode facts, String agentVersion,
                     String claimSecret, String seenFrom) {
    }

    /** An enrolment whose token and facts passed their checks. */
    private record Enrolling(EnrollmentTokenView token, Applicant applicant, FactsSummary summary, String factsJson,
                             Instant at) {
    }

    sealed interface Outcome permits Enrolled, Waiting {
    }

    /** The only answer that ever contains the credential. */
    record Enrolled(long nodeId, String ip, long nodePoolId, String credential) implements Outcome {
    }

    /** The agent waits for an admin: it asks again with its claim secret. */
    record Waiting(long enrollmentId) implements Outcome {
    }
}
