package io.devops.platform.inventory;

import io.devops.platform.identity.AuditTrail;
import io.devops.platform.identity.CurrentActor;
import io.devops.platform.shared.ConflictException;
import io.devops.platform.shared.ExpectedVersion;
import io.devops.platform.shared.InvalidInputException;
import io.devops.platform.shared.NotFoundException;
import io.devops.platform.shared.PageQuery;
import io.devops.platform.shared.PageResult;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
@Transactional
class LabelService {

    private final Labels labels;
    private final AuditTrail audit;
    private final Clock clock;

    LabelService(Labels labels, AuditTrail audit, Clock clock) {
        this.labels = labels;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    LabelView get(long id) {
        return labels.byId(id).orElseThrow(() -> new NotFoundException("Label", id));
    }

    @Transactional(readOnly = true)
    PageResult<LabelView> page(String key, PageQuery query) {
        return labels.page(key, query);
    }

    LabelView create(String key, String value, String description) {
        check(key, value, 0);
        long id = labels.insert(key, value, description, clock.instant(), CurrentActor.name());
        LabelView created = get(id);
        audit.record("label.created", "label", id, "Created label " + key + "=" + value, null, created);
        return created;
    }

    /** Renaming a label renames it on every node and pool that carries it. */
    LabelView update(long id, String key, String value, String description, ExpectedVersion expected) {
        LabelView before = get(id);
        check(key, value, id);
        labels.update(id, key, value, description, expected, clock.instant(), CurrentActor.name());
        LabelView after = get(id);
        audit.record("label.updated", "label", id, "Changed label " + key + "=" + value, before, after);
        return after;
    }

    void delete(long id) {
        LabelView label = get(id);
        if (label.nodeCount() > 0 || label.poolCount() > 0) {
            throw new ConflictException("Label " + label.key() + "=" + label.value() + " is still on " + label.nodeCount()
                    + " node(s) and " + label.poolCount() + " pool(s); remove it from them first");
        }
        labels.delete(id);
        audit.record("label.deleted", "label", id, "Deleted label " + label.key() + "=" + label.value(), label, null);
    }

    private void check(String key, String value, long exceptId) {
        List<String> problems = LabelRules.problems(Map.of(key, value));
        if (!problems.isEmpty()) {
            throw new InvalidInputException("label", String.join("; ", problems));
        }
        labels.idOf(key, value).filter(existing -> existing != exceptId).ifPresent(existing -> {
            throw new ConflictException("Label " + key + "=" + value + " already exists (id " + existing + ")");
        });
    }
}
