package io.devops.platform.inventory;

import io.devops.platform.inventory.NodeRequests.LockRequest;
import io.devops.platform.inventory.NodeRequests.MoveRequest;
import io.devops.platform.inventory.NodeRequests.PoolRequest;
import io.devops.platform.inventory.NodeRequests.UnlockRequest;
import io.devops.platform.shared.ExpectedVersion;
import io.devops.platform.shared.PageQuery;
import io.devops.platform.shared.PageResult;
import jakarta.validation.Valid;
import io.devops.platform.identity.TenantAware;
import org.springframework.http.HttpStatus;
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
@RequestMapping("/api/v1/node-pools")
class NodePoolsController {

    private final NodePoolService pools;
    private final NodeMoves moves;

    NodePoolsController(NodePoolService pools, NodeMoves moves) {
        this.pools = pools;
        this.moves = moves;
    }

    @GetMapping
    @TenantAware
    PageResult<NodePoolView> list(@RequestParam(required = false) Long tenantId, @RequestParam(required = false) String name,
                                  @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
                                  @RequestParam(required = false) String sort) {
        return pools.page(tenantId, name, PageQuery.of(page, size, sort, "name,asc"));
    }

    @GetMapping("/{id}")
    @TenantAware
    NodePoolView get(@PathVariable long id) {
        return pools.get(id);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    NodePoolView create(@Valid @RequestBody PoolRequest request) {
        return pools.create(request.spec());
    }

    @PutMapping("/{id}")
    NodePoolView update(@PathVariable long id, @Valid @RequestBody PoolRequest request, ExpectedVersion ifMatch) {
        return pools.update(id, request.spec(), ifMatch.and(request.version()));
    }

    /** Declares what the pool's nodes must be; {@code {}} declares nothing but the default acceptance age. */
    @PutMapping("/{id}/spec")
    NodePoolView putSpec(@PathVariable long id, @RequestBody PoolManifest spec) {
        return pools.putManifest(id, spec);
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable long id) {
        pools.delete(id);
    }

    /** Moves the given nodes into this pool; answers the pool with its new node count. */
    @PostMapping("/{id}/nodes")
    MoveResult moveNodesHere(@PathVariable long id, @Valid @RequestBody MoveRequest request) {
        int moved = moves.move(request.nodeIds(), id, request.reason());
        return new MoveResult(moved, pools.get(id));
    }

    @PostMapping("/{id}/lock")
    @TenantAware
    NodePoolView lock(@PathVariable long id, @Valid @RequestBody LockRequest request) {
        return pools.lock(id, request.reason());
    }

    @PostMapping("/{id}/unlock")
    @TenantAware
    NodePoolView unlock(@PathVariable long id, @Valid @RequestBody(required = false) UnlockRequest request) {
        return pools.unlock(id, request == null ? null : request.reason());
    }

    record MoveResult(int moved, NodePoolView nodePool) {
    }
}
