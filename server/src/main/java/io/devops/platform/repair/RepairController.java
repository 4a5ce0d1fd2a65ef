package io.devops.platform.repair;

import io.devops.platform.health.RepairAction;
import io.devops.platform.identity.Role;
import io.devops.platform.identity.TenantAware;
import io.devops.platform.shared.InvalidInputException;
import io.devops.platform.shared.PlatformException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.util.Arrays;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A node's repair by hand and its RMA record. Repairs and returns are the operations team's
 * (OPERATOR or ADMIN, 403 for tenant users); the record is read like the node (another tenant's is a 404).
 */
@RestController
@RequestMapping("/api/v1/nodes")
class RepairController {

    static final String MARKDOWN = "text/markdown";

    private final RepairDesk desk;
    private final RmaRecords records;

    RepairController(RepairDesk desk, RmaRecords records) {
        this.desk = desk;
        this.records = records;
    }

    record RepairRequest(@Size(max = 1000) String reason, @Size(max = 32) String action, @Size(max = 32) String gpu) {
    }

    record ReturnRequest(@Size(max = 1000) String reason) {
    }

    @PostMapping("/{id}/repair")
    RepairDesk.Answer repair(@PathVariable long id, @Valid @RequestBody RepairRequest request, Authentication caller) {
        requireOperations(caller);
        return desk.repair(id, action(request.action()), blankToNull(request.gpu()), request.reason());
    }

    @PostMapping("/{id}/return")
    RepairDesk.Answer giveBack(@PathVariable long id, @Valid @RequestBody(required = false) ReturnRequest request,
                               Authentication caller) {
        requireOperations(caller);
        return desk.giveBack(id, request == null ? null : request.reason());
    }

    @GetMapping(path = "/{id}/rma", produces = MediaType.APPLICATION_JSON_VALUE)
    @TenantAware
    RmaRecord rma(@PathVariable long id) {
        return records.of(id);
    }

    @GetMapping(path = "/{id}/rma", produces = MARKDOWN)
    @TenantAware
    ResponseEntity<String> rmaMarkdown(@PathVariable long id) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(MARKDOWN + ";charset=UTF-8")).body(RmaMarkdown.of(records.of(id)));
    }

    private static RepairAction action(String name) {
        String wanted = name == null ? "" : name.strip().toUpperCase(Locale.ROOT);
        return Arrays.stream(RepairAction.values()).filter(RepairAction::isRepair).filter(a -> a.name().equals(wanted)).findFirst()
                .orElseThrow(() -> new InvalidInputException("action", "must be one of GPU_RESET, REBOOT, POWER_CYCLE, REINSTALL_DRIVER"));
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static void requireOperations(Authentication caller) {
        if (!Role.ADMIN.heldBy(caller) && !Role.OPERATOR.heldBy(caller)) {
            throw new OperationsOnly();
        }
    }

    /** 403: repairs are the operations team's, not a tenant's. */
    static final class OperationsOnly extends PlatformException {

        OperationsOnly() {
            super("Only the operations team (OPERATOR or ADMIN) repairs nodes and returns them");
        }

        @Override
        public HttpStatus status() {
            return HttpStatus.FORBIDDEN;
        }
    }
}
