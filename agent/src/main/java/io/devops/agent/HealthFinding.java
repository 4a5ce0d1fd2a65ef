package io.devops.agent;

/**
 * One thing a health monitor found in one poll. {@code subject} tells apart the same condition on
 * different parts (a GPU's bus id, an InfiniBand port, a mount point); component, code and subject
 * together name the condition. A {@link Kind#STATE} finding holds while a poll still sees it; an
 * {@link Kind#OCCURRENCE} (a kernel-log line, a counter that grew) is seen once per occurrence.
 */
record HealthFinding(String component, String code, String subject, Severity severity, String message, String evidence,
                     Kind kind) {

    /** The most characters of evidence kept: one log line, cut where it runs on. */
    static final int MAX_EVIDENCE = 2000;

    HealthFinding {
        evidence = evidence == null ? null : cut(evidence.strip(), MAX_EVIDENCE);
        message = cut(message, 500);
    }

    static HealthFinding state(String component, String code, String subject, Severity severity, String message,
                               String evidence) {
        return new HealthFinding(component, code, subject, severity, message, evidence, Kind.STATE);
    }

    static HealthFinding occurrence(String component, String code, String subject, Severity severity, String message,
                                    String evidence) {
        return new HealthFinding(component, code, subject, severity, message, evidence, Kind.OCCURRENCE);
    }

    String key() {
        return component + "|" + code + "|" + subject;
    }

    private static String cut(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    enum Severity { INFO, WARNING, CRITICAL }

    enum Kind { STATE, OCCURRENCE }
}
