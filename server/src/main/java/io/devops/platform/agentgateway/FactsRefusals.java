package io.devops.platform.agentgateway;

import io.devops.platform.identity.AuditTrail;
import io.devops.platform.shared.InvalidInputException;
import io.devops.platform.shared.InvalidInputException.InputError;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Refuses an agent's facts that break the rules (400, nothing stored) and reports it, since a node
 * that sends such facts is broken or hostile: a warning in the log and an audit event, both naming
 * the node and the facts. Neither quotes the values, and names are cleaned of control characters
 * ({@link Facts}), so nothing the agent sent can forge a log line. The audit event has a
 * transaction of its own: the caller's rolls back with the refusal.
 */
@Component
class FactsRefusals {

    private static final Logger log = LoggerFactory.getLogger(FactsRefusals.class);

    private final AuditTrail audit;
    private final TransactionTemplate ownTransaction;

    FactsRefusals(AuditTrail audit, PlatformTransactionManager transactions) {
        this.audit = audit;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * @param who the node as people know it ("node 12 (10.0.0.5)"), already printable
     * @param entityType what the audit event is about, with {@code entityId}
     */
    void refuseIfAny(List<InputError> problems, String who, String entityType, Object entityId) {
        if (problems.isEmpty()) {
            return;
        }
        String listed = problems.stream().map(problem -> problem.field() + ": " + problem.message())
                .collect(Collectors.joining("; "));
        log.warn("Refused the facts reported by {}: {}", who, listed);
        ownTransaction.executeWithoutResult(status -> audit.record("agent.facts-refused", entityType, entityId,
                "Refused the facts reported by " + who + ": " + listed, null, Map.of("errors", problems)));
        throw new InvalidInputException("The agent's facts break the inventory's rules; nothing was stored: " + listed,
                problems);
    }
}
