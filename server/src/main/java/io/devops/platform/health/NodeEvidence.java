package io.devops.platform.health;

import io.devops.platform.shared.PageQuery;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** {@link HealthEvidence} on the events list: the node's newest conditions, as many as one page holds. */
@Service
@Transactional(readOnly = true)
class NodeEvidence implements HealthEvidence {

    private final HealthEventSearch search;

    NodeEvidence(HealthEventSearch search) {
        this.search = search;
    }

    @Override
    public List<Event> ofNode(long nodeId) {
        return search.page(new HealthEventSearch.Filter(nodeId, null, null, null), PageQuery.of(0, 500, null, "lastSeen,desc"))
                .items().stream().map(e -> new Event(e.id(), e.component(), e.code(), e.subject(), e.severity(), e.message(),
                        e.evidence(), e.firstSeen(), e.lastSeen(), e.count(), e.open())).toList();
    }
}
