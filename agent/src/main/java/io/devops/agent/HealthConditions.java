package io.devops.agent;

import io.devops.agent.HealthFinding.Kind;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The agent's open conditions, one per component + code + subject, so that a condition seen in
 * every poll is one event rather than one per poll. An event goes out when a condition opens, when
 * its severity rises, at most every {@code resend} while it lasts and has changed (count, last
 * seen), and when it clears: a state condition clears at the first poll of its monitor that no
 * longer sees it, an occurrence (a log line) after {@code quiet} without a new one. A monitor that
 * could not look (tool missing, file unreadable) clears nothing.
 */
final class HealthConditions {

    private final Duration resend;
    private final Duration quiet;
    private final Map<String, Condition> open = new LinkedHashMap<>();

    HealthConditions(Duration resend, Duration quiet) {
        this.resend = resend;
        this.quiet = quiet;
    }

    /**
     * One poll: {@code findings} by the monitors named in {@code looked} (only those that could
     * look). Returns the events to send.
     */
    synchronized List<HealthEvent> update(Set<String> looked, Map<String, List<HealthFinding>> findings, Instant now) {
        Set<String> seenNow = new HashSet<>();
        Set<String> sendNow = new HashSet<>();
        findings.forEach((source, list) -> list.forEach(finding -> {
            Condition condition = open.get(finding.key());
            if (condition == null) {
                open.put(finding.key(), new Condition(source, finding, now));
                seenNow.add(finding.key());
                sendNow.add(finding.key());
                return;
            }
            if (finding.kind() == Kind.OCCURRENCE || seenNow.add(finding.key())) {
                condition.count++;
            }
            seenNow.add(finding.key());
            condition.lastSeen = now;
            if (finding.severity().compareTo(condition.finding.severity()) > 0) {
                sendNow.add(finding.key());
                condition.finding = finding;
            } else if (finding.kind() == Kind.STATE || finding.severity() == condition.finding.severity()) {
                condition.finding = finding; // the newest line or reading is the evidence
            }
        }));
        List<HealthEvent> events = new ArrayList<>();
        for (var it = open.entrySet().iterator(); it.hasNext(); ) {
            var entry = it.next();
            Condition condition = entry.getValue();
            if (!seenNow.contains(entry.getKey()) && condition.clears(looked, now, quiet)) {
                it.remove();
                events.add(condition.event(false));
            } else if (sendNow.contains(entry.getKey())
                    || condition.changedSinceSent() && !now.isBefore(condition.lastSent.plus(resend))) {
                events.add(condition.sent(now));
            }
        }
        return events;
    }

    /** What the state file keeps, so that a restarted agent goes on with its conditions instead of opening them again. */
    synchronized List<Saved> saved() {
        return open.values().stream().map(c -> new Saved(c.source, c.finding.kind(), c.event(true))).toList();
    }

    synchronized void restore(List<Saved> saved) {
        saved.forEach(s -> open.put(s.event().key(), Condition.restored(s)));
    }

    /** An open condition as the agent's state file holds it. */
    record Saved(String source, Kind kind, HealthEvent event) {
    }

    private static final class Condition {
        private final String source;
        private HealthFinding finding;
        private final Instant firstSeen;
        private Instant lastSeen;
        private long count = 1;
        private Instant lastSent;
        private long countSent;

        Condition(String source, HealthFinding finding, Instant now) {
            this.source = source;
            this.finding = finding;
            this.firstSeen = now;
            this.lastSeen = now;
        }

        static Condition restored(Saved saved) {
            HealthEvent event = saved.event();
            HealthFinding finding = new HealthFinding(event.component(), event.code(), event.subject(),
                    HealthFinding.Severity.valueOf(event.severity()), event.message(), event.evidence(), saved.kind());
            Condition condition = new Condition(saved.source(), finding, Instant.parse(event.firstSeen()));
            condition.lastSeen = Instant.parse(event.lastSeen());
            condition.count = event.count();
            condition.lastSent = condition.lastSeen;
            condition.countSent = condition.count;
            return condition;
        }

        boolean clears(Set<String> looked, Instant now, Duration quiet) {
            if (finding.kind() == Kind.OCCURRENCE) {
                return !now.isBefore(lastSeen.plus(quiet));
            }
            return looked.contains(source);
        }

        boolean changedSinceSent() {
            return count != countSent;
        }

        HealthEvent sent(Instant now) {
            lastSent = now;
            countSent = count;
            return event(true);
        }

        HealthEvent event(boolean isOpen) {
            return new HealthEvent(finding.component(), finding.code(), finding.subject(), finding.severity().name(),
                    finding.message(), finding.evidence(), firstSeen.toString(), lastSeen.toString(), count, isOpen);
        }
    }
}
