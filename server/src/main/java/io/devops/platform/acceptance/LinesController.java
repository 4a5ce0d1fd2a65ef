package io.devops.platform.acceptance;

import io.devops.platform.identity.Role;
import io.devops.platform.shared.PlatformException;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The acceptance checks' pass lines: read by any VIEWER (current or any past version), replaced
 * whole by an ADMIN as a new version (the URL rules let OPERATORs write under /api; lines decide
 * which nodes are delivered, so only an ADMIN changes them).
 */
@RestController
@RequestMapping("/api/v1/acceptance-lines")
class LinesController {

    private final LineSettings settings;

    LinesController(LineSettings settings) {
        this.settings = settings;
    }

    @GetMapping
    Lines current() {
        return Lines.of(settings.current());
    }

    @GetMapping("/versions")
    List<VersionSummary> versions() {
        return settings.versions().stream()
                .map(book -> new VersionSummary(book.version(), book.createdAt(), book.createdBy(), book.comment())).toList();
    }

    @GetMapping("/versions/{version}")
    Lines version(@PathVariable int version) {
        return Lines.of(settings.version(version));
    }

    @PutMapping
    Lines replace(@RequestBody LinesRequest request, Authentication caller) {
        AdminOnly.require(caller, "Only an ADMIN changes the acceptance lines: they decide which nodes may be delivered");
        return Lines.of(settings.replace(request.lines(), request.comment()));
    }

    record Lines(int version, Instant createdAt, String createdBy, String comment, List<AcceptanceLine> lines) {

        static Lines of(LineBook book) {
            return new Lines(book.version(), book.createdAt(), book.createdBy(), book.comment(), book.lines());
        }
    }

    record VersionSummary(int version, Instant createdAt, String createdBy, String comment) {
    }

    record LinesRequest(String comment, List<LineInput> lines) {
    }

    /** One line as sent; {@code nodeCount} defaults to 1, {@code gpuCount} null matches any count, {@code unit} follows the metric. */
    record LineInput(String check, String metric, String gpuModel, Integer gpuCount, Integer nodeCount, String fabric,
                     Double minValue, String unit, String source) {
    }

    /** A change the URL rules let an OPERATOR request but that only an ADMIN may make. */
    static class AdminOnly extends PlatformException {

        AdminOnly(String detail) {
            super(detail);
        }

        /** 403 with {@code why} unless the caller is an ADMIN. */
        static void require(Authentication caller, String why) {
            if (!Role.ADMIN.heldBy(caller)) {
                throw new AdminOnly(why);
            }
        }

        @Override
        public HttpStatus status() {
            return HttpStatus.FORBIDDEN;
        }
    }
}
