package io.devops.platform.execution;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.devops.platform.acceptance.AcceptanceVerdicts;
import io.devops.platform.acceptance.AcceptanceVerdicts.NodeVerdict;
import io.devops.platform.acceptance.BaselineRef;
import io.devops.platform.acceptance.CheckVerdict;
import io.devops.platform.acceptance.FailureReason;
import io.devops.platform.identity.TenantAware;
import io.devops.platform.identity.TenantScopes;
import io.devops.platform.inventory.NodeRegistry;
import io.devops.platform.inventory.NodeRegistry.KnownNode;
import io.devops.platform.shared.NotFoundException;
import java.time.Instant;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The acceptance verdicts as the API shows them: a run's (every node and check it judged) and a
 * node's latest per check, as JSON or as the node's certificate in Markdown. A run is scoped by
 * {@link RunAccess}, a node by its pool's tenant, as the inventory scopes it: another tenant's is
 * answered as a missing one.
 */
@RestController
@TenantAware
@RequestMapping("/api/v1")
class AcceptanceController {

    static final String MARKDOWN = "text/markdown";

    private final RunAccess runAccess;
    private final AcceptanceVerdicts verdicts;
    private final NodeRegistry nodes;
    private final TenantScopes scopes;

    AcceptanceController(RunAccess runAccess, AcceptanceVerdicts verdicts, NodeRegistry nodes, TenantScopes scopes) {
        this.runAccess = runAccess;
        this.verdicts = verdicts;
        this.nodes = nodes;
        this.scopes = scopes;
    }

    /**
     * {@code reason}: null on PASS, and shown as null; {@code outputSha256}: of the stored report judged (absent: none arrived);
     * {@code wallMs}: how long the check's tool ran on the node (absent: its report did not say); {@code baseline}: the one
     * it was judged against, as it was then (absent: judged by its line alone).
     */
    record RunVerdict(long nodeId, String ip, String check, CheckVerdict verdict,
                      @JsonInclude(JsonInclude.Include.ALWAYS) FailureReason reason, Double measured, Double threshold, String unit,
                      String message, String outputSha256, Long wallMs, BaselineRef baseline) {
    }

    record CheckView(String check, CheckVerdict verdict, @JsonInclude(JsonInclude.Include.ALWAYS) FailureReason reason,
                     Double measured, Double threshold, String unit, String message, long runId, Instant at, String outputSha256,
                     BaselineRef baseline) {
    }

    record NodeAcceptance(long nodeId, List<CheckView> checks) {
    }

    @GetMapping("/runs/{id}/verdicts")
    List<RunVerdict> ofRun(@PathVariable long id) {
        runAccess.visible(id);
        return verdicts.ofRun(id).stream().map(verdict -> new RunVerdict(verdict.nodeId(), verdict.ip(), verdict.result().check(),
                verdict.result().verdict(), verdict.result().reason(), verdict.result().measured(), verdict.result().threshold(), verdict.result().unit(),
                verdict.result().message(), verdict.outputSha256(), verdict.wallMs(), verdict.baseline())).toList();
    }

    @GetMapping("/nodes/{id}/acceptance")
    NodeAcceptance ofNode(@PathVariable long id) {
        visibleNode(id);
        return new NodeAcceptance(id, latest(id));
    }

    @GetMapping(path = "/nodes/{id}/acceptance", produces = MARKDOWN)
    String certificate(@PathVariable long id) {
        return AcceptanceCertificate.of(visibleNode(id), latest(id));
    }

    private List<CheckView> latest(long nodeId) {
        return verdicts.latestOf(nodeId).stream().map(AcceptanceController::view).toList();
    }

    private static CheckView view(NodeVerdict verdict) {
        return new CheckView(verdict.result().check(), verdict.result().verdict(), verdict.result().reason(), verdict.result().measured(),
                verdict.result().threshold(), verdict.result().unit(), verdict.result().message(), verdict.runId(), verdict.at(),
                verdict.outputSha256(), verdict.baseline());
    }

    private KnownNode visibleNode(long id) {
        KnownNode node = nodes.known(id).orElseThrow(() -> new NotFoundException("Node", id));
        scopes.requireVisible(node.tenantId(), "Node", id);
        return node;
    }
}
