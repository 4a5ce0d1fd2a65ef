package io.devops.platform.notify;

import io.devops.platform.identity.AuditTrail;
import io.devops.platform.identity.CurrentActor;
import io.devops.platform.job.JobVersions;
import io.devops.platform.shared.InvalidInputException;
import io.devops.platform.shared.NotFoundException;
import io.devops.platform.shared.PageQuery;
import io.devops.platform.shared.PageResult;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Rules: which events of which job (or of all) go to which channel. */
@Service
@Transactional
class RuleService {

    /** The body of creating and changing a rule; {@code jobId} null = every job. */
    record RuleRequest(Long channelId, Long jobId, @Size(max = 10) List<String> events, Boolean enabled) {
    }

    record RuleView(long id, long channelId, String channelName, Long jobId, List<String> events, boolean enabled,
                    Instant createdAt, String createdBy) {
    }

    private final Rules rules;
    private final ChannelService channels;
    private final JobVersions jobs;
    private final AuditTrail audit;
    private final Clock clock;

    RuleService(Rules rules, ChannelService channels, JobVersions jobs, AuditTrail audit, Clock clock) {
        this.rules = rules;
        this.channels = channels;
        this.jobs = jobs;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    PageResult<RuleView> page(Long channelId, Long jobId, PageQuery query) {
        return rules.page(channelId, jobId, query).map(this::view);
    }

    @Transactional(readOnly = true)
    RuleView get(long id) {
        return view(find(id));
    }

    RuleView create(RuleRequest request) {
        Rule rule = valid(0, request, clock.instant(), CurrentActor.name());
        long id = rules.insert(rule);
        audit.record("notification-rule.created", "notification-rule", id, summary("Created", rule), null, null);
        return get(id);
    }

    RuleView update(long id, RuleRequest request) {
        Rule before = find(id);
        Rule after = valid(id, request, before.createdAt(), before.createdBy());
        rules.update(after);
        audit.record("notification-rule.updated", "notification-rule", id, summary("Changed", after), null, null);
        return get(id);
    }

    void delete(long id) {
        Rule rule = find(id);
        rules.delete(id);
        audit.record("notification-rule.deleted", "notification-rule", id, summary("Deleted", rule), null, null);
    }

    private Rule find(long id) {
        return rules.get(id).orElseThrow(() -> new NotFoundException("Notification rule", id));
    }

    private Rule valid(long id, RuleRequest request, Instant createdAt, String createdBy) {
        if (request.channelId() == null) {
            throw new InvalidInputException("channelId", "give the channel the events go to");
        }
        channels.find(request.channelId());
        if (request.jobId() != null && jobs.runnable(request.jobId(), null).isEmpty()) {
            throw new NotFoundException("Job", request.jobId());
        }
        if (request.events() == null || request.events().isEmpty()) {
            throw new InvalidInputException("events", "name at least one event: " + NotificationEvent.subscribable());
        }
        Set<NotificationEvent> events = EnumSet.noneOf(NotificationEvent.class);
        request.events().forEach(name -> events.add(NotificationEvent.parse("events", name)));
        return new Rule(id, request.channelId(), request.jobId(), events, request.enabled() == null || request.enabled(),
                createdAt, createdBy);
    }

    private RuleView view(Rule rule) {
        String channelName = channels.find(rule.channelId()).name();
        return new RuleView(rule.id(), rule.channelId(), channelName, rule.jobId(),
                rule.events().stream().sorted().map(Enum::name).toList(), rule.enabled(), rule.createdAt(), rule.createdBy());
    }

    private static String summary(String verb, Rule rule) {
        return verb + " notification rule: " + rule.events().stream().sorted().map(Enum::name).toList() + " of "
                + (rule.jobId() == null ? "every job" : "job " + rule.jobId()) + " to channel " + rule.channelId();
    }
}
