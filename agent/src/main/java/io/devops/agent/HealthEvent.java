package io.devops.agent;

/**
 * A condition as the server stores it: one per ongoing condition, sent when it opens, again while
 * it lasts (count and lastSeen updated) and when it clears ({@code open} false). Times are ISO-8601
 * UTC. The server keys it by node, component, code, subject and firstSeen, so a re-sent event
 * updates the same row.
 */
record HealthEvent(String component, String code, String subject, String severity, String message, String evidence,
                   String firstSeen, String lastSeen, long count, boolean open) {

    String key() {
        return component + "|" + code + "|" + subject;
    }
}
