package io.devops.platform.inventory;

import io.devops.platform.identity.Role;
import io.devops.platform.inventory.Memberships.PoolHistoryEntry;
import io.devops.platform.inventory.NodeRequests.ImportRequest;
import io.devops.platform.inventory.NodeRequests.LockRequest;
import io.devops.platform.inventory.NodeRequests.NodeRequest;
import io.devops.platform.inventory.NodeRequests.UnlockRequest;
import io.devops.platform.shared.ExpectedVersion;
import io.devops.platform.shared.InvalidInputException;
import io.devops.platform.shared.PageQuery;
import io.devops.platform.shared.PageResult;
import jakarta.validation.Valid;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import io.devops.platform.identity.TenantAware;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/nodes")
class NodesController {

    private final NodeService nodes;
    private final NodeSearch search;

    NodesController(NodeService nodes, NodeSearch search) {
        this.nodes = nodes;
        this.search = search;
    }

    @GetMapping
    @TenantAware
    PageResult<NodeView> list(@RequestParam(required = false) Long poolId, @RequestParam(required = false) Long tenantId,
                              @RequestParam(required = false) List<String> label,
                              @RequestParam(required = false) String gpuType,
                              @RequestParam(required = false) Boolean locked,
                              @RequestParam(required = false) Boolean online,
                              @RequestParam(required = false) String q,
                              @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
                              @RequestParam(required = false) String sort) {
        NodeFilter filter = NodeFilter.of(poolId, tenantId, label, gpuType, locked, online, q);
        return search.page(filter, PageQuery.of(page, size, sort, "id,asc"));
    }

    @GetMapping("/{id}")
    @TenantAware
    NodeView get(@PathVariable long id) {
        return nodes.get(id);
    }

    @GetMapping("/{id}/pool-history")
    @TenantAware
    List<PoolHistoryEntry> poolHistory(@PathVariable long id) {
        return nodes.poolHistory(id);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    NodeView create(@Valid @RequestBody NodeRequest request) {
        return nodes.create(request.draft());
    }

    /** {@code updateExisting}: lines whose IP a node has update it; the answer then also counts {@code updated}. */
    @PostMapping("/import")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, Integer> importNodes(@Valid @RequestBody ImportRequest request) {
        if ((request.csv() == null) == (request.nodes() == null)) {
            throw new InvalidInputException("csv", "send either 'csv' (text with a header line) or 'nodes' (a list), not both or neither");
        }
        boolean update = Boolean.TRUE.equals(request.updateExisting());
        NodeService.ImportResult result;
        if (request.csv() != null) {
            NodeCsv.Parsed parsed = NodeCsv.parse(request.csv());
            result = nodes.importAll(parsed.drafts(), parsed.positions(), update);
        } else {
            List<NodeDraft> drafts = request.nodes().stream().map(NodeRequest::draft).toList();
            result = nodes.importAll(drafts, IntStream.range(0, drafts.size()).mapToObj(i -> "nodes[" + i + "]").toList(), update);
        }
        nodes.afterImport(result.imported());
        return update ? Map.of("imported", result.imported(), "updated", result.updated()) : Map.of("imported", result.imported());
    }

    @PutMapping("/{id}")
    NodeView update(@PathVariable long id, @Valid @RequestBody NodeRequest request, ExpectedVersion ifMatch) {
        return nodes.update(id, request.draft(), ifMatch.and(request.version()));
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable long id) {
        nodes.delete(id);
    }

    @PostMapping("/{id}/lock")
    @TenantAware
    NodeView lock(@PathVariable long id, @Valid @RequestBody LockRequest request) {
        return nodes.lock(id, request.reason());
    }

    @PostMapping("/{id}/unlock")
    @TenantAware
    NodeView unlock(@PathVariable long id, @Valid @RequestBody(required = false) UnlockRequest request) {
        return nodes.unlock(id, request == null ? null : request.reason());
    }

    /**
     * Accepts a node's new SSH host key: ADMIN only, since accepting the key of an impostor hands it
     * the next run's sessions and become password. The URL rules let OPERATORs write under /api.
     */
    @PostMapping("/{id}/host-key/forget")
    NodeView forgetHostKey(@PathVariable long id, Authentication caller) {
        if (!Role.ADMIN.heldBy(caller)) {
            throw new AdminOnlyException("Only an ADMIN accepts a node's new SSH host key: ask one to check the node's new"
                    + " key fingerprint out of band, then forget the recorded key");
        }
        return nodes.forgetHostKey(id);
    }
}
