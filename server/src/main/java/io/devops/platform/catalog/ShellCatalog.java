package io.devops.platform.catalog;

import io.devops.platform.identity.AuditTrail;
import io.devops.platform.identity.CurrentActor;
import io.devops.platform.shared.ConflictException;
import io.devops.platform.shared.NotFoundException;
import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Shells (scripts): versioned like operators; deletion is soft and refused while a template uses one. */
@Service
@Transactional
class ShellCatalog {

    private final Shells shells;
    private final AuditTrail audit;
    private final Clock clock;

    ShellCatalog(Shells shells, AuditTrail audit, Clock clock) {
        this.shells = shells;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    ShellScript get(long id) {
        return shells.byId(id).orElseThrow(() -> new NotFoundException("Shell", id));
    }

    ShellScript create(ShellDraft draft) {
        ShellDraft.Checked checked = draft.check();
        if (shells.nameTaken(checked.name(), -1)) {
            throw new ConflictException("A shell named '" + checked.name() + "' already exists; edit it to make a new version");
        }
        long id = shells.insert(checked, null, 1, clock.instant(), CurrentActor.name());
        ShellScript created = get(id);
        audit.record("shell.created", "shell", id, "Created shell " + created.name(), null, created.view());
        return created;
    }

    ShellScript update(long id, ShellDraft draft, BasedOn basedOn) {
        ShellScript current = get(id);
        long lineage = current.originalShellId();
        basedOn.check("Shell " + current.name(), shells.nextVersion(lineage) - 1);
        ShellDraft.Checked checked = draft.check();
        if (shells.nameTaken(checked.name(), lineage)) {
            throw new ConflictException("Another shell is already named '" + checked.name() + "'");
        }
        if (!shells.retireHead(lineage)) {
            throw new ConflictException("Shell " + current.name() + " was deleted or changed meanwhile; reload it");
        }
        long newId = shells.insert(checked, lineage, shells.nextVersion(lineage), clock.instant(), CurrentActor.name());
        ShellScript updated = get(newId);
        audit.record("shell.updated", "shell", newId, "Shell " + updated.name() + " is now version " + updated.version(),
                current.view(), updated.view());
        return updated;
    }

    void delete(long id, BasedOn basedOn) {
        ShellScript current = get(id);
        basedOn.check("Shell " + current.name(), shells.nextVersion(current.originalShellId()) - 1);
        List<String> templates = shells.templatesUsing(current.originalShellId());
        if (!templates.isEmpty()) {
            throw new ConflictException("Shell " + current.name() + " is used by template(s) "
                    + String.join(", ", templates) + "; remove it from them first");
        }
        shells.softDeleteLineage(current.originalShellId(), clock.instant(), CurrentActor.name());
        audit.record("shell.deleted", "shell", current.originalShellId(), "Deleted shell " + current.name()
                + " (all versions stay readable)", current.view(), null);
    }
}
