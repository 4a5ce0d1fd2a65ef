package io.devops.platform.agentgateway;

import io.devops.platform.agentgateway.EnrollmentTokens.EnrollmentTokenView;
import io.devops.platform.identity.AuditTrail;
import io.devops.platform.inventory.NodeRegistry;
import io.devops.platform.inventory.NodeRegistry.FactsSummary;
import io.devops.platform.inventory.NodeRegistry.RegisteredNode;
import io.devops.platform.shared.InvalidInputException.InputError;
import io.devops.platform.shared.PrintableText;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An agent presents an enrolment token and receives its own credential. The token and the facts
 * are checked first, outside any transaction, so that a refusal records its audit event without
 * holding a connection; the enrolment itself is one transaction: a refused one (bad IP, missing
 * pool) takes no use of the token and changes nothing.
 */
@Service
class Enrolment {

    private final EnrollmentTokens tokens;
    private final AgentCredentials credentials;
    private final NodeRegistry registry;
    private final CommandLifecycle lifecycle;
    private final AgentCommands commands;
    private final AuditTrail audit;
    private final FactsRefusals refusals;
    private final TransactionTemplate transactions;
    private final JsonMapper json;
    private final Clock clock;

    Enrolment(EnrollmentTokens tokens, AgentCredentials credentials, NodeRegistry registry, CommandLifecycle lifecycle,
              AgentCommands commands, AuditTrail audit, FactsRefusals refusals, TransactionTemplate transactions,
              JsonMapper json, Clock clock) {
        this.tokens = tokens;
        this.credentials = credentials;
        this.registry = registry;
        this.lifecycle = lifecycle;
        this.commands = commands;
        this.audit = audit;
        this.refusals = refusals;
        this.transactions = transactions;
        this.json = json;
        this.clock = clock;
    }

    Enrolled enrol(String enrollmentToken, String ip, String hostname, JsonNode facts, String agentVersion) {
        Instant now = clock.instant();
        EnrollmentTokenView token = liveToken(enrollmentToken, now);
        // Checked once the token is known good: only an agent an admin let in can fill the audit trail.
        String factsJson = facts == null ? "" : json.writeValueAsString(facts);
        List<InputError> problems = new ArrayList<>(Facts.enrolmentProblems(hostname, agentVersion));
        problems.addAll(Facts.problems(facts, factsJson));
        refusals.refuseIfAny(problems, "the node at " + PrintableText.of(ip, 45) + " enrolling with token "
                + token.prefix() + "…", "agent-enrollment-token", token.id());
        Enrolling enrolling = new Enrolling(token, ip, hostname, Facts.summarize(facts, hostname), factsJson, agentVersion, now);
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

    private Enrolled enrol(Enrolling enrolling) {
        EnrollmentTokenView token = enrolling.token();
        Instant now = enrolling.at();
        if (!tokens.use(token.id(), now)) {
            throw refused(token, "has been used up");
        }
        RegisteredNode node = registry.register(enrolling.ip(), enrolling.hostname(), token.nodePoolId());
        int replaced = credentials.revokeAllOf(node.id(), now, "re-enrolment");
        // A re-enrolled agent starts afresh: whatever its predecessor was running is gone with it.
        for (Long orphan : commands.unfinishedOf(node.id())) {
            lifecycle.finish(orphan, node.id(), CommandStatus.LOST,
                    AgentCommands.Outcome.because("the node's agent enrolled again; the command was lost with the old agent"));
        }
        String credential = Secrets.newSecret(Secrets.CREDENTIAL_PREFIX);
        credentials.insert(node.id(), Secrets.sha256(credential), Secrets.displayPrefix(credential), token.id(),
                enrolling.agentVersion(), now);
        registry.reportFacts(node.id(), enrolling.factsJson(), enrolling.summary());
        audit.record("agent.enrolled", "node", node.id(), "The agent on " + node.ip() + " enrolled with token "
                + token.prefix() + "…" + (node.created() ? " and created the node" : "")
                + (replaced > 0 ? ", replacing its previous credential" : ""), null,
                Map.of("ip", node.ip(), "nodePoolId", node.nodePoolId(), "enrollmentTokenId", token.id()));
        return new Enrolled(node.id(), node.ip(), node.nodePoolId(), credential);
    }

    private static AgentRefusedException refused(EnrollmentTokenView token, String why) {
        return AgentRefusedException.unauthorized("The enrolment token " + token.prefix() + "… " + why
                + "; ask an admin for a new one");
    }

    /** An enrolment whose token and facts passed their checks. */
    private record Enrolling(EnrollmentTokenView token, String ip, String hostname, FactsSummary summary,
                             String factsJson, String agentVersion, Instant at) {
    }

    /** The only answer that ever contains the credential. */
    record Enrolled(long nodeId, String ip, long nodePoolId, String credential) {
    }
}
