package io.devops.platform.lifecycle;

import io.devops.platform.identity.Role;
import io.devops.platform.identity.TenantAware;
import io.devops.platform.shared.InvalidInputException;
import io.devops.platform.shared.PlatformException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Arrays;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A node's lifecycle: its history (tenant users read their nodes'), changes by hand, commissioning
 * and delivery (the operations team's: OPERATOR, an override ADMIN only).
 */
@RestController
@RequestMapping("/api/v1/nodes")
class LifecycleController {

    private final NodeLifecycle lifecycle;
    private final Delivery delivery;
    private final Commissioning commissioning;

    LifecycleController(NodeLifecycle lifecycle, Delivery delivery, Commissioning commissioning) {
        this.lifecycle = lifecycle;
        this.delivery = delivery;
        this.commissioning = commissioning;
    }

    record ChangeRequest(@NotNull @Size(max = 32) String to, @Size(max = 1000) String reason) {
    }

    record DeliverRequest(@NotNull Long nodePoolId, Boolean override, @Size(max = 1000) String comment) {
    }

    record CommissionRequest(Long nodePoolId) {
    }

    @GetMapping("/{id}/lifecycle")
    @TenantAware
    List<Transition> history(@PathVariable long id) {
        return lifecycle.history(id);
    }

    @PostMapping("/{id}/lifecycle")
    Transition change(@PathVariable long id, @Valid @RequestBody ChangeRequest request) {
        return lifecycle.change(id, state(request.to()), request.reason());
    }

    @PostMapping("/{id}/deliver")
    Object deliver(@PathVariable long id, @Valid @RequestBody DeliverRequest request, Authentication caller) {
        boolean override = Boolean.TRUE.equals(request.override());
        if (override && !isAdmin(caller)) {
            throw new AdminOnly("Only an ADMIN overrides the delivery gate; without \"override\" the node is delivered once it"
                    + " passes");
        }
        return delivery.deliver(id, new Delivery.Order(request.nodePoolId(), override, request.comment()));
    }

    @PostMapping("/{id}/commission")
    Commissioning.Outcome commission(@PathVariable long id, @RequestBody(required = false) CommissionRequest request) {
        return commissioning.commission(id, request == null ? null : request.nodePoolId());
    }

    private static NodeState state(String name) {
        try {
            return NodeState.valueOf(name.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            throw new InvalidInputException("to", "unknown state '" + name + "'; one of "
                    + String.join(", ", Arrays.stream(NodeState.values()).map(Enum::name).toList()));
        }
    }

    private static boolean isAdmin(Authentication caller) {
        return Role.ADMIN.heldBy(caller);
    }

    /** 403: a change the URL rules let an OPERATOR request but that only an ADMIN may make. */
    static final class AdminOnly extends PlatformException {

        AdminOnly(String detail) {
            super(detail);
        }

        @Override
        public HttpStatus status() {
            return HttpStatus.FORBIDDEN;
        }
    }
}
