package io.devops.platform.acceptance;

import io.devops.platform.acceptance.LinesController.LineInput;
import io.devops.platform.identity.AuditTrail;
import io.devops.platform.identity.CurrentActor;
import io.devops.platform.shared.InvalidInputException;
import io.devops.platform.shared.NotFoundException;
import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The pass lines: the current version for the checks, any past version, and a new version (validated, audited). */
@Service
@Transactional
class LineSettings implements CurrentLines {

    private final AcceptanceLines lines;
    private final AuditTrail audit;
    private final Clock clock;

    LineSettings(AcceptanceLines lines, AuditTrail audit, Clock clock) {
        this.lines = lines;
        this.audit = audit;
        this.clock = clock;
    }

    /** The latest version; V24 seeds version 1, so a database without one is broken, not "no lines". */
    @Override
    @Transactional(readOnly = true)
    public LineBook current() {
        return lines.latest().orElseThrow(() -> new IllegalStateException("acceptance_line_versions is empty: V24 seeds version 1"));
    }

    @Transactional(readOnly = true)
    LineBook version(int version) {
        return lines.version(version).orElseThrow(() -> new NotFoundException("acceptance lines version", version));
    }

    @Transactional(readOnly = true)
    List<LineBook> versions() {
        return lines.versions();
    }

    LineBook replace(List<LineInput> inputs, String comment) {
        List<AcceptanceLine> checked = LineRules.validate(inputs);
        String note = comment == null || comment.isBlank() ? null : comment.strip();
        if (note != null && note.length() > 500) {
            throw new InvalidInputException("comment", "must be at most 500 characters");
        }
        LineBook before = current();
        int version = lines.add(checked, note, clock.instant(), CurrentActor.name());
        LineBook after = version(version);
        audit.record("acceptance-lines.versioned", "acceptance_lines", version, "Acceptance lines version " + version + " ("
                + checked.size() + " line(s), was version " + before.version() + ")" + (note == null ? "" : ": " + note),
                before.lines(), after.lines());
        return after;
    }
}
